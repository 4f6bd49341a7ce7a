import { desc, eq, sql } from "drizzle-orm";
import { staffUsers, structures } from "../../db/schema";
import { hashPassword } from "../auth/password";
import { assertStaffPassword } from "../compte/service";
import type { Db } from "../db";
import { AppError } from "../errors";
import { type Actor, audit } from "../journal/log";
import { departementFromCodePostal, type StructureStatut, timeZoneFromDepartement } from "../rules/structure";
import type { StructureInfoInput } from "./schemas";

function infoColumns(input: StructureInfoInput) {
  const departement = departementFromCodePostal(input.codePostal);
  return {
    nom: input.nom,
    type: input.type,
    adresse: input.adresse,
    complementAdresse: input.complementAdresse,
    codePostal: input.codePostal,
    ville: input.ville,
    departement,
    timeZone: timeZoneFromDepartement(departement),
    telephone: input.telephone,
    email: input.email,
    responsableNom: input.responsable.nom,
    responsablePrenom: input.responsable.prenom,
    responsableFonction: input.responsable.fonction,
    capacite: input.capacite,
    agrement: input.agrement,
    siret: input.pasDeSiret ? null : input.siret,
    courrierAdresse: input.adresseCourrier?.adresse ?? null,
    courrierCodePostal: input.adresseCourrier?.codePostal ?? null,
    courrierVille: input.adresseCourrier?.ville ?? null,
  };
}

/** The live staff account holding this e-mail address, if any (addresses are unique platform-wide). */
export async function accountWithEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: staffUsers.id, structureId: staffUsers.structureId })
    .from(staffUsers)
    .where(sql`${staffUsers.email} = ${email} AND ${staffUsers.status} != 'DELETED'`)
    .limit(1);
  return row;
}

/**
 * Someone tried to use the address of an existing account: its owner is told in the app (« Mon
 * compte »), the caller is not (reference: the sign-up answer must not reveal who has an account).
 */
export function warnEmailOwner(
  db: Db,
  owner: { id: number; structureId: number },
  via: "inscription" | "invitation",
  actor: Actor,
  ip: string | null,
  now: Date,
) {
  return audit(db, {
    action: "STAFF_EMAIL_REUSED",
    structureId: owner.structureId,
    actor,
    target: { type: "staff", id: owner.id },
    details: { via },
    ip,
    at: now,
  });
}

/** SQLite's message for a unique index violation, as D1 reports it. */
export function isUniqueViolation(error: unknown): boolean {
  const text = String((error as { cause?: unknown })?.cause ?? error);
  return text.includes("UNIQUE constraint failed");
}

/**
 * Public sign-up: the structure (EN_ATTENTE) and its first administrator, in one batch.
 * D1 runs a batch as one transaction and writes one at a time, so `max(id)` inside the batch
 * is the row the batch just inserted. An address that already has an account gets the same
 * answer, in the same time (the password is hashed either way), and nothing is created.
 */
export async function registerStructure(
  db: Db,
  input: {
    structure: StructureInfoInput;
    admin: { nom: string; prenom: string; email: string; fonction: string; password: string };
  },
  now: Date,
  ip: string | null,
): Promise<void> {
  assertStaffPassword(input.admin.password, "admin.password");
  const anonymous: Actor = { kind: "anonymous", id: null, name: `${input.admin.prenom} ${input.admin.nom}` };
  const existing = await accountWithEmail(db, input.admin.email);
  const passwordHash = await hashPassword(input.admin.password);
  if (existing) {
    await warnEmailOwner(db, existing, "inscription", anonymous, ip, now);
    return;
  }
  const newStructureId = sql`(SELECT max(id) FROM structures)`;
  try {
    await db.batch([
      db.insert(structures).values({ ...infoColumns(input.structure), createdAt: now, updatedAt: now }),
      db.insert(staffUsers).values({
        structureId: newStructureId,
        email: input.admin.email,
        nom: input.admin.nom,
        prenom: input.admin.prenom,
        fonction: input.admin.fonction,
        role: "admin",
        status: "ACTIVE",
        passwordHash,
        passwordUpdatedAt: now,
        createdAt: now,
      }),
      audit(db, {
        action: "STRUCTURE_REGISTERED",
        structureId: newStructureId,
        actor: anonymous,
        details: { nom: input.structure.nom, email: input.admin.email },
        ip,
        at: now,
      }),
    ]);
  } catch (error) {
    // The same address signed up at the same moment: the earlier one won.
    const winner = isUniqueViolation(error) ? await accountWithEmail(db, input.admin.email) : undefined;
    if (!winner) throw error;
    await warnEmailOwner(db, winner, "inscription", anonymous, ip, now);
  }
}

