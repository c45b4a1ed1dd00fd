import { describe, expect, it } from 'vitest';
import { testSite } from '@/test-support/site';
import { dataDocument } from './api';
import { searchFilterOptions } from './search-records';

// Three people whose sort names order them otherwise than the last words of their names would.
const person = (name: string, sortName?: string) => ({
  name,
  ...(sortName ? { sortName } : {}),
  roles: [{ title: 'President', organisation: 'Somewhere' }],
  newsroom: { description: `${name}, for the test.` },
});
const quote = (speaker: string) => ({
  text: `Words of ${speaker}.`,
  speaker,
  role: { title: 'President', organisation: 'Somewhere' },
  kind: 'direct',
  said: { date: '2022-10-25', basis: 'publication' },
  article: 'summit',
  topics: ['summit'],
  newsroom: { context: 'For the test.' },
});
const site = testSite({
  people: {
    'xi-jinping': person('Xi Jinping', 'Xi Jinping'),
    'kassym-jomart-tokayev': person('Kassym-Jomart Tokayev', 'Tokayev, Kassym-Jomart'),
    'vladimir-putin': person('Vladimir Putin'),
    'teri-schultz': person('Teri Schultz'),
  },
  topics: { summit: { name: 'Summit', newsroom: { description: 'For the test.' } } },
  articles: {
    summit: {
      title: 'A summit',
      teaser: 'Three presidents.',
      published: '2022-10-25',
      source: { publisher: 'DW' },
      authors: ['teri-schultz'],
      topics: ['summit'],
      body: '<Quote id="xi" /> <Quote id="tokayev" /> <Quote id="putin" />',
    },
  },
  quotes: { xi: quote('xi-jinping'), tokayev: quote('kassym-jomart-tokayev'), putin: quote('vladimir-putin') },
});

describe('one order of people', () => {
  it('is the same on /people/, in the search page\'s speaker filter and in the API', () => {
    const speakers = new Set(site.quotes.map((quote) => site.person(quote.data.speaker.id).data.name));
    const onPeoplePage = site.people.map((person) => person.data.name).filter((name) => speakers.has(name));
    const inSearchFilter = searchFilterOptions(site).speaker.map((option) => option.value);
    const inApi = (dataDocument(site, 'people', new URL('https://news.example/'))['items'] as { name: string }[])
      .map((p) => p.name)
      .filter((name) => speakers.has(name));
    // By the last words of their names, Xi Jinping would come first.
    expect(onPeoplePage).toEqual(['Vladimir Putin', 'Kassym-Jomart Tokayev', 'Xi Jinping']);
    expect(inSearchFilter).toEqual(onPeoplePage);
    expect(inApi).toEqual(onPeoplePage);
  });
});
