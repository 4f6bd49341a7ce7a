import { and, desc, eq, getTableColumns, inArray, ne, type SQLWrapper, sql } from "drizzle-orm";
import { isPinned, procurations, staffUsers, structures, usagerDecisions, usagerNotes, usagers } from "../../db/schema";
import type { StaffCtx } from "../auth/staff";
import type { Db } from "../db";
import { AppError } from "../errors";
import { audit } from "../journal/log";
import { type CalendarDate, calendarDateIn } from "../rules/dates";
import { echeanceState } from "../rules/echeance";
import { normalizeSearch, searchColumns } from "../rules/search";
import { guardedBatch, unchangedSince } from "./guard";
import type { ContactInput, EtatCivilInput } from "./schemas";

export type { StaffCtx };

export const PAGE_SIZE = 50;

export function today(ctx: StaffCtx, now: Date): CalendarDate {
  return calendarDateIn(ctx.timeZone, now);
}

/** The file `id`, only if it belongs to `structureId`. */
export const ownFile = (id: number | SQLWrapper, structureId: number | SQLWrapper) =>
  and(eq(usagers.id, id), eq(usagers.structureId, structureId));

/** A file of the caller's structure, or NOT_FOUND: other structures' files do not exist here. */
export async function usagerOf(db: Db, structureId: number, id: number) {
  const u = await db.query.usagers.findFirst({ where: ownFile(id, structureId) });
  if (!u) throw new AppError("NOT_FOUND");
  return u;
}

async function assertReferent(db: Db, structureId: number, referentId: number | null, field = "referentId") {
  if (referentId === null) return;
  const r = await db.query.staffUsers.findFirst({
    where: and(eq(staffUsers.id, referentId), eq(staffUsers.structureId, structureId), eq(staffUsers.status, "ACTIVE")),
  });
  if (!r) throw new AppError("INVALID_INPUT", { [field]: "Choisissez un membre actif de l'équipe." });
}

/** Files of the same structure with the same nom and prénom, accents and case ignored. */
export async function findDuplicates(db: Db, structureId: number, input: { nom: string; prenom: string }, excludeId: number | null = null) {
  return db
    .select({
      id: usagers.id,
      ref: usagers.ref,
      customRef: usagers.customRef,
      civilite: usagers.civilite,
      nom: usagers.nom,
      prenom: usagers.prenom,
      dateNaissance: usagers.dateNaissance,
      statut: usagers.statut,
    })
    .from(usagers)
    .where(
      and(
        eq(usagers.structureId, structureId),
        eq(usagers.searchNom, normalizeSearch(input.nom)),
        eq(usagers.searchPrenom, normalizeSearch(input.prenom)),
        excludeId ? ne(usagers.id, excludeId) : undefined,
      ),
    )
    .limit(20);
}

/** Other files already printed with this ID: a warning, not a refusal. */
export async function customRefHolders(db: Db, structureId: number, customRef: string, excludeId: number | null) {
  return db
    .select({ id: usagers.id, nom: usagers.nom, prenom: usagers.prenom, customRef: usagers.customRef })
    .from(usagers)
    .where(and(eq(usagers.structureId, structureId), eq(usagers.customRef, customRef), excludeId ? ne(usagers.id, excludeId) : undefined))
    .limit(5);
}

function etatCivilColumns(input: EtatCivilInput) {
  return {
    civilite: input.civilite,
    nom: input.nom,
    prenom: input.prenom,
    surnom: input.surnom,
    dateNaissance: input.dateNaissance,
    lieuNaissance: input.lieuNaissance,
    nationalite: input.nationalite,
    langue: input.langue,
    telephone: input.telephone,
    email: input.email,
    contactByPhone: input.contactByPhone,
    numeroDistribution: input.numeroDistribution,
    referentId: input.referentId,
    ayantsDroit: input.ayantsDroit,
  };
}

function assertBirthDate(date: CalendarDate, todayDate: CalendarDate, field: string) {
  if (date > todayDate) throw new AppError("INVALID_INPUT", { [field]: "Date de naissance : elle ne peut pas être dans le futur." });
}

/**
 * A new file, at the "rendez-vous" step, under instruction. Its `ref` comes from the structure's
 * counter in the same batch, so two agents creating at once get two different refs, never reused.
 */
