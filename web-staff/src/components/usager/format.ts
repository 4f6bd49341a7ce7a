/**
 * Display helpers of the domiciliés screens. Rules (échéance, dates, labels) come from the shared
 * worker/rules modules: this file only turns them into French text and CSS classes.
 */
import { type CalendarDate, formatDateFr, isCalendarDate } from "../../../../worker/rules/dates";
import type { EcheanceLevel, UsagerStatut } from "../../../../worker/rules/echeance";

/** "12/04/1988" (or "1988-04-12") → "1988-04-12"; anything else is sent as typed and the server names it. */
export function toIsoDate(typed: string): CalendarDate {
  const value = typed.trim();
  // An empty date is sent as missing, so the server answers "ce champ est obligatoire".
  if (value === "") return undefined as unknown as CalendarDate;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (fr) return `${fr[3]}-${fr[2]!.padStart(2, "0")}-${fr[1]!.padStart(2, "0")}`;
  return value;
}

/** The same, for an optional date: empty stays null. */
export function toIsoDateOrNull(typed: string): CalendarDate | null {
  return typed.trim() === "" ? null : toIsoDate(typed);
}

/** A valid calendar date typed in either form, or null (e.g. to recompute an end date as one types). */
export function parseTypedDate(typed: string): CalendarDate | null {
  const iso = toIsoDate(typed);
  return iso && isCalendarDate(iso) ? iso : null;
}

/** "1988-04-12" → "12/04/1988" for a text field; empty for null. */
export function toTypedDate(iso: CalendarDate | null | undefined): string {
  return iso ? formatDateFr(iso) : "";
}

export const DATE_HINT = "Format : JJ/MM/AAAA.";

/** Badge class of a status: colour plus the label, never colour alone. */
export function statutBadgeClass(statut: UsagerStatut): string {
  return `badge badge--statut badge--${statut.toLowerCase().replace("_", "-")}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** "dépassée depuis 3 jours", "dans 12 jours", "aujourd'hui (dernier jour)". */
export function echeanceDelay(days: number): string {
  if (days < 0) return `dépassée depuis ${plural(-days, "jour", "jours")}`;
  if (days === 0) return "dernier jour aujourd'hui";
  return `dans ${plural(days, "jour", "jours")}`;
}

/** The class that colours an échéance: red under 16 days (overdue included), amber under 61. */
export function echeanceClass(level: EcheanceLevel | null | undefined): string {
  if (level === "depassee" || level === "danger") return "echeance echeance--danger";
  if (level === "warning") return "echeance echeance--warning";
  return "echeance";
}

/** ["2 courriers", "1 avis de passage"]: what waits, one entry per kind. */
export function pendingMailParts(u: { nbCourrier: number; nbColis: number; nbAvis: number }): string[] {
  const parts: string[] = [];
  if (u.nbCourrier > 0) parts.push(plural(u.nbCourrier, "courrier", "courriers"));
  if (u.nbColis > 0) parts.push(plural(u.nbColis, "colis", "colis"));
  if (u.nbAvis > 0) parts.push(plural(u.nbAvis, "avis de passage", "avis de passage"));
  return parts;
}

/** "2 courriers, 1 colis, 1 avis de passage", or null when nothing waits. */
export function pendingMailText(u: { nbCourrier: number; nbColis: number; nbAvis: number }): string | null {
  const parts = pendingMailParts(u);
  return parts.length > 0 ? parts.join(", ") : null;
}

export { plural };

/** "1,2 Mo", "85 Ko". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
  return `${Math.max(1, Math.round(bytes / 1024))} Ko`;
}
