import { describe, expect, it } from 'vitest';
import { smallSite } from '@/test-support/small-site';
import { cacheKey, shownOnArticle, shownOnPerson, shownOnQuote, shownOnTopic, type Shown } from './shown';

const site = smallSite();
const names = (entries: readonly Shown[]) => entries.map((entry) => `${entry.collection}/${entry.id}`);

describe('which entries a page shows', () => {
  it('an article page: the article, who wrote and edited it, its quotes, topics, and what its body names', () => {
    const shown = names(shownOnArticle(site, site.article('pipeline-deal')));
    for (const entry of ['articles/pipeline-deal', 'people/jane-doe', 'people/sam-analyst', 'quotes/sam-split', 'topics/energy']) {
      expect(shown).toContain(entry);
    }
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('a person page: their quotes and the articles those stand in', () => {
    const shown = names(shownOnPerson(site, 'sam-analyst'));
    expect(shown).toEqual(expect.arrayContaining(['people/sam-analyst', 'quotes/sam-split', 'articles/pipeline-deal', 'topics/energy']));
  });

  it('a topic page: the topic and what is filed under it', () => {
    const shown = names(shownOnTopic(site, 'energy'));
    expect(shown).toEqual(expect.arrayContaining(['topics/energy', 'quotes/sam-split', 'figures/oil-share', 'routes/caspian-crossing']));
  });

  it('a quote page: the quote, its speaker and its article', () => {
    expect(names(shownOnQuote(site, 'sam-split')).slice(0, 3)).toEqual(['quotes/sam-split', 'people/sam-analyst', 'articles/pipeline-deal']);
  });
});

describe('cacheKey', () => {
  const entries: Shown[] = [
    { collection: 'quotes', id: 'a', digest: '1' },
    { collection: 'people', id: 'b', digest: '2' },
  ];

  it('is the same for the same entries and digests', () => {
    expect(cacheKey(entries)).toBe(cacheKey(entries.map((entry) => ({ ...entry }))));
  });

  it('changes when any entry shown changes, or another joins', () => {
    const key = cacheKey(entries);
    expect(cacheKey([entries[0]!, { ...entries[1]!, digest: '3' }])).not.toBe(key);
    expect(cacheKey([...entries, { collection: 'articles', id: 'c', digest: '4' }])).not.toBe(key);
  });
});
