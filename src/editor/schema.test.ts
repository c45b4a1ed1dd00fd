import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { readContentFiles } from '../lib/content/files';
import { collectionNames, fileSchemaFactories, mdxComponents, registry, type CollectionName } from '../lib/content/registry';
import { fileSchemas } from '../schemas/standalone';
import { editorComponents } from './components';
import { formatFile } from './format';
import { editorCollections, editorSchemaFor, slugFieldOf } from './schema';

type Json = Record<string, any>;
type Field = Record<string, any>;

/**
 * The oracle: each collection's schema as JSON Schema, built here with a stand-in for `reference()` that records the
 * collection it names, so every field's description and every reference's collection can be read off it.
 */
const recordingReference = ((collection: string) => z.string().meta({ references: collection })) as never;
const oracle = (name: CollectionName): Json =>
  z.toJSONSchema(fileSchemaFactories[name](recordingReference, (() => z.string()) as never) as unknown as z.ZodType, {
    io: 'output',
    unrepresentable: 'any',
  }) as Json;

/** What an editor field shows as its hint: form fields pass it to their input, groups and lists hold it. */
const inputOf = (field: Field) =>
  field.Input({ value: field.formKind === 'slug' && field.serializeWithSlug.length ? undefined : null, onChange() {}, autoFocus: false, forceValidation: false });

function hintOf(field: Field): string | undefined {
  if (field.kind !== 'form') return field.description;
  const element = inputOf(field);
  return element.props.description ?? element.props.args?.name?.description;
}

/** The collection a picker offers, or undefined for any other field. */
function pickerOf(field: Field): { collection: string; many: boolean } | undefined {
  if (field.kind !== 'form') return undefined;
  const props = inputOf(field).props;
  if (typeof props.collection !== 'string') return undefined;
  return { collection: props.collection, many: Array.isArray(field.defaultValue()) };
}

/** Every property of a JSON Schema object with its path; anyOf alternatives (a union of groups) are merged. */
function propertiesOf(schema: Json): Record<string, Json> {
  if (schema.properties) return schema.properties;
  if (schema.anyOf) return Object.assign({}, ...schema.anyOf.map((option: Json) => option.properties ?? {}));
  return {};
}

function compare(schema: Json, field: Field, where: string, problems: string[]) {
  const hint = hintOf(field);
  if (schema.description && !hint?.startsWith(schema.description)) {
    problems.push(`${where}: hint ${JSON.stringify(hint)} is not the schema's description ${JSON.stringify(schema.description)}`);
  }
  const reference = schema.references ?? schema.items?.references;
  const picker = pickerOf(field);
  if (reference && (picker?.collection !== reference || picker?.many !== !!schema.items)) {
    problems.push(`${where}: names ${reference}${schema.items ? ' (a list)' : ''}, but the editor field is ${JSON.stringify(picker ?? field.kind)}`);
  }
  if (!reference && picker) problems.push(`${where}: a picker of ${picker.collection} for a field that is not a reference`);
  const properties = propertiesOf(schema);
  if (Object.keys(properties).length && field.kind === 'object') {
    for (const [key, inner] of Object.entries(properties)) {
      if (!field.fields[key]) problems.push(`${where}.${key}: in the schema, not in the editor`);
      else compare(inner, field.fields[key], `${where}.${key}`, problems);
    }
    for (const key of Object.keys(field.fields)) if (!properties[key]) problems.push(`${where}.${key}: in the editor, not in the schema`);
  } else if (Object.keys(properties).length) {
    problems.push(`${where}: a group of fields in the schema, a ${field.kind} in the editor`);
  }
  if (schema.type === 'array' && !schema.items?.references) {
    if (field.kind !== 'array') problems.push(`${where}: a list in the schema, a ${field.kind} in the editor`);
    else compare(schema.items, field.element, `${where}[]`, problems);
  }
}

