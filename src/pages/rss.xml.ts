import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSite } from '@/lib/content';
import { articleFeedItem, feedNamespaces } from '@/lib/feeds';
import { siteDescription, siteName } from '@/lib/site';

export const GET: APIRoute = async ({ site: origin }) => {
  const site = await loadSite();
  return rss({
    title: siteName,
    description: siteDescription,
    site: origin!,
    xmlns: feedNamespaces,
    customData: '<language>en</language>',
    items: site.articles.map((article) => articleFeedItem(site, article)),
  });
};
