import * as z from "zod";
import { RECEPTION_TYPES } from "../rules/courrier";
import { FIELD_MAX } from "../rules/fields";
import { router, staffProcedure } from "../trpc";
import { calendarDate } from "../usagers/schemas";
import { id, optionalPlainText, text } from "../validation";
import { listProcurations, saveProcuration, saveTransfert, setNpai } from "./options";
import { deleteLastInteraction, distribute, listInteractions, pendingMail, registerPresence, registerReception } from "./service";

const ok = { ok: true as const };
const count = (label: string) =>
  z
    .number({ error: `${label} : nombre attendu.` })
    .int(`${label} : nombre entier attendu.`)
    .min(0, `${label} : 0 au minimum.`)
    .max(100, `${label} : 100 au maximum.`);
const version = z.number().int().min(1);
const procurationInput = z.object({
  nom: text("Nom du mandataire", FIELD_MAX.nom),
  prenom: text("Prénom du mandataire", FIELD_MAX.prenom),
  dateNaissance: calendarDate("Date de naissance du mandataire"),
  dateDebut: calendarDate("Date de début"),
  dateFin: calendarDate("Date de fin"),
});

/** Mail received and handed over, calls, visits, procurations and transfer. */
export const courrierRouter = router({
  history: staffProcedure("usager.read")
    .input(z.object({ usagerId: id, before: id.nullish() }))
    .query(({ ctx, input }) => listInteractions(ctx.db, ctx.caller, input.usagerId, input.before ?? null)),

  pending: staffProcedure("usager.read")
    .input(z.object({ usagerId: id }))
    .query(({ ctx, input }) => pendingMail(ctx.db, ctx.caller, input.usagerId)),

  receive: staffProcedure("courrier.register", "write")
    .input(
      z.object({
        usagerId: id,
        courrier: count("Courriers").default(0),
        colis: count("Colis").default(0),
        avis: count("Avis de passage").default(0),
        content: optionalPlainText("Informations importantes concernant les courriers", FIELD_MAX.commentaireCourrier),
      }),
    )
    .mutation(({ ctx, input }) => registerReception(ctx.db, ctx.caller, input.usagerId, input, ctx.now)),

  distribute: staffProcedure("courrier.register")
    .input(
      z.object({
        usagerId: id,
        types: z.array(z.enum(RECEPTION_TYPES)).min(1, "Choisissez au moins un type de courrier à remettre."),
        to: z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("domicilie") }),
          z.object({ kind: z.literal("mandataire"), procurationId: id }),
          z.object({ kind: z.literal("retour") }),
        ]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await distribute(ctx.db, ctx.caller, input.usagerId, input, ctx.now);
      return ok;
    }),

  presence: staffProcedure("courrier.register")
    .input(
      z.object({
        usagerId: id,
        type: z.enum(["appel", "visite"]),
        content: optionalPlainText("Commentaire", FIELD_MAX.commentaireCourrier),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await registerPresence(ctx.db, ctx.caller, input.usagerId, input.type, input.content, ctx.now);
      return ok;
    }),

  deleteLast: staffProcedure("courrier.register")
    .input(z.object({ usagerId: id, interactionId: id }))
    .mutation(async ({ ctx, input }) => {
      await deleteLastInteraction(ctx.db, ctx.caller, input.usagerId, input.interactionId);
      return ok;
    }),

  procurations: staffProcedure("usager.read")
    .input(z.object({ usagerId: id }))
    .query(({ ctx, input }) => listProcurations(ctx.db, ctx.caller, input.usagerId, ctx.now)),

  saveProcuration: staffProcedure("courrier.register")
    .input(
      z.discriminatedUnion("action", [
        z.object({ action: z.literal("create"), usagerId: id, version, procuration: procurationInput }),
        z.object({ action: z.literal("update"), usagerId: id, version, id, procuration: procurationInput }),
        z.object({ action: z.literal("delete"), usagerId: id, version, id }),
      ]),
    )
    .mutation(async ({ ctx, input }) => {
      await saveProcuration(ctx.db, ctx.caller, input, ctx.now);
      return ok;
    }),

  saveTransfert: staffProcedure("courrier.register")
    .input(
      z.object({
        usagerId: id,
        version,
        transfert: z
          .object({
            nom: text("Nom de l'établissement ou de la personne", FIELD_MAX.transfertNom),
            adresse: text("Adresse", FIELD_MAX.transfertAdresse).refine((v) => v.length >= 10, "Adresse : 10 caractères au minimum."),
            dateDebut: calendarDate("Date de début"),
            dateFin: calendarDate("Date de fin"),
          })
          .nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await saveTransfert(ctx.db, ctx.caller, input, ctx.now);
      return ok;
    }),

  setNpai: staffProcedure("courrier.register")
    .input(z.object({ usagerId: id, version, actif: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setNpai(ctx.db, ctx.caller, input, ctx.now);
      return ok;
    }),
});
