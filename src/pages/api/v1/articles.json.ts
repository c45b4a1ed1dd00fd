import type { APIRoute } from 'astro';
import { apiArticle, itemsDocument, jsonResponse } from '@/lib/outputs/api';
import { loadSite } from '@/lib/content';
import { articleBodyHtml } from '@/lib/content/body';
import { requireOrigin } from '@/lib/shared/site';

/** Every published article, newest first, each as in its own document. */
export const GET: APIRoute = async ({ site: origin }) => {
  const site = await loadSite();
  const items = site.articles.map((article) =>
    apiArticle(article, { html: articleBodyHtml(article.body ?? '', site) }, requireOrigin(origin)),
  );
  return jsonResponse(itemsDocument(items));
};
