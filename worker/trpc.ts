/**
 * tRPC plumbing, top to bottom: the request context, tRPC itself (errors in French, one place),
 * then the procedure factories every router uses.
 */
import { initTRPC } from "@trpc/server";
import type { TRPCRequestInfo } from "@trpc/server/http";
import { and, eq, gt, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import { createDb, dbOf, prebuilt, type Db, type Slot } from "./db";
import type { Env } from "./env";
import { AppError, APP_ERRORS, toTRPCError } from "./errors";
import { cookieName, readCookie, sessionCookie } from "./auth/cookies";
import { deleteSession, policyOf, SESSION_POLICY, sessionVerdict, settleSession, validateSession, type Session } from "./auth/session";
import { gateD1, Remembered } from "./auth/session-gate";
import { sha256Hex } from "./auth/token";
import { braked, BRAKES, type Brake } from "./auth/rate-limit";
import { BodyBudget, DEFAULT_BODY, type BodyRule } from "./body-limit";
import { can, type Permission } from "./rules/permissions";
import type { Role } from "./rules/roles";
import type { Actor } from "./journal/log";
import { platformAdmins, portailAccounts, sessions, staffUsers, structures, usagers, writeGuards } from "../db/schema";

// 1. Context: what every procedure may use. Sessions are read by the procedures that need one.
export interface Context {
  env: Env;
  db: Db;
  req: Request;
  resHeaders: Headers;
  now: Date;
  ip: string | null;
  /** Cookies get `Secure` and the `__Host-` prefix when the app is served over https. */
  secure: boolean;
  /** How much of the request body has been read, against the called procedures' limit. */
  body: BodyBudget;
}

/**
 * The context of one request. Given the procedures tRPC resolved from the URL (`info`, before any
 * byte of the body is read), the body's limit becomes theirs (Meta.body).
 */
export function createContext(env: Env, req: Request, resHeaders: Headers, info?: TRPCRequestInfo, body = new BodyBudget()): Context {
  if (info) {
    const rules = info.calls.map((c) => (c.procedure?._def.meta as Meta | undefined)?.body ?? DEFAULT_BODY);
    body.rule = rules.reduce((a, b) => (b.maxBytes > a.maxBytes ? b : a), DEFAULT_BODY);
    if (body.declaredTooLarge(req)) throw toTRPCError(body.refusal());
  }
  return {
    env,
    db: dbOf(env.DB),
    req,
    resHeaders,
    now: new Date(),
    ip: req.headers.get("cf-connecting-ip"),
    secure: new URL(req.url).protocol === "https:",
    body,
  };
}

// 2. tRPC: errors reach the client with a French message and, for forms, one message per field.
export interface Meta {
  /** The permission-table entry a staff procedure requires (read by the permission tests). */
  permission?: Permission;
  /** Who may call it at all. */
  audience: "public" | "staff" | "platform" | "usager";
  /** The per-IP brake every call passes before its input is read (auth/rate-limit.ts). */
  brake?: Brake;
  /** The largest request body this procedure accepts, when more than DEFAULT_BODY. */
  body?: BodyRule;
}

function fieldErrorsOf(cause: unknown): Record<string, string> | undefined {
  if (cause instanceof z.ZodError) {
    const out: Record<string, string> = {};
    for (const issue of cause.issues) {
      const key = issue.path.join(".") || "_";
      out[key] ??= issue.message;
    }
    return out;
  }
  if (cause instanceof AppError) return cause.fieldErrors;
  return undefined;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const fieldErrors = fieldErrorsOf(error.cause);
      let message = shape.message;
      if (error.cause instanceof z.ZodError) message = APP_ERRORS.INVALID_INPUT.message;
      if (error.code === "INTERNAL_SERVER_ERROR") message = APP_ERRORS.INTERNAL.message;
      return {
        message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          appCode: error.cause instanceof AppError ? error.cause.code : undefined,
          fieldErrors,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Domain errors (AppError) become tRPC errors here, whatever procedure threw them; a body cut at
 * its limit fails wherever it was being read, and is reported as too large.
 */
const mapAppErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && ctx.body.exceeded) throw toTRPCError(ctx.body.refusal());
  if (!result.ok && result.error.cause instanceof AppError) throw toTRPCError(result.error.cause);
  return result;
});

