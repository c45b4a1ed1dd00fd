/**
 * The headless content API (/api/v1/): the documents other programs read, built from the same `Site` as the pages.
 *
 * Each entry is its content file as written (references as ids, dates as YYYY-MM-DD, defaults filled in) plus the
 * fields the API adds: its id and the absolute URLs of its page, feed or place in an article. So every document
 * validates against a JSON Schema generated from the zod schemas (src/lib/api-schemas.ts), and an entry read from
 * the API is a valid content file once the added fields are dropped.
 */
import type { FeatureCollection, LineString } from 'geojson';
import { quoteText } from '../../schemas/quote';
import type { Article, Figure, Person, Quote, Route, Site, Topic } from '../content/index';
import { lastModified } from '../rules/articles';
import { collectionNames, registry, type CollectionName } from '../content/registry';
import { isoDate } from '../shared/dates';
import { routeFeatures, toMapRoute, type RouteProperties } from '../map/geo';
import { htmlToText, portableHtml } from './html-text';
import { siteDescription, siteName } from '../shared/site';
import {
  absoluteUrl,
  apiArticleUrl,
  apiCollectionUrl,
  apiIndexUrl,
  apiSchemaUrl,
  articleUrl,
  figureInArticleUrl,
  homeUrl,
  personFeedUrl,
  personUrl,
  quoteInArticleUrl,
  quoteUrl,
  topicFeedUrl,
  topicUrl,
} from '../shared/urls';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** What Astro's `reference()` (and the test stand-in) turns an id into. */
const isReference = (value: unknown): value is { id: string; collection: string } =>
  isPlainObject(value) &&
  Object.keys(value).length === 2 &&
  typeof value['id'] === 'string' &&
  typeof value['collection'] === 'string';

/**
 * Parsed entry data back as a content file writes it: references become ids, dates YYYY-MM-DD, undefined fields are
 * left out. Anything else that is not plain data (a class instance, a function) is refused with its path, so a new
 * kind of field cannot slip into the API half-serialised.
 */
export function toWire(value: unknown, path = 'data'): Json {
  if (value instanceof Date) return isoDate(value);
  if (Array.isArray(value)) return value.map((item, index) => toWire(item, `${path}[${index}]`));
  if (isReference(value)) return value.id;
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, field]) => field !== undefined)
        .map(([key, field]) => [key, toWire(field, `${path}.${key}`)]),
    );
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new Error(`toWire: ${path} is ${String(value)}, which JSON cannot hold as content data.`);
}

const wireObject = (data: unknown, path: string) => toWire(data, path) as JsonObject;

/** The collections the API publishes, in the order the index lists them: all of them, from the registry. */
export const apiCollections = collectionNames;
export type ApiCollection = CollectionName;


/** The URL of a collection's document. */
export const apiDocumentUrl = (collection: ApiCollection) => apiCollectionUrl(collection, registry[collection].api.extension);

/** The rendered body of an article, as the API gives it. */
export interface RenderedBody {
  /** The article's MDX rendered to HTML (src/lib/content/body.ts `bodyHtml` says how). */
  html: string;
}

/** An article: its frontmatter, when it last changed, the URLs of its page and document, and its body three ways. */
export function apiArticle(article: Article, rendered: RenderedBody, origin: URL): JsonObject {
  const { leadImage, ...data } = article.data;
  return {
    id: article.id,
    url: absoluteUrl(articleUrl(article.id), origin),
    apiUrl: absoluteUrl(apiArticleUrl(article.id), origin),
    ...wireObject(data, `articles/${article.id}`),
    // An image file the site holds is published as its absolute URL; the record without a file stays as written.
    ...(leadImage
      ? {
          leadImage: wireObject(
            { ...leadImage, src: leadImage.src ? absoluteUrl(leadImage.src.src, origin) : undefined },
            `articles/${article.id}.leadImage`,
          ),
        }
      : {}),
    lastModified: isoDate(lastModified(article)),
    body: {
      mdx: article.body ?? '',
      html: portableHtml(rendered.html, origin),
      text: htmlToText(rendered.html),
    },
  };
}

export function apiPerson(person: Person, origin: URL): JsonObject {
  return {
    id: person.id,
    url: absoluteUrl(personUrl(person.id), origin),
    feedUrl: absoluteUrl(personFeedUrl(person.id), origin),
    ...wireObject(person.data, `people/${person.id}`),
  };
}

/** A quote: its words as one text and as the segments the article splits it into, and where to read it. */
export function apiQuote(quote: Quote, origin: URL): JsonObject {
  const { text, ...data } = quote.data;
  return {
    id: quote.id,
    url: absoluteUrl(quoteUrl(quote.id), origin),
    inArticleUrl: absoluteUrl(quoteInArticleUrl(quote.data.article.id, quote.id), origin),
    text: quoteText(text),
    segments: Array.isArray(text) ? [...text] : [text],
    ...wireObject(data, `quotes/${quote.id}`),
  };
}

