/**
 * The components an article body can use, as the article page renders them. Which components exist, and which
 * collection each names, is the registry's `mdxComponents` (src/lib/content/registry.ts): `satisfies` holds this map
 * equal to it. Quote pages and the content API render bodies without Astro, in src/lib/content/body.ts, which writes
 * the same markup for quotes and names.
 */
import type { MdxComponentName } from '@/lib/content/registry';
import FactBox from './FactBox.astro';
import Person from './Person.astro';
import Quote from './Quote.astro';
import RouteMap from './RouteMap.astro';

export const articleComponents = { Quote, Person, FactBox, RouteMap } satisfies Record<MdxComponentName, unknown>;
