import { type SQLWrapper, sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DOCUMENT_KIND_VALUES } from "../../worker/rules/documents";
import { USAGER_STATUTS } from "../../worker/rules/echeance";
import { staffUsers } from "./staff";
import { structures } from "./structures";

/**
 * The first two characters of a normalised prénom, as usagers_structure_prenom_start_idx holds
 * them (migration 0014): SQLite uses that index only for this very expression.
 */
export const prenomStart = (searchPrenom: SQLWrapper) => sql`substr(${searchPrenom}, 1, 2)`;

/**
 * The condition of usager_notes_pinned_idx (migration 0015). A query repeats it as written: SQLite
 * then uses the index, and does not re-plan the statement as it would for a bound value.
 */
export const isPinned = (pinned: SQLWrapper) => sql`${pinned} = 1`;

/**
 * The condition of usagers_courrier_idx (migration 0018): mail waiting to be handed over (the
 * list's filter « courrier à récupérer »), repeated as written by the queries that use the index.
 */
export const hasMailWaiting = (courrier: SQLWrapper, colis: SQLWrapper, avis: SQLWrapper) => sql`${courrier} + ${colis} + ${avis} > 0`;

export interface AyantDroit {
  nom: string;
  prenom: string;
  dateNaissance: string;
  lien: "CONJOINT" | "ENFANT" | "PARENT" | "AUTRE";
}

/** Answers of the entretien; every question is optional. */
export type Entretien = Record<string, string | boolean | null>;

/**
 * A domicilié's file. The current decision is mirrored here (statut, dates,
 * échéance) so the list filters and sorts on indexed columns; the decisions table keeps the history.
 */
export const usagers = sqliteTable(
  "usagers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    structureId: integer("structure_id")
      .notNull()
      .references(() => structures.id),
    /** Sequential per structure, never reused (structures.last_usager_ref). */
    ref: integer("ref").notNull(),
    /** The "ID" the structure prints (e.g. "01"); defaults to ref. */
    customRef: text("custom_ref").notNull(),
    civilite: text("civilite", { enum: ["M.", "Mme"] }).notNull(),
    nom: text("nom").notNull(),
    prenom: text("prenom").notNull(),
    surnom: text("surnom"),
    dateNaissance: text("date_naissance").notNull(),
    lieuNaissance: text("lieu_naissance").notNull(),
    nationalite: text("nationalite"),
    langue: text("langue"),
    telephone: text("telephone"),
    email: text("email"),
    contactByPhone: integer("contact_by_phone", { mode: "boolean" }).notNull().default(false),
    numeroDistribution: text("numero_distribution"),
    referentId: integer("referent_id").references(() => staffUsers.id),
    ayantsDroit: text("ayants_droit", { mode: "json" }).$type<AyantDroit[]>().notNull().default(sql`'[]'`),
    entretien: text("entretien", { mode: "json" }).$type<Entretien>().notNull().default(sql`'{}'`),
    statut: text("statut", { enum: USAGER_STATUTS }).notNull().default("INSTRUCTION"),
    typeDom: text("type_dom", { enum: ["PREMIERE_DOM", "RENOUVELLEMENT"] })
      .notNull()
      .default("PREMIERE_DOM"),
    etape: integer("etape").notNull().default(1),
    rdvAt: integer("rdv_at", { mode: "timestamp_ms" }),
    rdvUserId: integer("rdv_user_id"),
    datePremiereDom: text("date_premiere_dom"),
    decisionDebut: text("decision_debut"),
    decisionFin: text("decision_fin"),
    decisionAt: integer("decision_at", { mode: "timestamp_ms" }),
    /** Derived from the decisions (rules/echeance.ts), stored for the list's filters and sort. */
    echeance: text("echeance"),
    /** Last time the person came, called or took their mail (instant, UTC). */
    dernierPassage: integer("dernier_passage", { mode: "timestamp_ms" }),
    nbCourrier: integer("nb_courrier").notNull().default(0),
    nbColis: integer("nb_colis").notNull().default(0),
    nbAvis: integer("nb_avis").notNull().default(0),
    /** One mail transfer: where mail is forwarded between two dates. */
    transfertNom: text("transfert_nom"),
    transfertAdresse: text("transfert_adresse"),
    transfertDebut: text("transfert_debut"),
    transfertFin: text("transfert_fin"),
    /** "Ne plus accepter le courrier" on a radiated file: the day it was set, null when off. */
    npaiDepuis: text("npai_depuis"),
    /** Accent-free lower-case text the search index covers (names, ayants droit, ID, dates, phone). */
    searchText: text("search_text").notNull(),
    /** Normalised nom / prénom for 2-letter prefix search (a trigram index needs 3). */
    searchNom: text("search_nom").notNull(),
    searchPrenom: text("search_prenom").notNull(),
    /** Bumped by every write: a write based on an older read is refused (see worker/usagers/guard.ts). */
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("usagers_structure_ref_uq").on(t.structureId, t.ref),
    // Name-ordered pages read these in order: no sort step, even deep in a 50,000-file list.
    index("usagers_structure_statut_nom_idx").on(t.structureId, t.statut, t.searchNom, t.searchPrenom, t.ref),
    // With the statut last, a search's tab counts and name-ordered pages never read the row
    // (worker/usagers/list.ts): a nom range, a prénom range, or the whole list read in name order.
    index("usagers_structure_nom_idx").on(t.structureId, t.searchNom, t.searchPrenom, t.ref, t.statut),
    index("usagers_structure_prenom_idx").on(t.structureId, t.searchPrenom, t.searchNom, t.ref, t.statut),
    // Hand-written in migration 0014 (drizzle-kit splits an expression at its commas):
    // usagers_structure_prenom_start_idx on (structure_id, prenomStart(search_prenom), search_nom,
    // search_prenom, ref, statut), so a 2-letter search reads its prénom part in name order.
    index("usagers_structure_echeance_idx").on(t.structureId, t.statut, t.echeance),
    // The filters « radié depuis » and « entretien » (one statut and a date range): counted and
    // listed from these instead of reading every file of that statut.
    index("usagers_structure_decision_fin_idx").on(t.structureId, t.statut, t.decisionFin),
    index("usagers_structure_rdv_idx").on(t.structureId, t.statut, t.rdvAt),
    index("usagers_structure_passage_idx").on(t.structureId, t.statut, t.dernierPassage),
    index("usagers_structure_custom_ref_idx").on(t.structureId, t.customRef),
    index("usagers_structure_naissance_idx").on(t.structureId, t.dateNaissance),
    // With the statut last, the tabs of a référent's list (or of « aucun ») are counted from the index.
    index("usagers_referent_idx").on(t.structureId, t.referentId, t.statut),
    // Files with mail waiting, per statut: the tabs of « courrier à récupérer » are counted here
    // (forced with INDEXED BY, worker/usagers/list.ts) instead of reading every file (~60 ms on 50,000).
    index("usagers_courrier_idx")
      .on(t.structureId, t.statut)
      .where(hasMailWaiting(sql`nb_courrier`, sql`nb_colis`, sql`nb_avis`)),
    // What a search needs to sort the files it finds, by id: ~45 bytes an entry instead of a
    // ~600-byte row (worker/usagers/list.ts).
    index("usagers_search_idx").on(t.id, t.structureId, t.statut, t.searchNom, t.searchPrenom, t.ref),
  ],
);

