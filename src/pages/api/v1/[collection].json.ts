import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '@/lib/content';
import { dataCollections, dataDocument, jsonResponse, type DataCollection } from '@/lib/outputs/api';
import { cacheKey, type Shown } from '@/lib/content/shown';
import { requireOrigin } from '@/lib/shared/site';
import { keyedFiles } from '@/integrations/page-keys';

/** The data collections, each one document of its entries in the site's order (src/lib/outputs/api.ts), keyed on them. */
export const getStaticPaths = (async ({ routePattern }) => {
  const site = await loadSite();
  return keyedFiles(
    routePattern,
    dataCollections.map((collection) => ({ params: { collection }, cacheKey: cacheKey(site[collection] as readonly Shown[]) })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) =>
  jsonResponse(dataDocument(await loadSite(), params.collection as DataCollection, requireOrigin(origin)));
