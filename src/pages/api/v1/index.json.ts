import type { APIRoute } from 'astro';
import { apiIndex, jsonResponse, requireOrigin } from '@/lib/api';
import { loadSite } from '@/lib/content';

/** The API's entry point: every collection with its document, JSON Schema and count. */
export const GET: APIRoute = async ({ site }) => jsonResponse(apiIndex(await loadSite(), requireOrigin(site)), undefined, 2);
