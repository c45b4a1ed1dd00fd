/**
 * The budgets of issue 8, for 1,000 articles on the 2-core CI machine. `npm run bench:check` holds the benchmark's
 * report to all of them; e2e/page-weight.spec.ts holds the real site to the ones in bytes, which do not depend on the
 * machine.
 */
export const budgets = {
  ms_per_article: 20,
  peak_rss_mb: 2048,
  article_page_bytes_gz: 30_000,
  article_page_js_bytes_gz: 5_000,
  search_bytes_first_query: 150_000,
};

/** The size the budgets are set for. */
export const budgetArticles = 1000;
