import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Append-only journal of what matters: functional actions and security events.
 * Triggers (migration 0001) refuse every UPDATE and DELETE. No foreign key on purpose:
 * entries must outlive what they describe.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    structureId: integer("structure_id"),
    actorKind: text("actor_kind", { enum: ["staff", "platform", "usager", "anonymous", "system"] }).notNull(),
    actorId: integer("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    ip: text("ip"),
  },
  (t) => [index("audit_structure_at_idx").on(t.structureId, t.at), index("audit_target_idx").on(t.targetType, t.targetId)],
);
