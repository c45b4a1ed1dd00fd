import type { APIRoute, GetStaticPaths } from 'astro';
import { apiArticle, jsonResponse } from '@/lib/outputs/api';
import { loadSite, type Article } from '@/lib/content';
import { articleBodyHtml } from '@/lib/content/body';
import { cacheKey, shownOnArticle } from '@/lib/content/shown';
import { requireOrigin } from '@/lib/shared/site';
import { keyedFiles } from '@/integrations/page-keys';

// Keyed as the article's page: its body's HTML shows what the page's body shows.
export const getStaticPaths = (async ({ routePattern }) => {
  const site = await loadSite();
  return keyedFiles(
    routePattern,
    site.articles.map((article) => ({ params: { id: article.id }, props: { article }, cacheKey: cacheKey(shownOnArticle(site, article)) })),
  );
}) satisfies GetStaticPaths;

/** One article's document: /api/v1/articles/<id>.json. */
export const GET: APIRoute<{ article: Article }> = async ({ props: { article }, site }) =>
  jsonResponse(apiArticle(article, { html: articleBodyHtml(article.body ?? '', await loadSite()) }, requireOrigin(site)));
