import * as z from "zod";
import { APP_ERRORS } from "../errors";
import { generateLetter } from "../letters/service";
import { DOCUMENT_LABEL_MIN, DOCUMENT_MAX_BYTES, DOCUMENT_MESSAGES } from "../rules/documents";
import { FIELD_MAX } from "../rules/fields";
import { LETTER_KINDS, LETTER_PERMISSION } from "../rules/letters";
import { router, staffProcedure } from "../trpc";
import { id, text } from "../validation";
import { deleteDocument, listDocuments, updateDocument, uploadDocument } from "./service";

const label = text("Nom du document", FIELD_MAX.documentLabel).refine(
  (v) => v.length >= DOCUMENT_LABEL_MIN,
  `Nom du document : ${DOCUMENT_LABEL_MIN} caractères au minimum.`,
);

/** Uploads arrive as multipart FormData (tRPC httpLink); everything else is JSON. */
const uploadInput = z
  .instanceof(FormData, { error: "Envoyez le document avec le formulaire d'ajout." })
  .transform((fd) => ({
    usagerId: Number(fd.get("usagerId")),
    label: fd.get("label"),
    shared: fd.get("shared") === "true",
    // workers-types declare get() as string | null; a file part arrives as a File.
    file: fd.get("file") as unknown,
  }))
  .pipe(
    z.object({
      usagerId: id,
      label,
      shared: z.boolean(),
      file: z
        .instanceof(File, { error: DOCUMENT_MESSAGES.missing })
        .refine((f) => f.size <= DOCUMENT_MAX_BYTES, APP_ERRORS.FILE_TOO_LARGE.message),
    }),
  );

/** A domicilié's documents: uploaded pièces justificatives and generated letters. */
export const documentsRouter = router({
  list: staffProcedure("usager.read")
    .input(z.object({ usagerId: id }))
    .query(({ ctx, input }) => listDocuments(ctx.db, ctx.caller, input.usagerId)),

  // The file, plus the form's own bytes.
  upload: staffProcedure("document.manage")
    .meta({
      audience: "staff",
      permission: "document.manage",
      body: { maxBytes: DOCUMENT_MAX_BYTES + 64 * 1024, error: "FILE_TOO_LARGE", field: "file" },
    })
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

  generateLetter: staffProcedure(LETTER_PERMISSION)
    .input(z.object({ usagerId: id, kind: z.enum(LETTER_KINDS) }))
    .mutation(({ ctx, input }) => generateLetter(ctx.db, ctx.env, ctx.caller, input.usagerId, input.kind, ctx.now)),
});
