import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { lockoutColumns } from "./lockout";
import { structures } from "./structures";

/** A staff member of one structure. Reference B.2 (user_structure). */
export const staffUsers = sqliteTable(
  "staff_users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    structureId: integer("structure_id")
      .notNull()
      .references(() => structures.id),
    email: text("email").notNull(),
    nom: text("nom").notNull(),
    prenom: text("prenom").notNull(),
    fonction: text("fonction").notNull(),
    fonctionDetail: text("fonction_detail"),
    role: text("role", { enum: ["admin", "responsable", "simple", "agent", "facteur"] }).notNull(),
    status: text("status", { enum: ["PENDING", "ACTIVE", "BLOCKED", "DELETED"] })
      .notNull()
      .default("PENDING"),
    passwordHash: text("password_hash"),
    passwordUpdatedAt: integer("password_updated_at", { mode: "timestamp_ms" }),
    lastLoginAt: integer("last_login_at", { mode: "timestamp_ms" }),
    ...lockoutColumns(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    // An e-mail may come back after a soft delete: uniqueness covers live accounts only.
    uniqueIndex("staff_users_email_uq").on(t.email).where(sql`status != 'DELETED'`),
    index("staff_users_structure_idx").on(t.structureId, t.status),
  ],
);

/** Single-use links (invitation, password reset): only the SHA-256 of the token is stored. */
export const staffTokens = sqliteTable(
  "staff_tokens",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => staffUsers.id),
    purpose: text("purpose", { enum: ["invitation", "reset"] }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("staff_tokens_user_idx").on(t.userId)],
);

/** Platform operators (super-admins) who validate structures. They belong to no structure. */
export const platformAdmins = sqliteTable(
  "platform_admins",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    nom: text("nom").notNull(),
    passwordHash: text("password_hash").notNull(),
    ...lockoutColumns(),
    lastLoginAt: integer("last_login_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex("platform_admins_email_uq").on(t.email)],
);
