/**
 * schema.org structured data (JSON-LD) for each kind of page, as Google's rules for it ask: NewsArticle on articles,
 * Person on people, Quotation on quotes, CollectionPage on topics, and a BreadcrumbList on each.
 *
 * Dates are calendar days (YYYY-MM-DD): the content stores no time of day, and a made-up midnight with a zone
 * would both invent a time and, read in another zone, move the day. ISO 8601 and schema.org's Date allow a date
 * alone; Google reads it (its advice to give a zone applies to date-times).
 */
import { quoted } from '../rules/typography';
import { quoteText } from '../../schemas/quote';
import { type Article, type Person, type Quote, type Site, type Topic } from '../content/index';
import { currentRole, roleEnded } from '../rules/people';
import { lastModified } from '../rules/articles';
import { isoDate } from '../shared/dates';
import { siteName } from '../shared/site';
import { firstWords } from '../shared/text';
import { absoluteUrl, articleUrl, faviconUrl, homeUrl, peopleUrl, personUrl, quotesByUrl, quotesUrl, quoteUrl, topicsUrl, topicUrl } from '../shared/urls';

export type Thing = Record<string, unknown> & { '@type': string };
const context = 'https://schema.org';

/** Google shows at most 110 characters of a headline and asks for no more. */
export const headlineMaxLength = 110;

/** A headline within Google's limit: longer ones are cut at a word, with an ellipsis. */
export const headline = (title: string) =>
  title.length <= headlineMaxLength ? title : firstWords(title, headlineMaxLength - 1);

/** This site as publisher: its name, home page and logo (its icon). */
export function siteOrganization(origin: URL): Thing {
  return {
    '@type': 'Organization',
    name: siteName,
    url: absoluteUrl(homeUrl(), origin),
    logo: { '@type': 'ImageObject', url: absoluteUrl(faviconUrl(), origin) },
  };
}

const personRef = (person: Person, origin: URL): Thing => ({
  '@type': 'Person',
  name: person.data.name,
  url: absoluteUrl(personUrl(person.id), origin),
});

/**
 * An article as a NewsArticle published by this site, based on the original (the publisher that first ran it).
 * The headline is cut at a word to Google's limit; the image is given only when the site has the file.
 */
export function newsArticle(site: Site, article: Article, origin: URL): Thing {
  const { data } = article;
  const url = absoluteUrl(articleUrl(article.id), origin);
  const image = data.leadImage?.src ? absoluteUrl(data.leadImage.src.src, origin) : undefined;
  return {
    '@context': context,
    '@type': 'NewsArticle',
    headline: headline(data.title),
    description: data.teaser,
    url,
    mainEntityOfPage: url,
    inLanguage: data.language,
    datePublished: isoDate(data.published),
    dateModified: isoDate(lastModified(article)),
    author: data.authors.map((ref) => personRef(site.person(ref.id), origin)),
    ...(data.editors.length ? { editor: data.editors.map((ref) => personRef(site.person(ref.id), origin)) } : {}),
    publisher: siteOrganization(origin),
    ...(image ? { image: [image] } : {}),
    about: data.topics.map((ref) => ({
      '@type': 'Thing',
      name: site.topic(ref.id).data.name,
      url: absoluteUrl(topicUrl(ref.id), origin),
    })),
    isBasedOn: {
      '@type': 'NewsArticle',
      publisher: { '@type': 'Organization', name: data.source.publisher },
      ...(data.source.url ? { url: data.source.url } : {}),
    },
  };
}

/** A trail of pages from the home page, as a BreadcrumbList; the last crumb is the page itself. */
export function breadcrumbs(trail: readonly { name: string; href: string }[], origin: URL): Thing {
  return {
    '@context': context,
    '@type': 'BreadcrumbList',
    itemListElement: [{ name: siteName, href: homeUrl() }, ...trail].map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.href, origin),
    })),
  };
}

