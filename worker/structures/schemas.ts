import * as z from "zod";
import { FIELD_MAX } from "../rules/fields";
import { isValidCodePostal, isValidSiret, STRUCTURE_REFUS_MOTIFS, STRUCTURE_TYPES } from "../rules/structure";
import { email, optionalText, telephone, text, whenValid } from "../validation";

const codePostal = (label: string) =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .refine(isValidCodePostal, `${label} : code postal français à 5 chiffres.`);

/** The structure's information, shared by sign-up and the admin's edit page. */
export const structureInfoInput = z
  .object({
    nom: text("Nom de la structure", FIELD_MAX.structureNom),
    type: z.enum(STRUCTURE_TYPES, { error: "Type de structure : choisissez une valeur de la liste." }),
    adresse: text("Adresse", FIELD_MAX.adresse),
    complementAdresse: optionalText("Complément d'adresse", FIELD_MAX.complementAdresse),
    codePostal: codePostal("Code postal"),
    ville: text("Ville", FIELD_MAX.ville),
    telephone: telephone(),
    email: email("Adresse e-mail de la structure"),
    responsable: z.object({
      nom: text("Nom du responsable", FIELD_MAX.responsableNom),
      prenom: text("Prénom du responsable", FIELD_MAX.responsablePrenom),
      fonction: text("Fonction du responsable", FIELD_MAX.responsableFonction),
    }),
    capacite: z
      .number({ error: "Capacité : nombre attendu." })
      .int("Capacité : nombre entier attendu.")
      .min(0, "Capacité : 0 au minimum.")
      .max(1_000_000, "Capacité : valeur trop grande."),
    agrement: optionalText("Numéro d'agrément", FIELD_MAX.agrement),
    pasDeSiret: z.boolean().default(false),
    siret: z
      .string()
      .trim()
      .transform((v) => v.replace(/\s/g, ""))
      .nullish()
      .transform((v) => v || null),
    adresseCourrier: z
      .object({
        adresse: text("Adresse de réception du courrier", FIELD_MAX.adresse),
        codePostal: codePostal("Code postal de réception du courrier"),
        ville: text("Ville de réception du courrier", FIELD_MAX.ville),
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
