/** Dates are stored as UTC midnight; formatting in UTC keeps a date from moving a day with the reader's zone. */
export type Precision = 'day' | 'month' | 'year';

const formats: Record<Precision, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/** "25 October 2022", "September 2022" or "2022", as precisely as the date is known. */
export function formatDate(date: Date, precision: Precision = 'day', locale = 'en-GB'): string {
  return formatter(locale, precision).format(date);
}

// Making an Intl.DateTimeFormat costs far more than using one, and a build formats dates on every page.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, precision: Precision): Intl.DateTimeFormat {
  const key = `${locale} ${precision}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, formats[precision]);
    formatters.set(key, found);
  }
  return found;
}

/** The machine-readable form for `<time datetime>`: 2022-10-25, 2022-09 or 2022. */
export function isoDate(date: Date, precision: Precision = 'day'): string {
  const iso = date.toISOString().slice(0, 10);
  return precision === 'day' ? iso : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}
