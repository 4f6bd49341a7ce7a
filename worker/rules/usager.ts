/** Labels and lists of the domicilié's file, shared by the server and the staff app (reference B.3, B.4). */
import { addDays, type CalendarDate, startOfDayInstant } from "./dates";

export const CIVILITES = ["M.", "Mme"] as const;
export type Civilite = (typeof CIVILITES)[number];

export const LIENS_AYANT_DROIT = {
  CONJOINT: "Conjoint(e)",
  ENFANT: "Enfant",
  PARENT: "Parent",
  AUTRE: "Autre personne à la charge",
} as const;
export type LienAyantDroit = keyof typeof LIENS_AYANT_DROIT;

export const ETAPES = ["État civil", "Rendez-vous", "Entretien", "Pièces justificatives", "Décision", "Dossier complet"] as const;
/** The index of the entretien in ETAPES: a file past it has had its entretien. */
export const ETAPE_ENTRETIEN = 2;

/** The list's entretien filters (reference B.13), for the files in instruction. */
export const ENTRETIEN_FILTERS = { A_VENIR: "À venir", DEPASSE: "Dépassé" } as const;
export type EntretienFilter = keyof typeof ENTRETIEN_FILTERS;

/**
 * The rendez-vous an entretien filter keeps, compared by calendar day in the structure's timezone
 * (reference B.13): « dépassé » before today's first instant, « à venir » from tomorrow's; a
 * rendez-vous of today is in neither.
 */
export function entretienFilterBound(filter: EntretienFilter, today: CalendarDate, timeZone: string): { before: Date } | { from: Date } {
  return filter === "DEPASSE" ? { before: startOfDayInstant(today, timeZone) } : { from: startOfDayInstant(addDays(today, 1), timeZone) };
}

export const TYPE_DOM_LABELS = { PREMIERE_DOM: "Première demande", RENOUVELLEMENT: "Renouvellement" } as const;

export const MOTIFS_RADIATION = {
  A_SA_DEMANDE: "À sa demande",
  PLUS_DE_LIEN_COMMUNE: "Plus de lien avec la commune",
  FIN_DE_DOMICILIATION: "Fin de domiciliation : arrivée à échéance (1 an) et son renouvellement n'a pas été sollicité",
  NON_MANIFESTATION_3_MOIS: "Non-manifestation pendant plus de 3 mois consécutifs",
  NON_RESPECT_REGLEMENT: "Non-respect du règlement",
  ENTREE_LOGEMENT: "Entrée dans un logement ou un hébergement stable",
  AUTRE: "Autre motif",
} as const;
export type MotifRadiation = keyof typeof MOTIFS_RADIATION;

export const MOTIFS_REFUS = {
  HORS_AGREMENT: "En dehors des critères du public domicilié",
  LIEN_COMMUNE: "Absence de lien avec la commune",
  SATURATION: "Nombre maximal de domiciliations atteint",
  AUTRE: "Autre motif",
} as const;
export type MotifRefus = keyof typeof MOTIFS_REFUS;

export const ORIENTATIONS = { ccas: "CCAS", cias: "CIAS", asso: "Organisme agréé", autre: "Autre" } as const;
export type Orientation = keyof typeof ORIENTATIONS;

/** Entretien questionnaire (reference B.4.2): every answer optional. */
export const ENTRETIEN_QUESTIONS = {
  domiciliation: { label: "Dispose-t-il déjà d'une domiciliation ?", type: "ouiNon" },
  revenus: { label: "Dispose-t-il de revenus ?", type: "ouiNon", detail: "Lesquels ?" },
  orientation: { label: "Est-il orienté par un tiers ?", type: "ouiNon", detail: "Orienté par" },
  liencommune: {
    label: "Lien avec la commune",
    type: "choix",
    choix: ["Résidentiel", "Parental", "Familial", "Professionnel", "Social", "Autre"],
    detail: "Précisez",
  },
  typeMenage: {
    label: "Composition du ménage",
    type: "choix",
    choix: [
      "Couple avec enfant(s)",
      "Couple sans enfant",
      "Femme isolée avec enfant(s)",
      "Femme isolée sans enfant",
      "Homme isolé avec enfant(s)",
      "Homme isolé sans enfant",
    ],
  },
  residence: {
    label: "Situation résidentielle",
    type: "choix",
    choix: [
      "Domicile mobile",
      "Hébergement social",
      "Hébergé chez un tiers",
      "Hôtel",
      "Sans abri / Squat / Bidonville",
      "Logement avec impossibilité d'utiliser son adresse",
      "Autre",
    ],
    detail: "Précisez",
  },
  cause: {
    label: "Cause de l'instabilité logement",
    type: "choix",
    choix: [
      "Errance",
      "Expulsion",
      "Hébergé sans adresse",
      "Itinérant",
      "Rupture familiale",
      "Sortie de structure",
      "Violence",
      "Sortie d'hospitalisation",
      "Sortie d'incarcération",
      "Autre",
    ],
    detail: "Précisez",
  },
  raison: {
    label: "Motif principal de la demande",
    type: "choix",
    choix: [
      "Exercice des droits civils ou civiques",
      "Accès aux prestations sociales",
      "Exercice d'une activité professionnelle",
      "Lutte contre les violences",
      "Autre",
    ],
    detail: "Précisez",
  },
  accompagnement: { label: "Bénéficie-t-il d'un accompagnement social ?", type: "ouiNon", detail: "Par quelle structure ?" },
  situationPro: {
    label: "Situation professionnelle",
    type: "choix",
    choix: ["Étudiant", "Salarié", "Indépendant", "France Travail", "RSA", "AAH", "Retraité", "Autre"],
    detail: "Précisez",
  },
  rattachement: { label: "Rattachement (commune, arrondissement)", type: "texte" },
  commentaires: { label: "Commentaires", type: "texteLong" },
} as const;
export type EntretienKey = keyof typeof ENTRETIEN_QUESTIONS;

/** List tabs of the usager list (reference B.13) and the statuses each covers. */
export const USAGER_TABS = {
  TOUS: { label: "Tous", statuts: null },
  ACTIFS: { label: "Actifs", statuts: ["VALIDE"] },
  INSTRUCTION: { label: "Instruction", statuts: ["INSTRUCTION"] },
  A_VALIDER: { label: "À valider", statuts: ["ATTENTE_DECISION"] },
  REFUSES: { label: "Refusés", statuts: ["REFUS"] },
  RADIES: { label: "Radiés", statuts: ["RADIE"] },
} as const;
export type UsagerTab = keyof typeof USAGER_TABS;

/** "M. DUPONT Jean" as the seed's header writes it. */
export function nomComplet(u: { civilite: string; nom: string; prenom: string }): string {
  return `${u.civilite} ${u.nom.toUpperCase()} ${u.prenom}`;
}
