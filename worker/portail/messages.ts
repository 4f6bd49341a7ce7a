import { and, asc, desc, eq, gte, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { structureMessages } from "../../db/schema";
import type { StaffCtx } from "../auth/staff";
import type { Db } from "../db";
import { AppError } from "../errors";
import { audit } from "../journal/log";
import type { StructureMessageType } from "../rules/structure-messages";

export interface MessageInput {
  id: number | null;
  titre: string;
  texte: string;
  type: StructureMessageType;
  dateDebut: string;
  dateFin: string | null;
}

const columns = {
  id: structureMessages.id,
  titre: structureMessages.titre,
  texte: structureMessages.texte,
  type: structureMessages.type,
  dateDebut: structureMessages.dateDebut,
  dateFin: structureMessages.dateFin,
};

/** Staff list: every message of the caller's structure, latest start first. */
export function listMessages(db: Db, ctx: StaffCtx) {
  return db
    .select({ ...columns, createdAt: structureMessages.createdAt, createdByName: structureMessages.createdByName })
    .from(structureMessages)
    .where(eq(structureMessages.structureId, ctx.structureId))
    .orderBy(desc(structureMessages.dateDebut), desc(structureMessages.id));
}

/** The portal's query: the structure's messages whose period includes `today` (a statement for a batch). */
export function currentMessagesQuery(db: Db, structureId: number, today: string) {
  return db
    .select(columns)
    .from(structureMessages)
    .where(
      and(
        eq(structureMessages.structureId, structureId),
        lte(structureMessages.dateDebut, today),
        or(isNull(structureMessages.dateFin), gte(structureMessages.dateFin, today)),
      ),
    )
    .orderBy(asc(structureMessages.dateDebut), asc(structureMessages.id));
}

async function messageOf(db: Db, ctx: StaffCtx, id: number) {
  const m = await db.query.structureMessages.findFirst({
    where: and(eq(structureMessages.id, id), eq(structureMessages.structureId, ctx.structureId)),
  });
  if (!m) throw new AppError("NOT_FOUND");
  return m;
}

/** Creates (id null) or edits a message of the caller's structure, with its audit entry. */
export async function saveMessage(db: Db, ctx: StaffCtx, input: MessageInput, now: Date): Promise<{ id: number }> {
  const values = { titre: input.titre, texte: input.texte, type: input.type, dateDebut: input.dateDebut, dateFin: input.dateFin };
  const entry = (id: number | SQL) =>
    audit(db, {
      action: "PORTAIL_MESSAGE_SAVED",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "structure_message", id },
      details: { titre: input.titre, type: input.type, dateDebut: input.dateDebut, dateFin: input.dateFin, nouveau: input.id === null },
      at: now,
    });
  if (input.id !== null) {
    await messageOf(db, ctx, input.id);
    await db.batch([
      db
        .update(structureMessages)
        .set(values)
        .where(and(eq(structureMessages.id, input.id), eq(structureMessages.structureId, ctx.structureId))),
      entry(input.id),
    ]);
    return { id: input.id };
  }
  const [inserted] = await db.batch([
    db
      .insert(structureMessages)
      .values({ ...values, structureId: ctx.structureId, createdAt: now, createdById: ctx.id, createdByName: ctx.actor.name ?? "" })
      .returning({ id: structureMessages.id }),
    entry(sql`(SELECT max(id) FROM structure_messages WHERE structure_id = ${ctx.structureId})`),
  ]);
  return inserted[0]!;
}

/** Deletes a message: it disappears for the domiciliés at once (reference A.9). */
export async function deleteMessage(db: Db, ctx: StaffCtx, id: number, now: Date) {
  const m = await messageOf(db, ctx, id);
  await db.batch([
    db.delete(structureMessages).where(and(eq(structureMessages.id, id), eq(structureMessages.structureId, ctx.structureId))),
    audit(db, {
      action: "PORTAIL_MESSAGE_DELETED",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "structure_message", id },
      details: { titre: m.titre },
      at: now,
    }),
  ]);
}
