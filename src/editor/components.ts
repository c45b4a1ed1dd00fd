/**
 * An article's body in the browser editor: MDX with the site's components on the toolbar. Which prop of each
 * component names which collection comes from the registry (`mdxComponents`), so the pickers offer existing entries
 * and no id is typed by hand; each component shows its ids in the editor, so a journalist sees which figure stands
 * where. A quote and a name are marks on the words themselves: select them, then Quote or Person on the toolbar.
 *
 * React is only loaded by the editor (npm run dev / npm run editor); nothing here reaches the built site.
 */
import { fields, type ComponentSchema } from '@keystatic/core';
import { block, mark, type ContentComponent } from '@keystatic/core/content-components';
import { createElement, type ReactElement } from 'react';
import { quoteKinds } from '../schemas/common';
import { mdxComponents, registry, type MdxComponentName } from '../lib/content/registry';

/** The picker for a component's id prop, from the registry. */
function idPicker(name: MdxComponentName): Record<string, ComponentSchema> {
  const { prop, collection, list } = mdxComponents[name];
  const label = `${registry[collection].noun[list ? 'many' : 'one'].replace(/^./, (c) => c.toUpperCase())}`;
  return {
    [prop]: list
      ? fields.multiRelationship({ label, collection, validation: { length: { min: 1 } } })
      : fields.relationship({ label, collection, validation: { isRequired: true } }),
  };
}

/** What the editor shows in place of a component: its name and the ids it names. */
const preview = (text: string): ReactElement =>
  createElement('span', { style: { fontFamily: 'monospace', fontSize: '0.9em' }, 'data-component-preview': '' }, text);

const ids = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value ?? '(none chosen)'));

/**
 * A toolbar or menu icon. Keystatic draws it inside its own 24-unit <svg> (stroke width 2, round ends), so it must be
 * SVG: text in a <span> there is never painted, and the Quote and Person buttons showed as blank squares.
 */
const icon = (d: string): ReactElement => createElement('path', { d, fill: 'none', stroke: 'currentColor' });
/** Two opening quotation marks. */
const quoteIcon = 'M4 17c3-1 5-3 5-6V7H4v5h5M14 17c3-1 5-3 5-6V7h-5v5h5';
/** A head and shoulders. */
const personIcon = 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 3.6-6 8-6s8 2 8 6';
/** A box of lines: figures with their sources. */
const factBoxIcon = 'M4 4h16v16H4zM8 9h8M8 13h8M8 17h4';
/** A folded map. */
const routeMapIcon = 'M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3zM9 3v15M15 6v15';

/**
 * Each component as the editor offers it. Typed by the registry's names, so a component added there fails the type
 * check until the editor offers it too.
 */
export const editorComponents: Record<MdxComponentName, () => ContentComponent> = {
  // A mark on the words themselves: select them in the text, then Quote on the toolbar; the quote is derived from the
  // mark (src/lib/content/quote-marks.ts). Its id may stay empty for a new quote: the save fills it (src/editor/api.ts).
  Quote: () =>
    mark({
      label: 'Quote',
      icon: icon(quoteIcon),
      schema: {
        id: fields.text({
          label: 'Id',
          description:
            "The quote's permalink, /quotes/<id>/. Leave it empty for a new quote: saving fills it from the speaker and the first words, and it stays when the words are corrected.",
          validation: { pattern: { regex: /^$|^[a-z0-9]+(?:-[a-z0-9]+)*$/, message: 'Lowercase words and digits joined by hyphens, or empty.' } },
        }),
        speaker: fields.relationship({ label: 'Speaker', description: 'Who said it (a person in People).', collection: 'people', validation: { isRequired: true } }),
        kind: fields.select({
          label: 'Kind',
          description: 'direct: quoted in full; partial: a fragment in quotation marks; reported: paraphrased speech, without quotation marks.',
          options: quoteKinds.map((kind) => ({ label: kind, value: kind })),
          defaultValue: 'direct',
        }),
        role: fields.text({
          label: 'Role',
          description: "Only when the speaker held more than one role when it was said: the title of the role they spoke in, as in their entry.",
        }),
      },
      tag: 'span',
      className: 'newsroom-quote',
      style: ({ value }: { value: Record<string, unknown> }) => ({
        background: value['speaker'] ? 'rgba(255, 214, 0, 0.25)' : 'rgba(255, 0, 0, 0.15)',
        textDecoration: value['speaker'] ? 'none' : 'underline wavy red',
      }),
    }),
  Person: () =>
    mark({
      label: 'Person',
      icon: icon(personIcon),
      schema: idPicker('Person'),
      tag: 'span',
      className: 'newsroom-person',
      style: ({ value }: { value: Record<string, unknown> }) => ({ textDecoration: value['id'] ? 'underline dotted' : 'underline wavy red' }),
    }),
  FactBox: () =>
    block({
      label: 'Fact box',
      description: 'A box with one or more figures: the number, what it measures, its source and date.',
      icon: icon(factBoxIcon),
      schema: idPicker('FactBox'),
      ContentView: ({ value }: { value: Record<string, unknown> }) => preview(`Fact box: ${ids(value['figures'])}`),
    }),
  RouteMap: () =>
    block({
      label: 'Route map',
      description: 'A map of one or more routes with their waypoints.',
      icon: icon(routeMapIcon),
      schema: {
        ...idPicker('RouteMap'),
        caption: fields.text({ label: 'Caption', description: 'The caption under the map, as published (optional).' }),
      },
      ContentView: ({ value }: { value: Record<string, unknown> }) =>
        preview(`Route map: ${ids(value['routes'])}${value['caption'] ? ` (${String(value['caption'])})` : ''}`),
    }),
};

/** The article body field: MDX, with the headings and formatting the site prints, and the site's components. */
export function articleBody() {
  return fields.mdx({
    label: 'Text',
    description:
      'The article text. Select words to mark them as a quote or a name (Quote, Person on the toolbar); insert fact boxes and maps from the + menu.',
    extension: 'mdx',
    options: {
      // The headline is the only level-1 heading; the site's articles use ## and ###.
      heading: [2, 3],
      codeBlock: false,
      code: false,
      table: false,
      // The site prints no dividers, and a block quotation would show speech without its speaker, role and page: a
      // quote is a Quote, marked on its words. (Keystatic's block-quotation button is also labelled "Quote".)
      divider: false,
      blockquote: false,
      image: { directory: registry.articles.folder, publicPath: './' },
    },
    components: Object.fromEntries(
      Object.entries(editorComponents).map(([name, make]) => [name, make()]),
    ) as Record<MdxComponentName, ContentComponent>,
  });
}
