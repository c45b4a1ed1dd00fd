/** Rules about articles that pages, feeds, structured data and the content API share. */

/** When an article last changed: its update date or its latest correction, whichever is later. */
export function lastModified(article: {
  data: { published: Date; updated?: Date | undefined; corrections: readonly { date: Date }[] };
}): Date {
  const dates = [article.data.published, article.data.updated, ...article.data.corrections.map((c) => c.date)];
  return new Date(Math.max(...dates.filter((d): d is Date => d !== undefined).map((d) => d.getTime())));
}
