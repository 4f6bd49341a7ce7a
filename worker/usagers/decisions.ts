import { and, desc, eq, sql } from "drizzle-orm";
import { usagerDecisions, usagerNotes, usagers } from "../../db/schema";
import { portalLoginsCount, recomputeDernierPassage } from "../courrier/service";
import type { Db } from "../db";
import { AppError } from "../errors";
import { audit } from "../journal/log";
import type { AuditAction } from "../rules/audit-actions";
import { decisionStartFloor } from "../rules/courrier";
import { type CalendarDate, formatDateFr } from "../rules/dates";
import { allowedFrom, canUndo, type DecisionAction } from "../rules/decisions";
import { defaultDateFin, echeanceOf, type TypeDom, USAGER_STATUT_LABELS, type UsagerStatut } from "../rules/echeance";
import { guardedBatch, unchangedSince } from "./guard";
import { type StaffCtx, today, usagerOf } from "./service";

type Usager = typeof usagers.$inferSelect;
type Decision = typeof usagerDecisions.$inferSelect;

async function decisionsOf(db: Db, usagerId: number): Promise<Decision[]> {
  return db.select().from(usagerDecisions).where(eq(usagerDecisions.usagerId, usagerId)).orderBy(desc(usagerDecisions.id));
}

function expectAllowed(u: Usager, action: DecisionAction) {
  if (!allowedFrom(action, u.statut)) throw new AppError("INVALID_STATE");
}

const fieldError = (field: string, message: string) => new AppError("INVALID_INPUT", { [field]: message });

interface NewDecision {
  statut: UsagerStatut;
  typeDom: TypeDom;
  dateDebut?: CalendarDate | null;
  dateFin?: CalendarDate | null;
  motif?: string | null;
  motifDetails?: string | null;
  orientation?: string | null;
  orientationDetails?: string | null;
}

/**
 * Records a decision: the history row, the file's mirror of it (statut, dates, échéance) and the
 * audit entry, in one batch that refuses to apply over a change made since the file was read.
 */
async function recordDecision(
  db: Db,
  ctx: StaffCtx,
  u: Usager,
  version: number,
  decision: NewDecision,
  fileUpdate: Partial<typeof usagers.$inferInsert>,
  action: AuditAction,
  now: Date,
) {
  const previous = await decisionsOf(db, u.id);
  const next = { dateDebut: decision.dateDebut ?? null, dateFin: decision.dateFin ?? null, statut: decision.statut };
  const ech = echeanceOf(decision.typeDom, [next, ...previous]);
  await guardedBatch(db, [
    unchangedSince(db, u.id, version),
    db.insert(usagerDecisions).values({
      ...decision,
      structureId: ctx.structureId,
      usagerId: u.id,
      createdAt: now,
      userId: ctx.id,
      userName: ctx.actor.name,
    }),
    db
      .update(usagers)
      .set({
        statut: decision.statut,
        typeDom: decision.typeDom,
        decisionDebut: decision.dateDebut ?? null,
        decisionFin: decision.dateFin ?? null,
        decisionAt: now,
        echeance: ech.active ? ech.date : null,
        ...fileUpdate,
        version: sql`${usagers.version} + 1`,
        updatedAt: now,
      })
      .where(eq(usagers.id, u.id)),
    audit(db, {
      action,
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id: u.id },
      details: { ...decision },
      at: now,
    }),
  ]);
}

/** An instructeur hands the file to a gestionnaire: "À valider". */
export async function soumettreDemande(db: Db, ctx: StaffCtx, usagerId: number, version: number, now: Date) {
  const u = await usagerOf(db, ctx.structureId, usagerId);
  expectAllowed(u, "soumettre");
  await recordDecision(db, ctx, u, version, { statut: "ATTENTE_DECISION", typeDom: u.typeDom }, { etape: 4 }, "USAGER_SUBMITTED", now);
}

