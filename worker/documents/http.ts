import { and, eq } from "drizzle-orm";
import { usagerDocuments } from "../../db/schema";
import type { Env } from "../env";
import { AppError, APP_ERRORS } from "../errors";
import { can } from "../rules/permissions";
import { authenticateStaff, createContext } from "../trpc";
import { readDocument } from "./service";

const STATUS = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404 } as const;

/**
 * GET /fichiers/documents/:id — the decrypted file, as an attachment. Same session, permission
 * table and structure scope as the tRPC procedures: letters for agent and up, uploads for instructeur and up.
 */
export async function downloadDocument(req: Request, env: Env, id: number): Promise<Response> {
  const ctx = createContext(env, req, new Headers());
  try {
    const { caller, staff } = await authenticateStaff(ctx, "usager.letters");
    const doc = await ctx.db.query.usagerDocuments.findFirst({
      where: and(eq(usagerDocuments.id, id), eq(usagerDocuments.structureId, caller.structureId)),
    });
    if (!doc) throw new AppError("NOT_FOUND");
    if (!can(staff.role, doc.kind === "upload" ? "document.manage" : "usager.letters")) throw new AppError("FORBIDDEN");
    const file = await readDocument(ctx.db, env, caller, id, ctx.now);
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
