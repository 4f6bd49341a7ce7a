/** Structure rules shared by the server and the staff app (reference B.1). */

export const STRUCTURE_TYPES = ["ccas", "cias", "asso"] as const;
export type StructureType = (typeof STRUCTURE_TYPES)[number];

export const STRUCTURE_TYPE_LABELS: Record<StructureType, string> = {
  ccas: "CCAS / Mairie / Commune",
  cias: "CIAS",
  asso: "Organisme agréé",
};

export const STRUCTURE_STATUT_LABELS = {
  EN_ATTENTE: "En attente de validation",
  VALIDE: "Validée",
  REFUS: "Refusée",
  SUPPRIME: "Supprimée",
} as const;
export type StructureStatut = keyof typeof STRUCTURE_STATUT_LABELS;

export const STRUCTURE_REFUS_MOTIFS = [
  "Compte existant",
  "Pas de domiciliation",
  "Créé par erreur par un domicilié",
  "Adresse e-mail générique",
] as const;

/** SIRET: 14 digits passing the Luhn check (La Poste's own SIRETs, 356000000xxxxx, sum digits mod 5). */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith("356000000")) {
    const sum = [...value].reduce((s, d) => s + Number(d), 0);
    return sum % 5 === 0;
  }
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(value[13 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidCodePostal(value: string): boolean {
  return /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/.test(value);
}

/** Département code from a French postcode (Corsica 2A/2B, overseas 971–976, 987/988). */
export function departementFromCodePostal(codePostal: string): string {
  if (codePostal.startsWith("97") || codePostal.startsWith("98")) return codePostal.slice(0, 3);
  if (codePostal.startsWith("20")) return Number(codePostal) < 20200 ? "2A" : "2B";
  return codePostal.slice(0, 2);
}

const OVERSEAS_TIME_ZONES: Record<string, string> = {
  "971": "America/Guadeloupe",
  "972": "America/Martinique",
  "973": "America/Cayenne",
  "974": "Indian/Reunion",
  "975": "America/Miquelon",
  "976": "Indian/Mayotte",
  "977": "America/St_Barthelemy",
  "978": "America/Marigot",
  "987": "Pacific/Tahiti",
  "988": "Pacific/Noumea",
};

/** The structure's calendar timezone, from its département (overseas structures have their own). */
export function timeZoneFromDepartement(departement: string): string {
  return OVERSEAS_TIME_ZONES[departement] ?? "Europe/Paris";
}
