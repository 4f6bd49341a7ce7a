/**
 * tRPC plumbing, top to bottom: the request context, tRPC itself (errors in French, one place),
 * then the procedure factories every router uses.
 */
import { initTRPC } from "@trpc/server";
import type { TRPCRequestInfo } from "@trpc/server/http";
import * as z from "zod";
import { authenticatePlatform } from "./auth/platform";
import { BRAKES, type Brake, braked } from "./auth/rate-limit";
import { authenticateStaff, type SessionBatch, withRememberedStaff } from "./auth/staff";
import { authenticateUsager } from "./auth/usager";
import { BodyBudget, type BodyRule, DEFAULT_BODY } from "./body-limit";
import { createDb, type Db } from "./db";
import type { Env } from "./env";
import { APP_ERRORS, AppError, toTRPCError } from "./errors";
import type { Permission } from "./rules/permissions";

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
    db: createDb(env.DB),
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
  /** A staff procedure whose D1 work is one first batch: the session's check travels with it (auth/staff.ts). */
  sessionBatch?: SessionBatch;
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

/** A procedure for signed-in staff holding `permission` in the one permission table; services scope every query to `ctx.caller.structureId`. */
export function staffProcedure(permission: Permission, sessionBatch?: SessionBatch) {
  return base.meta({ audience: "staff", permission, sessionBatch }).use(async ({ ctx, meta, next }) => {
    const batched = meta?.sessionBatch && (await withRememberedStaff(ctx, permission, meta.sessionBatch, (staff) => next({ ctx: staff })));
    return batched || next({ ctx: { ...ctx, ...(await authenticateStaff(ctx, permission)) } });
  });
}

/** A procedure for a signed-in domicilié, scoped to their own file. */
export const usagerProcedure = base
  .meta({ audience: "usager" })
  .use(async ({ ctx, next }) => next({ ctx: { ...ctx, ...(await authenticateUsager(ctx)) } }));

/** A procedure for the platform operators (validation of structures). */
export const platformProcedure = base
  .meta({ audience: "platform" })
  .use(async ({ ctx, next }) => next({ ctx: { ...ctx, ...(await authenticatePlatform(ctx)) } }));
