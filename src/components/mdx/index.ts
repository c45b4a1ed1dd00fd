/**
 * The components an article body can use (src/lib/content/checks.ts `mdxComponents` lists what authors may write), as
 * the article page renders them. Quote pages and the content API render bodies without Astro, in
 * src/lib/content/body.ts, which writes the same markup for quotes and names.
 */
import FactBox from './FactBox.astro';
import Person from './Person.astro';
import Quote from './Quote.astro';
import RouteMap from './RouteMap.astro';

export const articleComponents = { Quote, Person, FactBox, RouteMap };
