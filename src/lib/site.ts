/** The site's own name and description, used in the header, titles, feeds and structured data. */
export const siteName = 'Newsroom';
export const siteDescription =
  'Journalism stored as typed content: articles, the people in them, what they said and the figures they cite.';

/** Serialises structured data for a `<script type="application/ld+json">` so no string can close the tag. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
