import { describe, expect, it } from 'vitest';
import { count, firstWords } from './text';

describe('count', () => {
  it('says one quote, two quotes, and groups thousands', () => {
    expect(count(1, 'quote')).toBe('1 quote');
    expect(count(0, 'article')).toBe('0 articles');
    expect(count(1200, 'person', 'people')).toBe('1,200 people');
  });
});

describe('firstWords', () => {
  it('keeps a short text whole and cuts a long one at a word, marking the cut', () => {
    expect(firstWords('We are pro-Kazakh.')).toBe('We are pro-Kazakh.');
    expect(firstWords('In the whole Eurasian region, Kazakhstan is kind of the last predictable partner', 40)).toBe(
      'In the whole Eurasian region, Kazakhstan…',
    );
  });
});
