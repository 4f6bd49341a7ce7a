/**
 * Calendar dates ("YYYY-MM-DD") for the legal rules: échéance, procurations, dernier passage.
 * They are days in the structure's timezone, never UTC midnights (product.md, "Dates").
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): value is CalendarDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl.DateTimeFormat per locale and options, kept: building one costs far more than using it
 * (it was a tenth of a fiche request's CPU when every call built its own).
 */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  const known = formatters.get(key);
  if (known) return known;
  const format = new Intl.DateTimeFormat(locale, options);
  formatters.set(key, format);
  return format;
}

/** The calendar day it is at `instant` in `timeZone` (e.g. 23:30 UTC is already tomorrow in Paris). */
export function calendarDateIn(timeZone: string, instant: Date): CalendarDate {
  return dateFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** UTC midnight of a calendar day, in ms (read from fixed positions: lists compute it per row). */
function utcMs(date: CalendarDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function toUtc(date: CalendarDate): Date {
  return new Date(utcMs(date));
}

function fromUtc(date: Date): CalendarDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Calendar months later; the 31st of a shorter month becomes its last day. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromUtc(target);
}

/** Whole calendar days from `from` to `to` (negative when `to` is before). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((utcMs(to) - utcMs(from)) / 86_400_000);
}

/** "06/02/2023" */
export function formatDateFr(date: CalendarDate): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

/** Offset of `timeZone` from UTC at `instant`, in ms (positive east of Greenwich). */
function offsetMs(timeZone: string, instant: number): number {
  const parts = dateFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day starts in `timeZone` (00:00 there), DST included. */
export function startOfDayInstant(date: CalendarDate, timeZone: string): Date {
  const utcMidnight = toUtc(date).getTime();
  const first = utcMidnight - offsetMs(timeZone, utcMidnight);
  return new Date(utcMidnight - offsetMs(timeZone, first));
}

/** "6 février 2023", the way letters write dates. */
export function formatDateLongFr(date: CalendarDate): string {
  return dateFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(toUtc(date));
}
