import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSite } from '@/lib/content';
import { siteFeed } from '@/lib/feeds';
import { requireOrigin } from '@/lib/site';

export const GET: APIRoute = async ({ site: origin }) => rss(siteFeed(await loadSite(), requireOrigin(origin)));
