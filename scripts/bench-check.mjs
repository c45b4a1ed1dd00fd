#!/usr/bin/env node
/**
 * npm run bench:check: holds bench-results/latest.json to the budgets of issues 13 and 14 for its size (1,000 articles:
 * every budget; 5,000: memory and publishing). A report for another size is refused rather than judged.
 */
import fs from 'node:fs';
import { budgetsBySize } from './bench/budgets.mjs';

const report = JSON.parse(fs.readFileSync('bench-results/latest.json', 'utf8'));
const budgets = budgetsBySize[report.articles];
if (!budgets) {
  const sizes = Object.keys(budgetsBySize).join(' or ');
  console.error(`bench-results/latest.json is for ${report.articles} articles; the budgets are for ${sizes}. Run npm run bench -- --articles ${Object.keys(budgetsBySize)[0]} first.`);
  process.exit(2);
}
let failed = 0;
for (const [field, limit] of Object.entries(budgets)) {
  const value = report[field];
  // A number is a ceiling; true is a condition that must hold (publish_identical).
  const ok = typeof limit === 'boolean' ? value === limit : typeof value === 'number' && value <= limit;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : typeof limit === 'boolean' ? 'FAIL' : 'OVER'} ${field.padEnd(26)} ${String(value).padStart(10)} ${typeof limit === 'boolean' ? 'is' : '<='} ${limit}`);
}
console.log(
  `(${report.articles} articles, ${report.distinct_words ?? 'an unknown number of'} distinct words, ${report.date}, ` +
    `load average at start ${report.load_average_start?.join(' ') ?? 'not recorded'})`,
);
process.exit(failed ? 1 : 0);
