/** Rules about articles that pages, feeds, structured data and the content API share. */

/** The site's order of articles: newest first, then by id (the Site's lists, and the share cards drawn ahead). */
export const byNewest = (a: { id: string; data: { published: Date } }, b: { id: string; data: { published: Date } }): number =>
  b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id);

/** When an article last changed: its update date or its latest correction, whichever is later. */
export function lastModified(article: {
  data: { published: Date; updated?: Date | undefined; corrections: readonly { date: Date }[] };
}): Date {
  const dates = [article.data.published, article.data.updated, ...article.data.corrections.map((c) => c.date)];
  return new Date(Math.max(...dates.filter((d): d is Date => d !== undefined).map((d) => d.getTime())));
}
