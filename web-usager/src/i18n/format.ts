/**
 * Date formatting helpers for the dictionaries. Calendar dates ("YYYY-MM-DD", the legal dates:
 * échéance, procurations, transfert) are formatted as days, never shifted by a timezone; instants
 * (dernier passage, receptions, the offline banner) in the device's timezone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Creating an Intl formatter is slow on a phone (the first one of a language loads its locale
 * data): each is made once, not once per date on the page.
 */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  const known = formatters.get(key);
  if (known) return known;
  const format = new Intl.DateTimeFormat(locale, options);
  formatters.set(key, format);
  return format;
}

/** A calendar day as a UTC midnight, formatted in UTC so it never moves to the day before. */
function dayOf(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function formatDay(locale: string, iso: string, month: "long" | "2-digit" = "long"): string {
  return formatter(locale, {
    day: month === "long" ? "numeric" : "2-digit",
    month,
    year: "numeric",
    timeZone: "UTC",
  }).format(dayOf(iso));
}

export function formatInstantDay(locale: string, instant: Date, month: "long" | "2-digit" = "long"): string {
  return formatter(locale, { day: month === "long" ? "numeric" : "2-digit", month, year: "numeric" }).format(instant);
}

export function formatTime(locale: string, instant: Date): string {
  return formatter(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** The calendar day (YYYY-MM-DD) an instant falls on, on this device. */
export function localDay(instant: Date): string {
  const y = instant.getFullYear();
  const m = String(instant.getMonth() + 1).padStart(2, "0");
  const d = String(instant.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}
