/**
 * An article's MDX body rendered to HTML outside a page, for the content API, with Astro's Container API and the MDX
 * (astro:jsx) renderer. Quotes and names render with the site's own components, so their words come from the
 * entries exactly as on the page; fact boxes and route maps, which this site adds to the journalism, render as
 * nothing (their data is in the API's figures and routes documents, and their place in the MDX source).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import mdxRenderer from '@astrojs/mdx/server.js';
import { render } from 'astro:content';
import Omitted from '@/components/mdx/Omitted.astro';
import Person from '@/components/mdx/Person.astro';
import Quote from '@/components/mdx/Quote.astro';
import type { MdxComponentName } from '../content/registry';
import type { Article } from '../content/index';

/** Every component authors may use, so a new one cannot be forgotten here. */
const components: Record<MdxComponentName, unknown> = { Quote, Person, FactBox: Omitted, RouteMap: Omitted };

let container: Promise<AstroContainer> | undefined;
/** Both the collection document and each article's own render the body: once per article and build is enough. */
const rendered = new Map<string, Promise<string>>();

export function articleHtml(article: Article): Promise<string> {
  const key = `${article.id}\n${article.digest ?? ''}`;
  let html = rendered.get(key);
  if (!html) {
    container ??= AstroContainer.create().then((created) => {
      created.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
      return created;
    });
    html = (async () => {
      const { Content } = await render(article);
      return (await container!).renderToString(Content, { props: { components } });
    })();
    rendered.set(key, html);
  }
  return html;
}
