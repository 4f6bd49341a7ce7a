import { and, eq, ne, sql } from "drizzle-orm";
import { auditLog, sessions, staffUsers, structures } from "../../db/schema";
import { failureUpdate, resetFailures } from "../auth/lockout";
import { hashPassword } from "../auth/password";
import { deleteSession, newSession } from "../auth/session";
import { checkPassword } from "../auth/sign-in";
import type { Db } from "../db";
import { APP_ERRORS, AppError } from "../errors";
import { type Actor, audit } from "../journal/log";
import { PASSWORD_PROBLEM_LABELS, staffPasswordProblems } from "../rules/password-policy";

/** Throws a field error on `field` when the password breaks the staff rule. */
export function assertStaffPassword(password: string, field: string): void {
  const problems = staffPasswordProblems(password);
  if (problems.length > 0) {
    throw new AppError("INVALID_INPUT", { [field]: PASSWORD_PROBLEM_LABELS[problems[0]!] });
  }
}

/**
 * A wrong password for a known account (sign-in, or the current one when changing it): counted
 * toward its lockout (A.6) and journaled, with the lock itself when this failure sets it.
 */
async function recordFailure(
  db: Db,
  account: { id: number; structureId: number; actor: Actor },
  action: "STAFF_LOGIN_FAILED" | "STAFF_PASSWORD_CHANGE_FAILED",
  reason: "wrong" | "locked",
  now: Date,
  ip: string | null,
): Promise<void> {
  const target = { type: "staff", id: account.id };
  const [after] = await db.batch([
    db
      .update(staffUsers)
      .set(failureUpdate(staffUsers, now))
      .where(eq(staffUsers.id, account.id))
      .returning({ lockedUntil: staffUsers.lockedUntil }),
    audit(db, { action, structureId: account.structureId, actor: account.actor, target, details: { reason }, ip, at: now }),
  ]);
  if (reason === "wrong" && (after[0]?.lockedUntil?.getTime() ?? 0) > now.getTime()) {
    await audit(db, { action: "STAFF_LOCKED", structureId: account.structureId, actor: account.actor, target, ip, at: now });
  }
}

export async function signInStaff(
  db: Db,
  input: { email: string; password: string },
  now: Date,
  ip: string | null,
): Promise<{ token: string; userId: number }> {
  const [account] = await db
    .select({
      id: staffUsers.id,
      structureId: staffUsers.structureId,
      nom: staffUsers.nom,
      prenom: staffUsers.prenom,
      status: staffUsers.status,
      passwordHash: staffUsers.passwordHash,
      lockedUntil: staffUsers.lockedUntil,
      structureStatut: structures.statut,
    })
    .from(staffUsers)
    .innerJoin(structures, eq(structures.id, staffUsers.structureId))
    .where(and(eq(staffUsers.email, input.email), ne(staffUsers.status, "DELETED")));

  const check = await checkPassword(account, input.password, now);
  const anonymous: Actor = { kind: "anonymous", id: null, name: null };
  if (check === "unknown" || !account) {
    await audit(db, {
      action: "STAFF_LOGIN_FAILED",
      structureId: account?.structureId ?? null,
      actor: anonymous,
      details: { email: input.email, reason: "unknown" },
      ip,
      at: now,
    });
    throw new AppError("INVALID_CREDENTIALS");
  }
  const actor: Actor = { kind: "staff", id: account.id, name: `${account.prenom} ${account.nom}` };
  const target = { type: "staff", id: account.id };
  if (check !== "ok") {
    await recordFailure(db, { id: account.id, structureId: account.structureId, actor }, "STAFF_LOGIN_FAILED", check, now, ip);
    throw new AppError("INVALID_CREDENTIALS");
  }
  if (account.status === "BLOCKED") throw new AppError("ACCOUNT_BLOCKED");
  if (account.status !== "ACTIVE") throw new AppError("INVALID_CREDENTIALS");
  if (account.structureStatut !== "VALIDE") throw new AppError("STRUCTURE_NOT_VALIDATED");

  const session = await newSession(db, "staff", account.id, account.structureId, now);
  await db.batch([
    session.insert,
    db
      .update(staffUsers)
      .set({ ...resetFailures, lastLoginAt: now })
      .where(eq(staffUsers.id, account.id)),
    audit(db, { action: "STAFF_LOGIN", structureId: account.structureId, actor, target, ip, at: now }),
  ]);
  return { token: session.token, userId: account.id };
}

