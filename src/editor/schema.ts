/**
 * The browser editor's collections (Keystatic, issue 15), made from the collection registry and the zod schemas, so
 * the editor and the build cannot disagree on a field: every collection, every field with its `.describe()` text as
 * the hint, every reference a picker of existing entries. A field the zod schema adds shows in the editor without
 * an edit here; a zod construct this file does not know fails loudly (and the unit test with it).
 *
 * What the editor writes for an empty field is what the schemas read as absent: an empty text, number, date or
 * picker is left out of the file, an empty list is `[]` (the schemas' lists default to `[]`), an optional group of
 * fields left empty is `{}` (the schemas read `{}` as absent: src/schemas/common.ts `absentWhenEmpty`).
 *
 * Paths are relative to the content folder: the editor's API route (src/editor/api.ts) reads and writes there, so
 * CONTENT_DIR points the editor at a copy as it does the build.
 */
import { collection, fields, type ComponentSchema } from '@keystatic/core';
import { z } from 'astro/zod';
import { emptyAsAbsentGroup, idPattern } from '../schemas/common';
import type { Reference } from '../schemas/reference';
import { collectionNames, fileSchemaFactories, registry, type CollectionName } from '../lib/content/registry';
import { slugify } from '../lib/tooling/fields';
import { articleBody } from './components';

type Schema = z.ZodType;
type Def = Record<string, any> & { type: string };
const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const descriptionOf = (schema: Schema): string | undefined => z.globalRegistry.get(schema)?.description;

/** Which collection each reference names: the editor's stand-in for Astro's `reference()` remembers it. */
const referenced = new WeakMap<object, CollectionName>();
const editorReference = ((name: CollectionName) => {
  const id = z.string();
  referenced.set(id, name);
  return id.transform((value) => ({ id: value, collection: name }));
}) as unknown as Reference;

/** Image fields: the stand-in for Astro's `image()` marks them. */
const images = new WeakSet<object>();
const editorImage = (() => {
  const path = z.string();
  images.add(path);
  return path;
}) as never;

/** Each collection's zod schema, built with the editor's stand-ins. */
export const editorZodSchemas = Object.fromEntries(
  collectionNames.map((name) => [name, fileSchemaFactories[name](editorReference, editorImage) as unknown as Schema]),
) as Record<CollectionName, Schema>;

/** "sortName" -> "Sort name". */
export const labelFor = (key: string) => {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A field's place in its schema, for the error a zod construct without an editor field gives. */
type Path = readonly string[];

interface Peeled {
  schema: Schema;
  description: string | undefined;
  optional: boolean;
  defaultValue: unknown;
}

/** Takes off `.optional()`, `.default()` and `.describe()` layers, keeping the outermost description. */
function peel(schema: Schema): Peeled {
  let description = descriptionOf(schema);
  let optional = false;
  let defaultValue: unknown;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'default') {
      optional = true;
      defaultValue = def.defaultValue;
    } else if (emptyAsAbsentGroup(current)) {
      // absentWhenEmpty(): `{}` is read as absent, so the group is optional and its fields may all stay empty.
      optional = true;
      current = emptyAsAbsentGroup(current)!;
      description ??= descriptionOf(current);
      continue;
    } else break;
    current = def.innerType;
    description ??= descriptionOf(current);
  }
  return { schema: current, description, optional, defaultValue };
}

const checksOf = (def: Def) => ((def.checks ?? []) as { _zod: { def: Def & { check: string } } }[]).map((c) => c._zod.def);

const minLength = (def: Def) => checksOf(def).find((check) => check.check === 'min_length')?.minimum as number | undefined;

/** `calendarDate`: a Date or a string, checked into a Date. */
function isCalendarDate(def: Def): boolean {
  return def.type === 'pipe' && defOf(def.in).type === 'union' && defOf(def.in).options.some((o: Schema) => defOf(o).type === 'date');
}

/** A union of single-key objects ({ person } | { report } | { publisher }): one of them is given. */
function singleKeyObjects(def: Def): Schema[] | undefined {
  if (def.type !== 'union') return undefined;
  const options = def.options as Schema[];
  const ok = options.every((o) => defOf(o).type === 'object' && Object.keys(defOf(o).shape).length === 1);
  return ok ? options : undefined;
}

/** A string, or a list of strings (a quote split by "he said"). */
function isTextOrSegments(def: Def): boolean {
  if (def.type !== 'union' || def.options.length !== 2) return false;
  const [first, second] = (def.options as Schema[]).map(defOf);
  return first!.type === 'string' && second!.type === 'array' && defOf(second!.element).type === 'string';
}

