import { and, eq, ne } from "drizzle-orm";
import { portailAccounts, portailLogins, sessions, structures, usagers } from "../../db/schema";
import { failureUpdate, resetFailures } from "../auth/lockout";
import { hashPassword } from "../auth/password";
import { newSession } from "../auth/session";
import { checkPassword } from "../auth/sign-in";
import { passageNow } from "../courrier/service";
import type { Db } from "../db";
import type { Env } from "../env";
import { APP_ERRORS, AppError } from "../errors";
import { type Actor, audit } from "../journal/log";
import { isCommonPassword, PASSWORD_MAX } from "../rules/password-policy";
import { normalizeLogin, PORTAIL_PASSWORD_RULES, portailPasswordProblems } from "../rules/portail-password";

async function accountByLogin(db: Db, login: string) {
  const [row] = await db
    .select({
      account: portailAccounts,
      usager: { id: usagers.id, nom: usagers.nom, prenom: usagers.prenom },
      structure: {
        statut: structures.statut,
        portailEnabled: structures.portailEnabled,
        loginCounts: structures.portailLoginUpdatesDernierPassage,
      },
    })
    .from(portailAccounts)
    .innerJoin(usagers, eq(usagers.id, portailAccounts.usagerId))
    .innerJoin(structures, eq(structures.id, portailAccounts.structureId))
    .where(eq(portailAccounts.login, normalizeLogin(login)));
  return row;
}

type Found = NonNullable<Awaited<ReturnType<typeof accountByLogin>>>;

const actorOf = (f: Found): Actor => ({ kind: "usager", id: f.account.id, name: `${f.usager.prenom} ${f.usager.nom}` });

/**
 * A wrong password for a known account (sign-in, or the current one when changing it): counted
 * toward its lockout (A.6) and journaled, with the lock itself when this failure sets it.
 */
async function recordFailure(
  db: Db,
  account: { id: number; structureId: number; usagerId: number; actor: Actor },
  action: "PORTAIL_LOGIN_FAILED" | "PORTAIL_PASSWORD_CHANGE_FAILED",
  reason: "wrong" | "locked",
  now: Date,
  ip: string | null,
): Promise<void> {
  const target = { type: "usager", id: account.usagerId };
  const [after] = await db.batch([
    db
      .update(portailAccounts)
      .set(failureUpdate(portailAccounts, now))
      .where(eq(portailAccounts.id, account.id))
      .returning({ lockedUntil: portailAccounts.lockedUntil }),
    audit(db, { action, structureId: account.structureId, actor: account.actor, target, details: { reason }, ip, at: now }),
  ]);
  if (reason === "wrong" && (after[0]?.lockedUntil?.getTime() ?? 0) > now.getTime()) {
    await audit(db, { action: "PORTAIL_LOCKED", structureId: account.structureId, actor: account.actor, target, ip, at: now });
  }
}

/**
 * Checks the identifiant and password with the portal lockout (3 failures in an hour). Disabled
 * accounts answer like unknown ones; every answer costs one argon2 verification.
 */
async function authenticate(db: Db, login: string, password: string, now: Date, ip: string | null): Promise<Found> {
  const found = await accountByLogin(db, login);
  const usable = found?.account.enabled ? found.account : undefined;
  const check = await checkPassword(usable, password, now);
  if (check === "ok" && found) {
    if (found.structure.statut !== "VALIDE" || !found.structure.portailEnabled) throw new AppError("PORTAIL_FERME");
    return found;
  }
  if (!found || !usable || (check !== "wrong" && check !== "locked")) {
    await audit(db, {
      action: "PORTAIL_LOGIN_FAILED",
      structureId: found?.account.structureId ?? null,
      actor: { kind: "anonymous", id: null, name: null },
      details: { login: normalizeLogin(login).slice(0, 16) },
      ip,
      at: now,
    });
    throw new AppError("PORTAIL_LOGIN_INVALID");
  }
  await recordFailure(
    db,
    { id: found.account.id, structureId: found.account.structureId, usagerId: found.usager.id, actor: actorOf(found) },
    "PORTAIL_LOGIN_FAILED",
    check,
    now,
    ip,
  );
  throw new AppError("PORTAIL_LOGIN_INVALID");
}

/** Opens a session, records the login (and, if the structure says so, a passage). */
async function openSession(
  db: Db,
  found: Found,
  shared: boolean,
  now: Date,
  ip: string | null,
  extra: Parameters<Db["batch"]>[0][number][] = [],
) {
  const session = await newSession(db, "usager", found.account.id, found.account.structureId, now, shared);
  await db.batch([
    session.insert,
    db
      .update(portailAccounts)
      .set({ ...resetFailures, lastLoginAt: now })
      .where(eq(portailAccounts.id, found.account.id)),
    db.insert(portailLogins).values({ structureId: found.account.structureId, usagerId: found.usager.id, at: now }),
    ...(found.structure.loginCounts ? [passageNow(db, found.usager.id, now)] : []),
    audit(db, {
      action: "PORTAIL_LOGIN",
      structureId: found.account.structureId,
      actor: actorOf(found),
      target: { type: "usager", id: found.usager.id },
      ip,
      at: now,
    }),
    ...extra,
  ] as unknown as Parameters<Db["batch"]>[0]);
  return session.token;
}