export async function createUsager(db: Db, ctx: StaffCtx, input: EtatCivilInput, now: Date) {
  const todayDate = today(ctx, now);
  assertBirthDate(input.dateNaissance, todayDate, "dateNaissance");
  for (const [i, a] of input.ayantsDroit.entries()) assertBirthDate(a.dateNaissance, todayDate, `ayantsDroit.${i}.dateNaissance`);
  await assertReferent(db, ctx.structureId, input.referentId);
  const nextRef = sql`(SELECT last_usager_ref FROM structures WHERE id = ${ctx.structureId})`;
  const customRef = input.customRef ?? sql`CAST(${nextRef} AS TEXT)`;
  const search = searchColumns({ ...input, customRef: input.customRef });
  const newId = sql`(SELECT max(id) FROM usagers)`;
  const [, inserted] = await db.batch([
    db
      .update(structures)
      .set({ lastUsagerRef: sql`${structures.lastUsagerRef} + 1` })
      .where(eq(structures.id, ctx.structureId)),
    db
      .insert(usagers)
      .values({
        ...etatCivilColumns(input),
        structureId: ctx.structureId,
        ref: nextRef,
        customRef,
        ...search,
        // The default ID must be findable too.
        searchText: input.customRef ? search.searchText : sql`${search.searchText} || ' | ' || ${nextRef}`,
        etape: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: usagers.id, ref: usagers.ref, customRef: usagers.customRef }),
    db.insert(usagerDecisions).values({
      structureId: ctx.structureId,
      usagerId: newId,
      statut: "INSTRUCTION",
      typeDom: "PREMIERE_DOM",
      createdAt: now,
      userId: ctx.id,
      userName: ctx.actor.name,
    }),
    audit(db, {
      action: "USAGER_CREATED",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id: newId },
      at: now,
    }),
  ]);
  return inserted[0]!;
}

export async function updateEtatCivil(db: Db, ctx: StaffCtx, id: number, version: number, input: EtatCivilInput, now: Date) {
  const current = await usagerOf(db, ctx.structureId, id);
  const todayDate = today(ctx, now);
  assertBirthDate(input.dateNaissance, todayDate, "dateNaissance");
  for (const [i, a] of input.ayantsDroit.entries()) assertBirthDate(a.dateNaissance, todayDate, `ayantsDroit.${i}.dateNaissance`);
  await assertReferent(db, ctx.structureId, input.referentId);
  const customRef = input.customRef ?? current.customRef;
  // The search text holds the mandataires' names as well: rebuilt with them.
  const mandataires = await db.select().from(procurations).where(eq(procurations.usagerId, id));
  await guardedBatch(db, [
    unchangedSince(db, id, version),
    db
      .update(usagers)
      .set({
        ...etatCivilColumns(input),
        customRef,
        ...searchColumns({ ...input, customRef }, mandataires),
        version: sql`${usagers.version} + 1`,
        updatedAt: now,
      })
      .where(eq(usagers.id, id)),
    audit(db, {
      action: "USAGER_ETAT_CIVIL_UPDATED",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id },
      at: now,
    }),
  ]);
}

/**
 * Phone, e-mail and SMS consent only (every role may: permission usager.contact); the phone is in the search
 * text, rebuilt with the file's mandataires as every write of it does.
 */
export async function updateContact(db: Db, ctx: StaffCtx, id: number, version: number, input: ContactInput, now: Date) {
  const current = await usagerOf(db, ctx.structureId, id);
  const mandataires = await db.select().from(procurations).where(eq(procurations.usagerId, id));
  await guardedBatch(db, [
    unchangedSince(db, id, version),
    db
      .update(usagers)
      .set({
        telephone: input.telephone,
        email: input.email,
        contactByPhone: input.contactByPhone,
        ...searchColumns({ ...current, telephone: input.telephone }, mandataires),
        version: sql`${usagers.version} + 1`,
        updatedAt: now,
      })
      .where(eq(usagers.id, id)),
    audit(db, {
      action: "USAGER_CONTACT_UPDATED",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id },
      at: now,
    }),
  ]);
}

/** Saving the entretien of a file under instruction moves it to the "pièces justificatives" step. */
export async function updateEntretien(db: Db, ctx: StaffCtx, id: number, version: number, entretien: Record<string, unknown>, now: Date) {
  const current = await usagerOf(db, ctx.structureId, id);
  const clean = Object.fromEntries(Object.entries(entretien).filter(([, v]) => v !== undefined && v !== null && v !== ""));
  const etape = current.statut === "INSTRUCTION" && current.etape < 3 ? 3 : current.etape;
  await guardedBatch(db, [
    unchangedSince(db, id, version),
    db
      .update(usagers)
      .set({ entretien: clean as Record<string, string | boolean>, etape, version: sql`${usagers.version} + 1`, updatedAt: now })
      .where(eq(usagers.id, id)),
    audit(db, {
      action: "USAGER_ENTRETIEN_UPDATED",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id },
      at: now,
    }),
  ]);
}

/** How far ahead a rendez-vous may be set: a year. */
const RDV_MAX_AHEAD_MS = 366 * 86_400_000;