/**
 * A text field whose value is one string or, for a statement the article splits, a list of segments: the
 * journalist separates segments with an empty line, and the file gets a string for one and a list for more.
 */
function textOrSegments(label: string, description: string | undefined, required: boolean) {
  const base = fields.text({
    label,
    description: `${description ?? ''} Separate the segments of a split statement with an empty line.`.trim(),
    multiline: true,
    validation: { isRequired: required },
  });
  const segments = (value: string) =>
    value
      .split(/\n\s*\n/)
      .map((part) => part.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  const fromFile = (value: unknown) => (Array.isArray(value) ? value.join('\n\n') : value);
  return {
    ...base,
    parse: (value: unknown, args?: { slug?: string }) => base.parse(fromFile(value) as never, args as never),
    serialize: (value: string) => {
      const parts = segments(value);
      return { value: parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : parts };
    },
    reader: { parse: (value: unknown) => base.reader.parse(fromFile(value) as never) },
  } as unknown as ComponentSchema;
}

/** A choice that may be left unset: "(none)" writes nothing. */
function optionalSelect(label: string, description: string | undefined, values: readonly string[]) {
  const none = '';
  const base = fields.select({
    label,
    ...(description ? { description } : {}),
    options: [{ label: '(not set)', value: none }, ...values.map((value) => ({ label: value, value }))],
    defaultValue: none,
  });
  return {
    ...base,
    parse: (value: unknown) => base.parse((value === undefined ? none : value) as never),
    serialize: (value: string) => ({ value: value === none ? undefined : value }),
    reader: { parse: (value: unknown) => (value === undefined ? none : base.reader.parse(value as never)) },
  } as unknown as ComponentSchema;
}

const hint = (description: string | undefined) => (description ? { description } : {});

/** The editor field for one zod schema. `required` is false inside an optional group, whose fields may all be empty. */
export function fieldFor(schema: Schema, path: Path, required = true): ComponentSchema {
  const key = path[path.length - 1] ?? '';
  const label = labelFor(key);
  const peeled = peel(schema);
  const def = defOf(peeled.schema);
  const isRequired = required && !peeled.optional;
  const description = peeled.description;

  if (def.type === 'pipe' && referenced.has(def.in)) {
    return fields.relationship({ label, ...hint(description), collection: referenced.get(def.in)!, validation: { isRequired } });
  }
  if (isCalendarDate(def)) return fields.date({ label, ...hint(description), validation: { isRequired } });
  if (images.has(peeled.schema)) {
    // The file goes next to the articles, and the article names it relative to itself, as the guide says.
    return fields.image({ label, ...hint(description), directory: registry.articles.folder, publicPath: './' });
  }
  switch (def.type) {
    case 'string': {
      if (def.format === 'url') return fields.url({ label, ...hint(description), validation: { isRequired } });
      const regex = checksOf(def).find((check) => check.check === 'string_format' && check.format === 'regex');
      const multiline = /description|context|note|teaser|text|caption/i.test(key);
      const defaultValue = typeof peeled.defaultValue === 'string' ? peeled.defaultValue : undefined;
      return fields.text({
        label,
        ...hint(description),
        multiline,
        ...(defaultValue ? { defaultValue } : {}),
        validation: {
          isRequired: isRequired && (minLength(def) ?? 0) > 0,
          // The editor checks a pattern on an empty field too, and an optional field may stay empty.
          ...(regex
            ? {
                pattern: {
                  regex: isRequired ? (regex.pattern as RegExp) : new RegExp(`^$|${(regex.pattern as RegExp).source}`),
                  message: description ?? `Expected ${regex.pattern}`,
                },
              }
            : {}),
        },
      });
    }
    case 'number': {
      const bound = (check: string) => checksOf(def).find((c) => c.check === check)?.value as number | undefined;
      const min = bound('greater_than');
      const max = bound('less_than');
      return fields.number({
        label,
        ...hint(description),
        validation: { isRequired, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) },
      });
    }
    case 'boolean':
      return fields.checkbox({ label, ...hint(description), defaultValue: peeled.defaultValue === true });
    case 'enum': {
      const values = Object.values(def.entries as Record<string, string>);
      if (peeled.optional && peeled.defaultValue === undefined) return optionalSelect(label, description, values);
      const defaultValue = (peeled.defaultValue as string | undefined) ?? values[0]!;
      return fields.select({ label, ...hint(description), options: values.map((value) => ({ label: value, value })), defaultValue });
    }
    case 'object':
      return fields.object(fieldsFor(peeled.schema, path, isRequired), { label, ...hint(description) });
    case 'array': {
      const element = defOf(def.element);
      const min = minLength(def);
      if (element.type === 'pipe' && referenced.has(element.in)) {
        return fields.multiRelationship({
          label,
          ...hint(description),
          collection: referenced.get(element.in)!,
          ...(min ? { validation: { length: { min } } } : {}),
        });
      }
      const item = fieldFor(def.element, [...path, 'item'], true);
      const firstText = item.kind === 'object' ? Object.entries(item.fields).find(([, f]) => f.kind === 'form')?.[0] : undefined;
      return fields.array(item, {
        label,
        ...hint(description),
        ...(min ? { validation: { length: { min } } } : {}),
        itemLabel: (props: any) =>
          String((firstText ? props.fields[firstText]?.value : props.value) || `${labelFor(key)} (empty)`),
      });
    }
    case 'union': {
      if (isTextOrSegments(def)) return textOrSegments(label, description, isRequired);
      const options = singleKeyObjects(def);
      if (options) {
        // One of the keys is filled; the build refuses none or two, naming the field.
        const group = Object.fromEntries(
          options.flatMap((option) => Object.entries(defOf(option).shape as Record<string, Schema>)),
        );
        return fields.object(
          Object.fromEntries(Object.entries(group).map(([name, inner]) => [name, fieldFor(inner, [...path, name], false)])),
          { label, description: `${description ?? ''} Fill in exactly one.`.trim() },
        );
      }
    }
  }
  throw new Error(`src/editor/schema.ts: no editor field for ${path.join('.')} (zod ${def.type}). Add one here.`);
}

