/**
 * The components an article body can use (src/lib/content/checks.ts `mdxComponents` lists what authors may write), in one
 * map so the article page and the quote pages, which cut a paragraph from the rendered article, render bodies alike.
 */
import FactBox from './FactBox.astro';
import Person from './Person.astro';
import Quote from './Quote.astro';
import RouteMap from './RouteMap.astro';

export const articleComponents = { Quote, Person, FactBox, RouteMap };
