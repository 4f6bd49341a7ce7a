import { and, asc, count, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { portailAccounts, portailLogins, sessions, structures, usagers } from "../../db/schema";
import { resetFailures } from "../auth/lockout";
import { hashPassword } from "../auth/password";
import type { StaffCtx } from "../auth/staff";
import type { Db } from "../db";
import type { Env } from "../env";
import { AppError } from "../errors";
import { decryptFile, encryptFile, filesSecret } from "../files/crypto";
import { audit } from "../journal/log";
import { DOCX_MIME } from "../letters/docx";
import { type PortalLetter, portalLettersDocx } from "../letters/portail";
import { isUniqueViolation } from "../structures/service";
import { today, usagerOf } from "../usagers/service";
import { generateLogin, generateTemporaryPassword } from "./credentials";

/** A letter with a temporary password is kept 30 days at most (product.md). */
export const LETTER_TTL_MS = 30 * 24 * 3_600_000;

async function structureOf(db: Db, ctx: StaffCtx) {
  return (await db.query.structures.findFirst({ where: eq(structures.id, ctx.structureId) }))!;
}

export async function updatePortalSettings(
  db: Db,
  ctx: StaffCtx,
  input: { enabled: boolean; loginUpdatesDernierPassage: boolean },
  now: Date,
) {
  await db.batch([
    db
      .update(structures)
      .set({ portailEnabled: input.enabled, portailLoginUpdatesDernierPassage: input.loginUpdatesDernierPassage, updatedAt: now })
      .where(eq(structures.id, ctx.structureId)),
    // Off means off: every open portal session of the structure ends now.
    ...(input.enabled ? [] : [db.delete(sessions).where(and(eq(sessions.kind, "usager"), eq(sessions.structureId, ctx.structureId)))]),
    audit(db, {
      action: "PORTAIL_SETTINGS_UPDATED",
      structureId: ctx.structureId,
      actor: ctx.actor,
      target: { type: "structure", id: ctx.structureId },
      details: input,
      at: now,
    }),
  ] as const);
}

export async function portalSettings(db: Db, ctx: StaffCtx) {
  const s = await structureOf(db, ctx);
  return { enabled: s.portailEnabled, loginUpdatesDernierPassage: s.portailLoginUpdatesDernierPassage };
}

/** The "Accès au portail usager" section of a file. */
export async function portalAccountOf(db: Db, ctx: StaffCtx, usagerId: number, now: Date) {
  await usagerOf(db, ctx.structureId, usagerId);
  const [accounts, logins] = await db.batch([
    db
      .select()
      .from(portailAccounts)
      .where(and(eq(portailAccounts.usagerId, usagerId), eq(portailAccounts.structureId, ctx.structureId))),
    db
      .select({ at: portailLogins.at })
      .from(portailLogins)
      .where(eq(portailLogins.usagerId, usagerId))
      .orderBy(desc(portailLogins.at))
      .limit(20),
  ]);
  const a = accounts[0];
  return {
    portailStructure: (await structureOf(db, ctx)).portailEnabled,
    account: a
      ? {
          login: a.login,
          enabled: a.enabled,
          activated: a.passwordType === "PERSONNEL",
          locked: (a.lockedUntil?.getTime() ?? 0) > now.getTime(),
          lastLoginAt: a.lastLoginAt,
          letterAvailable: !!a.letterR2Key && (a.letterExpiresAt?.getTime() ?? 0) > now.getTime(),
        }
      : null,
    logins: logins.map((l) => l.at),
  };
}

function letterStructure(s: typeof structures.$inferSelect) {
  return { nom: s.nom, adresse: s.adresse, complementAdresse: s.complementAdresse, codePostal: s.codePostal, ville: s.ville };
}

/**
 * "Le demandeur souhaite-t-il avoir accès au portail usager ?" Oui creates the account (or re-enables
 * it, or resets it when asked) with a new temporary password and its letter; Non disables it and
 * ends its sessions. The letter is built before anything is written: if it fails, nothing changes.
 */
export async function setPortalPreference(
  db: Db,
  env: Env,
  ctx: StaffCtx,
  input: { usagerId: number; acces: boolean; reinitialiser: boolean },
  now: Date,
): Promise<{ letter: boolean }> {
  const u = await usagerOf(db, ctx.structureId, input.usagerId);
  const s = await structureOf(db, ctx);
  if (!s.portailEnabled) throw new AppError("PORTAIL_DESACTIVE");
  const account = await db.query.portailAccounts.findFirst({ where: eq(portailAccounts.usagerId, u.id) });
  const target = { type: "usager", id: u.id };

  if (!input.acces) {
    if (!account?.enabled) return { letter: false };
    await db.batch([
      db
        .update(portailAccounts)
        .set({ enabled: false, letterR2Key: null, letterExpiresAt: null })
        .where(eq(portailAccounts.id, account.id)),
      db.delete(sessions).where(and(eq(sessions.kind, "usager"), eq(sessions.userId, account.id))),
      audit(db, { action: "PORTAIL_ACCOUNT_DISABLED", structureId: ctx.structureId, actor: ctx.actor, target, at: now }),
    ]);
    if (account.letterR2Key) await env.FILES.delete(account.letterR2Key);
    return { letter: false };
  }
  if (account?.enabled && !input.reinitialiser) return { letter: false };

  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const action = !account ? "PORTAIL_ACCOUNT_CREATED" : account.enabled ? "PORTAIL_PASSWORD_RESET" : "PORTAIL_ACCOUNT_ENABLED";
  for (let attempt = 0; ; attempt++) {
    const login = account?.login ?? generateLogin();
    const bytes = await portalLettersDocx([
      {
        structure: letterStructure(s),
        usager: { prenom: u.prenom, nom: u.nom, customRef: u.customRef },
        portalUrl: `${env.PORTAL_ORIGIN}/`,
        login,
        temporaryPassword,
        date: today(ctx, now),
      },
    ]);
    const r2Key = `structures/${ctx.structureId}/portail/${u.id}/${crypto.randomUUID()}`;
    await env.FILES.put(r2Key, await encryptFile(filesSecret(env), ctx.structureId, r2Key, bytes));
    const values = {
      passwordHash,
      passwordType: "TEMPORAIRE" as const,
      enabled: true,
      ...resetFailures,
      passwordUpdatedAt: now,
      letterR2Key: r2Key,
      letterExpiresAt: new Date(now.getTime() + LETTER_TTL_MS),
    };
    try {
      await db.batch([
        account
          ? db.update(portailAccounts).set(values).where(eq(portailAccounts.id, account.id))
          : db.insert(portailAccounts).values({ ...values, structureId: ctx.structureId, usagerId: u.id, login, createdAt: now }),
        // A reset or re-activation ends every open session: the old password stops working at once.
        ...(account ? [db.delete(sessions).where(and(eq(sessions.kind, "usager"), eq(sessions.userId, account.id)))] : []),
        audit(db, { action, structureId: ctx.structureId, actor: ctx.actor, target, details: { login }, at: now }),
      ] as const);
    } catch (error) {
      await env.FILES.delete(r2Key);
      // Another file took this identifiant between the draw and the write: draw again.
      if (!account && isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
    if (account?.letterR2Key) await env.FILES.delete(account.letterR2Key);
    return { letter: true };
  }
}

/** The file's current access letter, while it exists (until a personal password, 30 days at most). */
export async function readPortalLetter(db: Db, env: Env, ctx: StaffCtx, usagerId: number, now: Date) {
  const u = await usagerOf(db, ctx.structureId, usagerId);
  const account = await db.query.portailAccounts.findFirst({ where: eq(portailAccounts.usagerId, u.id) });
  if (!account?.letterR2Key || (account.letterExpiresAt?.getTime() ?? 0) <= now.getTime()) throw new AppError("LETTER_GONE");
  const object = await env.FILES.get(account.letterR2Key);
  if (!object) throw new AppError("LETTER_GONE");
  const bytes = await decryptFile(filesSecret(env), ctx.structureId, account.letterR2Key, await object.arrayBuffer());
  await audit(db, {
    action: "PORTAIL_LETTER_DOWNLOADED",
    structureId: ctx.structureId,
    actor: ctx.actor,
    target: { type: "usager", id: u.id },
    at: now,
  });
  return { bytes, mimeType: DOCX_MIME, fileName: `acces_espace_domicilie_${u.customRef}.docx` };
}

export const ACCOUNTS_PAGE_SIZE = 100;

/**
 * "Comptes du portail": every account of the structure (`total`, for the pages), and
 * "X comptes / Y domiciliés actifs", both of active files only (reference A.2).
 */
export async function listPortalAccounts(db: Db, ctx: StaffCtx, page: number) {
  const actif = and(eq(usagers.structureId, ctx.structureId), eq(usagers.statut, "VALIDE"));
  const [rows, all, accounts, actifs] = await db.batch([
    db
      .select({
        usagerId: usagers.id,
        customRef: usagers.customRef,
        nom: usagers.nom,
        prenom: usagers.prenom,
        statut: usagers.statut,
        login: portailAccounts.login,
        enabled: portailAccounts.enabled,
        passwordType: portailAccounts.passwordType,
        lastLoginAt: portailAccounts.lastLoginAt,
      })
      .from(portailAccounts)
      .innerJoin(usagers, eq(usagers.id, portailAccounts.usagerId))
      .where(eq(portailAccounts.structureId, ctx.structureId))
      .orderBy(asc(usagers.searchNom), asc(usagers.searchPrenom))
      .limit(ACCOUNTS_PAGE_SIZE)
      .offset((page - 1) * ACCOUNTS_PAGE_SIZE),
    db.select({ n: count() }).from(portailAccounts).where(eq(portailAccounts.structureId, ctx.structureId)),
    db
      .select({ n: count() })
      .from(portailAccounts)
      .innerJoin(usagers, eq(usagers.id, portailAccounts.usagerId))
      .where(and(eq(portailAccounts.structureId, ctx.structureId), actif)),
    db.select({ n: count() }).from(usagers).where(actif),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, activated: r.passwordType === "PERSONNEL" })),
    total: all[0]?.n ?? 0,
    comptes: accounts[0]?.n ?? 0,
    actifs: actifs[0]?.n ?? 0,
    page,
    pageSize: ACCOUNTS_PAGE_SIZE,
  };
}

/** Accounts created per request: bounded so one request stays well within a Worker's CPU budget. */
export const BULK_BATCH = 100;

/**
 * Creates accounts for the next active domiciliés without one, and one .docx holding their letters
 * (one per page). The staff app calls it until `remaining` is 0, showing the progress.
 */
export async function bulkCreateAccounts(db: Db, env: Env, ctx: StaffCtx, now: Date) {
  const s = await structureOf(db, ctx);
  if (!s.portailEnabled) throw new AppError("PORTAIL_DESACTIVE");
  const withoutAccount = and(
    eq(usagers.structureId, ctx.structureId),
    eq(usagers.statut, "VALIDE"),
    sql`NOT EXISTS (SELECT 1 FROM portail_accounts pa WHERE pa.usager_id = ${usagers.id})`,
  );
  const [batch, total] = await db.batch([
    db.select().from(usagers).where(withoutAccount).orderBy(asc(usagers.searchNom), asc(usagers.id)).limit(BULK_BATCH),
    db.select({ n: count() }).from(usagers).where(withoutAccount),
  ]);
  if (batch.length === 0) return { created: 0, remaining: 0, documentKey: null };
  const date = today(ctx, now);
  const created: { usager: (typeof batch)[number]; login: string; temporaryPassword: string; passwordHash: string }[] = [];
  for (const usager of batch) {
    const temporaryPassword = generateTemporaryPassword();
    created.push({ usager, login: generateLogin(), temporaryPassword, passwordHash: await hashPassword(temporaryPassword) });
  }
  const letters: PortalLetter[] = created.map((c) => ({
    structure: letterStructure(s),
    usager: { prenom: c.usager.prenom, nom: c.usager.nom, customRef: c.usager.customRef },
    portalUrl: `${env.PORTAL_ORIGIN}/`,
    login: c.login,
    temporaryPassword: c.temporaryPassword,
    date,
  }));
  const bytes = await portalLettersDocx(letters);
  // Dated key: the daily purge finds old lots by listing this small prefix only.
  const r2Key = `portail-lots/${now.getTime()}/${ctx.structureId}/${crypto.randomUUID()}`;
  await env.FILES.put(r2Key, await encryptFile(filesSecret(env), ctx.structureId, r2Key, bytes));
  try {
    await db.batch([
      db.insert(portailAccounts).values(
        created.map((c) => ({
          structureId: ctx.structureId,
          usagerId: c.usager.id,
          login: c.login,
          passwordHash: c.passwordHash,
          passwordType: "TEMPORAIRE" as const,
          passwordUpdatedAt: now,
          createdAt: now,
        })),
      ),
      ...created.map((c) =>
        audit(db, {
          action: "PORTAIL_ACCOUNT_CREATED",
          structureId: ctx.structureId,
          actor: ctx.actor,
          target: { type: "usager", id: c.usager.id },
          details: { login: c.login, lot: true },
          at: now,
        }),
      ),
    ]);
  } catch (error) {
    await env.FILES.delete(r2Key);
    throw error;
  }
  return { created: created.length, remaining: (total[0]?.n ?? 0) - created.length, documentKey: r2Key };
}

/** A bulk letters document, for the structure that made it, while it is fresh. */
export async function readLettersLot(env: Env, ctx: StaffCtx, key: string, now: Date) {
  // The shape lotKey writes, and nothing else reaches R2 (an over-long key would make it throw).
  const [, createdAt, structureId] = /^portail-lots\/(\d{13})\/(\d{1,16})\/[0-9a-f-]{36}$/.exec(key) ?? [];
  if (Number(structureId) !== ctx.structureId) throw new AppError("NOT_FOUND");
  if (Number(createdAt) + LETTER_TTL_MS <= now.getTime()) throw new AppError("LETTER_GONE");
  const object = await env.FILES.get(key);
  if (!object) throw new AppError("LETTER_GONE");
  const bytes = await decryptFile(filesSecret(env), ctx.structureId, key, await object.arrayBuffer());
  return { bytes, mimeType: DOCX_MIME, fileName: "acces_espace_domicilie_lot.docx" };
}

/** Deletes every access letter older than 30 days (daily cron). */
export async function purgeExpiredLetters(db: Db, env: Env, now: Date) {
  const expired = await db
    .select({ id: portailAccounts.id, key: portailAccounts.letterR2Key })
    .from(portailAccounts)
    .where(lt(portailAccounts.letterExpiresAt, now))
    .limit(1000);
  for (const e of expired) if (e.key) await env.FILES.delete(e.key);
  if (expired.length > 0) {
    await db
      .update(portailAccounts)
      .set({ letterR2Key: null, letterExpiresAt: null })
      .where(
        inArray(
          portailAccounts.id,
          expired.map((e) => e.id),
        ),
      );
  }
  let cursor: string | undefined;
  do {
    const page = await env.FILES.list({ prefix: "portail-lots/", cursor });
    const old = page.objects.filter((o) => Number(o.key.split("/")[1]) + LETTER_TTL_MS <= now.getTime()).map((o) => o.key);
    if (old.length > 0) await env.FILES.delete(old);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return { purged: expired.length };
}