/** The procedure's brake, on every call (a batch of ten sign-ins counts ten), before its input is read. */
const brake = t.middleware(async ({ ctx, meta, next }) => {
  if (meta?.brake && (await braked(ctx.env, meta.brake, ctx.ip))) {
    ctx.resHeaders.set("retry-after", "60");
    throw new AppError(BRAKES[meta.brake].error);
  }
  return next();
});

/** Every procedure starts here, so no procedure runs without its guards. */
const base = t.procedure.use(mapAppErrors).use(brake);

// 3. Procedures. Every public one is braked per IP.
/** Sign-in and the other public procedures that check a password or a secret link. */
export const signInProcedure = base.meta({ audience: "public", brake: "signIn" });

/** The public sign-up of a structure. */
export const signUpProcedure = base.meta({ audience: "public", brake: "signUp" });

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

/** Every column of a session, under names no joined table can shadow (D1 returns rows as objects). */
const SESSION_COLUMNS = {
  s_id: sql<string>`${sessions.id}`.as("s_id"),
  s_kind: sql<Session["kind"]>`${sessions.kind}`.as("s_kind"),
  s_user_id: sql<number>`${sessions.userId}`.as("s_user_id"),
  s_structure_id: sql<number | null>`${sessions.structureId}`.as("s_structure_id"),
  s_created_at: sql<number>`${sessions.createdAt}`.as("s_created_at"),
  s_last_active_at: sql<number>`${sessions.lastActiveAt}`.as("s_last_active_at"),
  s_expires_at: sql<number>`${sessions.expiresAt}`.as("s_expires_at"),
  s_shared: sql<number>`${sessions.shared}`.as("s_shared"),
};

type Row = Record<string, unknown>;

function sessionOf(row: Row): Session {
  return {
    id: row.s_id as string,
    kind: row.s_kind as Session["kind"],
    userId: row.s_user_id as number,
    structureId: row.s_structure_id as number | null,
    createdAt: new Date(row.s_created_at as number),
    lastActiveAt: new Date(row.s_last_active_at as number),
    expiresAt: new Date(row.s_expires_at as number),
    shared: Boolean(row.s_shared),
  };
}

/** A member may work: account active, structure validated (the lookup reports it, the guard requires it). */
const STAFF_ACTIVE = sql`${staffUsers.status} = 'ACTIVE' AND ${structures.statut} = 'VALIDE'`;

/**
 * The session, the member and the structure behind a staff session id, in one row; `held` adds
 * conditions (the guard of a write on a remembered identity).
 */
function staffLookupQuery(db: Db, sessionId: string | SQLWrapper, held?: SQL) {
  return db
      .select({
        ...SESSION_COLUMNS,
        staff_structure_id: sql<number>`${staffUsers.structureId}`.as("staff_structure_id"),
        role: staffUsers.role,
        nom: staffUsers.nom,
        prenom: staffUsers.prenom,
        email: staffUsers.email,
        time_zone: structures.timeZone,
        active: sql<number>`${STAFF_ACTIVE}`.as("active"),
      })
      .from(sessions)
      .innerJoin(staffUsers, eq(staffUsers.id, sessions.userId))
      .innerJoin(structures, eq(structures.id, staffUsers.structureId))
      .where(and(eq(sessions.id, sessionId), eq(sessions.kind, "staff"), held));
}

const staffLookupStatement = prebuilt((db, slot) => staffLookupQuery(db, slot("sessionId")));
const staffLookup = (ctx: Context, sessionId: string) => staffLookupStatement(ctx.db, { sessionId });

/** In SQL, what `sessionVerdict` calls not expired, for a session of the same kind and device. */
function liveConditions(slot: Slot) {
  return [eq(sessions.shared, slot("shared")), gt(sessions.expiresAt, slot("now")), gt(sessions.lastActiveAt, slot("activeSince"))];
}

/** The values of `liveConditions` for a remembered session. */
function liveValues(session: Session, now: Date) {
  return { shared: Number(session.shared), now: now.getTime(), activeSince: now.getTime() - policyOf(session).idleMs };
}

/**
 * The first statement of a write on a remembered identity: inserts a NULL into write_guards, which
 * its NOT NULL refuses (aborting the batch), unless `held` finds the session live and unchanged.
 */
