import { describe, expect, it } from 'vitest';
import { contentSchemas } from '@/schemas/standalone';
import { schemaProblems } from '@/test-support/json-schema';
import { caspianCrossing, origin, smallSite } from '@/test-support/small-site';
import {
  apiArticle,
  apiCollections,
  apiIndex,
  dataCollections,
  dataDocument,
  apiRoutes,
  itemsDocument,
  itemsDocumentText,
  jsonResponse,
  toWire,
  type DataCollection,
  type JsonObject,
} from './api';
import { apiSchema } from './api-schemas';

const site = smallSite();
const rendered = {
  html: '<p>Sam says &quot;<a class="quote" id="quote-sam-split" href="/quotes/sam-split/" data-astro-cid-x>We will build it</a>,&quot;</p>',
};
const documents = {
  articles: itemsDocument(site.articles.map((article) => apiArticle(article, rendered, origin))),
  ...(Object.fromEntries(dataCollections.map((name) => [name, dataDocument(site, name, origin)])) as Record<DataCollection, JsonObject>),
  routes: apiRoutes(site),
};
const items = (name: Exclude<keyof typeof documents, 'routes'>) => documents[name].items as JsonObject[];

/** An API entry without the fields the API adds: what the content file holds. */
const asFile = (entry: JsonObject, added: string[]) => Object.fromEntries(Object.entries(entry).filter(([key]) => !added.includes(key)));

describe('toWire', () => {
  it('writes references as ids and dates as YYYY-MM-DD, and leaves out undefined fields', () => {
    expect(
      toWire({ speaker: { id: 'sam', collection: 'people' }, said: new Date('2022-10-25T00:00:00Z'), note: undefined, n: 4 }),
    ).toEqual({ speaker: 'sam', said: '2022-10-25', n: 4 });
  });

  it('refuses what is not plain data, naming where it is', () => {
    expect(() => toWire({ image: { src: new URL('https://x.example/') } })).toThrow('data.image.src');
    expect(() => toWire({ value: Number.NaN })).toThrow('data.value');
  });
});

describe('the API documents', () => {
  it('each validate against the JSON Schema the API publishes for them', () => {
    for (const name of apiCollections) expect(schemaProblems(apiSchema(name), documents[name]), name).toEqual([]);
    for (const article of items('articles')) expect(schemaProblems(apiSchema('article'), article)).toEqual([]);
    expect(schemaProblems(apiSchema('index'), apiIndex(site, origin))).toEqual([]);
  });

  it('hold each entry as its content file would be written: parsing it back gives the same data', () => {
    const back = (collection: keyof typeof contentSchemas, entry: JsonObject, added: string[]) =>
      toWire(contentSchemas[collection].parse(asFile(entry, added)));
    for (const person of items('people')) expect(back('people', person, ['id', 'url', 'feedUrl'])).toEqual(asFile(person, ['id', 'url', 'feedUrl']));
    for (const figure of items('figures')) expect(back('figures', figure, ['id', 'inArticleUrl'])).toEqual(asFile(figure, ['id', 'inArticleUrl']));
    for (const place of items('places')) expect(back('places', place, ['id'])).toEqual(asFile(place, ['id']));
    const article = items('articles').find((entry) => entry['id'] === 'pipeline-deal')!;
    const articleAdded = ['id', 'url', 'apiUrl', 'lastModified', 'body'];
    expect(back('articles', article, articleAdded)).toEqual(asFile(article, articleAdded));
  });

  it('refuse an unknown field and a missing default, as the published schemas say', () => {
    const [person] = items('people');
    expect(schemaProblems(apiSchema('people'), { items: [{ ...person, nickname: 'x' }] })).not.toEqual([]);
    const { editors: _, ...withoutEditors } = items('articles')[0]!;
    expect(schemaProblems(apiSchema('article'), withoutEditors).join()).toContain("must have required property 'editors'");
  });
});

