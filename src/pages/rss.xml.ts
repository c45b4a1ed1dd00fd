import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSite } from '@/lib/content';
import { siteFeed } from '@/lib/outputs/feeds';
import { requireOrigin } from '@/lib/shared/site';

export const GET: APIRoute = async ({ site: origin }) => rss(siteFeed(await loadSite(), requireOrigin(origin)));
