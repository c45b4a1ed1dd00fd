import type { APIRoute } from 'astro';
import { apiRoutes, jsonResponse } from '@/lib/outputs/api';
import { registry } from '@/lib/content/registry';
import { loadSite } from '@/lib/content';

/** The routes as GeoJSON, the same lines the route maps draw. */
export const GET: APIRoute = async () => jsonResponse(apiRoutes(await loadSite()), registry.routes.api.mediaType);
