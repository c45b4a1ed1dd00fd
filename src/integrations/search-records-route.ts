/**
 * Emits the search records of people and topics at build time, for the search-index integration
 * to add to Pagefind's index. Injected by ./search-index.ts, which removes the file from the output afterwards.
 */
import type { APIRoute } from 'astro';
import { loadSite } from '@/lib/content';
import { searchLanguage, searchRecords, type SearchRecord } from '@/lib/outputs/search-records';

export interface SearchRecordsFile {
  language: string;
  records: SearchRecord[];
}

export const prerender = true;

export const GET: APIRoute = async () => {
  const file: SearchRecordsFile = { language: searchLanguage, records: searchRecords(await loadSite()) };
  return new Response(JSON.stringify(file), { headers: { 'Content-Type': 'application/json' } });
};
