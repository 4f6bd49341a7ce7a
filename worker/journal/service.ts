import { and, desc, eq, lt } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { Db } from "../db";

export const JOURNAL_PAGE_SIZE = 50;

/** The structure's journal, newest first, paginated by id (stable while new entries arrive). */
export async function listJournal(db: Db, structureId: number, before: number | null) {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorKind: auditLog.actorKind,
      actorName: auditLog.actorName,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .where(and(eq(auditLog.structureId, structureId), before ? lt(auditLog.id, before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(JOURNAL_PAGE_SIZE + 1);
  const hasMore = rows.length > JOURNAL_PAGE_SIZE;
  const entries = rows.slice(0, JOURNAL_PAGE_SIZE);
  return { entries, nextBefore: hasMore ? entries[entries.length - 1]!.id : null };
}