function guardOf(db: Db, held: SQLWrapper) {
  return db.insert(writeGuards).select(sql`SELECT NULL WHERE NOT EXISTS ${held}`);
}

/** The write guard for a remembered member: same member, role, names and structure, active, live. */
const staffGuardStatement = prebuilt((db, slot) =>
  guardOf(
    db,
    staffLookupQuery(
      db,
      slot("sessionId"),
      and(
        eq(sessions.userId, slot("id")),
        eq(staffUsers.structureId, slot("structureId")),
        eq(staffUsers.role, slot("role")),
        eq(staffUsers.nom, slot("nom")),
        eq(staffUsers.prenom, slot("prenom")),
        eq(staffUsers.email, slot("email")),
        eq(structures.timeZone, slot("timeZone")),
        STAFF_ACTIVE,
        ...liveConditions(slot),
      ),
    ),
  ),
);

function staffGuard(ctx: Context, sessionId: string, hint: { session: Session; staff: StaffCaller }) {
  return staffGuardStatement(ctx.db, { sessionId, ...hint.staff, ...liveValues(hint.session, ctx.now) });
}

function staffOf(row: Row): StaffCaller {
  return {
    id: row.s_user_id as number,
    structureId: row.staff_structure_id as number,
    role: row.role as Role,
    nom: row.nom as string,
    prenom: row.prenom as string,
    email: row.email as string,
    timeZone: row.time_zone as string,
  };
}

