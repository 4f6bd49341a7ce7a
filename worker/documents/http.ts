import { and, eq } from "drizzle-orm";
import { usagerDocuments } from "../../db/schema";
import type { Env } from "../env";
import { AppError } from "../errors";
import { idParam, serveFile } from "../files/http";
import { documentPermission } from "../rules/documents";
import { LETTER_PERMISSION } from "../rules/letters";
import { can } from "../rules/permissions";
import { readDocument } from "./service";

/** GET /fichiers/documents/:id — each kind of document under its own permission (worker/rules/documents). */
export function downloadDocument(req: Request, env: Env, idText: string): Promise<Response> {
  // The least any kind asks for: the document's own kind is checked once it is read.
  return serveFile(req, env, LETTER_PERMISSION, async (ctx, caller, role) => {
    const id = idParam(idText);
    const doc = await ctx.db.query.usagerDocuments.findFirst({
      where: and(eq(usagerDocuments.id, id), eq(usagerDocuments.structureId, caller.structureId)),
    });
    if (!doc) throw new AppError("NOT_FOUND");
    if (!can(role, documentPermission(doc.kind))) throw new AppError("FORBIDDEN");
    return readDocument(ctx.db, env, caller, id, ctx.now);
  });
}
