/**
 * tRPC plumbing, top to bottom: the request context, tRPC itself (errors in French, one place),
 * then the procedure factories every router uses.
 */
import { initTRPC } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { createDb, type Db } from "./db";
import type { Env } from "./env";
import { AppError, APP_ERRORS, toTRPCError } from "./errors";
import { cookieName, readCookie, sessionCookie } from "./auth/cookies";
import { deleteSession, SESSION_POLICY, settleSession, validateSession, type Session } from "./auth/session";
import { sha256Hex } from "./auth/token";
import { can, type Permission } from "./rules/permissions";
import type { Role } from "./rules/roles";
import type { Actor } from "./journal/log";
import { platformAdmins, portailAccounts, sessions, staffUsers, structures, usagers } from "../db/schema";

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
}

export function createContext(env: Env, req: Request, resHeaders: Headers): Context {
  return {
    env,
    db: createDb(env.DB),
    req,
    resHeaders,
    now: new Date(),
    ip: req.headers.get("cf-connecting-ip"),
    secure: new URL(req.url).protocol === "https:",
  };
}

// 2. tRPC: errors reach the client with a French message and, for forms, one message per field.
export interface Meta {
  /** The permission-table entry a staff procedure requires (read by the permission tests). */
  permission?: Permission;
  /** Who may call it at all. */
  audience: "public" | "staff" | "platform" | "usager";
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
      if (error.code === "INTERNAL_SERVER_ERROR") {
        message = "Une erreur inattendue est survenue. Rien n'a été enregistré : réessayez dans un instant.";
      }
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

/** Domain errors (AppError) become tRPC errors here, whatever procedure threw them. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) throw toTRPCError(result.error.cause);
  return result;
});

// 3. Procedures.
export const publicProcedure = t.procedure.meta({ audience: "public" }).use(mapAppErrors);

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

/**
 * The session and the member behind the staff cookie, in one query (session, account, structure):
 * every staff request pays a single round trip for authentication.
 */
async function loadStaff(ctx: Context): Promise<{ session: Session; staff: StaffCaller } | null> {
  const token = readCookie(ctx.req.headers.get("cookie"), cookieName("staff", ctx.secure));
  if (!token) return null;
  const [row] = await ctx.db
    .select({
      session: sessions,
      staff: {
        id: staffUsers.id,
        structureId: staffUsers.structureId,
        role: staffUsers.role,
        nom: staffUsers.nom,
        prenom: staffUsers.prenom,
        email: staffUsers.email,
        timeZone: structures.timeZone,
      },
      active: sql<number>`${staffUsers.status} = 'ACTIVE' AND ${structures.statut} = 'VALIDE'`,
    })
    .from(sessions)
    .innerJoin(staffUsers, eq(staffUsers.id, sessions.userId))
    .innerJoin(structures, eq(structures.id, staffUsers.structureId))
    .where(and(eq(sessions.id, await sha256Hex(token)), eq(sessions.kind, "staff")));
  if (!row) return null;
  if (!row.active) {
    // The account was blocked/deleted or the structure withdrawn since sign-in: end the session.
    await deleteSession(ctx.db, row.session.id);
    return null;
  }
  const session = await settleSession(ctx.db, row.session, ctx.now);
  return session ? { session, staff: row.staff } : null;
}

/**
 * The signed-in staff member, if they hold `permission` in the one permission table; otherwise an
 * AppError. Used by every staff procedure and by the file download route.
 */
export async function authenticateStaff(ctx: Context, permission: Permission) {
  const loaded = await loadStaff(ctx);
  if (!loaded) throw new AppError("UNAUTHENTICATED");
  if (!can(loaded.staff.role, permission)) throw new AppError("FORBIDDEN");
  const actor: Actor = { kind: "staff", id: loaded.staff.id, name: `${loaded.staff.prenom} ${loaded.staff.nom}` };
  const caller: StaffCtx = {
    id: loaded.staff.id,
    structureId: loaded.staff.structureId,
    timeZone: loaded.staff.timeZone,
    actor,
  };
  return { session: loaded.session, staff: loaded.staff, actor, caller };
}

/**
 * A procedure for signed-in staff holding `permission` in the one permission table.
 * Every service receives `ctx.caller.structureId` and scopes its queries to it.
 */
export function staffProcedure(permission: Permission) {
  return t.procedure
    .meta({ audience: "staff", permission })
    .use(mapAppErrors)
    .use(async ({ ctx, next }) => next({ ctx: { ...ctx, ...(await authenticateStaff(ctx, permission)) } }));
}

/** What portal procedures know about the signed-in domicilié. */
export interface UsagerCaller {
  accountId: number;
  usagerId: number;
  structureId: number;
  timeZone: string;
  actor: Actor;
}

/**
 * The signed-in domicilié: the session, an enabled account, a validated structure whose portal is
 * on — checked on every request, so switching any of them off takes effect at once. Used by every
 * usager procedure and by the portal's file download route.
 */
export async function authenticateUsager(ctx: Context): Promise<{ session: Session; usager: UsagerCaller }> {
  const token = readCookie(ctx.req.headers.get("cookie"), cookieName("usager", ctx.secure));
  if (!token) throw new AppError("UNAUTHENTICATED");
  const [row] = await ctx.db
    .select({
      session: sessions,
      usagerId: portailAccounts.usagerId,
      nom: usagers.nom,
      prenom: usagers.prenom,
      timeZone: structures.timeZone,
      open: sql<number>`${portailAccounts.enabled} = 1 AND ${structures.statut} = 'VALIDE' AND ${structures.portailEnabled} = 1`,
    })
    .from(sessions)
    .innerJoin(portailAccounts, eq(portailAccounts.id, sessions.userId))
    .innerJoin(usagers, eq(usagers.id, portailAccounts.usagerId))
    .innerJoin(structures, eq(structures.id, portailAccounts.structureId))
    .where(and(eq(sessions.id, await sha256Hex(token)), eq(sessions.kind, "usager")));
  if (!row) throw new AppError("UNAUTHENTICATED");
  if (!row.open) {
    await deleteSession(ctx.db, row.session.id);
    throw new AppError("UNAUTHENTICATED");
  }
  const session = await settleSession(ctx.db, row.session, ctx.now);
  if (!session) throw new AppError("UNAUTHENTICATED");
  if (!session.shared && session.lastActiveAt.getTime() === ctx.now.getTime()) {
    // 30 days sliding: the cookie slides with the server session.
    ctx.resHeaders.append("Set-Cookie", sessionCookie(cookieName("usager", ctx.secure), token, ctx.secure, Math.floor(SESSION_POLICY.usager.absoluteMs / 1000)));
  }
  const usager: UsagerCaller = {
    accountId: session.userId,
    usagerId: row.usagerId,
    structureId: session.structureId!,
    timeZone: row.timeZone,
    actor: { kind: "usager", id: session.userId, name: `${row.prenom} ${row.nom}` },
  };
  return { session, usager };
}

/** A procedure for a signed-in domicilié (see `authenticateUsager`). */
export const usagerProcedure = t.procedure
  .meta({ audience: "usager" })
  .use(mapAppErrors)
  .use(async ({ ctx, next }) => next({ ctx: { ...ctx, ...(await authenticateUsager(ctx)) } }));

/** A procedure for the platform operators (validation of structures). */
export const platformProcedure = t.procedure
  .meta({ audience: "platform" })
  .use(mapAppErrors)
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