/** What a procedure knows about a signed-in member, from their session and account. */
function staffContext(session: Session, staff: StaffCaller) {
  const actor: Actor = { kind: "staff", id: staff.id, name: `${staff.prenom} ${staff.nom}` };
  const caller: StaffCtx = { id: staff.id, structureId: staff.structureId, timeZone: staff.timeZone, actor };
  return { session, staff, actor, caller };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A live session with what it says about its holder, or null (unknown, expired, refused: removed
 * on sight). Activity is recorded at most once a minute (settleSession).
 */
async function settled<T>(ctx: Context, row: Row | null, open: (row: Row) => boolean, holder: (row: Row) => T) {
  if (!row) return null;
  if (!open(row)) {
    // Blocked or deleted account, withdrawn structure, portal switched off: end the session.
    await deleteSession(ctx.db, row.s_id as string);
    return null;
  }
  const session = await settleSession(ctx.db, sessionOf(row), ctx.now);
  return session ? { session, holder: holder(row) } : null;
}

/**
 * Identities last verified by this isolate, per session id (see auth/session-gate.ts): a hint that
 * lets a read start before its session is checked, never a proof (every use is checked in D1).
 */
const staffHints = new Remembered<{ session: Session; staff: StaffCaller }>(2000);
const usagerHints = new Remembered<{ session: Session; usager: UsagerCaller }>(2000);

/**
 * A procedure run on a remembered identity, its session checked in the same D1 round trip (reads)
 * or guarded in the same batch (writes, with `guard`). Returns the procedure's result when the
 * database confirms the identity (same session holder, still open, not expired), or null: then
 * nothing of the result may be used, and nothing was written.
 */
async function runOnHint<R>(
  ctx: Context,
  lookup: D1PreparedStatement,
  confirms: (row: Row) => boolean,
  run: (db: Db) => Promise<R>,
  guard?: D1PreparedStatement,
): Promise<{ result: R; row: Row } | null> {
  const ok = (row: Row | null): row is Row => row !== null && confirms(row) && sessionVerdict(sessionOf(row), ctx.now) !== "expired";
  const gate = gateD1(ctx.env.DB, lookup, ok, guard);
  const result = await run(createDb(gate.d1));
  const row = await gate.row();
  return ok(row) ? { result, row } : null;
}

/** The staff session behind the cookie, checked against the database on its own. */
async function loadStaff(ctx: Context): Promise<{ session: Session; staff: StaffCaller } | null> {
  const token = readCookie(ctx.req.headers.get("cookie"), cookieName("staff", ctx.secure));
  if (!token) return null;
  const sessionId = await sha256Hex(token);
  const row = await staffLookup(ctx, sessionId).first<Row>();
  const live = await settled(ctx, row, (r) => Boolean(r.active), staffOf);
  if (!live) {
    staffHints.delete(sessionId);
    return null;
  }
  staffHints.set(sessionId, { session: live.session, staff: live.holder });
  return { session: live.session, staff: live.holder };
}

/**
 * The signed-in staff member, if they hold `permission` in the one permission table; otherwise an
 * AppError. Used by every staff procedure and by the file download route.
 */
export async function authenticateStaff(ctx: Context, permission: Permission) {
  const loaded = await loadStaff(ctx);
  if (!loaded) throw new AppError("UNAUTHENTICATED");
  if (!can(loaded.staff.role, permission)) throw new AppError("FORBIDDEN");
  return staffContext(loaded.session, loaded.staff);
}

/**
 * A procedure for signed-in staff holding `permission` in the one permission table.
 * Every service receives `ctx.caller.structureId` and scopes its queries to it.
 * A request by a member this isolate already knows saves the session's own D1 round trip
 * (auth/session-gate.ts).
 */
export function staffProcedure(permission: Permission) {
  return base
    .meta({ audience: "staff", permission })
    .use(async ({ ctx, type, next }) => {
      const token = readCookie(ctx.req.headers.get("cookie"), cookieName("staff", ctx.secure));
      const sessionId = token ? await sha256Hex(token) : null;
      const hint = sessionId ? staffHints.get(sessionId) : undefined;
      if (sessionId && hint && can(hint.staff.role, permission)) {
        const done = await runOnHint(
          ctx,
          staffLookup(ctx, sessionId),
          (row) => Boolean(row.active) && sameJson(staffOf(row), hint.staff),
          (db) => next({ ctx: { ...ctx, db, ...staffContext(hint.session, hint.staff) } }),
          type === "mutation" ? staffGuard(ctx, sessionId, hint) : undefined,
        );
        if (done) {
          await settleSession(ctx.db, sessionOf(done.row), ctx.now);
          return done.result;
        }
      }
      return next({ ctx: { ...ctx, ...(await authenticateStaff(ctx, permission)) } });
    });
}

/** What portal procedures know about the signed-in domicilié. */
export interface UsagerCaller {
  accountId: number;
  usagerId: number;
  structureId: number;
  timeZone: string;
  actor: Actor;
}

/** The portal is open to this account: account enabled, structure validated, its portal on. */
const PORTAL_OPEN = sql`${portailAccounts.enabled} = 1 AND ${structures.statut} = 'VALIDE' AND ${structures.portailEnabled} = 1`;

/** The session, the account, the file and the structure behind a portal session id, in one row. */
function usagerLookupQuery(db: Db, sessionId: string | SQLWrapper, held?: SQL) {
  return db
      .select({
        ...SESSION_COLUMNS,
        usager_id: portailAccounts.usagerId,
        account_structure_id: sql<number>`${portailAccounts.structureId}`.as("account_structure_id"),
        nom: usagers.nom,
        prenom: usagers.prenom,
        time_zone: structures.timeZone,
        open: sql<number>`${PORTAL_OPEN}`.as("open"),
      })
      .from(sessions)
      .innerJoin(portailAccounts, eq(portailAccounts.id, sessions.userId))
      .innerJoin(usagers, eq(usagers.id, portailAccounts.usagerId))
      .innerJoin(structures, eq(structures.id, portailAccounts.structureId))
      .where(and(eq(sessions.id, sessionId), eq(sessions.kind, "usager"), held));
}

const usagerLookupStatement = prebuilt((db, slot) => usagerLookupQuery(db, slot("sessionId")));
const usagerLookup = (ctx: Context, sessionId: string) => usagerLookupStatement(ctx.db, { sessionId });

/** The write guard for a remembered domicilié: same account, file and structure, portal open, live. */
const usagerGuardStatement = prebuilt((db, slot) =>
  guardOf(
    db,
    usagerLookupQuery(
      db,
      slot("sessionId"),
      and(
        eq(sessions.userId, slot("accountId")),
        eq(portailAccounts.usagerId, slot("usagerId")),
        eq(portailAccounts.structureId, slot("structureId")),
        eq(sql`${usagers.prenom} || ' ' || ${usagers.nom}`, slot("name")),
        eq(structures.timeZone, slot("timeZone")),
        PORTAL_OPEN,
        ...liveConditions(slot),
      ),
    ),
  ),
);

function usagerGuard(ctx: Context, sessionId: string, hint: { session: Session; usager: UsagerCaller }) {
  const { accountId, usagerId, structureId, timeZone, actor } = hint.usager;
  return usagerGuardStatement(ctx.db, { sessionId, accountId, usagerId, structureId, timeZone, name: actor.name ?? "", ...liveValues(hint.session, ctx.now) });
}

function usagerOf(row: Row): UsagerCaller {
  const accountId = row.s_user_id as number;
  return {
    accountId,
    usagerId: row.usager_id as number,
    structureId: row.account_structure_id as number,
    timeZone: row.time_zone as string,
    actor: { kind: "usager", id: accountId, name: `${row.prenom} ${row.nom}` },
  };
}

/** 30 days sliding: when the server session moved, the cookie moves with it. */
function slideCookie(ctx: Context, token: string, session: Session) {
  if (!session.shared && session.lastActiveAt.getTime() === ctx.now.getTime()) {
    ctx.resHeaders.append("Set-Cookie", sessionCookie(cookieName("usager", ctx.secure), token, ctx.secure, Math.floor(SESSION_POLICY.usager.absoluteMs / 1000)));
  }
}

/**
 * The signed-in domicilié: the session, an enabled account, a validated structure whose portal is
 * on — checked on every request, so switching any of them off takes effect at once. Used by every
 * usager procedure and by the portal's file download route.
 */
export async function authenticateUsager(ctx: Context): Promise<{ session: Session; usager: UsagerCaller }> {
  const token = readCookie(ctx.req.headers.get("cookie"), cookieName("usager", ctx.secure));
  if (!token) throw new AppError("UNAUTHENTICATED");
  const sessionId = await sha256Hex(token);
  const row = await usagerLookup(ctx, sessionId).first<Row>();
  const live = await settled(ctx, row, (r) => Boolean(r.open), usagerOf);
  if (!live) {
    usagerHints.delete(sessionId);
    throw new AppError("UNAUTHENTICATED");
  }
  slideCookie(ctx, token, live.session);
  usagerHints.set(sessionId, { session: live.session, usager: live.holder });
  return { session: live.session, usager: live.holder };
}

/** A procedure for a signed-in domicilié (see `authenticateUsager`); a known session as for staff. */
export const usagerProcedure = base
  .meta({ audience: "usager" })
  .use(async ({ ctx, type, next }) => {
    const token = readCookie(ctx.req.headers.get("cookie"), cookieName("usager", ctx.secure));
    const sessionId = token ? await sha256Hex(token) : null;
    const hint = sessionId ? usagerHints.get(sessionId) : undefined;
    if (token && sessionId && hint) {
      const done = await runOnHint(
        ctx,
        usagerLookup(ctx, sessionId),
        (row) => Boolean(row.open) && sameJson(usagerOf(row), hint.usager) && Boolean(row.s_shared) === hint.session.shared,
        (db) => next({ ctx: { ...ctx, db, session: hint.session, usager: hint.usager } }),
        type === "mutation" ? usagerGuard(ctx, sessionId, hint) : undefined,
      );
      if (done) {
        const session = await settleSession(ctx.db, sessionOf(done.row), ctx.now);
        if (session) slideCookie(ctx, token, session);
        return done.result;
      }
    }
    return next({ ctx: { ...ctx, ...(await authenticateUsager(ctx)) } });
  });

/** A procedure for the platform operators (validation of structures). */
export const platformProcedure = base
  .meta({ audience: "platform" })
  .use(async ({ ctx, next }) => {
    const token = readCookie(ctx.req.headers.get("cookie"), cookieName("platform", ctx.secure));
    const session = token ? await validateSession(ctx.db, "platform", token, ctx.now) : null;
    const admin = session
      ? await ctx.db.query.platformAdmins.findFirst({ where: eq(platformAdmins.id, session.userId) })
      : undefined;
    if (!session || !admin) throw new AppError("UNAUTHENTICATED");
    const actor: Actor = { kind: "platform", id: admin.id, name: admin.nom };
    return next({ ctx: { ...ctx, session, platformAdmin: admin, actor } });
  });

