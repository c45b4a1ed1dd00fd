/**
 * The components an article body can use, as the article page renders them. Which components exist, and which
 * collection each names, is the registry's `mdxComponents` (src/lib/content/registry.ts): `satisfies` holds this map
 * equal to it. Article pages render their bodies from the text (src/lib/content/body.ts, `articlePageParts`), writing
 * what these components write for quotes and names and rendering FactBox and RouteMap themselves; these components
 * render only an article MDX still compiles (one with an image from its folder, src/lib/content/article-loader.ts).
 * Quote pages and the content API render bodies in body.ts too.
 */
import type { MdxComponentName } from '@/lib/content/registry';
import FactBox from './FactBox.astro';
import Person from './Person.astro';
import Quote from './Quote.astro';
import RouteMap from './RouteMap.astro';

export const articleComponents = { Quote, Person, FactBox, RouteMap } satisfies Record<MdxComponentName, unknown>;
