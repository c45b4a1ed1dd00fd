import type { APIRoute } from 'astro';
import { apiIndex, jsonResponse } from '@/lib/outputs/api';
import { loadSite } from '@/lib/content';
import { requireOrigin } from '@/lib/shared/site';

/** The API's entry point: every collection with its document, JSON Schema and count. */
export const GET: APIRoute = async ({ site }) => jsonResponse(apiIndex(await loadSite(), requireOrigin(site)), undefined, 2);