export function apiFigure(figure: Figure, origin: URL): JsonObject {
  return {
    id: figure.id,
    inArticleUrl: absoluteUrl(figureInArticleUrl(figure.data.article.id, figure.id), origin),
    ...wireObject(figure.data, `figures/${figure.id}`),
  };
}

export function apiTopic(topic: Topic, origin: URL): JsonObject {
  return {
    id: topic.id,
    url: absoluteUrl(topicUrl(topic.id), origin),
    feedUrl: absoluteUrl(topicFeedUrl(topic.id), origin),
    ...wireObject(topic.data, `topics/${topic.id}`),
  };
}

/** A collection's document: its entries under `items`. */
export const itemsDocument = (items: JsonObject[]): JsonObject => ({ items });

/**
 * The route of one article's document (src/pages/api/v1/articles/[...id].json.ts) as Astro names it to
 * getStaticPaths: /api/v1/articles.json reads the documents a build left in place from their files.
 */
export const articleDocumentRoute = '/api/v1/articles/[...id].json';

/**
 * A document of items from each item's JSON text: what `jsonResponse(itemsDocument(items))` writes, made without
 * parsing or serialising the items again. /api/v1/articles.json is its articles' own documents (each file's text
 * without its final newline), which a build from the live site takes from the files it left in place.
 */
export const itemsDocumentText = (items: readonly string[]): string => `{"items":[${items.join(',')}]}\n`;

/** The data collections published as one JSON document each: every collection but articles (own documents) and routes (GeoJSON). */
export const dataCollections = collectionNames.filter(
  (name): name is Exclude<CollectionName, 'articles' | 'routes'> => name !== 'articles' && registry[name].api.extension === 'json',
);
export type DataCollection = (typeof dataCollections)[number];

/**
 * A data collection's document: its entries in the Site's order (people by family name, quotes newest first), each
 * with the fields its kind adds; a collection without its own serialiser gets its id and its data as written.
 */
export function dataDocument(site: Site, collection: DataCollection, origin: URL): JsonObject {
  const serialisers: { [N in DataCollection]?: (entry: Site[N][number]) => JsonObject } = {
    people: (person) => apiPerson(person, origin),
    quotes: (quote) => apiQuote(quote, origin),
    figures: (figure) => apiFigure(figure, origin),
    topics: (topic) => apiTopic(topic, origin),
  };
  const serialise = (serialisers[collection] ?? ((entry) => ({ id: entry.id, ...wireObject(entry.data, `${collection}/${entry.id}`) }))) as (
    entry: { id: string; data: unknown },
  ) => JsonObject;
  return itemsDocument((site[collection] as readonly { id: string; data: unknown }[]).map(serialise));
}

/**
 * The routes as a GeoJSON FeatureCollection: one LineString per route through its waypoints (the lines the map
 * draws, src/lib/geo.ts), with the route's entry as the feature's properties.
 */
export function apiRoutes(site: Site): FeatureCollection<LineString, RouteProperties & JsonObject> {
  const collection = routeFeatures(site.routes.map((route) => toMapRoute(route, site.place)));
  const entries = new Map<string, Route>(site.routes.map((route) => [route.id, route]));
  return {
    ...collection,
    features: collection.features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, ...wireObject(entries.get(feature.properties.route)!.data, `routes/${feature.properties.route}`) },
    })),
  };
}

/** The index document: the site, and every collection with its document, JSON Schema and count. */
export function apiIndex(site: Site, origin: URL): JsonObject {
  const absolute = (href: string) => absoluteUrl(href, origin);
  return {
    version: 'v1',
    url: absolute(apiIndexUrl()),
    schema: absolute(apiSchemaUrl('index')),
    site: { name: siteName, description: siteDescription, url: absolute(homeUrl()) },
    collections: apiCollections.map((collection) => ({
      name: collection,
      description: registry[collection].api.description,
      url: absolute(apiDocumentUrl(collection)),
      mediaType: registry[collection].api.mediaType,
      schema: absolute(apiSchemaUrl(collection)),
      count: site[collection].length,
      ...(collection === 'articles'
        ? { itemSchema: absolute(apiSchemaUrl('article')), itemUrls: site.articles.map((article) => absolute(apiArticleUrl(article.id))) }
        : {}),
    })),
  };
}

/** A static JSON response; prerendered, its body becomes the file (the server's own mapping decides its type). */
export function jsonResponse(data: unknown, mediaType = 'application/json', indent?: number): Response {
  return jsonTextResponse(`${JSON.stringify(data, null, indent)}\n`, mediaType);
}

/** A JSON document already written as text. */
export function jsonTextResponse(text: string, mediaType = 'application/json'): Response {
  return new Response(text, { headers: { 'Content-Type': `${mediaType}; charset=utf-8` } });
}
