/** How many quotes a listing page holds before it paginates (issue 3: "a sensible size, e.g. 20"). */
export const quotesPageSize = 20;
/** How many quotes a topic page shows before pointing to the topic's full quotes listing. */
export const topicQuotesShown = 20;
