import { and, asc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { procurations, usagers } from "../../db/schema";
import type { StaffCtx } from "../auth/staff";
import type { Db } from "../db";
import { AppError } from "../errors";
import { audit } from "../journal/log";
import type { AuditAction } from "../rules/audit-actions";
import { PROCURATIONS_MAX, procurationState } from "../rules/courrier";
import { searchColumns } from "../rules/search";
import { guardedBatch, unchangedSince } from "../usagers/guard";
import { today, usagerOf } from "../usagers/service";

export interface ProcurationInput {
  nom: string;
  prenom: string;
  dateNaissance: string;
  dateDebut: string;
  dateFin: string;
}

export async function listProcurations(db: Db, ctx: StaffCtx, usagerId: number, now: Date) {
  await usagerOf(db, ctx.structureId, usagerId);
  const rows = await db
    .select()
    .from(procurations)
    .where(and(eq(procurations.usagerId, usagerId), eq(procurations.structureId, ctx.structureId)))
    .orderBy(asc(procurations.id));
  const t = today(ctx, now);
  return rows.map((p) => ({ ...p, state: procurationState(p, t) }));
}

function checkPeriod(p: { dateDebut: string; dateFin: string }) {
  if (p.dateFin <= p.dateDebut) {
    throw new AppError("INVALID_INPUT", { dateFin: "Date de fin : elle doit être après la date de début." });
  }
}

/**
 * Creates, changes or removes a procuration (5 at most, on radiés too), keeping the change in the
 * file's history and the mandataires in its search text.
 */
export async function saveProcuration(
  db: Db,
  ctx: StaffCtx,
  input: { usagerId: number; version: number } & (
    | { action: "create"; procuration: ProcurationInput }
    | { action: "update"; id: number; procuration: ProcurationInput }
    | { action: "delete"; id: number }
  ),
  now: Date,
) {
  const u = await usagerOf(db, ctx.structureId, input.usagerId);
  const current = await db.select().from(procurations).where(eq(procurations.usagerId, input.usagerId)).orderBy(asc(procurations.id));
  const existing = input.action === "create" ? null : current.find((p) => p.id === input.id);
  if (input.action !== "create" && !existing) throw new AppError("NOT_FOUND");
  if (input.action === "create" && current.length >= PROCURATIONS_MAX) throw new AppError("PROCURATIONS_MAX");
  if (input.action !== "delete") checkPeriod(input.procuration);

  const after =
    input.action === "create"
      ? [...current, input.procuration]
      : input.action === "update"
        ? current.map((p) => (p.id === input.id ? input.procuration : p))
        : current.filter((p) => p.id !== input.id);
  const write: BatchItem<"sqlite"> =
    input.action === "create"
      ? db.insert(procurations).values({ ...input.procuration, structureId: ctx.structureId, usagerId: input.usagerId, createdAt: now })
      : input.action === "update"
        ? db.update(procurations).set(input.procuration).where(eq(procurations.id, input.id))
        : db.delete(procurations).where(eq(procurations.id, input.id));
  const action: AuditAction =
    input.action === "create" ? "PROCURATION_CREATED" : input.action === "update" ? "PROCURATION_UPDATED" : "PROCURATION_DELETED";
  await guardedBatch(db, [
    unchangedSince(db, input.usagerId, input.version),
    write,
    // The mandataires are searchable in the list: the file's search text is rebuilt with them.
    db
      .update(usagers)
      .set({ ...searchColumns(u, after), version: sql`${usagers.version} + 1`, updatedAt: now })
      .where(eq(usagers.id, input.usagerId)),
    audit(db, {
      action,
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id: input.usagerId },
      details: { avant: existing ? pick(existing) : null, apres: input.action === "delete" ? null : input.procuration },
      at: now,
    }),
  ]);
}

function pick(p: ProcurationInput) {
  return { nom: p.nom, prenom: p.prenom, dateNaissance: p.dateNaissance, dateDebut: p.dateDebut, dateFin: p.dateFin };
}

export async function saveTransfert(
  db: Db,
  ctx: StaffCtx,
  input: { usagerId: number; version: number; transfert: { nom: string; adresse: string; dateDebut: string; dateFin: string } | null },
  now: Date,
) {
  const u = await usagerOf(db, ctx.structureId, input.usagerId);
  if (input.transfert) checkPeriod(input.transfert);
  const t = input.transfert;
  await guardedBatch(db, [
    unchangedSince(db, input.usagerId, input.version),
    db
      .update(usagers)
      .set({
        transfertNom: t?.nom ?? null,
        transfertAdresse: t?.adresse ?? null,
        transfertDebut: t?.dateDebut ?? null,
        transfertFin: t?.dateFin ?? null,
        version: sql`${usagers.version} + 1`,
        updatedAt: now,
      })
      .where(eq(usagers.id, input.usagerId)),
    audit(db, {
      action: t ? "TRANSFERT_SET" : "TRANSFERT_DELETED",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id: input.usagerId },
      details: {
        avant: u.transfertNom
          ? { nom: u.transfertNom, adresse: u.transfertAdresse, dateDebut: u.transfertDebut, dateFin: u.transfertFin }
          : null,
        apres: t,
      },
      at: now,
    }),
  ]);
}

/** "Ne plus accepter le courrier": only on a radiated file (reference B.5.5). */
export async function setNpai(db: Db, ctx: StaffCtx, input: { usagerId: number; version: number; actif: boolean }, now: Date) {
  const u = await usagerOf(db, ctx.structureId, input.usagerId);
  if (input.actif && u.statut !== "RADIE") throw new AppError("NPAI_RADIES_SEULEMENT");
  await guardedBatch(db, [
    unchangedSince(db, input.usagerId, input.version),
    db
      .update(usagers)
      .set({ npaiDepuis: input.actif ? today(ctx, now) : null, version: sql`${usagers.version} + 1`, updatedAt: now })
      .where(eq(usagers.id, input.usagerId)),
    audit(db, {
      action: input.actif ? "NPAI_ON" : "NPAI_OFF",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id: input.usagerId },
      at: now,
    }),
  ]);
}
