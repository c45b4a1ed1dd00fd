const numberFormat = new Intl.NumberFormat('en-GB');

/** "1 quote", "12 quotes": a count with its noun. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${numberFormat.format(n)} ${n === 1 ? singular : plural}`;
}

/** The first words of a text, cut at a word boundary with an ellipsis, for titles and link labels. */
export function firstWords(text: string, maxLength = 60): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : text.slice(0, maxLength)).replace(/[\s,.;:]+$/, '')}…`;
}
