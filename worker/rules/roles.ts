/** Staff roles, from the least to the most powerful (reference B.2). */
export const ROLES = ["facteur", "agent", "simple", "responsable", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrateur",
  responsable: "Gestionnaire",
  simple: "Instructeur",
  agent: "Agent d'accueil",
  facteur: "Facteur",
};

export const STAFF_STATUS_LABELS = {
  PENDING: "Invitation envoyée",
  ACTIVE: "Actif",
  BLOCKED: "Bloqué",
  DELETED: "Supprimé",
} as const;
export type StaffStatus = keyof typeof STAFF_STATUS_LABELS;

/** The canonical functions of the reference (B.2), "Autre" takes a detail. */
export const FONCTIONS = [
  "Président",
  "Vice-président",
  "Maire",
  "Adjoint au maire",
  "Directeur",
  "DGS",
  "Directeur de CCAS",
  "Responsable de service",
  "Chef de service",
  "Coordinateur",
  "Travailleur social",
  "Conseiller en économie sociale et familiale",
  "Assistant social",
  "Agent administratif",
  "Agent d'accueil",
  "Secrétaire",
  "Bénévole",
  "Autre",
] as const;
