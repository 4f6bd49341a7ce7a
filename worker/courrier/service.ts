import { and, desc, eq, inArray, isNull, lt, type SQLWrapper, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { interactions, procurations, structures, usagerDecisions, usagers } from "../../db/schema";
import type { StaffCtx } from "../auth/staff";
import { type Db, literals } from "../db";
import { AppError } from "../errors";
import {
  decisionStartFloor,
  HANDOVER_OF,
  HANDOVER_TYPES,
  PRESENCE_TYPES,
  procurationState,
  RECEPTION_TYPES,
  type ReceptionType,
} from "../rules/courrier";
import { ownFile, today, usagerOf } from "../usagers/service";

export const HISTORY_PAGE_SIZE = 30;

/**
 * One page of a file's interactions, newest first, paginated by id. The caller has checked that
 * the file belongs to `structureId`; staff (fiche) and the domicilié (Mon Ancrage) share it.
 */
export async function interactionsPage(db: Db, structureId: number, usagerId: number, before: number | null, pageSize = HISTORY_PAGE_SIZE) {
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
      and(eq(interactions.usagerId, usagerId), eq(interactions.structureId, structureId), before ? lt(interactions.id, before) : undefined),
    )
    .orderBy(desc(interactions.id))
    .limit(pageSize + 1);
  const items = rows.slice(0, pageSize);
  return { items, nextBefore: rows.length > pageSize ? items[items.length - 1]!.id : null };
}

/** A file's interactions, newest first, paginated by id (the staff fiche). */
export async function listInteractions(db: Db, ctx: StaffCtx, usagerId: number, before: number | null) {
  await usagerOf(db, ctx.structureId, usagerId);
  return interactionsPage(db, ctx.structureId, usagerId, before);
}

/**
 * "Still waiting" receptions of these types. SQLite uses the partial index interactions_pending_idx
 * only when the query repeats its condition word for word, literals included: with bound values,
 * or a shorter list, it walks the file's whole history instead, which grows with every letter the
 * person ever received. The types can only be RECEPTION_TYPES, so literals are safe.
 */
export function pendingOf(types: readonly ReceptionType[]) {
  if (types.length === 0 || !types.every((t) => (RECEPTION_TYPES as readonly string[]).includes(t))) {
    throw new Error(`types de réception inattendus : ${types.join(", ")}`);
  }
  const indexed = sql`${interactions.outId} IS NULL AND ${interactions.type} IN (${literals(RECEPTION_TYPES)})`;
  return types.length === RECEPTION_TYPES.length ? indexed : sql`${indexed} AND ${interactions.type} IN (${literals(types)})`;
}

const pendingSum = (usagerId: number | SQLWrapper, type: ReceptionType) =>
  sql`(SELECT coalesce(sum(nb), 0) FROM ${interactions} WHERE ${interactions.usagerId} = ${usagerId} AND ${pendingOf([type])})`;

/**
 * The pending counters, recounted from the pending receptions inside the same statement: whatever
 * ran concurrently, the stored numbers are exactly what waits.
 */
function recountCounters(db: Db, structureId: number | SQLWrapper, usagerId: number | SQLWrapper) {
  return db
    .update(usagers)
    .set({
      nbCourrier: pendingSum(usagerId, "courrierIn"),
      nbColis: pendingSum(usagerId, "colisIn"),
      nbAvis: pendingSum(usagerId, "recommandeIn"),
    })
    .where(ownFile(usagerId, structureId));
}

/** SQL form of `countsAsPassage` (rules/courrier.ts), built from the same type lists. */
const countingInteraction = sql`(type IN (${sql.join(
  PRESENCE_TYPES.map((t) => sql`${t}`),
  sql`, `,
)}) OR (type IN (${sql.join(
  HANDOVER_TYPES.map((t) => sql`${t}`),
  sql`, `,
)}) AND mandataire IS NULL AND return_to_sender = 0))`;

/** A passage now: dernier passage moves forward, never back (atomic, no read-modify-write). */
export function passageNow(db: Db, usagerId: number, now: Date) {
  return db
    .update(usagers)
    .set({ dernierPassage: sql`max(coalesce(${usagers.dernierPassage}, 0), ${now.getTime()})` })
    .where(eq(usagers.id, usagerId));
}

export interface Reception {
  courrier: number;
  colis: number;
  avis: number;
  /** Plain text already (the router's optionalPlainText). */
  content: string | null;
}

/**
 * Registers what arrived for one file: one row per type received, counters recounted. The file's
 * checks (this structure's, accepting mail) travel inside the batch as conditions on the inserts,
 * so the mail desk's most frequent write costs one round trip to D1.
 */
