/**
 * The JSON Schemas of the content API's documents (/api/v1/schemas/<name>.schema.json), built from the same zod
 * schemas as the site through the generator `npm run schemas` uses (src/lib/json-schemas.ts): each entry schema
 * describes the file as written, then gains the fields the API adds (src/lib/api.ts) and is wrapped in its
 * document's shape. Fields a file may leave out for their defaults are required here: the API fills them in.
 */
import type { CollectionName } from '../content/registry';
import { apiCollections, type ApiCollection } from './api';
import { entryJsonSchema, type JsonSchema } from './json-schemas';

/** Every schema the API publishes: one per collection document, the single-article document and the index. */
export const apiSchemaNames = ['index', ...apiCollections, 'article'] as const;
export type ApiSchemaName = (typeof apiSchemaNames)[number];

const draft = 'https://json-schema.org/draft/2020-12/schema';

const uri = (description: string): JsonSchema => ({ type: 'string', format: 'uri', description });
const text = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description });
const id = text('The entry\'s id: its file name in the content folder, without the extension.');

interface ObjectSchema extends JsonSchema {
  properties: Record<string, JsonSchema>;
  required?: string[];
}

const isObjectSchema = (schema: unknown): schema is ObjectSchema =>
  typeof schema === 'object' && schema !== null && 'properties' in schema;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The input schema (what a file may hold) with the `required` lists of the output schema (what parsing gives) at
 * every depth: a field a file may leave out for its default is always in the API, so the API's schema requires it.
 * The two schemas share their shape wherever there are object properties, so they are walked side by side.
 */
export function requireParsedFields(input: JsonSchema, output: JsonSchema): JsonSchema {
  const walk = (node: unknown, parsed: unknown): unknown => {
    if (Array.isArray(node)) return node.map((item, index) => walk(item, Array.isArray(parsed) ? parsed[index] : undefined));
    if (!isRecord(node)) return node;
    const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, isRecord(parsed) ? parsed[key] : undefined)]));
    if (isObjectSchema(copy) && isRecord(parsed) && Array.isArray(parsed['required'])) {
      const present = (parsed['required'] as string[]).filter((key) => key in copy.properties);
      copy.required = [...new Set([...(copy.required ?? []), ...present])];
    }
    return copy;
  };
  return walk(input, output) as JsonSchema;
}

/** An entry schema with fields added before its own (and some of its own replaced); unknown fields still refused. */
function extend(collection: CollectionName, added: Record<string, JsonSchema>, replaced: Record<string, JsonSchema> = {}): ObjectSchema {
  const entry = requireParsedFields(entryJsonSchema(collection), entryJsonSchema(collection, 'output'));
  if (!isObjectSchema(entry)) throw new Error(`The ${collection} schema is not an object schema.`);
  const { $schema: _, properties, required = [], ...rest } = entry;
  return {
    ...rest,
    type: 'object',
    properties: { ...added, ...properties, ...replaced },
    required: [...new Set([...Object.keys(added), ...required, ...Object.keys(replaced)])],
  };
}

/** The schema of one API entry of each collection (a route's is its GeoJSON feature's properties). */
export function apiEntrySchema(collection: ApiCollection): ObjectSchema {
  switch (collection) {
    case 'articles': {
      const entry = extend(
        'articles',
        { id, url: uri('The article\'s page.'), apiUrl: uri('The article\'s own document in this API.') },
        {
          lastModified: {
            type: 'string',
            format: 'date',
            description: 'When the article last changed: its publication, update or latest correction date, YYYY-MM-DD.',
          },
          body: {
            type: 'object',
            description: 'The article\'s body.',
            properties: {
              mdx: { type: 'string', description: 'The MDX source as the journalist wrote it, without frontmatter.' },
              html: {
                type: 'string',
                description:
                  'The body rendered to HTML with absolute links: quotes link to their pages, names to people\'s pages. ' +
                  'Fact boxes and maps, which this site adds, are left out: see figures.json and routes.geojson.',
              },
              text: { type: 'string', description: 'The body as plain text, one paragraph per block, separated by a blank line.' },
            },
            required: ['mdx', 'html', 'text'],
            additionalProperties: false,
          },
        },
      );
      // The API publishes an image file as its URL on this site, where the content file has a path beside the article.
      const leadImage = entry.properties['leadImage'] as ObjectSchema;
      entry.properties['leadImage'] = {
        ...leadImage,
        properties: { ...leadImage.properties, src: uri('The image file on this site, when the site has it.') },
      };
      return entry;
    }
    case 'people':
      return extend('people', {
        id,
        url: uri('The person\'s page.'),
        feedUrl: uri('RSS feed of the articles they wrote, edited, are quoted or mentioned in.'),
      });
    case 'quotes': {
      const entry = extend('quotes', {
        id,
        url: uri('The quote\'s own page (its permalink).'),
        inArticleUrl: uri('The quote where it stands in its article.'),
      });
      return {
        ...entry,
        properties: {
          ...entry.properties,
          text: text('The words exactly as published, without the surrounding quotation marks; segments joined by a space.'),
          segments: {
            type: 'array',
            minItems: 1,
            items: { type: 'string', minLength: 1 },
            description: 'The statement as the article splits it with "he said", in order; one segment when it is not split.',
          },
        },
        required: [...new Set([...(entry.required ?? []), 'segments'])],
      };
    }
    case 'figures':
      return extend('figures', { id, inArticleUrl: uri('The figure\'s fact box in its article.') });
    case 'topics':
      return extend('topics', { id, url: uri('The topic\'s page.'), feedUrl: uri('RSS feed of the articles on the topic.') });
    case 'routes':
      return extend('routes', { route: id });
    default:
      // A collection with no fields of its own in the API: its id and its entry as written (as dataDocument gives it).
      return extend(collection, { id });
  }
}

