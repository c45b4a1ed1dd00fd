#!/usr/bin/env node
/**
 * npm run bench:check: holds bench-results/latest.json to the budgets (issue 8). Budgets are set for 1,000 articles
 * on the 2-core CI machine; a report for another size is refused rather than judged.
 */
import fs from 'node:fs';

export const budgets = {
  ms_per_article: 20,
  peak_rss_mb: 2048,
  article_page_bytes_gz: 30_000,
  article_page_js_bytes_gz: 5_000,
  search_bytes_first_query: 150_000,
};

const report = JSON.parse(fs.readFileSync('bench-results/latest.json', 'utf8'));
if (report.articles !== 1000) {
  console.error(`bench-results/latest.json is for ${report.articles} articles; the budgets are for 1000. Run npm run bench first.`);
  process.exit(2);
}
let failed = 0;
for (const [field, limit] of Object.entries(budgets)) {
  const value = report[field];
  const ok = typeof value === 'number' && value <= limit;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${field.padEnd(26)} ${String(value).padStart(10)} <= ${limit}`);
}
process.exit(failed ? 1 : 0);
