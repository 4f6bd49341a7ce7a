/** Interaction types and their labels (reference B.5). */
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
