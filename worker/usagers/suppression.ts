import { and, count, eq, gte, inArray, sql } from "drizzle-orm";
import { auditLog, portailAccounts, sessions, usagerDocuments, usagers, writeGuards } from "../../db/schema";
import type { Db } from "../db";
import type { Env } from "../env";
import { AppError } from "../errors";
import { audit } from "../journal/log";
import { startOfDayInstant } from "../rules/dates";
import { guardedBatch, unchangedSince } from "./guard";
import { type StaffCtx, today, usagerOf } from "./service";

/**
 * Deletions per structure and per day in its timezone: a warning from the 200th,
 * a refusal once 400 are done — a brake on a mistaken or malicious mass deletion.
 */
export const DELETION_QUOTA = { warnFrom: 200, max: 400 } as const;

/** The structure's deletions of the day, counted in the journal that records each of them. */
function deletedToday(db: Db, ctx: StaffCtx, now: Date) {
  const dayStart = startOfDayInstant(today(ctx, now), ctx.timeZone);
  return db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.structureId, ctx.structureId), eq(auditLog.action, "USAGER_DELETED"), gte(auditLog.at, dayStart)));
}

/**
 * "Supprimer le dossier": the file and everything attached to it, for good. One batch, refused if
 * the file changed since it was read or the day's quota is used up: the portal sessions (they
 * point to the account with no foreign key), then the file — decisions, notes, documents,
 * interactions, procurations, portal account and logins go by cascade, the search index by
 * trigger — and an audit entry without names or birth date. The R2 objects go after the commit.
 */
export async function supprimerUsager(
  db: Db,
  env: Env,
  ctx: StaffCtx,
  usagerId: number,
  version: number,
  now: Date,
): Promise<{ warning: string | null }> {
  const u = await usagerOf(db, ctx.structureId, usagerId);
  const accountIds = db.select({ id: portailAccounts.id }).from(portailAccounts).where(eq(portailAccounts.usagerId, u.id));
  const [, , documents, letters, , , , counted] = await guardedBatch(db, [
    unchangedSince(db, u.id, version),
    // Checked inside the batch, so concurrent deletions cannot go past the quota together.
    db.insert(writeGuards).select(sql`SELECT 1 WHERE (${deletedToday(db, ctx, now)}) >= ${DELETION_QUOTA.max}`),
    // Read in the same transaction as the deletion: exactly the objects whose rows disappear.
    db.select({ key: usagerDocuments.r2Key }).from(usagerDocuments).where(eq(usagerDocuments.usagerId, u.id)),
    db.select({ key: portailAccounts.letterR2Key }).from(portailAccounts).where(eq(portailAccounts.usagerId, u.id)),
    db.delete(sessions).where(and(eq(sessions.kind, "usager"), inArray(sessions.userId, accountIds))),
    db.delete(usagers).where(and(eq(usagers.id, u.id), eq(usagers.structureId, ctx.structureId))),
    audit(db, {
      action: "USAGER_DELETED",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id: u.id },
      details: { ref: u.ref, customRef: u.customRef },
      at: now,
    }),
    deletedToday(db, ctx, now),
  ]).catch(async (error: unknown) => {
    // Both guards abort the batch the same way: the day's count tells which one did.
    if (error instanceof AppError && error.code === "STALE_WRITE") {
      const [day] = await deletedToday(db, ctx, now);
      if (day!.n >= DELETION_QUOTA.max) throw new AppError("DELETION_QUOTA_REACHED");
    }
    throw error;
  });
  const keys = [...documents, ...letters].map((o) => o.key).filter((key): key is string => key !== null);
  await removeObjects(env, keys, ctx, u.id);
  const n = counted[0]!.n;
  return {
    warning:
      n >= DELETION_QUOTA.warnFrom
        ? `Attention : ${n} dossiers ont été supprimés aujourd'hui dans votre structure. Au-delà de ${DELETION_QUOTA.max} par jour, la suppression est bloquée jusqu'au lendemain.`
        : null,
  };
}

/**
 * The rows are gone already: an object left behind by a failure here is encrypted with its key
 * path as additional data and unreadable without its row — garbage, not a leak. Logged, not thrown:
 * the file is deleted whatever happens here.
 */
async function removeObjects(env: Env, keys: string[], ctx: StaffCtx, usagerId: number) {
  if (keys.length === 0) return;
  try {
    await env.FILES.delete(keys);
  } catch (error) {
    console.error(`usagers.delete: ${keys.length} R2 object(s) of file ${usagerId} (structure ${ctx.structureId}) not deleted:`, error);
  }
}