/** Start from 1 January two years back to 31 December next year; end after start, at most today + 1 year − 1 day. */
export function checkValidationDates(dateDebut: CalendarDate, dateFin: CalendarDate, todayDate: CalendarDate) {
  const year = Number(todayDate.slice(0, 4));
  if (dateDebut < `${year - 2}-01-01` || dateDebut > `${year + 1}-12-31`) {
    throw fieldError("dateDebut", `Date de début : entre le 01/01/${year - 2} et le 31/12/${year + 1}.`);
  }
  if (dateFin <= dateDebut) throw fieldError("dateFin", "Date de fin : elle doit être après la date de début.");
  const max = defaultDateFin(todayDate);
  if (dateFin > max) throw fieldError("dateFin", `Date de fin : le ${formatDateFr(max)} au plus tard (un an).`);
}

export async function validerDemande(
  db: Db,
  ctx: StaffCtx,
  input: { usagerId: number; version: number; dateDebut: CalendarDate; dateFin: CalendarDate; customRef: string | null },
  now: Date,
) {
  const u = await usagerOf(db, ctx.structureId, input.usagerId);
  expectAllowed(u, "valider");
  checkValidationDates(input.dateDebut, input.dateFin, today(ctx, now));
  // The person was there the day the domiciliation starts: its start is a floor for "dernier passage".
  const floor = new Date(decisionStartFloor([{ statut: "VALIDE", dateDebut: input.dateDebut }], ctx.timeZone)!);
  const dernierPassage = u.dernierPassage && u.dernierPassage > floor ? u.dernierPassage : floor;
  await recordDecision(
    db,
    ctx,
    u,
    input.version,
    { statut: "VALIDE", typeDom: u.typeDom, dateDebut: input.dateDebut, dateFin: input.dateFin },
    {
      etape: 5,
      dernierPassage,
      datePremiereDom: u.datePremiereDom ?? input.dateDebut,
      ...(input.customRef ? { customRef: input.customRef } : {}),
    },
    "USAGER_VALIDATED",
    now,
  );
}

/** Refusals and radiations are dated from 1 January of last year to today. */
function checkPastDecisionDate(date: CalendarDate, todayDate: CalendarDate, label: string) {
  const from = `${Number(todayDate.slice(0, 4)) - 1}-01-01`;
  if (date < from || date > todayDate) {
    throw fieldError("date", `${label} : entre le ${formatDateFr(from)} et aujourd'hui.`);
  }
}

export async function refuserDemande(
  db: Db,
  ctx: StaffCtx,
  input: {
    usagerId: number;
    version: number;
    date: CalendarDate;
    motif: string;
    motifDetails: string | null;
    orientation: string | null;
    orientationDetails: string | null;
  },
  now: Date,
) {
  const u = await usagerOf(db, ctx.structureId, input.usagerId);
  expectAllowed(u, "refuser");
  checkPastDecisionDate(input.date, today(ctx, now), "Date de la décision");
  await recordDecision(
    db,
    ctx,
    u,
    input.version,
    {
      statut: "REFUS",
      typeDom: u.typeDom,
      dateDebut: input.date,
      dateFin: input.date,
      motif: input.motif,
      motifDetails: input.motifDetails,
      orientation: input.orientation,
      orientationDetails: input.orientationDetails,
    },
    { etape: 5 },
    "USAGER_REFUSED",
    now,
  );
}

export async function radierUsager(
  db: Db,
  ctx: StaffCtx,
  input: { usagerId: number; version: number; date: CalendarDate; motif: string; motifDetails: string | null },
  now: Date,
) {
  const u = await usagerOf(db, ctx.structureId, input.usagerId);
  expectAllowed(u, "radier");
  checkPastDecisionDate(input.date, today(ctx, now), "Date de radiation");
  await recordDecision(
    db,
    ctx,
    u,
    input.version,
    {
      statut: "RADIE",
      typeDom: u.typeDom,
      dateDebut: input.date,
      dateFin: input.date,
      motif: input.motif,
      motifDetails: input.motifDetails,
    },
    { etape: 5 },
    "USAGER_RADIATED",
    now,
  );
}

/**
 * Radiates many files at once; each file is its own atomic batch, so a file changed meanwhile
 * (or not radiable) is skipped and reported, the others go through.
 */
