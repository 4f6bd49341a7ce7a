import { APP_ERRORS } from "../errors";
import { DOCUMENT_MAX_BYTES } from "../files/sniff";
import { generateLetter } from "../letters/service";
import { router, staffProcedure } from "../trpc";
import * as z from "zod";
import { id, text } from "../validation";
import { deleteDocument, listDocuments, updateDocument, uploadDocument } from "./service";

const label = text("Nom du document", 100).refine((v) => v.length >= 2, "Nom du document : 2 caractères au minimum.");

/** Uploads arrive as multipart FormData (tRPC httpLink); everything else is JSON. */
const uploadInput = z
  .instanceof(FormData, { error: "Envoyez le document avec le formulaire d'ajout." })
  .transform((fd) => ({
    usagerId: Number(fd.get("usagerId")),
    label: fd.get("label"),
    shared: fd.get("shared") === "true",
    file: fd.get("file"),
  }))
  .pipe(
    z.object({
      usagerId: id,
      label,
      shared: z.boolean(),
      file: z
        .instanceof(File, { error: "Fichier : choisissez un fichier." })
        .refine((f) => f.size <= DOCUMENT_MAX_BYTES, APP_ERRORS.FILE_TOO_LARGE.message),
    }),
  );

/** A domicilié's documents and generated letters (reference B.7, B.8). */
export const documentsRouter = router({
  list: staffProcedure("usager.read")
    .input(z.object({ usagerId: id }))
    .query(({ ctx, input }) => listDocuments(ctx.db, ctx.caller, input.usagerId)),

  // The file, plus the form's own bytes.
  upload: staffProcedure("document.manage")
    .meta({ audience: "staff", permission: "document.manage", body: { maxBytes: DOCUMENT_MAX_BYTES + 64 * 1024, error: "FILE_TOO_LARGE", field: "file" } })
    .input(uploadInput)
    .mutation(({ ctx, input }) => uploadDocument(ctx.db, ctx.env, ctx.caller, input, ctx.now)),

  rename: staffProcedure("document.manage")
    .input(z.object({ id, label }))
    .mutation(async ({ ctx, input }) => {
      await updateDocument(ctx.db, ctx.caller, input.id, { label: input.label }, ctx.now);
      return { ok: true as const };
    }),

  setShared: staffProcedure("document.manage")
    .input(z.object({ id, shared: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await updateDocument(ctx.db, ctx.caller, input.id, { shared: input.shared }, ctx.now);
      return { ok: true as const };
    }),

  remove: staffProcedure("document.manage")
    .input(z.object({ id }))
    .mutation(async ({ ctx, input }) => {
      await deleteDocument(ctx.db, ctx.env, ctx.caller, input.id, ctx.now);
      return { ok: true as const };
    }),

  generateLetter: staffProcedure("usager.letters")
    .input(z.object({ usagerId: id, kind: z.enum(["attestation", "radiation"]) }))
    .mutation(({ ctx, input }) => generateLetter(ctx.db, ctx.env, ctx.caller, input.usagerId, input.kind, ctx.now)),
});