export type SignInResult = { status: "connecte"; token: string; shared: boolean } | { status: "premiereConnexion" };

/** "Connexion": with a temporary password, the person must first choose their own (no session yet). */
export async function signInUsager(
  db: Db,
  input: { login: string; password: string; appareilPartage: boolean },
  now: Date,
  ip: string | null,
): Promise<SignInResult> {
  const found = await authenticate(db, input.login, input.password, now, ip);
  if (found.account.passwordType === "TEMPORAIRE") {
    await db.update(portailAccounts).set(resetFailures).where(eq(portailAccounts.id, found.account.id));
    return { status: "premiereConnexion" };
  }
  return { status: "connecte", token: await openSession(db, found, input.appareilPartage, now, ip), shared: input.appareilPartage };
}

/** Every rule of the seed's checklist, plus the common list and the maximum length, on the server. */
export function assertPortalPassword(next: string, previous: string, field: string, previousIs: "temporaire" | "actuel") {
  const problems = portailPasswordProblems(next, previous);
  if (problems.length > 0) {
    const rule = PORTAIL_PASSWORD_RULES.find((r) => r.key === problems[0])!;
    const label = rule.key === "different" ? `est différent du mot de passe ${previousIs}` : rule.label.toLowerCase();
    throw new AppError("INVALID_INPUT", { [field]: `Le mot de passe ne respecte pas la règle : ${label}.` });
  }
  if (next.length > PASSWORD_MAX)
    throw new AppError("INVALID_INPUT", { [field]: `Le mot de passe doit contenir au plus ${PASSWORD_MAX} caractères.` });
  if (isCommonPassword(next)) throw new AppError("PASSWORD_TOO_COMMON", { [field]: APP_ERRORS.PASSWORD_TOO_COMMON.message });
}

/**
 * First sign-in: the temporary password is checked again, the new one must follow the rules; the
 * access letter (which holds the temporary password) is deleted from R2 at once.
 */
export async function firstLogin(
  db: Db,
  env: Env,
  input: { login: string; password: string; nouveau: string; appareilPartage: boolean },
  now: Date,
  ip: string | null,
): Promise<{ token: string; shared: boolean }> {
  const found = await authenticate(db, input.login, input.password, now, ip);
  if (found.account.passwordType !== "TEMPORAIRE") throw new AppError("INVALID_STATE");
  assertPortalPassword(input.nouveau, input.password, "nouveau", "temporaire");
  const passwordHash = await hashPassword(input.nouveau);
  const token = await openSession(db, found, input.appareilPartage, now, ip, [
    db
      .update(portailAccounts)
      .set({ passwordHash, passwordType: "PERSONNEL", passwordUpdatedAt: now, letterR2Key: null, letterExpiresAt: null })
      .where(eq(portailAccounts.id, found.account.id)),
    audit(db, {
      action: "PORTAIL_PASSWORD_CHOSEN",
      structureId: found.account.structureId,
      actor: actorOf(found),
      target: { type: "usager", id: found.usager.id },
      ip,
      at: now,
    }),
  ]);
  if (found.account.letterR2Key) await env.FILES.delete(found.account.letterR2Key);
  return { token, shared: input.appareilPartage };
}

/**
 * The person changes their password; every other session of the account ends. A wrong current
 * password counts toward the lockout, as a failed sign-in does (A.6, CHANGE_PASSWORD_ERROR).
 */
export async function changeUsagerPassword(
  db: Db,
  caller: { accountId: number; usagerId: number; structureId: number; sessionId: string; actor: Actor },
  input: { current: string; next: string },
  now: Date,
  ip: string | null,
) {
  const account = (await db.query.portailAccounts.findFirst({ where: eq(portailAccounts.id, caller.accountId) }))!;
  const check = await checkPassword(account, input.current, now);
  if (check === "locked") throw new AppError("ACCOUNT_LOCKED");
  if (check !== "ok") {
    if (check === "wrong") await recordFailure(db, { id: caller.accountId, ...caller }, "PORTAIL_PASSWORD_CHANGE_FAILED", check, now, ip);
    throw new AppError("WRONG_CURRENT_PASSWORD", { current: APP_ERRORS.WRONG_CURRENT_PASSWORD.message });
  }
  assertPortalPassword(input.next, input.current, "next", "actuel");
  const passwordHash = await hashPassword(input.next);
  await db.batch([
    db
      .update(portailAccounts)
      .set({ passwordHash, passwordType: "PERSONNEL", passwordUpdatedAt: now })
      .where(eq(portailAccounts.id, caller.accountId)),
    db.delete(sessions).where(and(eq(sessions.kind, "usager"), eq(sessions.userId, caller.accountId), ne(sessions.id, caller.sessionId))),
    audit(db, {
      action: "PORTAIL_PASSWORD_CHOSEN",
      structureId: caller.structureId,
      actor: caller.actor,
      target: { type: "usager", id: caller.usagerId },
      at: now,
    }),
  ]);
}
