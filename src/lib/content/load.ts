/**
 * The one module of the content model that talks to Astro and reads content files for the build: it loads the
 * collections, checks what the schemas cannot (src/lib/content/checks.ts; a build does so once its pages are written,
 * src/integrations/content-checks.ts), and makes the build's one Site.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getCollection } from 'astro:content';
import { deferContentCheck } from '../../integrations/content-checks';
import { articleBody } from './article-loader';
import { checkContent, formatProblems, type CheckedEntry, type Problem } from './checks';
import { contentDir } from './dir';
import { displayPath, duplicateIds, parseContentFiles, readContentFiles, readCollectionFiles } from './files';
import { parseContentFilesKept } from './parsed-files';
import { withDerivedQuotes, type DerivedQuote } from './quote-entries';
import { collectionNames } from './registry';
import { createSite, type Site } from './site';
import type { Article, Collections, Quote } from './types';

/** The error that stops the build: every problem, each naming file, line, field and what was expected. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
  }
}

let loading: { files: string; site: Promise<Site> } | undefined;

/**
 * The whole site's content, checked: one Site per build, which every page of the build shares.
 *
 * In `astro dev`, Astro keeps serving the last valid version of an entry whose edit breaks its schema, and only
 * logs why in the terminal. So dev reads the content files on every page, as `npm run check:content` does: a
 * schema problem stops the page with the same message as the check, and a changed file makes a new Site.
 */
export function loadSite(): Promise<Site> {
  if (import.meta.env.DEV) {
    const files = readContentFiles(contentDir);
    const hash = createHash('sha256');
    for (const file of files) hash.update(file.file).update('\0').update(file.raw).update('\0');
    const key = hash.digest('hex');
    if (loading?.files !== key) loading = { files: key, site: load(parseContentFiles(files).problems) };
    return loading.site;
  }
  loading ??= { files: '', site: load([]) };
  return loading.site;
}

/**
 * Astro's collections, checked across entries; `fileProblems` are schema problems found in the files themselves.
 * Quotes are not read from Astro's store: they are marks in the articles, derived here with their optional files in
 * quotes/ by the function `npm run check:content` uses (src/lib/content/quote-marks.ts).
 */
async function load(fileProblems: Problem[]): Promise<Site> {
  if (fileProblems.length) throw new ContentError([...duplicateIds(contentDir), ...fileProblems]);
  const read = collectionNames.filter((name) => name !== 'quotes');
  const loaded = await Promise.all(read.map((name) => getCollection(name)));
  const collections = Object.fromEntries(read.map((name, i) => [name, loaded[i]])) as unknown as Collections;

  const checked: CheckedEntry[] = read.flatMap((collection) =>
    (collections[collection] as readonly { id: string; filePath?: string; data: object }[]).map((entry) => {
      const file = entry.filePath ?? `${collection}/${entry.id}`;
      return {
        collection,
        id: entry.id,
        file: displayPath(file),
        raw: fs.readFileSync(path.resolve(file), 'utf8'),
        data: entry.data as Record<string, unknown>,
      };
    }),
  );
  // Astro's store keeps no article's body but a compiled one's (./article-loader.ts): it is the file's, read above.
  const raws = new Map(checked.filter((entry) => entry.collection === 'articles').map((entry) => [entry.id, entry.raw]));
  (collections as { articles: readonly Article[] }).articles = collections.articles.map((article) =>
    article.body === undefined ? { ...article, body: articleBody(raws.get(article.id)!) } : article,
  );
  // A build started by scripts/build.mjs keeps the quote files' parses between builds, in the content cache
  // (./parsed-files.ts); astro dev parses them each time.
  const cache = import.meta.env.DEV ? undefined : process.env['NEWSROOM_CONTENT_CACHE'];
  const extras = parseContentFilesKept(
    readCollectionFiles(contentDir, 'quotes'),
    path.join(cache ?? '', 'parsed-quotes.v8'),
    cache ? process.env['NEWSROOM_CODE_DIGEST'] : undefined,
  );
  const derived = withDerivedQuotes([...checked, ...extras.entries]);
  // The checks across entries run once the build's pages are written (src/integrations/content-checks.ts), unless
  // the Site cannot be made: then they run now, so that every problem is listed at once.
  const check = () => {
    const problems = [...duplicateIds(contentDir), ...extras.problems, ...derived.problems, ...checkContent(derived.entries)];
    if (problems.length) throw new ContentError(problems);
  };
  if (extras.problems.length || derived.problems.length || !deferContentCheck(check)) check();
  (collections as { quotes: readonly Quote[] }).quotes = derived.quotes.map(quoteEntry);
  return createSite(collections);
}

/** A derived quote as an entry of the quotes collection (the shape Astro gives entries; references are `{ collection, id }`). */
function quoteEntry(quote: DerivedQuote): Quote {
  return { id: quote.id, collection: 'quotes', data: quote.data, digest: quote.digest, filePath: quote.file } as unknown as Quote;
}
