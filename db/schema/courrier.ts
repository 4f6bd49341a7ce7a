import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { usagers } from "./usagers";

export const INTERACTION_TYPES = [
  "courrierIn",
  "colisIn",
  "recommandeIn",
  "courrierOut",
  "colisOut",
  "recommandeOut",
  "appel",
  "visite",
] as const;

/**
 * Mail received and handed over, calls and visits (reference B.5). A reception ("…In") is pending
 * until `out_id` points to the hand-over that took it.
 */
export const interactions = sqliteTable(
  "interactions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    structureId: integer("structure_id").notNull(),
    usagerId: integer("usager_id")
      .notNull()
      .references(() => usagers.id, { onDelete: "cascade" }),
    type: text("type", { enum: INTERACTION_TYPES }).notNull(),
    /** Number of letters / parcels / notices (0 for calls and visits). */
    nb: integer("nb").notNull().default(0),
    content: text("content"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    userId: integer("user_id"),
    userName: text("user_name"),
    /** For a reception: the hand-over that distributed it; null while the mail waits. */
    outId: integer("out_id"),
    /** For a hand-over: the mandataire who took the mail (then it is not a "passage" of the person). */
    mandataire: text("mandataire"),
    returnToSender: integer("return_to_sender", { mode: "boolean" }).notNull().default(false),
    /** For a hand-over under an active transfer: where it was sent. */
    transfert: text("transfert"),
  },
  (t) => [
    index("interactions_usager_idx").on(t.usagerId, t.id),
    index("interactions_pending_idx")
      .on(t.usagerId, t.type)
      .where(sql`out_id IS NULL AND type IN ('courrierIn', 'colisIn', 'recommandeIn')`),
    index("interactions_out_idx").on(t.outId).where(sql`out_id IS NOT NULL`),
    index("interactions_structure_at_idx").on(t.structureId, t.createdAt),
  ],
);

/** Up to 5 people allowed to take the mail (reference B.5.4); valid through their end day. */
export const procurations = sqliteTable(
  "procurations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    structureId: integer("structure_id").notNull(),
    usagerId: integer("usager_id")
      .notNull()
      .references(() => usagers.id, { onDelete: "cascade" }),
    nom: text("nom").notNull(),
    prenom: text("prenom").notNull(),
    dateNaissance: text("date_naissance").notNull(),
    dateDebut: text("date_debut").notNull(),
    dateFin: text("date_fin").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("procurations_usager_idx").on(t.usagerId)],
);
