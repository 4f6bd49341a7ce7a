import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Server sessions of every kind of user. `id` is the SHA-256 (hex) of the opaque cookie token,
 * so a leaked table cannot be replayed as cookies.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["staff", "platform", "usager"] }).notNull(),
    userId: integer("user_id").notNull(),
    structureId: integer("structure_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastActiveAt: integer("last_active_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    /** "Appareil partagé": a short session that ends with the browser, nothing kept on the device. */
    shared: integer("shared", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("sessions_user_idx").on(t.kind, t.userId)],
);