export async function registerReception(db: Db, ctx: StaffCtx, usagerId: number, input: Reception, now: Date) {
  const byType: [ReceptionType, number][] = [
    ["courrierIn", input.courrier],
    ["colisIn", input.colis],
    ["recommandeIn", input.avis],
  ];
  const received = byType.filter(([, nb]) => nb > 0);
  if (received.length === 0)
    throw new AppError("INVALID_INPUT", { courrier: "Indiquez au moins un courrier, un colis ou un avis de passage." });
  const file = ownFile(usagerId, ctx.structureId);
  const [found] = await db.batch([
    db.select({ statut: usagers.statut, npaiDepuis: usagers.npaiDepuis }).from(usagers).where(file),
    // Values in the table's column order: id, structure, file, type, nb, content, date, agent,
    // agent's name, hand-over, mandataire, return to sender, transfer.
    ...received.map(([type, nb]) =>
      db.insert(interactions).select(
        sql`SELECT NULL, ${ctx.structureId}, ${usagerId}, ${type}, ${nb}, ${input.content}, ${now.getTime()}, ${ctx.id}, ${ctx.actor.name ?? null}, NULL, NULL, 0, NULL
          WHERE EXISTS (SELECT 1 FROM ${usagers} WHERE ${file} AND ${usagers.npaiDepuis} IS NULL)`,
      ),
    ),
    recountCounters(db, ctx.structureId, usagerId),
  ]);
  const u = found[0];
  if (!u) throw new AppError("NOT_FOUND");
  if (u.npaiDepuis) throw new AppError("NPAI");
  return { radie: u.statut === "RADIE" };
}

export type Destinataire = { kind: "domicilie" } | { kind: "mandataire"; procurationId: number } | { kind: "retour" };

/**
 * Hands over every pending reception of the chosen types: one hand-over row per type, the
 * receptions linked to it, counters recounted, dernier passage moved when it counts.
 */
export async function distribute(db: Db, ctx: StaffCtx, usagerId: number, input: { types: ReceptionType[]; to: Destinataire }, now: Date) {
  const u = await usagerOf(db, ctx.structureId, usagerId);
  const todayDate = today(ctx, now);
  let mandataire: string | null = null;
  let prefix = "";
  let suffix = "";
  if (input.to.kind === "mandataire") {
    const p = await db.query.procurations.findFirst({
      where: and(
        eq(procurations.id, input.to.procurationId),
        eq(procurations.usagerId, usagerId),
        eq(procurations.structureId, ctx.structureId),
      ),
    });
    if (!p) throw new AppError("NOT_FOUND");
    const state = procurationState(p, todayDate);
    if (state !== "active") throw new AppError(state === "expired" ? "PROCURATION_EXPIRED" : "PROCURATION_INACTIVE");
    mandataire = `${p.prenom} ${p.nom.toUpperCase()}`;
    suffix = `Courrier remis au mandataire : ${mandataire}`;
  }
  if (input.to.kind === "retour") {
    if (u.statut !== "RADIE") throw new AppError("RETOUR_RADIES_SEULEMENT");
    prefix = "Courrier retourné à l'expéditeur";
  }
  const transfertActif =
    input.to.kind === "domicilie" &&
    u.transfertNom &&
    u.transfertDebut &&
    u.transfertFin &&
    u.transfertDebut <= todayDate &&
    todayDate <= u.transfertFin;
  const transfert = transfertActif ? `${u.transfertNom} – ${u.transfertAdresse}` : null;
  if (transfert) suffix = `Courrier transféré à : ${transfert}`;

  const pending = await db
    .select({ type: interactions.type, nb: interactions.nb, content: interactions.content, id: interactions.id })
    .from(interactions)
    .where(and(eq(interactions.usagerId, usagerId), pendingOf(input.types)))
    .orderBy(desc(interactions.id));
  const types = input.types.filter((t) => pending.some((p) => p.type === t));
  if (types.length === 0) throw new AppError("NOTHING_PENDING");

  const statements: BatchItem<"sqlite">[] = [];
  for (const type of types) {
    const ins = pending.filter((p) => p.type === type);
    const lastComment = ins.find((p) => p.content)?.content ?? null;
    const content = [prefix, lastComment, suffix].filter(Boolean).join("\n") || null;
    statements.push(
      db.insert(interactions).values({
        structureId: ctx.structureId,
        usagerId,
        type: HANDOVER_OF[type],
        nb: ins.reduce((s, p) => s + p.nb, 0),
        content,
        createdAt: now,
        userId: ctx.id,
        userName: ctx.actor.name,
        mandataire,
        returnToSender: input.to.kind === "retour",
        transfert,
      }),
      // The receptions read above, and only those: one arriving meanwhile stays pending.
      db
        .update(interactions)
        .set({ outId: sql`(SELECT max(id) FROM interactions WHERE usager_id = ${usagerId})` })
        .where(
          and(
            inArray(
              interactions.id,
              ins.map((p) => p.id),
            ),
            isNull(interactions.outId),
          ),
        ),
    );
  }
  statements.push(recountCounters(db, ctx.structureId, usagerId));
  if (!mandataire && input.to.kind !== "retour") statements.push(passageNow(db, usagerId, now));
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
}

