import type { APIRoute } from 'astro';
import { apiArticle, itemsDocument, jsonResponse } from '@/lib/outputs/api';
import { articleHtml } from '@/lib/outputs/article-body';
import { loadSite } from '@/lib/content';
import { requireOrigin } from '@/lib/shared/site';

/** Every published article, newest first, each as in its own document. */
export const GET: APIRoute = async ({ site: origin }) => {
  const site = await loadSite();
  const items = await Promise.all(
    site.articles.map(async (article) => apiArticle(article, { html: await articleHtml(article) }, requireOrigin(origin))),
  );
  return jsonResponse(itemsDocument(items));
};
