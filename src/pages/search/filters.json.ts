/**
 * The search form's speaker and topic lists, with their counts, fetched by the search page when a reader reaches for
 * them (src/components/search/site-search.ts). They name every person quoted and every topic, so they grow with the
 * archive: in the page's HTML they were 3.7 KB of the 7.7 KB a first search fetched for the page at 1,000 articles
 * (docs/scale.md).
 */
import type { APIRoute } from 'astro';
import { loadSite } from '@/lib/content';
import { searchFilterOptions } from '@/lib/outputs/search-records';
import type { SearchFilterLists } from '@/lib/shared/search-query';

export const prerender = true;

export const GET: APIRoute = async () => {
  const { speaker, topic } = searchFilterOptions(await loadSite());
  const lists: SearchFilterLists = {
    speaker: speaker.map(({ value, count }) => [value, count]),
    topic: topic.map(({ value, count }) => [value, count]),
  };
  return new Response(JSON.stringify(lists), { headers: { 'Content-Type': 'application/json' } });
};
