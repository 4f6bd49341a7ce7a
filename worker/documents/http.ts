import { and, eq } from "drizzle-orm";
import { usagerDocuments } from "../../db/schema";
import type { Env } from "../env";
import { AppError } from "../errors";
import { idParam, serveFile } from "../files/http";
import { can } from "../rules/permissions";
import { readDocument } from "./service";

/** GET /fichiers/documents/:id — letters for agent and up, uploaded documents for instructeur and up. */
export function downloadDocument(req: Request, env: Env, idText: string): Promise<Response> {
  return serveFile(req, env, "usager.letters", async (ctx, caller, role) => {
    const id = idParam(idText);
    const doc = await ctx.db.query.usagerDocuments.findFirst({
      where: and(eq(usagerDocuments.id, id), eq(usagerDocuments.structureId, caller.structureId)),
    });
    if (!doc) throw new AppError("NOT_FOUND");
    if (!can(role, doc.kind === "upload" ? "document.manage" : "usager.letters")) throw new AppError("FORBIDDEN");
    return readDocument(ctx.db, env, caller, id, ctx.now);
  });
}
