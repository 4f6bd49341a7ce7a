import * as z from "zod";
import { isCalendarDate } from "../rules/dates";
import { ECHEANCE_FILTERS } from "../rules/echeance";
import { FIELD_MAX } from "../rules/fields";
import {
  CIVILITES,
  ENTRETIEN_FILTERS,
  ENTRETIEN_QUESTIONS,
  LIENS_AYANT_DROIT,
  MOTIFS_RADIATION,
  MOTIFS_REFUS,
  ORIENTATIONS,
  USAGER_TABS,
} from "../rules/usager";
import { email, id, optionalText, text, whenValid, withoutControls } from "../validation";

export const calendarDate = (label: string) =>
  z.string({ error: `${label} : ce champ est obligatoire.` }).refine(isCalendarDate, `${label} : date invalide (JJ/MM/AAAA).`);

const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const ayantDroitInput = z.object({
  nom: text("Nom de l'ayant droit", FIELD_MAX.nom),
  prenom: text("Prénom de l'ayant droit", FIELD_MAX.prenom),
  dateNaissance: calendarDate("Date de naissance de l'ayant droit").refine(
    (d) => d >= "1900-01-01",
    "Date de naissance de l'ayant droit : le 01/01/1900 au plus tôt.",
  ),
  lien: z.enum(keysOf(LIENS_AYANT_DROIT), { error: "Lien : choisissez une valeur de la liste." }),
});

/** État civil and contact. */
export const etatCivilInput = z.object({
  civilite: z.enum(CIVILITES, { error: "Civilité : choisissez Monsieur ou Madame." }),
  nom: text("Nom", FIELD_MAX.nom),
  prenom: text("Prénom", FIELD_MAX.prenom),
  surnom: optionalText("Nom d'usage / Surnom", FIELD_MAX.surnom),
  dateNaissance: calendarDate("Date de naissance").refine((d) => d >= "1900-01-01", "Date de naissance : le 01/01/1900 au plus tôt."),
  lieuNaissance: text("Lieu de naissance", FIELD_MAX.lieuNaissance),
  nationalite: optionalText("Nationalité", FIELD_MAX.nationalite),
  langue: optionalText("Langue parlée", FIELD_MAX.langue),
  telephone: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine(
      (v) => v === null || /^(?:(?:\+|00)33\s?|0)[67](?:[\s.-]?\d{2}){4}$/.test(v),
      "Téléphone : numéro de mobile français attendu (06 ou 07).",
    ),
  email: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(email().nullable()),
  contactByPhone: z.boolean({ error: "Consentement SMS : répondez Oui ou Non." }),
  numeroDistribution: optionalText("Numéro de boîte postale ou TSA", FIELD_MAX.numeroDistribution),
  referentId: id.nullish().transform((v) => v ?? null),
  customRef: optionalText("Identifiant personnalisé", FIELD_MAX.customRef),
  ayantsDroit: z.array(ayantDroitInput).max(30, "30 ayants droit au maximum."),
});
export type EtatCivilInput = z.infer<typeof etatCivilInput>;

/** The contact details within the état civil, which every role may edit (permission usager.contact). */
export const contactInput = etatCivilInput.pick({ telephone: true, email: true, contactByPhone: true });
export type ContactInput = z.infer<typeof contactInput>;

const entretienShape = Object.fromEntries(
  Object.entries(ENTRETIEN_QUESTIONS).flatMap(([key, q]) => {
    // Free answers are cleaned like every text field (validation.ts): no control character is stored.
    const answer =
      q.type === "ouiNon"
        ? z.boolean().nullish()
        : q.type === "choix"
          ? z.enum(q.choix as unknown as [string, ...string[]], { error: `${q.label} : choisissez une valeur de la liste.` }).nullish()
          : z
              .string()
              .overwrite(withoutControls)
              .trim()
              .max(q.type === "texteLong" ? FIELD_MAX.entretienCommentaires : FIELD_MAX.entretienReponse, `${q.label} : texte trop long.`)
              .nullish();
    const entries: [string, z.ZodType][] = [[key, answer]];
    if ("detail" in q)
      entries.push([
        `${key}Detail`,
        z
          .string()
          .overwrite(withoutControls)
          .trim()
          .max(FIELD_MAX.entretienDetail, `${q.detail} : ${FIELD_MAX.entretienDetail} caractères au maximum.`)
          .nullish(),
      ]);
    return entries;
  }),
);
export const entretienInput = z.object(entretienShape).strict();

