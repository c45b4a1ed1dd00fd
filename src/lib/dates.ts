/** Dates are stored as UTC midnight; formatting in UTC keeps a date from moving a day with the reader's zone. */
export type Precision = 'day' | 'month' | 'year';

const formats: Record<Precision, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/** "25 October 2022", "September 2022" or "2022", as precisely as the date is known. */
export function formatDate(date: Date, precision: Precision = 'day', locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, formats[precision]).format(date);
}

/** The machine-readable form for `<time datetime>`: 2022-10-25, 2022-09 or 2022. */
export function isoDate(date: Date, precision: Precision = 'day'): string {
  const iso = date.toISOString().slice(0, 10);
  return precision === 'day' ? iso : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}
