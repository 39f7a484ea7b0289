/** More than the app's locales, zones and styles can ask for; a bound keeps odd zones from piling up. */
const MAX_FORMATTERS = 256;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One `Intl.DateTimeFormat` per locale and options, shared by every caller: building one costs
 * far more than formatting with it, and a list renders the same few styles for every row.
 * Throws RangeError for an unknown time zone, as the constructor does.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}
