import { and, type Column, eq, getTableColumns, gt, type SQL, sql } from "drizzle-orm";
import { sessions, staffUsers, structures, writeGuards } from "../../db/schema";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../journal/log";
import { can, type Permission } from "../rules/permissions";
import type { Role } from "../rules/roles";
import type { Context } from "../trpc";
import { cookieName, readCookie } from "./cookies";
import { deleteSession, policyOf, type Session, sessionVerdict, settleSession } from "./session";
import { sha256Hex } from "./token";

/** What domain services receive about the staff member calling them. */
export interface StaffCtx {
  id: number;
  structureId: number;
  timeZone: string;
  actor: Actor;
}

export interface StaffCaller {
  id: number;
  structureId: number;
  role: Role;
  nom: string;
  prenom: string;
  email: string;
  /** The structure's timezone: "today" for échéances and dates is a day there. */
  timeZone: string;
}

type Identity = { session: Session; staff: StaffCaller };

/**
 * Columns under names of their own: in a batch, D1 returns rows as objects, which keep one value
 * per name (sessions.id and staff_users.id would be one).
 */
function aliased<T extends Record<string, Column>>(prefix: string, columns: T) {
  return Object.fromEntries(Object.entries(columns).map(([key, c]) => [key, sql`${c}`.mapWith(c).as(`${prefix}_${c.name}`)])) as {
    [K in keyof T]: SQL.Aliased<T[K]["_"]["notNull"] extends true ? T[K]["_"]["data"] : T[K]["_"]["data"] | null>;
  };
}

/** The session, the member and the structure behind a staff session id, in one row; `held` narrows it. */
function staffLookup(db: Db, sessionId: string, held: SQL[] = []) {
  return db
    .select({
      session: aliased("s", getTableColumns(sessions)),
      staff: aliased("m", {
        id: staffUsers.id,
        structureId: staffUsers.structureId,
        role: staffUsers.role,
        nom: staffUsers.nom,
        prenom: staffUsers.prenom,
        email: staffUsers.email,
      }),
      timeZone: structures.timeZone,
      active: sql<number>`${staffUsers.status} = 'ACTIVE' AND ${structures.statut} = 'VALIDE'`,
    })
    .from(sessions)
    .innerJoin(staffUsers, eq(staffUsers.id, sessions.userId))
    .innerJoin(structures, eq(structures.id, staffUsers.structureId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.kind, "staff"), ...held));
}

type LookupRow = Awaited<ReturnType<ReturnType<typeof staffLookup>["get"]>>;

const identityOf = (row: NonNullable<LookupRow>): Identity => ({ session: row.session, staff: { ...row.staff, timeZone: row.timeZone } });

function staffContext({ session, staff }: Identity) {
  const actor: Actor = { kind: "staff", id: staff.id, name: `${staff.prenom} ${staff.nom}` };
  const caller: StaffCtx = { id: staff.id, structureId: staff.structureId, timeZone: staff.timeZone, actor };
  return { session, staff, actor, caller };
}

/**
 * Members this isolate verified last, by session id: a hint that lets a declared procedure send its
 * first batch together with the session's check (below), never a proof.
 */
const remembered = new Map<string, Identity>();
const REMEMBERED_MAX = 2000;

function remember(sessionId: string, identity: Identity | null) {
  remembered.delete(sessionId);
  if (!identity) return;
  if (remembered.size >= REMEMBERED_MAX) remembered.delete(remembered.keys().next().value!);
  remembered.set(sessionId, identity);
}

async function sessionIdOf(ctx: Context) {
  const token = readCookie(ctx.req.headers.get("cookie"), cookieName("staff", ctx.secure));
  return token ? sha256Hex(token) : null;
}

/**
 * The signed-in staff member, if they hold `permission` in the one permission table; otherwise an
 * AppError. Read from the database on every request, so a blocked account, a withdrawn structure
 * or a new role takes effect at once. Used by every staff procedure and by the file routes.
 */