/** Home › first topic › headline. */
export const articleBreadcrumbs = (site: Site, article: Article, origin: URL): Thing => {
  const topic = article.data.topics[0] && site.topic(article.data.topics[0].id);
  return breadcrumbs(
    [
      ...(topic ? [{ name: topic.data.name, href: topicUrl(topic.id) }] : []),
      { name: article.data.title, href: articleUrl(article.id) },
    ],
    origin,
  );
};

/**
 * A person with the role they hold (none once the content says their latest role ended: `jobTitle` and `worksFor`
 * state the present) and, when known for certain, their Wikidata item.
 */
export function personThing(person: Person, origin: URL, today = new Date()): Thing {
  const { data } = person;
  const role = currentRole(person);
  return {
    '@context': context,
    ...personRef(person, origin),
    description: data.newsroom.description,
    ...(roleEnded(role, today) ? {} : { jobTitle: role.title, worksFor: { '@type': 'Organization', name: role.organisation } }),
    ...(data.wikidata ? { sameAs: [`https://www.wikidata.org/wiki/${data.wikidata}`] } : {}),
  };
}

/** Home › People › name. */
export const personBreadcrumbs = (person: Person, origin: URL): Thing =>
  breadcrumbs(
    [
      { name: 'People', href: peopleUrl() },
      { name: person.data.name, href: personUrl(person.id) },
    ],
    origin,
  );

/** A quote, attributed to its speaker in their role at the time, as part of its article on this site. */
export function quotation(site: Site, quote: Quote, origin: URL): Thing {
  const { data } = quote;
  const speaker = site.person(data.speaker.id);
  const article = site.article(data.article.id);
  return {
    '@context': context,
    '@type': 'Quotation',
    text: quoteText(data.text),
    url: absoluteUrl(quoteUrl(quote.id), origin),
    spokenByCharacter: { ...personRef(speaker, origin), jobTitle: data.role.title },
    // A date the article gives; when it gives none, the quote has no date of its own to state.
    ...(data.said.basis === 'stated' ? { dateCreated: isoDate(data.said.date, data.said.precision) } : {}),
    isPartOf: {
      '@type': 'NewsArticle',
      headline: headline(article.data.title),
      url: absoluteUrl(articleUrl(article.id), origin),
      datePublished: isoDate(article.data.published),
      publisher: siteOrganization(origin),
    },
    about: data.topics.map((ref) => ({
      '@type': 'Thing',
      name: site.topic(ref.id).data.name,
      url: absoluteUrl(topicUrl(ref.id), origin),
    })),
    inLanguage: article.data.language,
  };
}

/** Home › Quotes › the speaker's quotes › the quote's first words. */
export const quoteBreadcrumbs = (site: Site, quote: Quote, origin: URL): Thing => {
  const speaker = site.person(quote.data.speaker.id);
  return breadcrumbs(
    [
      { name: 'Quotes', href: quotesUrl() },
      { name: speaker.data.name, href: quotesByUrl(speaker.id) },
      { name: quoted(firstWords(quoteText(quote.data.text))), href: quoteUrl(quote.id) },
    ],
    origin,
  );
};

/** A topic page: the collection of what the site files under it. */
export function topicCollection(topic: Topic, origin: URL): Thing {
  return {
    '@context': context,
    '@type': 'CollectionPage',
    name: topic.data.name,
    description: topic.data.newsroom.description,
    url: absoluteUrl(topicUrl(topic.id), origin),
    about: { '@type': 'Thing', name: topic.data.name },
    isPartOf: { '@type': 'WebSite', name: siteName, url: absoluteUrl(homeUrl(), origin) },
  };
}

/** Home › Topics › name. */
export const topicBreadcrumbs = (topic: Topic, origin: URL): Thing =>
  breadcrumbs(
    [
      { name: 'Topics', href: topicsUrl() },
      { name: topic.data.name, href: topicUrl(topic.id) },
    ],
    origin,
  );
