import * as z from "zod";
import { DECISION_ACTIONS, UNDO_PERMISSION } from "../rules/decisions";
import { FIELD_MAX } from "../rules/fields";
import { router, staffProcedure } from "../trpc";
import { id, plainText, text } from "../validation";
import {
  annulerDerniereDecision,
  radierEnMasse,
  radierUsager,
  refuserDemande,
  renouvelerDemande,
  soumettreDemande,
  validerDemande,
} from "./decisions";
import { historique } from "./historique";
import { listUsagers } from "./list";
import { addNote, changeNote, listNotes } from "./notes";
import {
  bulkRadiateInput,
  contactInput,
  entretienInput,
  etatCivilInput,
  listInput,
  radiateInput,
  refuseInput,
  validateInput,
} from "./schemas";
import {
  bulkAssignReferent,
  createUsager,
  customRefHolders,
  findDuplicates,
  getFiche,
  setEtape,
  setRendezVous,
  updateContact,
  updateEntretien,
  updateEtatCivil,
} from "./service";
import { supprimerUsager } from "./suppression";

const ok = { ok: true as const };
/** The version of the file the form was built from: a write over someone else's change is refused. */
const version = z.number({ error: "Version du dossier manquante." }).int().min(1);
const target = z.object({ usagerId: id, version });

