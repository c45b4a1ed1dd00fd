import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '@/lib/content';
import { dataCollections, dataDocument, jsonResponse, type DataCollection } from '@/lib/outputs/api';
import { requireOrigin } from '@/lib/shared/site';

/** The data collections, each one document of its entries in the site's order (src/lib/outputs/api.ts). */
export const getStaticPaths = (() => dataCollections.map((collection) => ({ params: { collection } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) =>
  jsonResponse(dataDocument(await loadSite(), params.collection as DataCollection, requireOrigin(origin)));