export async function authenticateStaff(ctx: Context, permission: Permission) {
  const sessionId = await sessionIdOf(ctx);
  if (!sessionId) throw new AppError("UNAUTHENTICATED");
  const row = await staffLookup(ctx.db, sessionId).get();
  if (row && !row.active) {
    // Blocked or deleted account, withdrawn structure: the session ends.
    await deleteSession(ctx.db, sessionId);
  }
  const session = row?.active ? await settleSession(ctx.db, row.session, ctx.now) : null;
  const identity = row && session ? { ...identityOf(row), session } : null;
  remember(sessionId, identity);
  if (!identity) throw new AppError("UNAUTHENTICATED");
  if (!can(identity.staff.role, permission)) throw new AppError("FORBIDDEN");
  return staffContext(identity);
}

/** What a procedure declares of its D1 work for its session to travel with it (Meta.sessionBatch). */
export type SessionBatch = "read" | "write";

export async function withRememberedStaff<R>(
  ctx: Context,
  permission: Permission,
  kind: SessionBatch,
  run: (ctx: Context & ReturnType<typeof staffContext>) => Promise<R>,
): Promise<R | null> {
  const sessionId = await sessionIdOf(ctx);
  const hint = sessionId ? remembered.get(sessionId) : undefined;
  if (!sessionId || !hint || !can(hint.staff.role, permission)) return null;
  const confirms = (row: LookupRow | undefined): row is NonNullable<LookupRow> =>
    Boolean(row?.active) &&
    JSON.stringify(identityOf(row!).staff) === JSON.stringify(hint.staff) &&
    sessionVerdict(row!.session, ctx.now) !== "expired";
  let confirmed: LookupRow | undefined;
  let refused = false;
  let written = false;
  const refuse = () => {
    refused = true;
    return new AppError("UNAUTHENTICATED");
  };
  const { db } = ctx;
  const lookup = staffLookup(db, sessionId);
  const batch = (async (statements: Parameters<Db["batch"]>[0]) => {
    if (confirmed) return db.batch(statements);
    if (kind === "read") {
      const [rows, ...results] = await db.batch([lookup, ...statements]);
      if (!confirms(rows[0])) throw refuse();
      confirmed = rows[0];
      return results;
    }
    const live = [
      eq(sessions.userId, hint.staff.id),
      eq(staffUsers.structureId, hint.staff.structureId),
      eq(staffUsers.role, hint.staff.role),
      eq(staffUsers.nom, hint.staff.nom),
      eq(staffUsers.prenom, hint.staff.prenom),
      eq(staffUsers.email, hint.staff.email),
      eq(structures.timeZone, hint.staff.timeZone),
      sql`${staffUsers.status} = 'ACTIVE' AND ${structures.statut} = 'VALIDE'`,
      eq(sessions.shared, hint.session.shared),
      gt(sessions.expiresAt, ctx.now),
      gt(sessions.lastActiveAt, new Date(ctx.now.getTime() - policyOf(hint.session).idleMs)),
    ];
    const guard = db.insert(writeGuards).select(sql`SELECT NULL WHERE NOT EXISTS ${staffLookup(db, sessionId, live)}`);
    try {
      const [, rows, ...results] = await db.batch([guard, lookup, ...statements]);
      // Past the guard, the member is confirmed by the database itself, and the write is done.
      confirmed = rows[0];
      written = true;
      return results;
    } catch (error) {
      // Refused by the guard, or failed for its own reason: the session alone tells which.
      if (!confirms(await lookup.get())) throw refuse();
      throw error;
    }
  }) as unknown as Db["batch"];
  const result = await run({ ...ctx, db: Object.assign(Object.create(db) as Db, { batch }), ...staffContext(hint) });
  if (refused) return null;
  // A procedure that ended before its batch (bad input, say) has its session checked alone.
  confirmed ??= await lookup.get();
  if (!written && !confirms(confirmed)) return null;
  if (confirmed) await settleSession(db, confirmed.session, ctx.now);
  return result;
}
