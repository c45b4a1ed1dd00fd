/**
 * The targets of issue 13, which replace the budgets of issue 8 (those were set against the wrong floor). Build time
 * is held as a ratio to the bare floor built in the same run (`ratio_to_bare`, scripts/bench.mjs), never as an
 * absolute time, which a shared machine does not keep. `npm run bench:check` holds the benchmark's report to the
 * budgets for its size; e2e/page-weight.spec.ts holds the real site to the ones in bytes, which do not depend on the
 * size of the site or the machine.
 */
export const budgets = {
  ratio_to_bare: 1.5,
  peak_rss_mb: 1536,
  article_page_bytes_gz: 14_000,
  article_page_js_bytes_gz: 5_000,
  search_bytes_first_query: 150_000,
};

/**
 * Issue 14's targets for publishing one article into the benchmark's newsroom: the publish build's wall time as a
 * share of the cold build's (`publish_ratio_to_build`, both from the same run), and a site equal to a cold build's.
 */
export const publishBudgets = {
  1000: { publish_ratio_to_build: 0.25, publish_identical: true },
  5000: { publish_ratio_to_build: 0.2, publish_identical: true },
};

/** The size the budgets are set for. */
export const budgetArticles = 1000;

/** The sizes bench:check judges, each with its budgets: at 5,000 articles only memory and publishing have targets. */
export const budgetsBySize = {
  [budgetArticles]: { ...budgets, ...publishBudgets[1000] },
  5000: { peak_rss_mb: 2560, ...publishBudgets[5000] },
};

/**
 * What e2e/page-weight.spec.ts holds the seed site to on every test run. The article page meets issue 13's 14,000
 * bytes since issue 17 moved the route map's picture and data out of its HTML, so its ceiling is that target; the
 * others are still issue 8's ceilings against regressions, issue 13's tighter targets above being measured at 1,000
 * articles by `npm run bench:check`.
 */
export const pageCeilings = {
  article_page_bytes_gz: 14_000,
  article_page_js_bytes_gz: 5_000,
  search_bytes_first_query: 150_000,
};
