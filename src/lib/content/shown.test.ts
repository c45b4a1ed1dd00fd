import { describe, expect, it } from 'vitest';
import { article, person, quote, role, topic } from '@/test-support/fixtures';
import { testSite, type RawCollections } from '@/test-support/site';
import { smallSite } from '@/test-support/small-site';
import { filtersShown } from '../rules/listing';
import { cacheKey, keyedListing, listingOwnLinks, shownInFeed, shownOnArticle, shownOnLocator, shownOnPerson, shownOnQuote, shownOnRouteMap, shownOnTopic, type ListingFilter, type Shown } from './shown';

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

/**
 * A newsroom where Ann is quoted 21 times (a front page of 20 and a page 1 holding her oldest quote), on more topics
 * than a row shows; Ben once, and Dan once before anyone, on her first topic, so that on that topic's listing Dan is on
 * page 1 only; `extra` adds or replaces entries, as a publish or an edit does.
 */
function newsroom(extra: RawCollections = {}) {
  const analyst = role('Analyst', 'Test');
  const topics = Array.from({ length: filtersShown + 2 }, (_, i) => `t${String(i).padStart(2, '0')}`);
  const day = (i: number) => `2022-01-${String(i + 1).padStart(2, '0')}`;
  const raw: RawCollections = {
    people: { ann: person('Ann Able'), ben: person('Ben Bell'), cat: person('Cat Cole'), dan: person('Dan Dale') },
    topics: Object.fromEntries([...topics, 'other'].map((id) => [id, topic(`Topic ${id}`)])),
    articles: {
      ...Object.fromEntries(Array.from({ length: 22 }, (_, i) => [`a${i}`, article({ authors: ['ann'], topics: ['other'], published: day(i) })])),
      first: article({ authors: ['ann'], topics: ['other'], published: '2021-12-01' }),
    },
    quotes: {
      // Her oldest quote, on page 1: the only one on the last two topics, so they are the two a row leaves out.
      'ann-0': quote({ speaker: 'ann', role: analyst, article: 'a0', topics: topics.slice(-2) }),
      // Each topic of the row in more of her quotes than those two.
      ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`ann-${i + 1}`, quote({ speaker: 'ann', role: analyst, article: `a${i + 1}`, topics: topics.slice(0, -2) })])),
      'ben-0': quote({ speaker: 'ben', role: analyst, article: 'a21', topics: ['t00'] }),
      'dan-0': quote({ speaker: 'dan', role: analyst, article: 'first', topics: ['t00'] }),
    },
  };
  for (const [collection, entries] of Object.entries(extra)) Object.assign((raw[collection as keyof RawCollections] ??= {}), entries);
  return { site: testSite(raw), topics };
}
/** The front page's key of a listing: all quotes, a speaker's or a topic's. */
const frontKey = (site: ReturnType<typeof newsroom>['site'], filter: ListingFilter) => {
  const quotes = !filter ? site.quotes : 'speaker' in filter ? site.quotesBy(filter.speaker) : site.quotesOn(filter.topic);
  const about = !filter ? undefined : 'speaker' in filter ? site.person(filter.speaker) : site.topic(filter.topic);
  const pages = keyedListing(site, quotes, filter, about);
  expect(pages[0]!.page.number).toBeUndefined();
  return pages[0]!.cacheKey;
};

describe("a filtered quotes listing's own links", () => {
  it("a speaker's: the topics of all their quotes, the dozen in the most of them by name, and how many are left out", () => {
    const { site, topics } = newsroom();
    const own = listingOwnLinks(site, { speaker: 'ann' })!;
    expect(own.kind).toBe('topics');
    expect(own.shown.map((link) => link.id)).toEqual(topics.slice(0, filtersShown));
    expect(own.shown.map((link) => link.quotes)).toEqual(topics.slice(0, filtersShown).map(() => 20));
    expect(own.more).toBe(2);
  });

  it("a topic's: the people quoted on it, with how many of its quotes are theirs", () => {
    const { site } = newsroom();
    expect(listingOwnLinks(site, { topic: 't00' })).toEqual({
      kind: 'speakers',
      shown: [
        { id: 'ann', name: 'Ann Able', entry: site.person('ann'), quotes: 20 },
        { id: 'ben', name: 'Ben Bell', entry: site.person('ben'), quotes: 1 },
        { id: 'dan', name: 'Dan Dale', entry: site.person('dan'), quotes: 1 },
      ],
      more: 0,
    });
    expect(listingOwnLinks(site, undefined)).toBeUndefined();
  });
});

describe("a quotes listing's front page keys", () => {
  // Cat, quoted for the first time, on a topic Ann is quoted on.
  const published = {
    articles: { new: article({ authors: ['cat'], topics: ['other'], published: '2022-02-01' }) },
    quotes: { 'cat-0': quote({ speaker: 'cat', role: role('Analyst', 'Test'), article: 'new', topics: ['t01'] }) },
  };

  it("after a quote is published elsewhere, stay the same for every speaker and topic whose quotes it is not among, and change for /quotes/ and its own", () => {
    const before = newsroom().site;
    const after = newsroom(published).site;
    for (const filter of [{ speaker: 'ann' }, { speaker: 'ben' }, { topic: 't00' }, { topic: 't13' }]) expect(frontKey(after, filter)).toBe(frontKey(before, filter));
    for (const filter of [undefined, { topic: 't01' }]) expect(frontKey(after, filter)).not.toBe(frontKey(before, filter));
  });

  it("change with the links made from the listing's own quotes, even where the quotes on the front page stay the same", () => {
    const { site, topics } = newsroom();
    // Her oldest quote, on page 1, moved to another left-out topic: the front page's cards are the same, its row is not.
    const moved = newsroom({ quotes: { 'ann-0': quote({ speaker: 'ann', role: role('Analyst', 'Test'), article: 'a0', topics: [topics.at(-1)!] }) } }).site;
    expect(listingOwnLinks(moved, { speaker: 'ann' })!.more).toBe(1);
    expect(frontKey(moved, { speaker: 'ann' })).not.toBe(frontKey(site, { speaker: 'ann' }));
    // The first topic's row names Dan, whose one quote there is on its page 1: renaming him changes its front page.
    expect(keyedListing(site, site.quotesOn('t00'), { topic: 't00' })[0]!.page.items.map((q) => q.id)).not.toContain('dan-0');
    const renamed = newsroom().site;
    Object.assign(renamed.person('dan'), { digest: 'renamed' });
    expect(frontKey(renamed, { topic: 't00' })).not.toBe(frontKey(site, { topic: 't00' }));
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
