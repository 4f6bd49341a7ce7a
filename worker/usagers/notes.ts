import { and, desc, eq, lt, ne } from "drizzle-orm";
import { usagerNotes } from "../../db/schema";
import type { StaffCtx } from "../auth/staff";
import type { Db } from "../db";
import { AppError } from "../errors";
import { audit } from "../journal/log";
import type { AuditAction } from "../rules/audit-actions";
import { usagerOf } from "./service";

export const NOTES_PAGE_SIZE = 20;

export async function listNotes(db: Db, ctx: StaffCtx, usagerId: number, archived: boolean, before: number | null) {
  await usagerOf(db, ctx.structureId, usagerId);
  const rows = await db
    .select()
    .from(usagerNotes)
    .where(
      and(
        eq(usagerNotes.usagerId, usagerId),
        eq(usagerNotes.structureId, ctx.structureId),
        eq(usagerNotes.archived, archived),
        before ? lt(usagerNotes.id, before) : undefined,
      ),
    )
    .orderBy(desc(usagerNotes.pinned), desc(usagerNotes.id))
    .limit(NOTES_PAGE_SIZE + 1);
  const notes = rows.slice(0, NOTES_PAGE_SIZE);
  return { notes, nextBefore: rows.length > NOTES_PAGE_SIZE ? notes[notes.length - 1]!.id : null };
}

/** `message` is plain text already (the router's plainText): markup never reaches a note. */
export async function addNote(db: Db, ctx: StaffCtx, usagerId: number, message: string, now: Date) {
  await usagerOf(db, ctx.structureId, usagerId);
  await db.batch([
    db.insert(usagerNotes).values({
      structureId: ctx.structureId,
      usagerId,
      message,
      createdAt: now,
      createdById: ctx.id,
      createdByName: ctx.actor.name ?? "",
    }),
    audit(db, {
      action: "NOTE_ADDED",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id: usagerId },
      details: { message: message.slice(0, 200) },
      at: now,
    }),
  ]);
}

async function noteOf(db: Db, ctx: StaffCtx, noteId: number) {
  const note = await db.query.usagerNotes.findFirst({
    where: and(eq(usagerNotes.id, noteId), eq(usagerNotes.structureId, ctx.structureId)),
  });
  if (!note) throw new AppError("NOT_FOUND");
  return note;
}

/** Pin, archive or delete; one pinned note per file, and an archived note is never pinned. */
export async function changeNote(
  db: Db,
  ctx: StaffCtx,
  noteId: number,
  action: "pin" | "unpin" | "archive" | "unarchive" | "delete",
  now: Date,
) {
  const note = await noteOf(db, ctx, noteId);
  const entry = (a: AuditAction) =>
    audit(db, {
      action: a,
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id: note.usagerId },
      details: { noteId, message: note.message.slice(0, 200) },
      at: now,
    });
  const byId = eq(usagerNotes.id, noteId);
  switch (action) {
    case "pin":
      if (note.archived) throw new AppError("INVALID_STATE");
      await db.batch([
        db
          .update(usagerNotes)
          .set({ pinned: false })
          .where(and(eq(usagerNotes.usagerId, note.usagerId), ne(usagerNotes.id, noteId))),
        db.update(usagerNotes).set({ pinned: true }).where(byId),
        entry("NOTE_PINNED"),
      ]);
      return;
    case "unpin":
      await db.batch([db.update(usagerNotes).set({ pinned: false }).where(byId), entry("NOTE_UNPINNED")]);
      return;
    case "archive":
      await db.batch([
        db.update(usagerNotes).set({ archived: true, pinned: false, archivedAt: now, archivedBy: ctx.actor.name }).where(byId),
        entry("NOTE_ARCHIVED"),
      ]);
      return;
    case "unarchive":
      await db.batch([
        db.update(usagerNotes).set({ archived: false, archivedAt: null, archivedBy: null }).where(byId),
        entry("NOTE_UNARCHIVED"),
      ]);
      return;
    case "delete":
      await db.batch([db.delete(usagerNotes).where(byId), entry("NOTE_DELETED")]);
  }
}
