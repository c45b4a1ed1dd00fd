/**
 * RSS for the site, each topic and each person. Items for articles are shared by every feed so each carries the
 * same metadata: headline, link, guid, date, teaser, authors (dc:creator) and topics (category). Each channel names
 * its language and links to itself (atom:link rel="self"), as feed validators ask.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import type { Article, Person, Site, Topic } from '../content/index';
import { siteDescription, siteLanguage, siteName } from '../shared/site';
import { absoluteUrl, articleUrl, feedUrl, homeUrl, personFeedUrl, personUrl, topicFeedUrl, topicUrl } from '../shared/urls';

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

/** The namespaces the channels and items need: dc:creator and atom:link. */
export const feedNamespaces = { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' };

interface Channel {
  title: string;
  description: string;
  /** The page the feed belongs to: the channel's link. */
  page: string;
  /** The feed's own address. */
  self: string;
  articles: readonly Article[];
}

/** A feed's options for @astrojs/rss: the channel with its language and self link, one item per article. */
function channel(site: Site, origin: URL, { title, description, page, self, articles }: Channel): RSSOptions {
  return {
    title,
    description,
    // The channel's <link>; item links, root-relative, resolve against it to the same origin.
    site: absoluteUrl(page, origin),
    xmlns: feedNamespaces,
    customData:
      `<language>${siteLanguage}</language>` +
      `<atom:link href="${escapeXml(absoluteUrl(self, origin))}" rel="self" type="application/rss+xml"/>`,
    items: articles.map((article) => articleFeedItem(site, article)),
  };
}

/** Every published article, newest first. */
export const siteFeed = (site: Site, origin: URL): RSSOptions =>
  channel(site, origin, {
    title: siteName,
    description: siteDescription,
    page: homeUrl(),
    self: feedUrl(),
    articles: site.articles,
  });

/** The articles filed under a topic, newest first. */
export const topicFeed = (site: Site, origin: URL, topic: Topic, articles: readonly Article[]): RSSOptions =>
  channel(site, origin, {
    title: `${siteName}: ${topic.data.name}`,
    description: topic.data.newsroom.description,
    page: topicUrl(topic.id),
    self: topicFeedUrl(topic.id),
    articles,
  });

/** The articles a person wrote, edited, is quoted or mentioned in, newest first. */
export const personFeed = (site: Site, origin: URL, person: Person, articles: readonly Article[]): RSSOptions =>
  channel(site, origin, {
    title: `${siteName}: ${person.data.name}`,
    description: `Articles on ${siteName} that ${person.data.name} wrote, edited, is quoted or mentioned in.`,
    page: personUrl(person.id),
    self: personFeedUrl(person.id),
    articles,
  });

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}
