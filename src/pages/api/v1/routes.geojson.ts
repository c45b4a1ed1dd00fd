import type { APIRoute } from 'astro';
import { apiFormats, apiRoutes, jsonResponse } from '@/lib/outputs/api';
import { loadSite } from '@/lib/content';

/** The routes as GeoJSON, the same lines the route maps draw. */
export const GET: APIRoute = async () => jsonResponse(apiRoutes(await loadSite()), apiFormats.routes.mediaType);