/** The editor fields for a zod object's keys, in the schema's order (which is the order the files are written in). */
function fieldsFor(object: Schema, path: Path, required: boolean): Record<string, ComponentSchema> {
  const shape = defOf(object).shape as Record<string, Schema>;
  return Object.fromEntries(Object.entries(shape).map(([key, inner]) => [key, fieldFor(inner, [...path, key], required)]));
}

/** The field an entry is named by: its name or title (the id made from it), or the id alone. */
const nameField: Partial<Record<CollectionName, 'name' | 'title'>> = {
  articles: 'title',
  people: 'name',
  topics: 'name',
  places: 'name',
  routes: 'name',
};

const idHint = 'The id: the file name, lowercase words joined by hyphens. It is the page address; do not change it once published.';

/** One collection's editor fields, with its id field first. */
export function editorSchemaFor(name: CollectionName): Record<string, ComponentSchema> {
  const schema = editorZodSchemas[name];
  const generated = fieldsFor(schema, [name], true);
  const titleKey = nameField[name];
  if (titleKey) {
    const titleSchema = defOf(schema).shape[titleKey] as Schema;
    generated[titleKey] = fields.slug({
      name: { label: labelFor(titleKey), ...hint(descriptionOf(titleSchema)), validation: { isRequired: true } },
      slug: {
        label: 'Id',
        description: idHint,
        // The id the new:* scaffolders would make from the same name.
        generate: (text: string) => slugify(text),
        validation: { pattern: { regex: idPattern, message: idHint } },
      },
    });
    return generated;
  }
  // No name to make the id from: the id is a field of its own, stored as the file name only.
  return {
    id: fields.text({ label: 'Id', description: idHint, validation: { isRequired: true, pattern: { regex: idPattern, message: idHint } } }),
    ...generated,
  };
}

/** The field each collection's entries are named by in the editor. */
export const slugFieldOf = (name: CollectionName) => nameField[name] ?? 'id';

/**
 * Every collection as the editor shows it. `previewUrls` are the addresses of the pages readers will see, with
 * `{slug}` for the id (given by keystatic.config.ts from src/lib/shared/urls.ts, which needs Vite).
 */
export function editorCollections(previewUrls: Partial<Record<CollectionName, string>> = {}) {
  return Object.fromEntries(
    collectionNames.map((name) => {
      const { folder, format, noun } = registry[name];
      const schema = editorSchemaFor(name);
      const preview = previewUrls[name];
      return [
        name,
        collection({
          label: labelFor(noun.many),
          path: `${folder}/*`,
          slugField: slugFieldOf(name) as never,
          ...(preview ? { previewUrl: preview } : {}),
          ...(format === 'mdx'
            ? { format: { contentField: 'body' }, entryLayout: 'content' as const, schema: { ...schema, body: articleBody() } }
            : { format: { data: 'yaml' as const }, schema }),
        }),
      ];
    }),
  ) as Record<CollectionName, ReturnType<typeof collection>>;
}
