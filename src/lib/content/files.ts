/**
 * The content folder read straight from disk, without Astro: `npm run check:content` and the scaffolders parse
 * every file with the same zod schemas as the build (src/schemas/standalone.ts), then run the same cross-entry
 * checks (src/lib/content/checks.ts), and report every problem at once with the line it stands on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { fileSchemas } from '../../schemas/standalone';
import { checkContent, type CheckedEntry, type Problem } from './checks';
import { collectionNames, fileExtensions, registry, type CollectionName } from './registry';
import { nearestIds } from './nearest';
import { withDerivedQuotes } from './quote-entries';

/** One content file as written. */
export interface ContentFile {
  collection: CollectionName;
  id: string;
  /** Path for messages: relative to the working directory when inside it, else absolute. */
  file: string;
  raw: string;
}

const extension = (collection: CollectionName) => new RegExp(`\\.(?:${fileExtensions(collection).join('|')})$`);

/** The file name without its extension, as Astro's glob loader makes the id (lowercase, `/` between folders). */
function idOf(relative: string, collection: CollectionName): string {
  return relative.replace(extension(collection), '').replace(/\\/g, '/').toLowerCase().replace(/\s+/g, '-');
}

/** A path the way messages show it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative;
}

function filesIn(contentDir: string, collection: CollectionName): string[] {
  const folder = path.join(contentDir, registry[collection].folder);
  if (!fs.existsSync(folder)) return [];
  return (fs.readdirSync(folder, { recursive: true }) as string[]).filter((file) => extension(collection).test(file)).sort();
}

/** Every entry file under the content folder, one folder per collection. */
export function readContentFiles(contentDir: string): ContentFile[] {
  return collectionNames.flatMap((collection) => readCollectionFiles(contentDir, collection));
}

/** The files of one collection. */
export function readCollectionFiles(contentDir: string, collection: CollectionName): ContentFile[] {
  return filesIn(contentDir, collection).map((relative) => {
    const file = path.join(contentDir, registry[collection].folder, relative);
    return { collection, id: idOf(relative, collection), file: displayPath(file), raw: fs.readFileSync(file, 'utf8') };
  });
}

/**
 * Two files that give one id (Quote.yaml and quote.yml) would silently replace each other in Astro's store, so
 * count the files against the ids.
 */
export function duplicateIds(contentDir: string): Problem[] {
  const problems: Problem[] = [];
  for (const collection of collectionNames) {
    const byId = new Map<string, string[]>();
    for (const relative of filesIn(contentDir, collection)) {
      const id = idOf(relative, collection);
      byId.set(id, [...(byId.get(id) ?? []), displayPath(path.join(contentDir, registry[collection].folder, relative))]);
    }
    for (const [id, files] of byId) {
      if (files.length > 1) {
        problems.push({
          file: files[1]!,
          field: 'id',
          message: `${files.join(' and ')} both give the id "${id}"; ids must be unique. Rename one.`,
        });
      }
    }
  }
  return problems;
}

/** The YAML text of a file (an MDX file's frontmatter) and the line it starts on. */
function yamlOf(file: ContentFile): { yaml: string; firstLine: number } | undefined {
  if (registry[file.collection].format !== 'mdx') return { yaml: file.raw, firstLine: 1 };
  const match = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(file.raw);
  return match ? { yaml: match[1]!, firstLine: 2 } : undefined;
}

/** Parses YAML as Astro does (js-yaml's default schema): unquoted dates become dates. */
function parseYaml(yaml: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { customTags: ['timestamp'], lineCounter, prettyErrors: true, uniqueKeys: true });
  return { doc, lineCounter };
}

/** The line of the value at `fieldPath`, or of the nearest enclosing field that is there. */
function lineOfPath(doc: Document, lineCounter: LineCounter, fieldPath: PropertyKey[], key?: string): number | undefined {
  for (let depth = fieldPath.length; depth >= 0; depth--) {
    const at = fieldPath.slice(0, depth);
    const node = at.length ? doc.getIn(at, true) : doc.contents;
    if (key !== undefined && depth === fieldPath.length && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lineCounter.linePos(range[0]).line;
    }
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range && (depth > 0 || key === undefined)) return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}

/** `related.articles[0]`: the way messages name a field. */
export function fieldName(fieldPath: readonly PropertyKey[]): string {
  return fieldPath.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)),
    '',
  );
}

