import type { APIRoute, GetStaticPaths } from 'astro';
import { apiArticle, articleDocumentRoute, jsonResponse } from '@/lib/outputs/api';
import { loadSite, type Article } from '@/lib/content';
import { articleBodyHtml } from '@/lib/content/body';
import { cacheKey, shownOnArticle } from '@/lib/content/shown';
import { requireOrigin } from '@/lib/shared/site';
import { keyedFiles } from '@/integrations/page-keys';

// Keyed as the article's page: its body's HTML shows what the page's body shows.
export const getStaticPaths = (async ({ routePattern }) => {
  if (routePattern !== articleDocumentRoute) throw new Error(`This route is ${routePattern}: articleDocumentRoute in src/lib/outputs/api.ts must say so.`);
  const site = await loadSite();
  return keyedFiles(
    routePattern,
    site.articles.map((article) => ({ params: { id: article.id }, props: { article }, cacheKey: cacheKey(shownOnArticle(site, article)) })),
  );
}) satisfies GetStaticPaths;

/** One article's document: /api/v1/articles/<id>.json. */
export const GET: APIRoute<{ article: Article }> = async ({ props: { article }, site }) =>
  jsonResponse(apiArticle(article, { html: articleBodyHtml(article.body ?? '', await loadSite()) }, requireOrigin(site)));
