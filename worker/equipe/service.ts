import { and, asc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { staffTokens, staffUsers, structures } from "../../db/schema";
import { resetFailures } from "../auth/lockout";
import { hashPassword } from "../auth/password";
import { deleteUserSessions } from "../auth/session";
import { generateToken, sha256Hex } from "../auth/token";
import { assertStaffPassword } from "../compte/service";
import type { Db } from "../db";
import { APP_ERRORS, AppError } from "../errors";
import { type Actor, audit } from "../journal/log";
import type { Role } from "../rules/roles";
import { accountWithEmail, isUniqueViolation, warnEmailOwner } from "../structures/service";

/** Invitation and reset links are valid 2 days (reference B.2). */
export const LINK_VALIDITY_MS = 2 * 24 * 3_600_000;

interface Caller {
  id: number;
  structureId: number;
  actor: Actor;
}

export async function listMembers(db: Db, structureId: number, now: Date) {
  return db
    .select({
      id: staffUsers.id,
      nom: staffUsers.nom,
      prenom: staffUsers.prenom,
      email: staffUsers.email,
      fonction: staffUsers.fonction,
      fonctionDetail: staffUsers.fonctionDetail,
      role: staffUsers.role,
      status: staffUsers.status,
      lastLoginAt: staffUsers.lastLoginAt,
      locked: sql<boolean>`coalesce(${staffUsers.lockedUntil} > ${now.getTime()}, 0)`.mapWith(Boolean),
    })
    .from(staffUsers)
    .where(and(eq(staffUsers.structureId, structureId), ne(staffUsers.status, "DELETED")))
    .orderBy(asc(staffUsers.nom), asc(staffUsers.prenom));
}

/** Colleagues' names only, for every role (e.g. to choose a référent). */
export async function listActiveColleagues(db: Db, structureId: number) {
  return db
    .select({ id: staffUsers.id, nom: staffUsers.nom, prenom: staffUsers.prenom })
    .from(staffUsers)
    .where(and(eq(staffUsers.structureId, structureId), eq(staffUsers.status, "ACTIVE")))
    .orderBy(asc(staffUsers.nom), asc(staffUsers.prenom));
}

/** A member of the caller's structure, or NOT_FOUND: another structure's accounts do not exist here. */
async function memberOf(db: Db, structureId: number, userId: number) {
  const member = await db.query.staffUsers.findFirst({
    where: and(eq(staffUsers.id, userId), eq(staffUsers.structureId, structureId), ne(staffUsers.status, "DELETED")),
  });
  if (!member) throw new AppError("NOT_FOUND");
  return member;
}

function linkFor(origin: string, token: string): string {
  // The token rides in the fragment: never sent to a server, never in a Referer.
  return `${origin}/invitation#${token}`;
}

/**
 * An invitation to an address that has an account. A colleague of the same structure is in the
 * team list anyway; an account elsewhere is not named (its owner is told, as for a sign-up).
 */
async function refuseTakenEmail(db: Db, caller: Caller, owner: { id: number; structureId: number }, now: Date): Promise<never> {
  if (owner.structureId === caller.structureId) {
    throw new AppError("EMAIL_TAKEN", { email: "Un membre de votre structure a déjà cette adresse e-mail." });
  }
  await warnEmailOwner(db, owner, "invitation", caller.actor, null, now);
  throw new AppError("EMAIL_UNAVAILABLE", { email: APP_ERRORS.EMAIL_UNAVAILABLE.message });
}

export async function inviteMember(
  db: Db,
  caller: Caller,
  input: { nom: string; prenom: string; email: string; fonction: string; fonctionDetail: string | null; role: Role },
  origin: string,
  now: Date,
): Promise<{ link: string; expiresAt: Date }> {
  const existing = await accountWithEmail(db, input.email);
  if (existing) await refuseTakenEmail(db, caller, existing, now);
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + LINK_VALIDITY_MS);
  // D1 runs the batch as one transaction, one writer at a time: max(id) is the row just inserted.
  const newUserId = sql`(SELECT max(id) FROM staff_users)`;
  try {
    await db.batch([
      db.insert(staffUsers).values({ ...input, structureId: caller.structureId, status: "PENDING", createdAt: now }),
      db.insert(staffTokens).values({ id: await sha256Hex(token), userId: newUserId, purpose: "invitation", expiresAt }),
      audit(db, {
        action: "STAFF_INVITED",
        structureId: caller.structureId,
        actor: caller.actor,
        target: { type: "staff", id: newUserId },
        details: { email: input.email, role: input.role },
        at: now,
      }),
    ]);
  } catch (error) {
    const winner = isUniqueViolation(error) ? await accountWithEmail(db, input.email) : undefined;
    if (winner) await refuseTakenEmail(db, caller, winner, now);
    throw error;
  }
  return { link: linkFor(origin, token), expiresAt };
}

/**
 * A fresh single-use link for a member: a new invitation while PENDING, a password reset otherwise.
 * Earlier links stop working. A reset also unlocks the account.
 */