/**
 * How many files each structure has per statut. Triggers on usagers keep it in the same
 * transaction as every write (migration 0017), whatever the write: the list without search or
 * filter reads its tab counts here instead of counting up to 50,000 index entries per request.
 */
export const usagerCounts = sqliteTable(
  "usager_counts",
  {
    structureId: integer("structure_id")
      .notNull()
      .references(() => structures.id),
    statut: text("statut", { enum: USAGER_STATUTS }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.structureId, t.statut] })],
);

/** Every decision taken on a file, newest last; the current one is mirrored on the usager. */
export const usagerDecisions = sqliteTable(
  "usager_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    structureId: integer("structure_id").notNull(),
    usagerId: integer("usager_id")
      .notNull()
      .references(() => usagers.id, { onDelete: "cascade" }),
    statut: text("statut", { enum: USAGER_STATUTS }).notNull(),
    typeDom: text("type_dom", { enum: ["PREMIERE_DOM", "RENOUVELLEMENT"] }).notNull(),
    dateDebut: text("date_debut"),
    dateFin: text("date_fin"),
    motif: text("motif"),
    motifDetails: text("motif_details"),
    orientation: text("orientation"),
    orientationDetails: text("orientation_details"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    userId: integer("user_id"),
    userName: text("user_name"),
  },
  (t) => [index("usager_decisions_usager_idx").on(t.usagerId, t.id)],
);

export const usagerNotes = sqliteTable(
  "usager_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    structureId: integer("structure_id").notNull(),
    usagerId: integer("usager_id")
      .notNull()
      .references(() => usagers.id, { onDelete: "cascade" }),
    message: text("message").notNull(),
    pinned: integer("pinned", { mode: "boolean" }).notNull().default(false),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    archivedBy: text("archived_by"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    createdById: integer("created_by_id"),
    createdByName: text("created_by_name").notNull(),
  },
  (t) => [
    index("usager_notes_usager_idx").on(t.usagerId, t.archived, t.id),
    // The pinned notes only (a few per hundred files): the list tells which of its 50 rows have one
    // for a seek in this small index, instead of 0.3 ms through the notes of each file.
    index("usager_notes_pinned_idx").on(t.structureId, t.usagerId).where(isPinned(sql`pinned`)),
  ],
);

/** Uploaded files and generated letters; the bytes live in R2, encrypted (AES-GCM) per file. */
export const usagerDocuments = sqliteTable(
  "usager_documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    structureId: integer("structure_id").notNull(),
    usagerId: integer("usager_id")
      .notNull()
      .references(() => usagers.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    kind: text("kind", { enum: DOCUMENT_KIND_VALUES }).notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    r2Key: text("r2_key").notNull(),
    shared: integer("shared", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    createdById: integer("created_by_id"),
    createdByName: text("created_by_name").notNull(),
  },
  (t) => [index("usager_documents_usager_idx").on(t.usagerId, t.id)],
);

/**
 * Never holds a row. A batch starts with an insert here that only happens when the data it read
 * has changed since; the CHECK then aborts the whole batch (D1 has no interactive transactions).
 */
export const writeGuards = sqliteTable("write_guards", { staleWrite: integer("stale_write").notNull() }, (t) => [
  check("stale_write", sql`${t.staleWrite} = 0`),
]);
