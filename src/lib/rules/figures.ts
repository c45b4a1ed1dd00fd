import type { Figure } from '../content/index';

// One number format for the whole build: making an Intl.NumberFormat costs far more than using one.
const numberFormat = new Intl.NumberFormat('en-GB');

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A figure as readers see it: "More than 100,000 people", "80%", "Nearly 40 companies". */
export function formatFigure(figure: Pick<Figure['data'], 'value' | 'unit' | 'qualifier'>): string {
  const number = numberFormat.format(figure.value);
  const amount = figure.unit === 'percent' ? `${number}%` : `${number} ${figure.unit}`;
  return figure.qualifier === 'exactly' ? amount : `${capitalise(figure.qualifier)} ${amount}`;
}
