import { authenticateStaff, type StaffCtx } from "../auth/staff";
import { authenticateUsager, type UsagerCaller } from "../auth/usager";
import type { Env } from "../env";
import { AppError, httpStatusOf } from "../errors";
import type { Permission } from "../rules/permissions";
import type { Role } from "../rules/roles";
import { type Context, createContext } from "../trpc";

/** A record id from a URL segment, or NOT_FOUND (too long, zero, beyond what an id can be). */
export function idParam(text: string | undefined): number {
  const value = Number(text);
  if (!text || !/^[1-9][0-9]{0,15}$/.test(text) || !Number.isSafeInteger(value)) throw new AppError("NOT_FOUND");
  return value;
}

export interface DownloadedFile {
  bytes: ArrayBuffer | Uint8Array<ArrayBuffer>;
  mimeType: string;
  fileName: string;
}

/** The file as an attachment, or the AppError's French message with its HTTP status. */
async function respond(run: () => Promise<DownloadedFile>): Promise<Response> {
  try {
    const file = await run();
    return new Response(file.bytes, {
      headers: {
        "content-type": file.mimeType,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "cache-control": "private, no-store",
      },
    });
  } catch (caught) {
    if (!(caught instanceof AppError)) console.error("download:", caught);
    const error = caught instanceof AppError ? caught : new AppError("INTERNAL");
    return new Response(error.message, {
      status: httpStatusOf(error.code),
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
}

/**
 * A decrypted file as an attachment, for a signed-in staff member holding `permission`. Same
 * session, permission table and structure scope as the tRPC procedures; errors in French.
 */
export function serveFile(
  req: Request,
  env: Env,
  permission: Permission,
  load: (ctx: Context, caller: StaffCtx, role: Role) => Promise<DownloadedFile>,
): Promise<Response> {
  const ctx = createContext(env, req, new Headers());
  return respond(async () => {
    const { caller, staff } = await authenticateStaff(ctx, permission);
    return load(ctx, caller, staff.role);
  });
}

/**
 * A decrypted file as an attachment, for the signed-in domicilié (Mon Ancrage): the same checks as
 * the usager procedures (session, enabled account, structure portal on), scoped to their own file.
 */
export function serveUsagerFile(
  req: Request,
  env: Env,
  load: (ctx: Context, caller: UsagerCaller) => Promise<DownloadedFile>,
): Promise<Response> {
  const ctx = createContext(env, req, new Headers());
  return respond(async () => {
    const { usager } = await authenticateUsager(ctx);
    return load(ctx, usager);
  });
}
