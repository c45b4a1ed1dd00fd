#!/usr/bin/env node
/**
 * npm run bench:bare -- --articles N [--extra-pages K] [--markdown] [--seed S]
 *
 * The floor alone (scripts/bench/floor.mjs): the benchmark's articles built by a bare Astro + MDX site with K trivial
 * pages more per article and a Pagefind index of its article pages; `build_ms` includes the index. `npm run bench`
 * builds the same floor right after the site, with K from the site's own pages per article. The result goes to
 * bench-results/bare-latest.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildFloor } from './floor.mjs';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20221025' },
    'extra-pages': { type: 'string', default: '0' },
    markdown: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const extraPages = Number(values['extra-pages']);
if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles must be a positive whole number, got ${values.articles}`);
if (!Number.isInteger(extraPages) || extraPages < 0) throw new Error(`--extra-pages must be a whole number, got ${values['extra-pages']}`);

const root = process.cwd();
const loadAtStart = os.loadavg().map((load) => Math.round(load * 100) / 100);
const floor = await buildFloor({ root, articles, seed: Number(values.seed), extraPages, markdown: values.markdown });
const report = {
  date: new Date().toISOString(),
  ...floor,
  load_average_start: loadAtStart,
  load_average_end: os.loadavg().map((load) => Math.round(load * 100) / 100),
  node: process.version,
};
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', 'bare-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.table(report);
console.log('Written bench-results/bare-latest.json');
