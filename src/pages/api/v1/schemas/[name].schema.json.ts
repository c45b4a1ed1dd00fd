import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonResponse } from '@/lib/outputs/api';
import { apiSchema, apiSchemaNames, type ApiSchemaName } from '@/lib/outputs/api-schemas';
import { keyedFiles } from '@/integrations/page-keys';

// Made from the zod schemas alone, which are code: a change to them changes the code digest (scripts/build.mjs), which
// renders every page, so the key is only the name.
export const getStaticPaths = (({ routePattern }) =>
  keyedFiles(
    routePattern,
    apiSchemaNames.map((name) => ({ params: { name }, cacheKey: `schema:${name}` })),
  )) satisfies GetStaticPaths;

/** The JSON Schema of each API document, generated from the zod schemas. */
export const GET: APIRoute = ({ params }) =>
  jsonResponse(apiSchema(params.name as ApiSchemaName), 'application/schema+json', 2);