/** The domiciliés' files: list, fiche, état civil, entretien, decisions, deletion, notes. */
export const usagersRouter = router({
  list: staffProcedure("usager.read", "read")
    .input(listInput)
    .query(({ ctx, input }) => listUsagers(ctx.db, ctx.caller, input, ctx.now)),

  get: staffProcedure("usager.read", "read")
    .input(z.object({ id }))
    .query(({ ctx, input }) => getFiche(ctx.db, ctx.caller, input.id, ctx.now)),

  duplicates: staffProcedure("usager.read")
    .input(z.object({ nom: text("Nom", FIELD_MAX.nom), prenom: text("Prénom", FIELD_MAX.prenom), excludeId: id.nullish() }))
    .query(({ ctx, input }) => findDuplicates(ctx.db, ctx.staff.structureId, input, input.excludeId ?? null)),

  customRefHolders: staffProcedure("usager.read")
    .input(z.object({ customRef: text("Identifiant personnalisé", FIELD_MAX.customRef), excludeId: id.nullish() }))
    .query(({ ctx, input }) => customRefHolders(ctx.db, ctx.staff.structureId, input.customRef, input.excludeId ?? null)),

  create: staffProcedure("usager.instruct")
    .input(etatCivilInput)
    .mutation(({ ctx, input }) => createUsager(ctx.db, ctx.caller, input, ctx.now)),

  updateEtatCivil: staffProcedure("usager.instruct")
    .input(target.extend({ etatCivil: etatCivilInput }))
    .mutation(async ({ ctx, input }) => {
      await updateEtatCivil(ctx.db, ctx.caller, input.usagerId, input.version, input.etatCivil, ctx.now);
      return ok;
    }),

  updateContact: staffProcedure("usager.contact")
    .input(target.extend({ contact: contactInput }))
    .mutation(async ({ ctx, input }) => {
      await updateContact(ctx.db, ctx.caller, input.usagerId, input.version, input.contact, ctx.now);
      return ok;
    }),

  updateEntretien: staffProcedure("usager.instruct")
    .input(target.extend({ entretien: entretienInput }))
    .mutation(async ({ ctx, input }) => {
      await updateEntretien(ctx.db, ctx.caller, input.usagerId, input.version, input.entretien, ctx.now);
      return ok;
    }),

  setRendezVous: staffProcedure("usager.instruct")
    .input(
      target.extend({
        rdv: z.discriminatedUnion("maintenant", [
          z.object({ maintenant: z.literal(true) }),
          z.object({ maintenant: z.literal(false), at: z.coerce.date({ error: "Date du rendez-vous invalide." }), userId: id }),
        ]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await setRendezVous(ctx.db, ctx.caller, input.usagerId, input.version, input.rdv, ctx.now);
      return ok;
    }),

  setEtape: staffProcedure("usager.instruct")
    .input(target.extend({ etape: z.number().int().min(0).max(4) }))
    .mutation(async ({ ctx, input }) => {
      await setEtape(ctx.db, ctx.caller, input.usagerId, input.version, input.etape, ctx.now);
      return ok;
    }),

  submit: staffProcedure(DECISION_ACTIONS.soumettre.permission)
    .input(target)
    .mutation(async ({ ctx, input }) => {
      await soumettreDemande(ctx.db, ctx.caller, input.usagerId, input.version, ctx.now);
      return ok;
    }),

  validate: staffProcedure(DECISION_ACTIONS.valider.permission)
    .input(validateInput.extend({ version }))
    .mutation(async ({ ctx, input }) => {
      await validerDemande(ctx.db, ctx.caller, input, ctx.now);
      return ok;
    }),

  refuse: staffProcedure(DECISION_ACTIONS.refuser.permission)
    .input(refuseInput.and(z.object({ version })))
    .mutation(async ({ ctx, input }) => {
      await refuserDemande(ctx.db, ctx.caller, input, ctx.now);
      return ok;
    }),

  radiate: staffProcedure(DECISION_ACTIONS.radier.permission)
    .input(radiateInput.and(z.object({ version })))
    .mutation(async ({ ctx, input }) => {
      await radierUsager(ctx.db, ctx.caller, input, ctx.now);
      return ok;
    }),

  bulkRadiate: staffProcedure(DECISION_ACTIONS.radier.permission)
    .input(bulkRadiateInput)
    .mutation(({ ctx, input }) => radierEnMasse(ctx.db, ctx.caller, input, ctx.now)),

  renew: staffProcedure(DECISION_ACTIONS.renouveler.permission)
    .input(target)
    .mutation(async ({ ctx, input }) => {
      await renouvelerDemande(ctx.db, ctx.caller, input.usagerId, input.version, ctx.now);
      return ok;
    }),

  undoDecision: staffProcedure(UNDO_PERMISSION)
    .input(target)
    .mutation(async ({ ctx, input }) => {
      await annulerDerniereDecision(ctx.db, ctx.caller, input.usagerId, input.version, ctx.now);
      return ok;
    }),

  delete: staffProcedure("usager.delete")
    .input(target)
    .mutation(({ ctx, input }) => supprimerUsager(ctx.db, ctx.env, ctx.caller, input.usagerId, input.version, ctx.now)),

  bulkAssignReferent: staffProcedure("usager.instruct")
    .input(
      z.object({
        usagerIds: z.array(id).min(1, "Sélectionnez au moins un domicilié.").max(500, "500 dossiers au maximum à la fois."),
        referentId: id.nullable(),
      }),
    )
    .mutation(({ ctx, input }) => bulkAssignReferent(ctx.db, ctx.caller, input.usagerIds, input.referentId, ctx.now)),

  history: staffProcedure("usager.read")
    .input(z.object({ usagerId: id, before: id.nullish() }))
    .query(({ ctx, input }) => historique(ctx.db, ctx.caller, input.usagerId, input.before ?? null)),

  notes: staffProcedure("usager.read")
    .input(z.object({ usagerId: id, archived: z.boolean().default(false), before: id.nullish() }))
    .query(({ ctx, input }) => listNotes(ctx.db, ctx.caller, input.usagerId, input.archived, input.before ?? null)),

  addNote: staffProcedure("note.add")
    .input(z.object({ usagerId: id, message: plainText("Note", FIELD_MAX.note) }))
    .mutation(async ({ ctx, input }) => {
      await addNote(ctx.db, ctx.caller, input.usagerId, input.message, ctx.now);
      return ok;
    }),

  changeNote: staffProcedure("note.manage")
    .input(z.object({ noteId: id, action: z.enum(["pin", "unpin", "archive", "unarchive", "delete"]) }))
    .mutation(async ({ ctx, input }) => {
      await changeNote(ctx.db, ctx.caller, input.noteId, input.action, ctx.now);
      return ok;
    }),
});
