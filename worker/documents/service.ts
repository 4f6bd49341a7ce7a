import { and, desc, eq } from "drizzle-orm";
import { usagerDocuments } from "../../db/schema";
import type { StaffCtx } from "../auth/staff";
import type { UsagerCaller } from "../auth/usager";
import type { Db } from "../db";
import type { Env } from "../env";
import { AppError } from "../errors";
import { decryptFile, encryptFile, filesSecret, usagerFileKey } from "../files/crypto";
import { audit } from "../journal/log";
import { DOCUMENT_MAX_BYTES, DOCUMENT_MESSAGES, type DocumentKind, sniffDocument } from "../rules/documents";
import { usagerOf } from "../usagers/service";

export async function listDocuments(db: Db, ctx: StaffCtx, usagerId: number) {
  await usagerOf(db, ctx.structureId, usagerId);
  return db
    .select({
      id: usagerDocuments.id,
      label: usagerDocuments.label,
      kind: usagerDocuments.kind,
      mimeType: usagerDocuments.mimeType,
      size: usagerDocuments.size,
      shared: usagerDocuments.shared,
      createdAt: usagerDocuments.createdAt,
      createdByName: usagerDocuments.createdByName,
    })
    .from(usagerDocuments)
    .where(and(eq(usagerDocuments.usagerId, usagerId), eq(usagerDocuments.structureId, ctx.structureId)))
    .orderBy(desc(usagerDocuments.id));
}

/**
 * Encrypts and stores the bytes in R2, then records the row and its audit entry in one batch.
 * If the batch fails, the R2 object is removed: no file without a row, no row without a file.
 */
export async function storeDocument(
  db: Db,
  env: Env,
  ctx: StaffCtx,
  doc: { usagerId: number; label: string; kind: DocumentKind; mimeType: string; bytes: Uint8Array<ArrayBuffer>; shared: boolean },
  now: Date,
): Promise<{ id: number }> {
  const r2Key = usagerFileKey(ctx.structureId, doc.usagerId);
  const sealed = await encryptFile(filesSecret(env), ctx.structureId, r2Key, doc.bytes);
  await env.FILES.put(r2Key, sealed, { customMetadata: { structureId: String(ctx.structureId), encryption: "aes-256-gcm/v1" } });
  try {
    const [inserted] = await db.batch([
      db
        .insert(usagerDocuments)
        .values({
          structureId: ctx.structureId,
          usagerId: doc.usagerId,
          label: doc.label,
          kind: doc.kind,
          mimeType: doc.mimeType,
          size: doc.bytes.byteLength,
          r2Key,
          shared: doc.shared,
          createdAt: now,
          createdById: ctx.id,
          createdByName: ctx.actor.name ?? "",
        })
        .returning({ id: usagerDocuments.id }),
      audit(db, {
        action: doc.kind === "upload" ? "DOCUMENT_UPLOADED" : "LETTER_GENERATED",
        structureId: ctx.structureId,
        actor: ctx.actor,
        target: { type: "usager", id: doc.usagerId },
        details: { label: doc.label, kind: doc.kind, size: doc.bytes.byteLength },
        at: now,
      }),
    ]);
    return inserted[0]!;
  } catch (error) {
    await env.FILES.delete(r2Key);
    throw error;
  }
}

export async function uploadDocument(
  db: Db,
  env: Env,
  ctx: StaffCtx,
  input: { usagerId: number; label: string; shared: boolean; file: File },
  now: Date,
) {
  await usagerOf(db, ctx.structureId, input.usagerId);
  if (input.file.size > DOCUMENT_MAX_BYTES) {
    throw new AppError("INVALID_INPUT", { file: DOCUMENT_MESSAGES.tooLarge });
  }
  if (input.file.size === 0) throw new AppError("INVALID_INPUT", { file: DOCUMENT_MESSAGES.empty });
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const mimeType = sniffDocument(bytes, input.file.name);
  if (!mimeType) throw new AppError("INVALID_INPUT", { file: DOCUMENT_MESSAGES.content });
  return storeDocument(db, env, ctx, { ...input, kind: "upload", mimeType, bytes }, now);
}

async function documentOf(db: Db, ctx: StaffCtx, id: number) {
  const doc = await db.query.usagerDocuments.findFirst({
    where: and(eq(usagerDocuments.id, id), eq(usagerDocuments.structureId, ctx.structureId)),
  });
  if (!doc) throw new AppError("NOT_FOUND");
  return doc;
}