describe('the editor is made from the registry and the schemas', () => {
  const collections = editorCollections() as Record<string, Field>;

  test('every collection, in its folder, articles as MDX', () => {
    expect(Object.keys(collections)).toEqual(collectionNames);
    for (const name of collectionNames) {
      expect(collections[name]!.path).toBe(`${registry[name].folder}/*`);
      expect(collections[name]!.format).toEqual(registry[name].format === 'mdx' ? { contentField: 'body' } : { data: 'yaml' });
    }
  });

  test.each(collectionNames)('%s: every field, with its description as the hint, every reference a picker', (name) => {
    const schema = oracle(name);
    const { id: _id, body: _body, ...editorFields } = editorSchemaFor(name) as Record<string, Field>;
    const problems: string[] = [];
    compare(schema, { kind: 'object', fields: slugFieldOf(name) === 'id' ? editorFields : { ...editorFields, ...(_id ? { id: _id } : {}) } }, name, problems);
    expect(problems).toEqual([]);
    // The id is the file name: a field of its own when there is no name or title to make it from.
    expect(Object.keys(editorSchemaFor(name))[0]).toBe(slugFieldOf(name) === 'id' ? 'id' : Object.keys(schema.properties)[0]);
  });

  test('the MDX components are the registry\'s, each id prop a picker of its collection', () => {
    expect(Object.keys(editorComponents).sort()).toEqual(Object.keys(mdxComponents).sort());
    for (const [name, spec] of Object.entries(mdxComponents)) {
      if (name === 'Quote') continue; // a mark that makes its quote: below
      const component = editorComponents[name as keyof typeof mdxComponents]();
      expect(pickerOf(component.schema[spec.prop] as Field), name).toEqual({ collection: spec.collection, many: spec.list });
    }
  });

  test('a quote is a mark on its words, with a picker of its speaker and the kinds of quote; its id is its own', () => {
    const quote = editorComponents.Quote() as unknown as { kind: string; schema: Record<string, Field> };
    expect(quote.kind).toBe('mark');
    expect(Object.keys(quote.schema)).toEqual(['id', 'speaker', 'kind', 'role']);
    expect(pickerOf(quote.schema['speaker']!)).toEqual({ collection: 'people', many: false });
    expect(pickerOf(quote.schema['id']!)).toBeUndefined();
    expect(quote.schema['kind']!.options.map((option: { value: string }) => option.value)).toEqual(['direct', 'partial', 'reported']);
  });
});

describe('files as the editor writes them', () => {
  const contentDir = path.resolve('content');
  const files = readContentFiles(contentDir);

  const data = (collection: CollectionName, raw: string, id: string) => {
    const text = collection === 'articles' ? raw.replace(/^---\n([\s\S]*?)---\n[\s\S]*$/, '$1') : raw;
    const parsed = fileSchemas[collection].safeParse(load(text));
    expect(parsed.error?.issues ?? [], `${collection}/${id}`).toEqual([]);
    return parsed.data;
  };

  test.each(files.map((file) => [`${file.collection}/${file.id}`, file] as const))(
    '%s opens in the editor, and written back it says the same',
    (_, file) => {
      const formatted = formatFile(file.collection, file.raw, file.id);
      expect(data(file.collection, formatted, file.id)).toEqual(data(file.collection, file.raw, file.id));
      expect(formatFile(file.collection, formatted, file.id)).toBe(formatted);
    },
  );

  test('every content file is in the canonical style (npm run format:content writes it)', () => {
    const unformatted = files.filter((file) => formatFile(file.collection, file.raw, file.id) !== file.raw).map((file) => file.file);
    expect(unformatted).toEqual([]);
  });

  test('an article body is kept as written', () => {
    const file = files.find((entry) => entry.collection === 'articles')!;
    const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(body(formatFile('articles', file.raw, file.id))).toBe(body(fs.readFileSync(path.join(contentDir, 'articles', `${file.id}.mdx`), 'utf8')));
  });
});
