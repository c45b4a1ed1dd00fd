import type { APIRoute } from 'astro';
import { apiArticle, articleDocumentRoute, itemsDocumentText, jsonTextResponse } from '@/lib/outputs/api';
import { loadSite } from '@/lib/content';
import { articleBodyHtml } from '@/lib/content/body';
import { requireOrigin } from '@/lib/shared/site';
import { keptFileText } from '@/integrations/page-keys';

/**
 * Every published article, newest first, each as in its own document. Each is its own document's text: in a build
 * from the live site, the file of an article's document left in place is that text already, so a publish renders the
 * bodies of the articles it changed, not every body of the archive (about 0.5 s at 1,000 articles, 3 s at 5,000).
 */
export const GET: APIRoute = async ({ site: origin }) => {
  const site = await loadSite();
  const items = site.articles.map(
    (article) =>
      keptFileText(articleDocumentRoute, { id: article.id })?.trimEnd() ??
      JSON.stringify(apiArticle(article, { html: articleBodyHtml(article.body ?? '', site) }, requireOrigin(origin))),
  );
  return jsonTextResponse(itemsDocumentText(items));
};
