/**
 * Emits at build time what the search-index integration adds to Pagefind's index: the records of people and topics,
 * and each article page's search data as Pagefind attributes, which it adds to the page's HTML as it indexes it.
 * Injected by ./search-index.ts, which removes the file from the output afterwards.
 */
import type { APIRoute } from 'astro';
import { loadSite } from '@/lib/content';
import { articleSearchData, pagefindAttributes, searchLanguage, searchRecords, type SearchRecord } from '@/lib/outputs/search-records';

export interface SearchRecordsFile {
  language: string;
  records: SearchRecord[];
  /** By article id: the Pagefind attributes of its page (filters, meta with its quotes and figures, sort key). */
  articles: Record<string, string>;
}

export const prerender = true;

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const file: SearchRecordsFile = {
    language: searchLanguage,
    records: searchRecords(site),
    articles: Object.fromEntries(site.articles.map((article) => [article.id, pagefindAttributes(articleSearchData(site, article))])),
  };
  return new Response(JSON.stringify(file), { headers: { 'Content-Type': 'application/json' } });
};
