import { describe, expect, it } from 'vitest';
import { smallSite } from '@/test-support/small-site';
import { cacheKey, keyedListing, shownInFeed, shownOnArticle, shownOnLocator, shownOnPerson, shownOnQuote, shownOnRouteMap, shownOnTopic, type Shown } from './shown';

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

describe('which entries the parts of pages show', () => {
  it('a route map: its route, the places it runs through, what is reported where, its figures and topics', () => {
    const shown = names(shownOnRouteMap(site, [site.route('caspian-crossing')]));
    expect(shown).toEqual(expect.arrayContaining(['routes/caspian-crossing', 'places/aktau', 'places/baku', 'articles/pipeline-deal', 'figures/oil-share', 'topics/energy']));
  });

  it("an article's locator map: the places the article names, each once", () => {
    const article = site.articles.find((entry) => entry.data.places.length > 0)!;
    expect(names(shownOnLocator(site, article))).toEqual([...new Set(article.data.places.map((ref) => `places/${ref.id}`))]);
  });

  it('a person page names the article that stated a role', () => {
    expect(names(shownOnPerson(site, 'jane-doe'))).toContain('articles/pipeline-deal');
  });

  it("a topic page shows its route map's places", () => {
    expect(names(shownOnTopic(site, 'energy'))).toEqual(expect.arrayContaining(['places/aktau', 'places/baku']));
  });

  it("a feed: its articles with their authors' names and topics", () => {
    const shown = names(shownInFeed(site, site.topic('politics'), site.topicItems('politics').articles));
    expect(shown).toEqual(expect.arrayContaining(['topics/politics', 'articles/pipeline-deal', 'articles/older-piece', 'people/jane-doe', 'topics/energy']));
  });

  it("a quotes listing's pages get the same keys from the same content, built twice", () => {
    const keys = (about: typeof site) => keyedListing(about, about.quotes, undefined).map(({ cacheKey: key }) => key);
    const same = keys(smallSite());
    expect(keys(site)).toEqual(same);
    expect(same.length).toBeGreaterThan(0);
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

  it('changes with anything else the page prints', () => {
    expect(cacheKey(entries, 3)).not.toBe(cacheKey(entries, 4));
    expect(cacheKey(entries, 3)).not.toBe(cacheKey(entries));
  });

  it('changes when any entry shown changes, or another joins', () => {
    const key = cacheKey(entries);
    expect(cacheKey([entries[0]!, { ...entries[1]!, digest: '3' }])).not.toBe(key);
    expect(cacheKey([...entries, { collection: 'articles', id: 'c', digest: '4' }])).not.toBe(key);
  });
});
