/**
 * What may be done on a file's request, from which statut, by whom. The server refuses any other
 * move; the staff fiche shows only the buttons this table allows.
 */
import type { UsagerStatut } from "./echeance";
import { can, type Permission } from "./permissions";
import type { Role } from "./roles";

export const DECISION_ACTIONS = {
  /** An instructeur hands the complete file to a gestionnaire: « À valider ». */
  soumettre: { permission: "usager.instruct", from: ["INSTRUCTION"] },
  /** A gestionnaire statue on a request, submitted or still in instruction. */
  valider: { permission: "usager.decide", from: ["INSTRUCTION", "ATTENTE_DECISION"] },
  refuser: { permission: "usager.decide", from: ["INSTRUCTION", "ATTENTE_DECISION"] },
  /** A domiciliation can end, and a request be dropped, before or after the decision. */
  radier: { permission: "usager.radiate", from: ["VALIDE", "INSTRUCTION", "ATTENTE_DECISION"] },
  /** « Demande de renouvellement »: a renewal of an active file, or a new request after a refusal or a radiation. */
  renouveler: { permission: "usager.instruct", from: ["VALIDE", "REFUS", "RADIE"] },
} as const satisfies Record<string, { permission: Permission; from: readonly UsagerStatut[] }>;
export type DecisionAction = keyof typeof DECISION_ACTIONS;

/** Whether the act can start from this statut, whoever asks. */
export function allowedFrom(action: DecisionAction, statut: UsagerStatut): boolean {
  return (DECISION_ACTIONS[action].from as readonly UsagerStatut[]).includes(statut);
}

/** Whether this role may do the act on a file in this statut. */
export function mayDo(role: Role, action: DecisionAction, statut: UsagerStatut): boolean {
  return can(role, DECISION_ACTIONS[action].permission) && allowedFrom(action, statut);
}

/** « Annuler la dernière décision »: a gestionnaire's act, in any statut. */
export const UNDO_PERMISSION = "usager.decide" satisfies Permission;

/** The last decision can be undone only when an earlier one is there to be restored. */
export function canUndo(decisionCount: number): boolean {
  return decisionCount >= 2;
}
