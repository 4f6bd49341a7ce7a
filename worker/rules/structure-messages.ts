/** Kinds of structure message shown on Mon Ancrage (reference A.9), with their French labels. */
export const STRUCTURE_MESSAGE_TYPES = {
  general: "Information générale",
  closing: "Fermeture",
  "opening-hours": "Horaires d'ouverture",
  other: "Autre information",
} as const;

export type StructureMessageType = keyof typeof STRUCTURE_MESSAGE_TYPES;

/** Whether a message is shown on `today` (calendar days, both ends included; no end: open-ended). */
export function messageIsCurrent(m: { dateDebut: string; dateFin: string | null }, today: string): boolean {
  return m.dateDebut <= today && (m.dateFin === null || today <= m.dateFin);
}