export async function issueLink(
  db: Db,
  caller: Caller,
  userId: number,
  origin: string,
  now: Date,
): Promise<{ link: string; expiresAt: Date; purpose: "invitation" | "reset" }> {
  const member = await memberOf(db, caller.structureId, userId);
  if (member.status === "BLOCKED") throw new AppError("INVALID_STATE");
  const purpose = member.status === "PENDING" ? "invitation" : "reset";
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + LINK_VALIDITY_MS);
  await db.batch([
    db
      .update(staffTokens)
      .set({ usedAt: now })
      .where(and(eq(staffTokens.userId, userId), isNull(staffTokens.usedAt))),
    db.insert(staffTokens).values({ id: await sha256Hex(token), userId, purpose, expiresAt }),
    audit(db, {
      action: purpose === "invitation" ? "STAFF_INVITATION_RENEWED" : "STAFF_PASSWORD_RESET",
      structureId: caller.structureId,
      actor: caller.actor,
      target: { type: "staff", id: userId },
      at: now,
    }),
  ]);
  return { link: linkFor(origin, token), expiresAt, purpose };
}

async function liveToken(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({
      tokenId: staffTokens.id,
      purpose: staffTokens.purpose,
      userId: staffUsers.id,
      structureId: staffUsers.structureId,
      nom: staffUsers.nom,
      prenom: staffUsers.prenom,
      email: staffUsers.email,
      status: staffUsers.status,
      structureNom: structures.nom,
    })
    .from(staffTokens)
    .innerJoin(staffUsers, eq(staffUsers.id, staffTokens.userId))
    .innerJoin(structures, eq(structures.id, staffUsers.structureId))
    .where(and(eq(staffTokens.id, await sha256Hex(token)), isNull(staffTokens.usedAt), gt(staffTokens.expiresAt, now)));
  if (!row || row.status === "DELETED" || row.status === "BLOCKED") throw new AppError("TOKEN_INVALID");
  return row;
}

/** What the "choose your password" page shows before the member commits. */
export async function describeLink(db: Db, token: string, now: Date) {
  const row = await liveToken(db, token, now);
  return { purpose: row.purpose, nom: row.nom, prenom: row.prenom, email: row.email, structureNom: row.structureNom };
}

/** The member sets a password through the link: the account becomes ACTIVE, the link is spent. */
export async function usePasswordLink(db: Db, input: { token: string; password: string }, now: Date, ip: string | null): Promise<void> {
  assertStaffPassword(input.password, "password");
  const row = await liveToken(db, input.token, now);
  const passwordHash = await hashPassword(input.password);
  const [spent] = await db.batch([
    // Conditional on the link still being unused: two tabs cannot both use it.
    db
      .update(staffTokens)
      .set({ usedAt: now })
      .where(and(eq(staffTokens.id, row.tokenId), isNull(staffTokens.usedAt)))
      .returning({ id: staffTokens.id }),
    db
      .update(staffUsers)
      .set({ passwordHash, passwordUpdatedAt: now, status: "ACTIVE", ...resetFailures })
      .where(
        and(
          eq(staffUsers.id, row.userId),
          sql`EXISTS (SELECT 1 FROM staff_tokens WHERE id = ${row.tokenId} AND used_at = ${now.getTime()})`,
        ),
      ),
    deleteUserSessions(db, "staff", row.userId),
    audit(db, {
      action: row.purpose === "invitation" ? "STAFF_INVITATION_ACCEPTED" : "STAFF_PASSWORD_CHANGED",
      structureId: row.structureId,
      actor: { kind: "staff", id: row.userId, name: `${row.prenom} ${row.nom}` },
      target: { type: "staff", id: row.userId },
      ip,
      at: now,
    }),
  ]);
  if (spent.length === 0) throw new AppError("TOKEN_INVALID");
}

export async function changeRole(db: Db, caller: Caller, userId: number, role: Role, now: Date): Promise<void> {
  if (userId === caller.id) throw new AppError("NOT_ON_SELF");
  const member = await memberOf(db, caller.structureId, userId);
  if (member.status === "BLOCKED") throw new AppError("INVALID_STATE");
  if (member.role === role) return;
  await db.batch([
    db.update(staffUsers).set({ role }).where(eq(staffUsers.id, userId)),
    audit(db, {
      action: "STAFF_ROLE_CHANGED",
      structureId: caller.structureId,
      actor: caller.actor,
      target: { type: "staff", id: userId },
      details: { from: member.role, to: role },
      at: now,
    }),
  ]);
}

/** Block, unblock or (soft) delete a colleague; blocking and deleting end their sessions at once. */
export async function setMemberStatus(
  db: Db,
  caller: Caller,
  userId: number,
  action: "block" | "unblock" | "delete",
  now: Date,
): Promise<void> {
  if (userId === caller.id) throw new AppError("NOT_ON_SELF");
  const member = await memberOf(db, caller.structureId, userId);
  if (action === "unblock" && member.status !== "BLOCKED") throw new AppError("INVALID_STATE");
  if (action === "block" && member.status !== "ACTIVE") throw new AppError("INVALID_STATE");
  const status = action === "block" ? "BLOCKED" : action === "delete" ? "DELETED" : "ACTIVE";
  await db.batch([
    db
      .update(staffUsers)
      .set(action === "delete" ? { status, deletedAt: now } : { status, ...resetFailures })
      .where(eq(staffUsers.id, userId)),
    deleteUserSessions(db, "staff", userId),
    db
      .update(staffTokens)
      .set({ usedAt: now })
      .where(and(eq(staffTokens.userId, userId), isNull(staffTokens.usedAt))),
    audit(db, {
      action: action === "block" ? "STAFF_BLOCKED" : action === "unblock" ? "STAFF_UNBLOCKED" : "STAFF_DELETED",
      structureId: caller.structureId,
      actor: caller.actor,
      target: { type: "staff", id: userId },
      details: { email: member.email },
      at: now,
    }),
  ]);
}