export async function signOutStaff(db: Db, sessionId: string, structureId: number, actor: Actor, now: Date): Promise<void> {
  await db.batch([
    deleteSession(db, sessionId),
    audit(db, { action: "STAFF_LOGOUT", structureId, actor, target: { type: "staff", id: actor.id! }, at: now }),
  ]);
}

/** How long « Mon compte » shows that the account's address was used by someone else. */
const EMAIL_REUSE_NOTICE_MS = 30 * 24 * 3_600_000;

export async function getMe(db: Db, userId: number, now: Date) {
  const [me] = await db
    .select({
      id: staffUsers.id,
      nom: staffUsers.nom,
      prenom: staffUsers.prenom,
      email: staffUsers.email,
      fonction: staffUsers.fonction,
      fonctionDetail: staffUsers.fonctionDetail,
      role: staffUsers.role,
      lastLoginAt: staffUsers.lastLoginAt,
      passwordUpdatedAt: staffUsers.passwordUpdatedAt,
      structure: { id: structures.id, nom: structures.nom, ville: structures.ville, timeZone: structures.timeZone },
      // In the same statement: « Mon compte » costs one round trip.
      emailReusedRow: sql<
        string | null
      >`(SELECT json_object('at', ${auditLog.at}, 'via', json_extract(${auditLog.details}, '$.via')) FROM ${auditLog}
        WHERE ${auditLog.targetType} = 'staff' AND ${auditLog.targetId} = CAST(${staffUsers.id} AS TEXT)
          AND ${auditLog.action} = 'STAFF_EMAIL_REUSED' AND ${auditLog.at} > ${now.getTime() - EMAIL_REUSE_NOTICE_MS}
        ORDER BY ${auditLog.id} DESC LIMIT 1)`,
    })
    .from(staffUsers)
    .innerJoin(structures, eq(structures.id, staffUsers.structureId))
    .where(eq(staffUsers.id, userId));
  if (!me) throw new AppError("NOT_FOUND");
  const { emailReusedRow, ...rest } = me;
  const reuse = emailReusedRow ? (JSON.parse(emailReusedRow) as { at: number; via: string }) : null;
  const emailReused = reuse
    ? { at: new Date(reuse.at), via: reuse.via === "invitation" ? ("invitation" as const) : ("inscription" as const) }
    : null;
  return { ...rest, emailReused };
}

/**
 * Changing one's password ends every other session of the account. A wrong current password counts
 * toward the lockout, as a failed sign-in does (reference A.6, CHANGE_PASSWORD_ERROR): a session
 * left open on a shared computer cannot be used to guess it.
 */
export async function changeOwnPassword(
  db: Db,
  caller: { id: number; structureId: number; sessionId: string; actor: Actor },
  input: { current: string; next: string },
  now: Date,
  ip: string | null,
): Promise<void> {
  assertStaffPassword(input.next, "next");
  const user = await db.query.staffUsers.findFirst({ where: eq(staffUsers.id, caller.id) });
  const check = await checkPassword(user, input.current, now);
  if (check === "locked") throw new AppError("ACCOUNT_LOCKED");
  if (check !== "ok") {
    if (check === "wrong") await recordFailure(db, caller, "STAFF_PASSWORD_CHANGE_FAILED", check, now, ip);
    throw new AppError("WRONG_CURRENT_PASSWORD", { current: APP_ERRORS.WRONG_CURRENT_PASSWORD.message });
  }
  if (input.next === input.current) {
    throw new AppError("INVALID_INPUT", { next: "Le nouveau mot de passe doit être différent de l'actuel." });
  }
  const hash = await hashPassword(input.next);
  await db.batch([
    db.update(staffUsers).set({ passwordHash: hash, passwordUpdatedAt: now }).where(eq(staffUsers.id, caller.id)),
    db.delete(sessions).where(and(eq(sessions.kind, "staff"), eq(sessions.userId, caller.id), ne(sessions.id, caller.sessionId))),
    audit(db, {
      action: "STAFF_PASSWORD_CHANGED",
      structureId: caller.structureId,
      actor: caller.actor,
      target: { type: "staff", id: caller.id },
      at: now,
    }),
  ]);
}
