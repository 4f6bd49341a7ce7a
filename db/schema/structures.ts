import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** A domiciliation structure (CCAS, CIAS or approved organisation). Reference B.1. */
export const structures = sqliteTable(
  "structures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    nom: text("nom").notNull(),
    type: text("type", { enum: ["ccas", "cias", "asso"] }).notNull(),
    adresse: text("adresse").notNull(),
    complementAdresse: text("complement_adresse"),
    codePostal: text("code_postal").notNull(),
    ville: text("ville").notNull(),
    departement: text("departement").notNull(),
    timeZone: text("time_zone").notNull().default("Europe/Paris"),
    telephone: text("telephone").notNull(),
    email: text("email").notNull(),
    responsableNom: text("responsable_nom").notNull(),
    responsablePrenom: text("responsable_prenom").notNull(),
    responsableFonction: text("responsable_fonction").notNull(),
    capacite: integer("capacite").notNull(),
    agrement: text("agrement"),
    siret: text("siret"),
    courrierAdresse: text("courrier_adresse"),
    courrierCodePostal: text("courrier_code_postal"),
    courrierVille: text("courrier_ville"),
    statut: text("statut", { enum: ["EN_ATTENTE", "VALIDE", "REFUS", "SUPPRIME"] })
      .notNull()
      .default("EN_ATTENTE"),
    statutMotif: text("statut_motif"),
    statutAt: integer("statut_at", { mode: "timestamp_ms" }),
    optionNomStructure: integer("option_nom_structure", { mode: "boolean" }).notNull().default(true),
    optionNumeroBoite: integer("option_numero_boite", { mode: "boolean" }).notNull().default(true),
    optionSurnom: integer("option_surnom", { mode: "boolean" }).notNull().default(false),
    portailEnabled: integer("portail_enabled", { mode: "boolean" }).notNull().default(false),
    portailLoginUpdatesDernierPassage: integer("portail_login_updates_dernier_passage", {
      mode: "boolean",
    })
      .notNull()
      .default(false),
    /** Last `ref` given to a domicilié: refs are sequential and never reused, even after a deletion. */
    lastUsagerRef: integer("last_usager_ref").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index("structures_statut_idx").on(t.statut)],
);