describe('an article in the API', () => {
  const article = items('articles').find((entry) => entry['id'] === 'pipeline-deal')!;

  it('has its page, its own document, ids for references and its last change', () => {
    expect(article).toMatchObject({
      url: 'https://news.example/articles/pipeline-deal/',
      apiUrl: 'https://news.example/api/v1/articles/pipeline-deal.json',
      authors: ['jane-doe'],
      editors: ['sam-analyst'],
      topics: ['energy', 'politics'],
      published: '2022-10-25',
      updated: '2022-10-27',
      lastModified: '2022-11-02',
      corrections: [{ date: '2022-11-02', kind: 'correction', text: 'An earlier version misnamed the port.' }],
      leadImage: { alt: 'A pipeline', caption: 'The pipeline.', credit: 'Image: Someone' },
    });
    expect(article['leadImage']).not.toHaveProperty('src');
  });

  it('gives its body as the MDX written, portable HTML and plain text', () => {
    expect(article['body']).toEqual({
      mdx: 'Sam says "<Quote id="sam-split" speaker="sam-analyst" kind="direct">We will build it</Quote>," and then "<Quote id="sam-split" speaker="sam-analyst" kind="direct">and it will carry oil.</Quote>"',
      html: '<p>Sam says &quot;<a class="quote" id="quote-sam-split" href="https://news.example/quotes/sam-split/">We will build it</a>,&quot;</p>',
      text: 'Sam says "We will build it,"',
    });
  });
});

describe('the articles document', () => {
  it('is the text of its articles\' own documents, joined: the same as the articles serialised whole', async () => {
    expect(site.articles.length).toBeGreaterThan(1);
    const own = site.articles.map((article) => JSON.stringify(apiArticle(article, rendered, origin)));
    expect(itemsDocumentText(own)).toBe(await jsonResponse(documents.articles).text());
  });
});

describe('a quote in the API', () => {
  it('gives its words whole and in segments, the speaker as an id, its permalink and its place in the article', () => {
    expect(items('quotes')[0]).toMatchObject({
      id: 'sam-split',
      url: 'https://news.example/quotes/sam-split/',
      inArticleUrl: 'https://news.example/articles/pipeline-deal/#quote-sam-split',
      text: 'We will build it and it will carry oil.',
      segments: ['We will build it', 'and it will carry oil.'],
      speaker: 'sam-analyst',
      role: { title: 'Analyst', organisation: 'Carnegie' },
      kind: 'direct',
      said: { date: '2022-10-01', precision: 'month', wording: 'In October', basis: 'stated' },
      article: 'pipeline-deal',
    });
  });
});

describe('the routes document', () => {
  it('is GeoJSON: a LineString through the waypoints in [longitude, latitude], with the route entry as properties', () => {
    expect(documents.routes).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'caspian-crossing',
          geometry: { type: 'LineString', coordinates: [[51.17, 43.65], [49.87, 40.41]] },
          properties: { route: 'caspian-crossing', ...caspianCrossing },
        },
      ],
    });
  });
});

describe('the index', () => {
  it('lists every collection with its document, schema and count', () => {
    const index = apiIndex(site, origin) as { collections: JsonObject[] };
    expect(index.collections.map(({ name, url, schema, count, mediaType }) => ({ name, url, schema, count, mediaType }))).toEqual(
      apiCollections.map((name) => ({
        name,
        url: `https://news.example/api/v1/${name}.${name === 'routes' ? 'geojson' : 'json'}`,
        schema: `https://news.example/api/v1/schemas/${name}.schema.json`,
        count: { articles: 2, people: 2, quotes: 1, figures: 1, topics: 2, places: 2, routes: 1 }[name],
        mediaType: name === 'routes' ? 'application/geo+json' : 'application/json',
      })),
    );
    expect(index.collections[0]!['itemUrls']).toEqual([
      'https://news.example/api/v1/articles/pipeline-deal.json',
      'https://news.example/api/v1/articles/older-piece.json',
    ]);
  });
});
