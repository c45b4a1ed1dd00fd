/** The site's own name and description, used in the header, titles, feeds and structured data. */
export const siteName = 'Newsroom';
/** The language the site is written in: its pages' default `lang` and its feeds' language. */
export const siteLanguage = 'en';
/**
 * Whether an article's `source.publisher` is this site itself: its credit line then says it was published here,
 * not "First published by Newsroom … Republished on Newsroom".
 */
export function publishedHere(publisher: string): boolean {
  return publisher.trim().toLowerCase() === siteName.toLowerCase();
}

export const siteDescription =
  'Journalism stored as typed content: articles, the people in them, what they said and the figures they cite.';

/** Serialises structured data for a `<script type="application/ld+json">` so no string can close the tag. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** The site's origin, which feeds, the content API and structured data make URLs absolute against. */
export function requireOrigin(site: URL | undefined): URL {
  if (!site) throw new Error('Set `site` in astro.config.mjs: feeds, the content API and structured data need absolute URLs.');
  return site;
}
