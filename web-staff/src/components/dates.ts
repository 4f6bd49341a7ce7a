/**
 * Instants come from the server as ISO strings (UTC) and are shown in French, in the structure's
 * calendar timezone (Europe/Paris for now: the API does not send the structure's own yet).
 */
const TIME_ZONE = "Europe/Paris";

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE });
const shortDateTime = new Intl.DateTimeFormat("fr-FR", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: TIME_ZONE,
});

const dateOnly = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TIME_ZONE });

function toDate(value: string | Date): Date {
  return typeof value === "string" ? new Date(value) : value;
}

/** « 26 novembre 2026 à 21:17 » */
export function formatDateTime(value: string | Date): string {
  return dateTime.format(toDate(value));
}

/** « 26/11/2026 21:17 », for tables. */
export function formatShortDateTime(value: string | Date): string {
  return shortDateTime.format(toDate(value)).replace(",", "");
}

/** The machine-readable value of a `<time>` element. */
export function isoOf(value: string | Date): string {
  return toDate(value).toISOString();
}

/** « 26/11/2026 », the day of an instant in the structure's timezone (e.g. dernier passage). */
export function formatDate(value: string | Date): string {
  return dateOnly.format(toDate(value));
}
