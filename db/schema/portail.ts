import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { lockoutColumns } from "./lockout";
import { usagers } from "./usagers";

/**
 * A domicilié's access to Mon Ancrage (reference A.2, A.3; product.md). The password is only ever
 * stored as an argon2id hash; the letter carrying the temporary one lives encrypted in R2 until the
 * person chooses their own password or 30 days pass.
 */
export const portailAccounts = sqliteTable(
  "portail_accounts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    structureId: integer("structure_id").notNull(),
    usagerId: integer("usager_id")
      .notNull()
      .references(() => usagers.id, { onDelete: "cascade" }),
    /** 8 letters A–Z, unique platform-wide, typed in any case. */
    login: text("login").notNull(),
    passwordHash: text("password_hash").notNull(),
    passwordType: text("password_type", { enum: ["TEMPORAIRE", "PERSONNEL"] }).notNull(),
    /** "Non" on the file's portal preference turns this off (and ends the sessions). */
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    ...lockoutColumns(),
    lastLoginAt: integer("last_login_at", { mode: "timestamp_ms" }),
    passwordUpdatedAt: integer("password_updated_at", { mode: "timestamp_ms" }).notNull(),
    letterR2Key: text("letter_r2_key"),
    letterExpiresAt: integer("letter_expires_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("portail_accounts_login_uq").on(t.login),
    uniqueIndex("portail_accounts_usager_uq").on(t.usagerId),
    index("portail_accounts_structure_idx").on(t.structureId),
    index("portail_accounts_letter_idx").on(t.letterExpiresAt),
  ],
);

/** One row per successful portal sign-in: the staff's "historique des connexions". */
export const portailLogins = sqliteTable(
  "portail_logins",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    structureId: integer("structure_id").notNull(),
    usagerId: integer("usager_id")
      .notNull()
      .references(() => usagers.id, { onDelete: "cascade" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("portail_logins_usager_idx").on(t.usagerId, t.at)],
);

/**
 * "Diffuser des informations" (reference A.9): what the structure's admins tell every domicilié on
 * Mon Ancrage. Shown from `dateDebut` to `dateFin` (calendar days in the structure's timezone;
 * no end date: until deleted).
 */
export const structureMessages = sqliteTable(
  "structure_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    structureId: integer("structure_id").notNull(),
    titre: text("titre").notNull(),
    texte: text("texte").notNull(),
    type: text("type", { enum: ["general", "closing", "opening-hours", "other"] }).notNull(),
    dateDebut: text("date_debut").notNull(),
    dateFin: text("date_fin"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    createdById: integer("created_by").notNull(),
    createdByName: text("created_by_name").notNull(),
  },
  (t) => [index("structure_messages_structure_idx").on(t.structureId, t.dateDebut)],
);