type AnySchema = z.ZodType & { def: { type: string } & Record<string, unknown> };

/** The schema of the field at `fieldPath`, walking through arrays, optionals, defaults and unions. */
export function schemaAt(schema: z.ZodType, fieldPath: readonly PropertyKey[]): z.ZodType | undefined {
  let current = schema as AnySchema | undefined;
  for (const part of fieldPath) {
    current = unwrap(current);
    if (!current) return undefined;
    if (current.def.type === 'array' && typeof part === 'number') current = current.def['element'] as AnySchema;
    else if (current.def.type === 'object') current = (current as unknown as z.ZodObject).shape[String(part)] as AnySchema;
    else if (current.def.type === 'union') {
      current = (current.def['options'] as AnySchema[])
        .map((option) => unwrap(option))
        .find((option) => option?.def.type === 'object' && String(part) in (option as unknown as z.ZodObject).shape);
      current = current ? ((current as unknown as z.ZodObject).shape[String(part)] as AnySchema) : undefined;
    } else return undefined;
  }
  return current;
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  while (current && ['optional', 'default', 'nullable', 'prefault'].includes(current.def.type)) {
    current = current.def['innerType'] as AnySchema;
  }
  if (current?.def.type === 'pipe') return unwrap(current.def['in'] as AnySchema);
  return current;
}

/** The field names an object schema allows, for "did you mean" on an unknown field. */
function fieldsAt(schema: z.ZodType, fieldPath: readonly PropertyKey[]): string[] {
  const object = unwrap(schemaAt(schema, fieldPath) as AnySchema | undefined);
  if (object?.def.type === 'object') return Object.keys((object as unknown as z.ZodObject).shape);
  if (object?.def.type === 'union') {
    return (object.def['options'] as AnySchema[]).flatMap((option) => {
      const inner = unwrap(option);
      return inner?.def.type === 'object' ? Object.keys((inner as unknown as z.ZodObject).shape) : [];
    });
  }
  return [];
}

/** Schema issues as problems a journalist can act on: the field, the line, and what was expected there. */
function schemaProblems(file: ContentFile, schema: z.ZodType, issues: z.core.$ZodIssue[], doc: Document, lineCounter: LineCounter, firstLine: number): Problem[] {
  const line = (fieldPath: PropertyKey[], key?: string) => {
    const found = lineOfPath(doc, lineCounter, fieldPath, key);
    return found === undefined ? undefined : found + firstLine - 1;
  };
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      const allowed = fieldsAt(schema, issue.path);
      return issue.keys.map((key) => {
        const nearest = nearestIds(key, allowed, 3);
        return {
          file: file.file,
          line: line(issue.path, key),
          field: fieldName([...issue.path, key]),
          message:
            `unknown field "${key}".` +
            (nearest.length ? ` Did you mean ${nearest.join(', ')}?` : '') +
            (allowed.length ? ` Fields allowed here: ${allowed.join(', ')}.` : ''),
        };
      });
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    const description = schemaAt(schema, issue.path)?.description;
    return [
      {
        file: file.file,
        line: line(issue.path),
        field: fieldName(issue.path) || '(file)',
        message: missing
          ? `required field is missing.${description ? ` Expected: ${description}` : ''}`
          : issue.message + (issue.code === 'invalid_type' && description ? ` Expected: ${description}` : ''),
      },
    ];
  });
}

/** Parses every file with its collection's schema. Files that fail still count for their ids. */
export function parseContentFiles(files: readonly ContentFile[]): { entries: CheckedEntry[]; problems: Problem[] } {
  const entries: CheckedEntry[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const invalid = (problem: Omit<Problem, 'file'>) => {
      problems.push({ file: file.file, ...problem });
      entries.push({ ...file, data: {}, invalid: true });
    };
    const source = yamlOf(file);
    if (!source) {
      invalid({
        line: 1,
        field: 'frontmatter',
        message: 'an article starts with its frontmatter: a line ---, the fields (title: ...), then another line ---.',
      });
      continue;
    }
    const { doc, lineCounter } = parseYaml(source.yaml);
    if (doc.errors.length) {
      for (const error of doc.errors) {
        const where = error.linePos?.[0];
        problems.push({
          file: file.file,
          line: where ? where.line + source.firstLine - 1 : undefined,
          field: 'YAML',
          message:
            error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '.') +
            (error.code === 'DUPLICATE_KEY'
              ? ' Write each field once.'
              : ' Check the indentation and colons, and put text containing ": " or " #" in quotation marks: ' +
                'single quotes when the text itself contains " (write a \' inside as \'\'), e.g. text: \'a "clear" position: ours\'.'),
        });
      }
      entries.push({ ...file, data: {}, invalid: true });
      continue;
    }
    const data = doc.toJS() as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      invalid({ line: source.firstLine, field: '(file)', message: 'expected fields written as "name: value", one per line.' });
      continue;
    }
    const schema = fileSchemas[file.collection] as z.ZodType;
    const result = schema.safeParse(data);
    if (result.success) {
      entries.push({ ...file, data: result.data as Record<string, unknown> });
    } else {
      problems.push(...schemaProblems(file, schema, result.error.issues, doc, lineCounter, source.firstLine));
      entries.push({ ...file, data: {}, invalid: true });
    }
  }
  return { entries, problems };
}

