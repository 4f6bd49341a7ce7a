import type { Env } from "../env";
import { AppError, APP_ERRORS } from "../errors";
import type { Permission } from "../rules/permissions";
import type { Role } from "../rules/roles";
import { authenticateStaff, createContext, type Context, type StaffCtx } from "../trpc";

const STATUS = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404 } as const;

export interface DownloadedFile {
  bytes: ArrayBuffer | Uint8Array<ArrayBuffer>;
  mimeType: string;
  fileName: string;
}

/**
 * A decrypted file as an attachment, for a signed-in staff member holding `permission`. Same
 * session, permission table and structure scope as the tRPC procedures; errors in French.
 */
export async function serveFile(
  req: Request,
  env: Env,
  permission: Permission,
  load: (ctx: Context, caller: StaffCtx, role: Role) => Promise<DownloadedFile>,
): Promise<Response> {
  const ctx = createContext(env, req, new Headers());
  try {
    const { caller, staff } = await authenticateStaff(ctx, permission);
    const file = await load(ctx, caller, staff.role);
    return new Response(file.bytes, {
      headers: {
        "content-type": file.mimeType,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const status = STATUS[APP_ERRORS[error.code].trpc as keyof typeof STATUS] ?? 400;
    return new Response(error.message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