export async function radierEnMasse(
  db: Db,
  ctx: StaffCtx,
  input: { usagerIds: number[]; date: CalendarDate; motif: string; motifDetails: string | null },
  now: Date,
): Promise<{ radies: number; ignores: number }> {
  checkPastDecisionDate(input.date, today(ctx, now), "Date de radiation");
  let radies = 0;
  for (const usagerId of new Set(input.usagerIds)) {
    const u = await db.query.usagers.findFirst({ where: and(eq(usagers.id, usagerId), eq(usagers.structureId, ctx.structureId)) });
    if (!u || !allowedFrom("radier", u.statut)) continue;
    try {
      await radierUsager(db, ctx, { ...input, usagerId, version: u.version }, now);
      radies += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { radies, ignores: new Set(input.usagerIds).size - radies };
}

/**
 * "Demande de renouvellement": a VALIDE file keeps its current end as échéance while the renewal is
 * instructed; a refused or radiated file starts a new first request.
 */
export async function renouvelerDemande(db: Db, ctx: StaffCtx, usagerId: number, version: number, now: Date) {
  const u = await usagerOf(db, ctx.structureId, usagerId);
  expectAllowed(u, "renouveler");
  const typeDom: TypeDom = u.statut === "VALIDE" ? "RENOUVELLEMENT" : "PREMIERE_DOM";
  await recordDecision(
    db,
    ctx,
    u,
    version,
    { statut: "INSTRUCTION", typeDom },
    { etape: 0, rdvAt: null, rdvUserId: null, dernierPassage: now, npaiDepuis: null },
    "USAGER_RENEWAL",
    now,
  );
}

const ETAPE_FOR: Record<UsagerStatut, number> = { INSTRUCTION: 1, ATTENTE_DECISION: 4, VALIDE: 5, REFUS: 5, RADIE: 5 };

/** Removes the last decision and restores the one before it; a note records what was undone. */
export async function annulerDerniereDecision(db: Db, ctx: StaffCtx, usagerId: number, version: number, now: Date) {
  const u = await usagerOf(db, ctx.structureId, usagerId);
  const decisions = await decisionsOf(db, usagerId);
  if (!canUndo(decisions.length)) throw new AppError("INVALID_STATE");
  const [last, previous] = decisions;
  const rest = decisions.slice(1);
  const ech = echeanceOf(previous.typeDom, rest);
  const period = last.dateDebut && last.dateFin ? ` du ${formatDateFr(last.dateDebut)} au ${formatDateFr(last.dateFin)}` : "";
  await guardedBatch(db, [
    unchangedSince(db, usagerId, version),
    db.delete(usagerDecisions).where(eq(usagerDecisions.id, last.id)),
    db
      .update(usagers)
      .set({
        statut: previous.statut,
        typeDom: previous.typeDom,
        decisionDebut: previous.dateDebut,
        decisionFin: previous.dateFin,
        decisionAt: previous.createdAt,
        echeance: ech.active ? ech.date : null,
        etape: previous.statut === "INSTRUCTION" ? Math.min(u.etape, 3) : ETAPE_FOR[previous.statut],
        npaiDepuis: null,
        version: sql`${usagers.version} + 1`,
        updatedAt: now,
      })
      .where(eq(usagers.id, usagerId)),
    recomputeDernierPassage(db, usagerId, decisionStartFloor(rest, ctx.timeZone), await portalLoginsCount(db, ctx.structureId)),
    db.insert(usagerNotes).values({
      structureId: ctx.structureId,
      usagerId,
      message: `Suppression de la décision : ${USAGER_STATUT_LABELS[last.statut]}${period}`,
      createdAt: now,
      createdById: ctx.id,
      createdByName: ctx.actor.name ?? "",
    }),
    audit(db, {
      action: "USAGER_DECISION_UNDONE",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "usager", id: usagerId },
      details: { statut: last.statut, dateDebut: last.dateDebut, dateFin: last.dateFin },
      at: now,
    }),
  ]);
}
