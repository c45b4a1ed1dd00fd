/**
 * The one file style for content: what the browser editor writes when it saves an entry. `npm run format:content`
 * rewrites hand-written files the same way, so a save in the editor leaves a diff of what changed and nothing else.
 *
 * It reads a file into the editor's fields and writes it back with the fields' own serialisation and the YAML writer
 * the editor uses (js-yaml's `dump` with its defaults, the version @keystatic/core depends on): keys in the schema's
 * order, block lists, long strings folded at 80 columns, single quotes where quoting is needed, empty lists written
 * `[]`, booleans with defaults written out. Article bodies are MDX: their text is kept exactly as written (the editor
 * rewrites a body only when it is edited in it).
 */
import type { ComponentSchema } from '@keystatic/core';
import { dump, load } from 'js-yaml';
import type { CollectionName } from '../lib/content/registry';
import { editorSchemaFor, slugFieldOf } from './schema';

type Field = Record<string, any> & { kind: ComponentSchema['kind'] };

/** A file the editor could not open, with why (a key its schema lacks, a value of the wrong kind). */
export class EditorFormatError extends Error {}

function parseValue(schema: Field, value: unknown, path: string[], slug?: string): unknown {
  switch (schema.kind) {
    case 'form':
      try {
        return schema.parse(value, slug === undefined ? undefined : { slug });
      } catch (error) {
        throw new EditorFormatError(`${path.join('.')}: ${(error as Error).message}`);
      }
    case 'object': {
      if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
        throw new EditorFormatError(`${path.join('.')}: expected a group of fields`);
      }
      const record = (value ?? {}) as Record<string, unknown>;
      const unknown = Object.keys(record).filter((key) => !(key in schema.fields));
      if (unknown.length) throw new EditorFormatError(`${path.join('.')}: unknown field ${unknown.join(', ')}`);
      return Object.fromEntries(
        Object.entries(schema.fields as Record<string, Field>).map(([key, field]) => [key, parseValue(field, record[key], [...path, key])]),
      );
    }
    case 'array': {
      if (value !== undefined && !Array.isArray(value)) throw new EditorFormatError(`${path.join('.')}: expected a list`);
      return ((value ?? []) as unknown[]).map((item, index) => parseValue(schema.element, item, [...path, String(index)]));
    }
    default:
      throw new EditorFormatError(`${path.join('.')}: no format for a ${schema.kind} field`);
  }
}

/** As Keystatic's serializeProps: undefined keys dropped, undefined list items null. */
function serializeValue(schema: Field, value: any, asSlug = false): unknown {
  switch (schema.kind) {
    case 'form':
      return asSlug ? schema.serializeWithSlug(value).value : schema.serialize(value).value;
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.fields as Record<string, Field>)
          .map(([key, field]) => [key, serializeValue(field, value[key])] as const)
          .filter(([, item]) => item !== undefined),
      );
    case 'array':
      return (value as unknown[]).map((item) => serializeValue(schema.element, item) ?? null);
    default:
      throw new EditorFormatError(`no format for a ${schema.kind} field`);
  }
}

/** A data record (a YAML file, or an article's frontmatter) as the editor writes it. */
export function formatData(collection: CollectionName, data: unknown, id: string): string {
  const schema = editorSchemaFor(collection) as Record<string, Field>;
  const slugField = slugFieldOf(collection);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new EditorFormatError('expected fields');
  const record = data as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !(key in schema) || (key === 'id' && slugField === 'id'));
  if (unknown.length) throw new EditorFormatError(`unknown field ${unknown.join(', ')}`);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) {
    if (key === 'body') continue;
    const isSlug = key === slugField;
    const state = parseValue(field, record[key], [key], isSlug ? id : undefined);
    const value = serializeValue(field, state, isSlug);
    if (value !== undefined) out[key] = value;
  }
  return dump(out);
}

const frontmatter = /^---\r?\n([\s\S]*?)\r?\n?---\r?\n?/;

/** One content file's text in the canonical style. */
export function formatFile(collection: CollectionName, raw: string, id: string): string {
  if (collection !== 'articles') return formatData(collection, load(raw) ?? {}, id);
  const match = frontmatter.exec(raw);
  if (!match) throw new EditorFormatError('an article starts with its frontmatter between two --- lines');
  const body = raw.slice(match[0].length);
  return `---\n${formatData(collection, load(match[1]!) ?? {}, id)}---\n${body}`;
}