export const validateInput = z.object({
  usagerId: id,
  dateDebut: calendarDate("Date de début"),
  dateFin: calendarDate("Date de fin"),
  customRef: optionalText("Identifiant personnalisé", FIELD_MAX.customRef),
});

export const refuseInput = z
  .object({
    usagerId: id,
    date: calendarDate("Date de la décision"),
    motif: z.enum(keysOf(MOTIFS_REFUS), { error: "Motif : choisissez une valeur de la liste." }),
    motifDetails: optionalText("Précision du motif", FIELD_MAX.motifDetails),
    orientation: z
      .enum(keysOf(ORIENTATIONS))
      .nullish()
      .transform((v) => v ?? null),
    orientationDetails: optionalText("Précision de l'orientation", FIELD_MAX.orientationDetails),
  })
  .refine((v) => v.motif !== "AUTRE" || (v.motifDetails?.length ?? 0) >= 10, {
    path: ["motifDetails"],
    message: "Précision du motif : 10 caractères au minimum pour « Autre motif ».",
    when: whenValid("motif", "motifDetails"),
  })
  .refine((v) => !v.orientation || (v.orientationDetails?.length ?? 0) >= 5, {
    path: ["orientationDetails"],
    message: "Précision de l'orientation : 5 caractères au minimum.",
    when: whenValid("orientation", "orientationDetails"),
  });

export const radiationFields = {
  date: calendarDate("Date de radiation"),
  motif: z.enum(keysOf(MOTIFS_RADIATION), { error: "Motif : choisissez une valeur de la liste." }),
  motifDetails: optionalText("Précision du motif", FIELD_MAX.motifDetails),
};
const autreNeedsDetails = (v: { motif: string; motifDetails: string | null }) => v.motif !== "AUTRE" || (v.motifDetails?.length ?? 0) >= 10;
const autreMessage = {
  path: ["motifDetails"],
  message: "Précision du motif : 10 caractères au minimum pour « Autre motif ».",
  when: whenValid("motif", "motifDetails"),
};

export const radiateInput = z.object({ usagerId: id, ...radiationFields }).refine(autreNeedsDetails, autreMessage);
export const bulkRadiateInput = z
  .object({
    usagerIds: z.array(id).min(1, "Sélectionnez au moins un domicilié.").max(500, "500 dossiers au maximum à la fois."),
    ...radiationFields,
  })
  .refine(autreNeedsDetails, autreMessage);

export const listInput = z.object({
  tab: z.enum(keysOf(USAGER_TABS)).default("TOUS"),
  q: z.string().trim().max(FIELD_MAX.recherche, `Recherche : ${FIELD_MAX.recherche} caractères au maximum.`).default(""),
  passage: z.enum(["PLUS_2_MOIS", "PLUS_3_MOIS"]).nullish(),
  echeance: z.enum(keysOf(ECHEANCE_FILTERS)).nullish(),
  radieDepuis: z.enum(["PLUS_1_AN", "PLUS_2_ANS"]).nullish(),
  /** Files in instruction, before their entretien, whose rendez-vous is still to come, or past. */
  entretien: z.enum(keysOf(ENTRETIEN_FILTERS)).nullish(),
  courrier: z.boolean().nullish(),
  referentId: z.union([id, z.literal("AUCUN")]).nullish(),
  sort: z.enum(["ref", "nom", "echeance", "passage"]).default("nom"),
  order: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).max(100_000).default(1),
});
export type ListInput = z.infer<typeof listInput>;
