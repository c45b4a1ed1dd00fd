import type { APIRoute, GetStaticPaths } from 'astro';
import { apiFigure, apiPerson, apiPlace, apiQuote, apiTopic, itemsDocument, jsonResponse } from '@/lib/outputs/api';
import { loadSite, type Site } from '@/lib/content';
import { requireOrigin } from '@/lib/shared/site';

/** The data collections, each one document of its entries in the site's order (quotes newest first). */
const documents = {
  people: (site: Site, origin: URL) => site.people.map((person) => apiPerson(person, origin)),
  quotes: (site: Site, origin: URL) => site.quotes.map((quote) => apiQuote(quote, origin)),
  figures: (site: Site, origin: URL) => site.figures.map((figure) => apiFigure(figure, origin)),
  topics: (site: Site, origin: URL) => site.topics.map((topic) => apiTopic(topic, origin)),
  places: (site: Site) => site.places.map((place) => apiPlace(place)),
};

export const getStaticPaths = (() =>
  (Object.keys(documents) as (keyof typeof documents)[]).map((collection) => ({ params: { collection } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) => {
  const items = documents[params.collection as keyof typeof documents](await loadSite(), requireOrigin(origin));
  return jsonResponse(itemsDocument(items));
};