export async function updateDocument(db: Db, ctx: StaffCtx, id: number, change: { label: string } | { shared: boolean }, now: Date) {
  const doc = await documentOf(db, ctx, id);
  const action = "label" in change ? "DOCUMENT_RENAMED" : change.shared ? "DOCUMENT_SHARED" : "DOCUMENT_UNSHARED";
  await db.batch([
    db.update(usagerDocuments).set(change).where(eq(usagerDocuments.id, id)),
    audit(db, {
      action,
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id: doc.usagerId },
      details: { documentId: id, from: doc.label, ...change },
      at: now,
    }),
  ]);
}

/** The row goes first (atomically with its audit entry); a leftover R2 object is unreadable garbage, not a leak. */
export async function deleteDocument(db: Db, env: Env, ctx: StaffCtx, id: number, now: Date) {
  const doc = await documentOf(db, ctx, id);
  await db.batch([
    db.delete(usagerDocuments).where(eq(usagerDocuments.id, id)),
    audit(db, {
      action: "DOCUMENT_DELETED",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id: doc.usagerId },
      details: { documentId: id, label: doc.label },
      at: now,
    }),
  ]);
  await env.FILES.delete(doc.r2Key);
}

type DocumentRow = typeof usagerDocuments.$inferSelect;

/** Decrypts a document's bytes and records who downloaded it (one audit entry). */
async function openDocument(
  db: Db,
  env: Env,
  who: { structureId: number; actor: StaffCtx["actor"]; action: "DOCUMENT_DOWNLOADED" | "PORTAIL_DOCUMENT_DOWNLOADED" },
  doc: DocumentRow,
  now: Date,
) {
  const object = await env.FILES.get(doc.r2Key);
  if (!object) throw new AppError("NOT_FOUND");
  const bytes = await decryptFile(filesSecret(env), who.structureId, doc.r2Key, await object.arrayBuffer());
  await audit(db, {
    action: who.action,
    structureId: who.structureId,
    actor: who.actor,
    target: { type: "usager", id: doc.usagerId },
    details: { documentId: doc.id, label: doc.label },
    at: now,
  });
  const ext =
    doc.mimeType === "application/pdf" ? "pdf" : doc.mimeType === "image/png" ? "png" : doc.mimeType === "image/jpeg" ? "jpg" : "docx";
  return { bytes, mimeType: doc.mimeType, fileName: `${doc.label}.${ext}` };
}

export async function readDocument(db: Db, env: Env, ctx: StaffCtx, id: number, now: Date) {
  const doc = await documentOf(db, ctx, id);
  return openDocument(db, env, { structureId: ctx.structureId, actor: ctx.actor, action: "DOCUMENT_DOWNLOADED" }, doc, now);
}

/** Mon Ancrage's « Documents disponibles »: the documents the staff shared with the domicilié. */
export function listSharedDocuments(db: Db, caller: UsagerCaller) {
  return db
    .select({
      id: usagerDocuments.id,
      label: usagerDocuments.label,
      mimeType: usagerDocuments.mimeType,
      size: usagerDocuments.size,
      createdAt: usagerDocuments.createdAt,
    })
    .from(usagerDocuments)
    .where(
      and(
        eq(usagerDocuments.usagerId, caller.usagerId),
        eq(usagerDocuments.structureId, caller.structureId),
        eq(usagerDocuments.shared, true),
      ),
    )
    .orderBy(desc(usagerDocuments.id));
}

/** Mon Ancrage download: only the caller's own file, only a shared document; anything else is "not found". */
export async function readSharedDocument(db: Db, env: Env, caller: UsagerCaller, id: number, now: Date) {
  const doc = await db.query.usagerDocuments.findFirst({
    where: and(
      eq(usagerDocuments.id, id),
      eq(usagerDocuments.usagerId, caller.usagerId),
      eq(usagerDocuments.structureId, caller.structureId),
      eq(usagerDocuments.shared, true),
    ),
  });
  if (!doc) throw new AppError("NOT_FOUND");
  return openDocument(db, env, { structureId: caller.structureId, actor: caller.actor, action: "PORTAIL_DOCUMENT_DOWNLOADED" }, doc, now);
}