/**
 * MDX syntax errors (a stray `{` or `<`, a line of prose starting with `export` or `import`), found by the same
 * compiler the build uses (Sätteri's mdxjs-rs, through @astrojs/markdown-satteri), with the file's own line numbers.
 */
export async function mdxSyntaxProblems(files: readonly ContentFile[]): Promise<Problem[]> {
  const articles = files.filter((file) => registry[file.collection].format === 'mdx');
  if (!articles.length) return [];
  const { satteri } = await import('@astrojs/markdown-satteri');
  const renderer = await satteri({ features: { smartPunctuation: false } }).createMdxRenderer!(
    {} as Parameters<NonNullable<ReturnType<typeof satteri>['createMdxRenderer']>>[0],
    { srcDir: new URL('../../', import.meta.url), sourcemap: false } as Parameters<NonNullable<ReturnType<typeof satteri>['createMdxRenderer']>>[1],
  );
  const problems: Problem[] = [];
  for (const file of articles) {
    // The frontmatter becomes blank lines, so the compiler's line numbers are the file's.
    const body = file.raw.replace(/^---\r?\n[\s\S]*?\r?\n?---[ \t]*(?=\r?\n|$)/, (frontmatter) => frontmatter.replace(/[^\n]/g, ''));
    try {
      await renderer.process(body, file.file, {});
    } catch (error) {
      const message = (error as Error).message.split('\n')[0] ?? String(error);
      const at = /^(\d+):(\d+):\s*/.exec(message);
      problems.push({
        file: file.file,
        line: at ? Number(at[1]) : undefined,
        field: at ? `body (column ${at[2]})` : 'body',
        message: `MDX syntax: ${message.slice(at?.[0].length ?? 0)}. ${mdxHint(message)}`,
      });
    }
  }
  return problems;
}

/** What a journalist most likely wrote, for the compiler's most common complaints. */
function mdxHint(message: string): string {
  if (/esm|import|export/i.test(message)) {
    return 'A line of prose must not start with "export" or "import" in lowercase: reword it, or write &#101;xport / &#105;mport.';
  }
  if (/brace|\{|expression/i.test(message)) return 'A { in prose starts code: write \\{ for a literal brace.';
  if (/<|tag|jsx/i.test(message)) return 'A < in prose starts a component: write &lt; or \\< for a literal <.';
  return 'See "When the check or the build fails" in content/README.md.';
}

/** Everything `npm run check:content` reports for a content folder: schema and cross-entry problems, in file order. */
export async function checkContentDir(contentDir: string): Promise<{ files: number; problems: Problem[] }> {
  const files = readContentFiles(contentDir);
  const parsed = parseContentFiles(files);
  // Quotes are marks in the articles: the entries the site serves are derived from them (src/lib/content/quote-marks.ts).
  const { entries, problems: markProblems } = withDerivedQuotes(parsed.entries);
  const all = [...duplicateIds(contentDir), ...parsed.problems, ...markProblems, ...(await mdxSyntaxProblems(files)), ...checkContent(entries)];
  all.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { files: files.length, problems: all };
}

/**
 * The parsed entries of a content folder, for tools that need ids and data (the scaffolders): quotes as the site
 * serves them, derived from the marks in the articles.
 */
export function loadContentDir(contentDir: string): CheckedEntry[] {
  return withDerivedQuotes(parseContentFiles(readContentFiles(contentDir)).entries).entries;
}