/** "Maintenant" dates the meeting a minute ago and goes straight to the entretien step. */
export async function setRendezVous(
  db: Db,
  ctx: StaffCtx,
  id: number,
  version: number,
  input: { maintenant: true } | { maintenant: false; at: Date; userId: number },
  now: Date,
) {
  const current = await usagerOf(db, ctx.structureId, id);
  if (current.statut !== "INSTRUCTION") throw new AppError("INVALID_STATE");
  if (!input.maintenant) {
    await assertReferent(db, ctx.structureId, input.userId, "rdv.userId");
    if (input.at.getTime() < now.getTime() - 60_000) {
      throw new AppError("INVALID_INPUT", { "rdv.at": "Date du rendez-vous : elle doit être dans le futur." });
    }
    // A typo in the year (20266, 2206) would otherwise leave the file waiting for centuries.
    if (input.at.getTime() > now.getTime() + RDV_MAX_AHEAD_MS) {
      throw new AppError("INVALID_INPUT", { "rdv.at": "Date du rendez-vous : au plus tard dans un an." });
    }
  }
  const values = input.maintenant
    ? { rdvAt: new Date(now.getTime() - 60_000), rdvUserId: ctx.id, etape: 2 }
    : { rdvAt: input.at, rdvUserId: input.userId, etape: 1 };
  await guardedBatch(db, [
    unchangedSince(db, id, version),
    db
      .update(usagers)
      .set({ ...values, version: sql`${usagers.version} + 1`, updatedAt: now })
      .where(eq(usagers.id, id)),
    audit(db, {
      action: "USAGER_RDV_SET",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id },
      details: { at: values.rdvAt.toISOString() },
      at: now,
    }),
  ]);
}

export async function setEtape(db: Db, ctx: StaffCtx, id: number, version: number, etape: number, now: Date) {
  const current = await usagerOf(db, ctx.structureId, id);
  if (current.statut !== "INSTRUCTION") throw new AppError("INVALID_STATE");
  await guardedBatch(db, [
    unchangedSince(db, id, version),
    db
      .update(usagers)
      .set({ etape, version: sql`${usagers.version} + 1`, updatedAt: now })
      .where(eq(usagers.id, id)),
    audit(db, {
      action: "USAGER_ETAPE_SET",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id },
      details: { etape },
      at: now,
    }),
  ]);
}

/** The fiche's columns: the whole file but its search keys (internal). */
const { searchText: _s, searchNom: _n, searchPrenom: _p, ...FICHE_COLUMNS } = getTableColumns(usagers);
const PINNED_COLUMNS = {
  id: usagerNotes.id,
  message: usagerNotes.message,
  createdAt: usagerNotes.createdAt,
  createdByName: usagerNotes.createdByName,
};

/** Everything the fiche shows, read in one round trip. */
export async function getFiche(db: Db, ctx: StaffCtx, id: number, now: Date) {
  const own = {
    usager: ownFile(id, ctx.structureId),
    rest: (t: typeof usagerDecisions | typeof usagerNotes) => and(eq(t.usagerId, id), eq(t.structureId, ctx.structureId)),
  };
  const [rows, decisions, pinned, referent] = await db.batch([
    db.select(FICHE_COLUMNS).from(usagers).where(own.usager),
    db.select().from(usagerDecisions).where(own.rest(usagerDecisions)).orderBy(desc(usagerDecisions.id)),
    db
      .select(PINNED_COLUMNS)
      .from(usagerNotes)
      .where(and(own.rest(usagerNotes), isPinned(usagerNotes.pinned)))
      .limit(1),
    db
      .select({ id: staffUsers.id, nom: staffUsers.nom, prenom: staffUsers.prenom })
      .from(staffUsers)
      .innerJoin(usagers, eq(usagers.referentId, staffUsers.id))
      .where(own.usager),
  ]);
  const usager = rows[0];
  if (!usager) throw new AppError("NOT_FOUND");
  const todayDate = today(ctx, now);
  return {
    usager,
    decisions,
    pinnedNote: pinned[0] ?? null,
    referent: referent[0] ?? null,
    today: todayDate,
    echeance: usager.echeance ? { date: usager.echeance, ...echeanceState(usager.echeance, todayDate) } : null,
  };
}

/** SQLite accepts at most 100 bound parameters per statement in D1: id lists go in chunks. */
export function chunks<T>(items: readonly T[], size = 90): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function bulkAssignReferent(
  db: Db,
  ctx: StaffCtx,
  usagerIds: readonly number[],
  referentId: number | null,
  now: Date,
): Promise<{ updated: number }> {
  await assertReferent(db, ctx.structureId, referentId);
  let updated = 0;
  for (const ids of chunks([...new Set(usagerIds)])) {
    const owned = await db
      .select({ id: usagers.id })
      .from(usagers)
      .where(and(eq(usagers.structureId, ctx.structureId), inArray(usagers.id, ids)));
    if (owned.length === 0) continue;
    const ownIds = owned.map((o) => o.id);
    await db.batch([
      db
        .update(usagers)
        .set({ referentId, version: sql`${usagers.version} + 1`, updatedAt: now })
        .where(and(eq(usagers.structureId, ctx.structureId), inArray(usagers.id, ownIds))),
      ...ownIds.map((id) =>
        audit(db, {
          action: "USAGER_REFERENT_CHANGED",
          structureId: ctx.structureId,
          actor: ctx.actor,
          target: { type: "usager", id },
          details: { referentId },
          at: now,
        }),
      ),
    ]);
    updated += ownIds.length;
  }
  return { updated };
}
