import { describe, expect, it } from 'vitest';
import { quoted } from '../rules/typography';
import { origin, smallSite } from '@/test-support/small-site';
import { article, person, quote, role, topic } from '@/test-support/fixtures';
import { testSite } from '@/test-support/site';
import {
  articleBreadcrumbs,
  headline,
  headlineMaxLength,
  newsArticle,
  personBreadcrumbs,
  personThing,
  quotation,
  quoteBreadcrumbs,
  topicBreadcrumbs,
  topicCollection,
  type Thing,
} from './structured-data';

const site = smallSite();

describe('NewsArticle', () => {
  const article = newsArticle(site, site.article('pipeline-deal'), origin);

  it('has what Google asks for: headline, dates, authors with URLs, this site as publisher with its logo', () => {
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'A pipeline deal',
      datePublished: '2022-10-25',
      dateModified: '2022-11-02',
      url: 'https://news.example/articles/pipeline-deal/',
      mainEntityOfPage: 'https://news.example/articles/pipeline-deal/',
      author: [{ '@type': 'Person', name: 'Jane Doe', url: 'https://news.example/people/jane-doe/' }],
      editor: [{ '@type': 'Person', name: 'Sam Analyst', url: 'https://news.example/people/sam-analyst/' }],
      publisher: {
        '@type': 'Organization',
        name: 'Newsroom',
        url: 'https://news.example/',
        logo: { '@type': 'ImageObject', url: 'https://news.example/favicon.svg' },
      },
      isBasedOn: {
        '@type': 'NewsArticle',
        publisher: { '@type': 'Organization', name: 'DW' },
        url: 'https://www.dw.com/en/a-pipeline-deal/a-1',
      },
    });
  });

  it('states no image when the site has only the image record, not the file', () => {
    expect(article).not.toHaveProperty('image');
  });

  it('has no editor property for an article without editors', () => {
    expect(newsArticle(site, site.article('older-piece'), origin)).not.toHaveProperty('editor');
  });

  it('cuts a headline over 110 characters at a word, and leaves one of exactly 110 alone', () => {
    const long = `${'Kazakhstan weighs '.repeat(7)}its options`;
    expect(long.length).toBeGreaterThan(headlineMaxLength);
    expect(headline(long).length).toBeLessThanOrEqual(headlineMaxLength);
    expect(headline(long)).toMatch(/^Kazakhstan weighs .*[a-z]…$/);
    const exact = 'x'.repeat(headlineMaxLength);
    expect(headline(exact)).toBe(exact);
  });
});

describe('breadcrumbs', () => {
  const trail = (thing: Thing) =>
    (thing['itemListElement'] as { position: number; name: string; item: string }[]).map(({ position, name, item }) => `${position} ${name} ${item}`);

  it('lead from the home page to the page itself on articles, people, topics and quotes', () => {
    expect(trail(articleBreadcrumbs(site, site.article('pipeline-deal'), origin))).toEqual([
      '1 Newsroom https://news.example/',
      '2 Energy & pipelines https://news.example/topics/energy/',
      '3 A pipeline deal https://news.example/articles/pipeline-deal/',
    ]);
    expect(trail(personBreadcrumbs(site.person('jane-doe'), origin))).toEqual([
      '1 Newsroom https://news.example/',
      '2 People https://news.example/people/',
      '3 Jane Doe https://news.example/people/jane-doe/',
    ]);
    expect(trail(topicBreadcrumbs(site.topic('politics'), origin))).toEqual([
      '1 Newsroom https://news.example/',
      '2 Topics https://news.example/topics/',
      '3 Politics https://news.example/topics/politics/',
    ]);
    expect(trail(quoteBreadcrumbs(site, site.quote('sam-split'), origin))).toEqual([
      '1 Newsroom https://news.example/',
      '2 Quotes https://news.example/quotes/',
      '3 Sam Analyst https://news.example/quotes/by/sam-analyst/',
      `4 ${quoted('We will build it and it will carry oil.')} https://news.example/quotes/sam-split/`,
    ]);
  });
});

describe('Person, Quotation and CollectionPage', () => {
  it('describe a person by their current role, with Wikidata only when the entry has it', () => {
    expect(personThing(site.person('sam-analyst'), origin)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Sam Analyst',
      url: 'https://news.example/people/sam-analyst/',
      description: 'An analyst, for the test.',
      jobTitle: 'Analyst',
      worksFor: { '@type': 'Organization', name: 'Carnegie' },
      sameAs: ['https://www.wikidata.org/wiki/Q42'],
    });
    expect(personThing(site.person('jane-doe'), origin)).not.toHaveProperty('sameAs');
  });

  it('state no job for a person whose latest role has ended, and the job until then', () => {
    const until = new Date('2019-03-20');
    const former = testSite({
      people: { p: person('P Q', { roles: [{ ...role('President', 'Kazakhstan'), newsroom: { until: '2019-03-20' } }] }) },
      topics: { t: topic('T') },
      articles: { a: article({ published: '2022-01-01', authors: ['p'], topics: ['t'] }) },
    });
    const thing = personThing(former.person('p'), origin, new Date('2022-10-25'));
    expect(thing).toMatchObject({ '@type': 'Person', name: 'P Q' });
    expect(thing).not.toHaveProperty('jobTitle');
    expect(thing).not.toHaveProperty('worksFor');
    expect(personThing(former.person('p'), origin, new Date(until.getTime() - 86_400_000))).toMatchObject({
      jobTitle: 'President',
      worksFor: { '@type': 'Organization', name: 'Kazakhstan' },
    });
  });

  it('attribute a quote to its speaker in their role then, with the date only as precisely as it is known', () => {
    expect(quotation(site, site.quote('sam-split'), origin)).toMatchObject({
      '@type': 'Quotation',
      text: 'We will build it and it will carry oil.',
      url: 'https://news.example/quotes/sam-split/',
      spokenByCharacter: { '@type': 'Person', name: 'Sam Analyst', jobTitle: 'Analyst', url: 'https://news.example/people/sam-analyst/' },
      dateCreated: '2022-10',
      isPartOf: { '@type': 'NewsArticle', url: 'https://news.example/articles/pipeline-deal/', datePublished: '2022-10-25' },
    });
  });

  it('give a quote no date when the article does not say when it was said', () => {
    const undated = testSite({
      people: { p: person('P Q', { roles: [role('T', 'O')] }) },
      topics: { t: topic('T') },
      articles: { a: article({ published: '2022-01-01', authors: ['p'], topics: ['t'] }) },
      quotes: { q: quote({ speaker: 'p', role: role('T', 'O'), article: 'a', said: { date: '2022-01-01', basis: 'publication' }, topics: ['t'] }) },
    });
    expect(quotation(undated, undated.quote('q'), origin)).not.toHaveProperty('dateCreated');
  });

  it('name a topic page as a collection on this site', () => {
    expect(topicCollection(site.topic('energy'), origin)).toMatchObject({
      '@type': 'CollectionPage',
      name: 'Energy & pipelines',
      url: 'https://news.example/topics/energy/',
      isPartOf: { '@type': 'WebSite', url: 'https://news.example/' },
    });
  });
});
