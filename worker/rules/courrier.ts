import { startOfDayInstant } from "./dates";

/** Interaction types and their labels. */
export const INTERACTION_LABELS = {
  courrierIn: "Courrier enregistré",
  colisIn: "Colis enregistré",
  recommandeIn: "Avis de passage enregistré",
  courrierOut: "Courrier remis",
  colisOut: "Colis remis",
  recommandeOut: "Avis de passage remis",
  appel: "Appel téléphonique",
  visite: "Passage",
} as const;
export type InteractionType = keyof typeof INTERACTION_LABELS;

export const RECEPTION_TYPES = ["courrierIn", "colisIn", "recommandeIn"] as const;
export type ReceptionType = (typeof RECEPTION_TYPES)[number];
export const HANDOVER_OF = { courrierIn: "courrierOut", colisIn: "colisOut", recommandeIn: "recommandeOut" } as const;
export const RECEPTION_LABELS: Record<ReceptionType, { one: string; many: string }> = {
  courrierIn: { one: "courrier", many: "courriers" },
  colisIn: { one: "colis", many: "colis" },
  recommandeIn: { one: "avis de passage", many: "avis de passage" },
};

/** The file's counters of mail still waiting, one per reception type. */
export interface WaitingMail {
  nbCourrier: number;
  nbColis: number;
  nbAvis: number;
}

/** Everything that waits for the person, courriers, colis and avis de passage together. */
export function waitingMailTotal(w: WaitingMail): number {
  return w.nbCourrier + w.nbColis + w.nbAvis;
}

/** Calls and visits: the person showed up. */
export const PRESENCE_TYPES = ["appel", "visite"] as const;
export const HANDOVER_TYPES = ["courrierOut", "colisOut", "recommandeOut"] as const;

export interface PassageEvent {
  type: InteractionType;
  mandataire: string | null;
  returnToSender: boolean;
}

/**
 * THE rule of "dernier passage": a call, a visit, or mail handed to the person
 * themself (also under an active transfer) shows they are still there; mail taken by a mandataire,
 * returned to sender, or merely received does not.
 */
export function countsAsPassage(e: PassageEvent): boolean {
  if ((PRESENCE_TYPES as readonly string[]).includes(e.type)) return true;
  if ((HANDOVER_TYPES as readonly string[]).includes(e.type)) return e.mandataire === null && !e.returnToSender;
  return false;
}

/**
 * Dernier passage: the latest of the counting interactions and (when the structure says so) portal
 * logins, never before the start of the current domiciliation.
 */
export function dernierPassage(input: {
  lastCountingInteraction: number | null;
  lastPortalLogin: number | null;
  portalLoginCounts: boolean;
  decisionStart: number | null;
}): number | null {
  const candidates = [input.lastCountingInteraction, input.portalLoginCounts ? input.lastPortalLogin : null, input.decisionStart];
  const present = candidates.filter((c): c is number => c !== null);
  return present.length > 0 ? Math.max(...present) : null;
}

/**
 * The floor of dernier passage: the start (00:00 in the structure's timezone) of the latest accepted
 * domiciliation among `decisions`, newest first; null when none was ever accepted.
 */
export function decisionStartFloor(decisions: readonly { statut: string; dateDebut: string | null }[], timeZone: string): number | null {
  const valide = decisions.find((d) => d.statut === "VALIDE" && d.dateDebut);
  return valide ? startOfDayInstant(valide.dateDebut!, timeZone).getTime() : null;
}

export type ProcurationState = "inactive" | "active" | "expired";

/** A procuration counts from its first day through its last day, inclusive. */
export function procurationState(p: { dateDebut: string; dateFin: string }, today: string): ProcurationState {
  if (p.dateDebut > today) return "inactive";
  if (p.dateFin < today) return "expired";
  return "active";
}

export const PROCURATIONS_MAX = 5;