export async function getStructure(db: Db, structureId: number) {
  const s = await db.query.structures.findFirst({ where: eq(structures.id, structureId) });
  if (!s) throw new AppError("NOT_FOUND");
  return {
    id: s.id,
    nom: s.nom,
    type: s.type,
    adresse: s.adresse,
    complementAdresse: s.complementAdresse,
    codePostal: s.codePostal,
    ville: s.ville,
    departement: s.departement,
    timeZone: s.timeZone,
    telephone: s.telephone,
    email: s.email,
    responsable: { nom: s.responsableNom, prenom: s.responsablePrenom, fonction: s.responsableFonction },
    capacite: s.capacite,
    agrement: s.agrement,
    pasDeSiret: s.siret === null,
    siret: s.siret,
    adresseCourrier:
      s.courrierAdresse && s.courrierCodePostal && s.courrierVille
        ? { adresse: s.courrierAdresse, codePostal: s.courrierCodePostal, ville: s.courrierVille }
        : null,
    statut: s.statut,
    options: { nomStructure: s.optionNomStructure, numeroBoite: s.optionNumeroBoite, surnom: s.optionSurnom },
    createdAt: s.createdAt,
  };
}

export async function updateStructureInfo(db: Db, structureId: number, input: StructureInfoInput, actor: Actor, now: Date): Promise<void> {
  await db.batch([
    db
      .update(structures)
      .set({ ...infoColumns(input), updatedAt: now })
      .where(eq(structures.id, structureId)),
    audit(db, {
      action: "STRUCTURE_UPDATED",
      structureId,
      actor,
      target: { type: "structure", id: structureId },
      at: now,
    }),
  ]);
}

export async function updateStructureOptions(
  db: Db,
  structureId: number,
  input: { nomStructure: boolean; numeroBoite: boolean; surnom: boolean },
  actor: Actor,
  now: Date,
): Promise<void> {
  await db.batch([
    db
      .update(structures)
      .set({
        optionNomStructure: input.nomStructure,
        optionNumeroBoite: input.numeroBoite,
        optionSurnom: input.surnom,
        updatedAt: now,
      })
      .where(eq(structures.id, structureId)),
    audit(db, {
      action: "STRUCTURE_OPTIONS_UPDATED",
      structureId,
      actor,
      target: { type: "structure", id: structureId },
      details: input,
      at: now,
    }),
  ]);
}

/** Platform view: structures by status, newest first, with their first administrator. */
export async function listStructuresForPlatform(db: Db, statut: StructureStatut) {
  return db
    .select({
      id: structures.id,
      nom: structures.nom,
      type: structures.type,
      ville: structures.ville,
      codePostal: structures.codePostal,
      email: structures.email,
      siret: structures.siret,
      statut: structures.statut,
      createdAt: structures.createdAt,
      // Aliased and qualified: an unqualified "id" inside the subquery would be staff_users.id.
      adminEmail: sql<
        string | null
      >`(SELECT su.email FROM staff_users su WHERE su.structure_id = "structures"."id" AND su.role = 'admin' ORDER BY su.id LIMIT 1)`,
    })
    .from(structures)
    .where(eq(structures.statut, statut))
    .orderBy(desc(structures.createdAt))
    .limit(500);
}

export async function decideStructure(
  db: Db,
  structureId: number,
  decision: { statut: "VALIDE" } | { statut: "REFUS"; motif: string },
  actor: Actor,
  now: Date,
): Promise<void> {
  const current = await db.query.structures.findFirst({ where: eq(structures.id, structureId) });
  if (!current) throw new AppError("NOT_FOUND");
  if (current.statut !== "EN_ATTENTE") throw new AppError("INVALID_STATE");
  await db.batch([
    db
      .update(structures)
      .set({
        statut: decision.statut,
        statutMotif: decision.statut === "REFUS" ? decision.motif : null,
        statutAt: now,
        updatedAt: now,
      })
      .where(eq(structures.id, structureId)),
    audit(db, {
      action: decision.statut === "VALIDE" ? "STRUCTURE_VALIDATED" : "STRUCTURE_REFUSED",
      structureId,
      actor,
      target: { type: "structure", id: structureId },
      details: decision.statut === "REFUS" ? { motif: decision.motif } : undefined,
      at: now,
    }),
  ]);
}
