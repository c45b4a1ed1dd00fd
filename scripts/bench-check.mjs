#!/usr/bin/env node
/**
 * npm run bench:check: holds bench-results/latest.json to the budgets (issue 8). Budgets are set for 1,000 articles
 * on the 2-core CI machine; a report for another size is refused rather than judged.
 */
import fs from 'node:fs';
import { budgetArticles, budgets } from './bench/budgets.mjs';

const report = JSON.parse(fs.readFileSync('bench-results/latest.json', 'utf8'));
if (report.articles !== budgetArticles) {
  console.error(`bench-results/latest.json is for ${report.articles} articles; the budgets are for ${budgetArticles}. Run npm run bench first.`);
  process.exit(2);
}
let failed = 0;
for (const [field, limit] of Object.entries(budgets)) {
  const value = report[field];
  const ok = typeof value === 'number' && value <= limit;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${field.padEnd(26)} ${String(value).padStart(10)} <= ${limit}`);
}
console.log(`(${report.date}, load average at start ${report.load_average_start?.join(' ') ?? 'not recorded'})`);
process.exit(failed ? 1 : 0);
