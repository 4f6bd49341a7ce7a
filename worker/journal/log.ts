import type { SQL } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { Db } from "../db";
import type { AuditAction } from "../rules/audit-actions";

export interface Actor {
  kind: "staff" | "platform" | "usager" | "anonymous" | "system";
  id: number | null;
  name: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  /** A number, or an SQL expression for a structure created in the same batch. */
  structureId: number | SQL | null;
  actor: Actor;
  target?: { type: string; id: string | number | SQL };
  details?: Record<string, unknown>;
  ip?: string | null;
  at: Date;
}

/** The insert for one audit entry: callers put it in the same `db.batch` as the change it records. */
export function audit(db: Db, e: AuditEntry) {
  return db.insert(auditLog).values({
    at: e.at,
    structureId: e.structureId,
    actorKind: e.actor.kind,
    actorId: e.actor.id,
    actorName: e.actor.name,
    action: e.action,
    targetType: e.target?.type ?? null,
    targetId: e.target ? (typeof e.target.id === "object" ? e.target.id : String(e.target.id)) : null,
    details: e.details ?? null,
    ip: e.ip ?? null,
  });
}
