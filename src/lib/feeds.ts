/**
 * RSS items for articles, shared by the site feed and the topic and person feeds so every feed carries the same
 * metadata: headline, link, date, teaser, authors and topics.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Article, Site } from './content';
import { articleUrl } from './urls';

export function articleFeedItem(site: Site, article: Article): RSSFeedItem {
  const authors = article.data.authors.map((ref) => site.person(ref.id).data.name);
  return {
    title: article.data.title,
    link: articleUrl(article.id),
    pubDate: article.data.published,
    description: article.data.teaser,
    categories: article.data.topics.map((ref) => site.topic(ref.id).data.name),
    customData: authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join(''),
  };
}

/** The namespace the items' dc:creator needs. */
export const feedNamespaces = { dc: 'http://purl.org/dc/elements/1.1/' };

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}
