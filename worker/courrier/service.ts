import { and, desc, eq, lt } from "drizzle-orm";
import { interactions } from "../../db/schema";
import type { Db } from "../db";
import type { StaffCtx } from "../trpc";
import { usagerOf } from "../usagers/service";

export const HISTORY_PAGE_SIZE = 30;

/** A file's interactions, newest first, paginated by id. */
export async function listInteractions(db: Db, ctx: StaffCtx, usagerId: number, before: number | null) {
  await usagerOf(db, ctx.structureId, usagerId);
  const rows = await db
    .select({
      id: interactions.id,
      type: interactions.type,
      nb: interactions.nb,
      content: interactions.content,
      createdAt: interactions.createdAt,
      userName: interactions.userName,
      outId: interactions.outId,
      mandataire: interactions.mandataire,
      returnToSender: interactions.returnToSender,
      transfert: interactions.transfert,
    })
    .from(interactions)
    .where(
      and(
        eq(interactions.usagerId, usagerId),
        eq(interactions.structureId, ctx.structureId),
        before ? lt(interactions.id, before) : undefined,
      ),
    )
    .orderBy(desc(interactions.id))
    .limit(HISTORY_PAGE_SIZE + 1);
  const items = rows.slice(0, HISTORY_PAGE_SIZE);
  return { items, nextBefore: rows.length > HISTORY_PAGE_SIZE ? items[items.length - 1]!.id : null };
}
