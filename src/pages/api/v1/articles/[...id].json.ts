import type { APIRoute, GetStaticPaths } from 'astro';
import { apiArticle, jsonResponse } from '@/lib/api';
import { articleHtml } from '@/lib/article-body';
import { loadSite, type Article } from '@/lib/content';
import { requireOrigin } from '@/lib/site';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.articles.map((article) => ({ params: { id: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

/** One article's document: /api/v1/articles/<id>.json. */
export const GET: APIRoute<{ article: Article }> = async ({ props: { article }, site }) =>
  jsonResponse(apiArticle(article, { html: await articleHtml(article) }, requireOrigin(site)));
