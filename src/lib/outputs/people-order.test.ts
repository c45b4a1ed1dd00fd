import { describe, expect, it } from 'vitest';
import { article, person, quote, role, topic } from '@/test-support/fixtures';
import { testSite } from '@/test-support/site';
import { dataDocument } from './api';
import { searchFilterOptions } from './search-records';

// Three people whose sort names order them otherwise than the last words of their names would.
const president = role('President', 'Somewhere');
const speaker = (speaker: string) => quote({ speaker, role: president, article: 'summit', topics: ['summit'] });
const site = testSite({
  people: {
    'xi-jinping': person('Xi Jinping', { roles: [president], sortName: 'Xi Jinping' }),
    'kassym-jomart-tokayev': person('Kassym-Jomart Tokayev', { roles: [president], sortName: 'Tokayev, Kassym-Jomart' }),
    'vladimir-putin': person('Vladimir Putin', { roles: [president] }),
    'teri-schultz': person('Teri Schultz', { roles: [president] }),
  },
  topics: { summit: topic('Summit') },
  articles: {
    summit: article({
      title: 'A summit',
      teaser: 'Three presidents.',
      authors: ['teri-schultz'],
      topics: ['summit'],
      body: '<Quote id="xi" /> <Quote id="tokayev" /> <Quote id="putin" />',
    }),
  },
  quotes: { xi: speaker('xi-jinping'), tokayev: speaker('kassym-jomart-tokayev'), putin: speaker('vladimir-putin') },
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
