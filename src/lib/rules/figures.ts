/**
 * How the site words a figure: its value, who it comes from and when it holds. One rule each, used by the fact
 * boxes, the topic pages, the search records and the search page's script. Pure and free of Node, so the browser
 * may load it.
 */
import type { figureQualifiers } from '../../schemas/figure';

// One number format for the whole build: making an Intl.NumberFormat costs far more than using one.
const numberFormat = new Intl.NumberFormat('en-GB');

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A figure as readers see it: "More than 100,000 people", "80%", "Nearly 40 companies". */
export function formatFigure(figure: { value: number; unit: string; qualifier: (typeof figureQualifiers)[number] }): string {
  const number = numberFormat.format(figure.value);
  const amount = figure.unit === 'percent' ? `${number}%` : `${number} ${figure.unit}`;
  return figure.qualifier === 'exactly' ? amount : `${capitalise(figure.qualifier)} ${amount}`;
}

/** Who a figure comes from, as its entry names it. */
export type FigureSource = { person: { id: string } } | { report: string } | { publisher: string };

/**
 * Who a figure comes from, as readers see it: a person (by the name `personName` gives, which pages link), a report
 * or a publisher.
 */
export function figureSource(source: FigureSource, personName: (id: string) => string): { name: string; personId?: string } {
  if ('person' in source) return { name: personName(source.person.id), personId: source.person.id };
  return { name: 'report' in source ? source.report : source.publisher };
}

/** The words before a figure's date: "as of" when the article says when, "as reported on" when its date stands in. */
export function asOfWording(basis: string | undefined): string {
  return basis === 'stated' ? 'as of' : 'as reported on';
}

/** The label of a figure's source line: "Source: Rystad Energy". */
export const sourceLabel = (name: string) => `Source: ${name}`;
