import { and, desc, eq, lt } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { StaffCtx } from "../auth/staff";
import type { Db } from "../db";
import { usagerOf } from "./service";

export const HISTORIQUE_PAGE_SIZE = 50;

/** The file's history (decisions, notes, documents, letters, changes), read from the audit log. */
export async function historique(db: Db, ctx: StaffCtx, usagerId: number, before: number | null) {
  await usagerOf(db, ctx.structureId, usagerId);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorName: auditLog.actorName,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetType, "usager"),
        eq(auditLog.targetId, String(usagerId)),
        eq(auditLog.structureId, ctx.structureId),
        before ? lt(auditLog.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(HISTORIQUE_PAGE_SIZE + 1);
  const entries = rows.slice(0, HISTORIQUE_PAGE_SIZE);
  return { entries, nextBefore: rows.length > HISTORIQUE_PAGE_SIZE ? entries[entries.length - 1]!.id : null };
}
