import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, type Person } from '@/lib/content';
import { personFeed } from '@/lib/outputs/feeds';
import { cacheKey, shownInFeed } from '@/lib/content/shown';
import { requireOrigin } from '@/lib/shared/site';
import { keyedFiles } from '@/integrations/page-keys';

export const getStaticPaths = (async ({ routePattern }) => {
  const site = await loadSite();
  return keyedFiles(
    routePattern,
    site.people.map((person) => ({
    params: { id: person.id },
    props: { person },
    cacheKey: cacheKey(shownInFeed(site, person, site.articlesWith(person.id))),
  })),
  );
}) satisfies GetStaticPaths;

/** The articles one person wrote, edited, is quoted or mentioned in: /people/<id>/rss.xml. */
export const GET: APIRoute<{ person: Person }> = async ({ props: { person }, site: origin }) => {
  const site = await loadSite();
  return rss(personFeed(site, requireOrigin(origin), person, site.articlesWith(person.id)));
};
