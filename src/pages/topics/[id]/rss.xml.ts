import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, type Topic } from '@/lib/content';
import { topicFeed } from '@/lib/outputs/feeds';
import { cacheKey, shownInFeed } from '@/lib/content/shown';
import { requireOrigin } from '@/lib/shared/site';
import { keyedFiles } from '@/integrations/page-keys';

export const getStaticPaths = (async ({ routePattern }) => {
  const site = await loadSite();
  return keyedFiles(
    routePattern,
    site.topics.map((topic) => ({
    params: { id: topic.id },
    props: { topic },
    cacheKey: cacheKey(shownInFeed(site, topic, site.topicItems(topic.id).articles)),
  })),
  );
}) satisfies GetStaticPaths;

/** The articles filed under one topic: /topics/<id>/rss.xml. */
export const GET: APIRoute<{ topic: Topic }> = async ({ props: { topic }, site: origin }) => {
  const site = await loadSite();
  return rss(topicFeed(site, requireOrigin(origin), topic, site.topicItems(topic.id).articles));
};