const document = (title: string, description: string, body: JsonSchema): JsonSchema => ({
  $schema: draft,
  title: `Newsroom content API v1: ${title}`,
  description: `${description} Generated from the site's zod schemas (src/schemas/).`,
  ...body,
});

const itemsDocument = (collection: ApiCollection): JsonSchema => ({
  type: 'object',
  properties: { items: { type: 'array', items: apiEntrySchema(collection) } },
  required: ['items'],
  additionalProperties: false,
});

const position: JsonSchema = {
  type: 'array',
  prefixItems: [
    { type: 'number', minimum: -180, maximum: 180, description: 'Longitude' },
    { type: 'number', minimum: -90, maximum: 90, description: 'Latitude' },
  ],
  minItems: 2,
  maxItems: 2,
};

/** A GeoJSON FeatureCollection (RFC 7946) of route LineStrings. */
const routesDocument: JsonSchema = {
  type: 'object',
  properties: {
    type: { const: 'FeatureCollection' },
    features: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { const: 'Feature' },
          id,
          geometry: {
            type: 'object',
            properties: {
              type: { const: 'LineString' },
              coordinates: { type: 'array', minItems: 2, items: position, description: 'The waypoints, [longitude, latitude].' },
            },
            required: ['type', 'coordinates'],
          },
          properties: apiEntrySchema('routes'),
        },
        required: ['type', 'id', 'geometry', 'properties'],
      },
    },
  },
  required: ['type', 'features'],
};

const indexDocument: JsonSchema = {
  type: 'object',
  properties: {
    version: { const: 'v1' },
    url: uri('This document.'),
    schema: uri('This document\'s JSON Schema.'),
    site: {
      type: 'object',
      properties: { name: text('The site\'s name.'), description: text('What the site is.'), url: uri('Its home page.') },
      required: ['name', 'description', 'url'],
      additionalProperties: false,
    },
    collections: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { enum: [...apiCollections] },
          description: text('What the collection holds.'),
          url: uri('The collection\'s document.'),
          mediaType: { enum: ['application/json', 'application/geo+json'] },
          schema: uri('The JSON Schema the document validates against.'),
          count: { type: 'integer', minimum: 0, description: 'How many entries the document holds.' },
          itemSchema: uri('The JSON Schema of each entry\'s own document.'),
          itemUrls: { type: 'array', items: { type: 'string', format: 'uri' }, description: 'Each entry\'s own document.' },
        },
        required: ['name', 'description', 'url', 'mediaType', 'schema', 'count'],
        additionalProperties: false,
      },
    },
  },
  required: ['version', 'url', 'schema', 'site', 'collections'],
  additionalProperties: false,
};

/** The JSON Schema published as /api/v1/schemas/<name>.schema.json. */
export function apiSchema(name: ApiSchemaName): JsonSchema {
  switch (name) {
    case 'index':
      return document('index', 'The API\'s index: every collection with its document, schema and count.', indexDocument);
    case 'article':
      return document('one article', 'One article\'s document: /api/v1/articles/<id>.json.', apiEntrySchema('articles'));
    case 'routes':
      return document('routes', 'The routes as a GeoJSON FeatureCollection (RFC 7946): one LineString per route.', routesDocument);
    default:
      return document(name, `Every entry of ${name}, under items.`, itemsDocument(name));
  }
}