/** A call or a visit: the person showed up, so dernier passage is now. */
export async function registerPresence(
  db: Db,
  ctx: StaffCtx,
  usagerId: number,
  type: (typeof PRESENCE_TYPES)[number],
  content: string | null,
  now: Date,
) {
  await usagerOf(db, ctx.structureId, usagerId);
  await db.batch([
    db.insert(interactions).values({
      structureId: ctx.structureId,
      usagerId,
      type,
      nb: 0,
      content,
      createdAt: now,
      userId: ctx.id,
      userName: ctx.actor.name,
    }),
    passageNow(db, usagerId, now),
  ]);
}

/** The start of the last accepted domiciliation, as an instant: dernier passage never goes before it. */
async function decisionFloor(db: Db, ctx: StaffCtx, usagerId: number): Promise<number | null> {
  const valides = await db
    .select({ statut: usagerDecisions.statut, dateDebut: usagerDecisions.dateDebut })
    .from(usagerDecisions)
    .where(and(eq(usagerDecisions.usagerId, usagerId), eq(usagerDecisions.statut, "VALIDE")))
    .orderBy(desc(usagerDecisions.id))
    .limit(1);
  return decisionStartFloor(valides, ctx.timeZone);
}

/**
 * Recomputes dernier passage from the data, in one statement: the latest counting interaction,
 * the latest portal login when the structure counts them, never before `floor`.
 */
export function recomputeDernierPassage(db: Db, usagerId: number, floor: number | null, portalLoginsCount: boolean) {
  const latest = sql`coalesce((SELECT max(created_at) FROM interactions WHERE usager_id = ${usagerId} AND ${countingInteraction}), 0)`;
  const login = portalLoginsCount ? sql`coalesce((SELECT max(at) FROM portail_logins WHERE usager_id = ${usagerId}), 0)` : sql`0`;
  return db
    .update(usagers)
    .set({ dernierPassage: sql`nullif(max(${latest}, ${login}, ${floor ?? 0}), 0)` })
    .where(eq(usagers.id, usagerId));
}

/** Whether the structure counts portal logins as a passage (its portal setting). */
export async function portalLoginsCount(db: Db, structureId: number): Promise<boolean> {
  const s = await db.query.structures.findFirst({
    where: eq(structures.id, structureId),
    columns: { portailLoginUpdatesDernierPassage: true },
  });
  return s?.portailLoginUpdatesDernierPassage ?? false;
}

/**
 * Deletes the file's most recent interaction only. A deleted hand-over puts its receptions back
 * to pending; counters and dernier passage are recomputed from what remains.
 */
export async function deleteLastInteraction(db: Db, ctx: StaffCtx, usagerId: number, interactionId: number) {
  await usagerOf(db, ctx.structureId, usagerId);
  const [last] = await db
    .select({ id: interactions.id })
    .from(interactions)
    .where(eq(interactions.usagerId, usagerId))
    .orderBy(desc(interactions.id))
    .limit(1);
  if (!last || last.id !== interactionId) throw new AppError("NOT_LAST_INTERACTION");
  const floor = await decisionFloor(db, ctx, usagerId);
  await db.batch([
    db.update(interactions).set({ outId: null }).where(eq(interactions.outId, interactionId)),
    db.delete(interactions).where(and(eq(interactions.id, interactionId), eq(interactions.usagerId, usagerId))),
    recountCounters(db, ctx.structureId, usagerId),
    recomputeDernierPassage(db, usagerId, floor, await portalLoginsCount(db, ctx.structureId)),
  ]);
}

/** What waits for a file, with the comments of the pending receptions (shown when handing over). */
export async function pendingMail(db: Db, ctx: StaffCtx, usagerId: number) {
  await usagerOf(db, ctx.structureId, usagerId);
  const rows = await db
    .select({
      id: interactions.id,
      type: interactions.type,
      nb: interactions.nb,
      content: interactions.content,
      createdAt: interactions.createdAt,
    })
    .from(interactions)
    .where(and(eq(interactions.usagerId, usagerId), pendingOf(RECEPTION_TYPES)))
    .orderBy(desc(interactions.id))
    .limit(200);
  return rows;
}
