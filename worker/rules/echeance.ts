import { addDays, type CalendarDate, daysBetween } from "./dates";

/** Decision states of a file (reference B.4.3) and their list labels. */
export const USAGER_STATUTS = ["INSTRUCTION", "ATTENTE_DECISION", "VALIDE", "REFUS", "RADIE"] as const;
export type UsagerStatut = (typeof USAGER_STATUTS)[number];
export const USAGER_STATUT_LABELS: Record<UsagerStatut, string> = {
  INSTRUCTION: "Instruction",
  ATTENTE_DECISION: "À valider",
  VALIDE: "Actif",
  REFUS: "Refusé",
  RADIE: "Radié",
};

export type TypeDom = "PREMIERE_DOM" | "RENOUVELLEMENT";

/**
 * A domiciliation lasts one year: from the start day to the day before the same date a year later
 * (29 February → 28 February: the "same date" of a missing 29th is 1 March).
 */
export function defaultDateFin(dateDebut: CalendarDate): CalendarDate {
  const [y, m, d] = dateDebut.split("-").map(Number) as [number, number, number];
  const sameDayNextYear = new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
  return addDays(sameDayNextYear, -1);
}

interface DecisionLike {
  statut: UsagerStatut;
  dateDebut: CalendarDate | null;
  dateFin: CalendarDate | null;
}

/**
 * The date shown as "échéance" (reference B.4.4), from the decisions newest first:
 * VALIDE → its end (active); REFUS/RADIE → the decision's date (not active);
 * a renewal under instruction → the end of the last VALIDE decision (active); else none.
 */
export function echeanceOf(typeDom: TypeDom, decisions: readonly DecisionLike[]): { date: CalendarDate | null; active: boolean } {
  const current = decisions[0];
  if (!current) return { date: null, active: false };
  if (current.statut === "VALIDE") return { date: current.dateFin, active: true };
  if (current.statut === "REFUS" || current.statut === "RADIE") return { date: current.dateFin, active: false };
  if (typeDom === "RENOUVELLEMENT") {
    const lastValide = decisions.find((d) => d.statut === "VALIDE");
    if (lastValide) return { date: lastValide.dateFin, active: true };
  }
  return { date: null, active: false };
}

export type EcheanceLevel = "depassee" | "danger" | "warning" | "ok";

/** Red up to 15 days left (overdue included), amber up to 60: the staff colours of reference B.4.4. */
const DANGER_DAYS = 15;
const WARNING_DAYS = 60;

/**
 * Days left and the staff colour: the end day itself is still covered (inclusive), overdue only
 * from the day after.
 */
export function echeanceState(echeance: CalendarDate, today: CalendarDate): { days: number; level: EcheanceLevel } {
  const days = daysBetween(today, echeance);
  const level: EcheanceLevel = days < 0 ? "depassee" : days <= DANGER_DAYS ? "danger" : days <= WARNING_DAYS ? "warning" : "ok";
  return { days, level };
}

export function isEcheanceDepassee(echeance: CalendarDate, today: CalendarDate): boolean {
  return daysBetween(today, echeance) < 0;
}

/**
 * The list's échéance filters (reference B.13), with the reference's labels: overdue, or at most
 * 15 / 60 days left, the very files the list colours red / red or amber.
 */
export const ECHEANCE_FILTERS = {
  DEPASSEE: { label: "Dépassée", maxDays: -1 },
  MOINS_15_JOURS: { label: "Dans moins de 2 semaines", maxDays: DANGER_DAYS },
  MOINS_60_JOURS: { label: "Dans moins de 2 mois", maxDays: WARNING_DAYS },
} as const;
export type EcheanceFilter = keyof typeof ECHEANCE_FILTERS;

/** The échéances a filter keeps, as calendar days: [from, to], from open for « dépassée ». */
export function echeanceFilterRange(filter: EcheanceFilter, today: CalendarDate): { from: CalendarDate | null; to: CalendarDate } {
  return { from: filter === "DEPASSEE" ? null : today, to: addDays(today, ECHEANCE_FILTERS[filter].maxDays) };
}
