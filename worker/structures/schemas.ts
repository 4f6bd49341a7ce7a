import {
  isValidCodePostal,
  isValidSiret,
  STRUCTURE_REFUS_MOTIFS,
  STRUCTURE_TYPES,
} from "../rules/structure";
import * as z from "zod";
import { email, optionalText, telephone, text, whenValid } from "../validation";

const codePostal = (label: string) =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .refine(isValidCodePostal, `${label} : code postal français à 5 chiffres.`);

/** The structure's information (reference B.1), shared by sign-up and the admin's edit page. */
export const structureInfoInput = z
  .object({
    nom: text("Nom de la structure", 400),
    type: z.enum(STRUCTURE_TYPES, { error: "Type de structure : choisissez une valeur de la liste." }),
    adresse: text("Adresse", 1000),
    complementAdresse: optionalText("Complément d'adresse", 1000),
    codePostal: codePostal("Code postal"),
    ville: text("Ville", 200),
    telephone: telephone(),
    email: email("Adresse e-mail de la structure"),
    responsable: z.object({
      nom: text("Nom du responsable", 100),
      prenom: text("Prénom du responsable", 100),
      fonction: text("Fonction du responsable", 100),
    }),
    capacite: z
      .number({ error: "Capacité : nombre attendu." })
      .int("Capacité : nombre entier attendu.")
      .min(0, "Capacité : 0 au minimum.")
      .max(1_000_000, "Capacité : valeur trop grande."),
    agrement: optionalText("Numéro d'agrément", 200),
    pasDeSiret: z.boolean().default(false),
    siret: z
      .string()
      .trim()
      .transform((v) => v.replace(/\s/g, ""))
      .nullish()
      .transform((v) => v || null),
    adresseCourrier: z
      .object({
        adresse: text("Adresse de réception du courrier", 1000),
        codePostal: codePostal("Code postal de réception du courrier"),
        ville: text("Ville de réception du courrier", 200),
      })
      .nullish()
      .transform((v) => v ?? null),
  })
  .refine((v) => v.pasDeSiret || v.siret !== null, {
    path: ["siret"],
    message: "SIRET : indiquez le numéro ou cochez « Pas de SIRET ».",
    when: whenValid("siret", "pasDeSiret"),
  })
  .refine((v) => v.pasDeSiret || v.siret === null || isValidSiret(v.siret), {
    path: ["siret"],
    message: "SIRET : numéro invalide (14 chiffres, clé de contrôle).",
    when: whenValid("siret", "pasDeSiret"),
  });
export type StructureInfoInput = z.infer<typeof structureInfoInput>;

export const structureOptionsInput = z.object({
  nomStructure: z.boolean(),
  numeroBoite: z.boolean(),
  surnom: z.boolean(),
});

export const refuseStructureInput = z.object({
  id: z.number().int().positive(),
  motif: z.enum(STRUCTURE_REFUS_MOTIFS, { error: "Motif : choisissez une valeur de la liste." }),
});
