import * as z from "zod";
import { FIELD_MAX } from "../rules/fields";
import { FONCTIONS, ROLES } from "../rules/roles";
import { router, signInProcedure, staffProcedure } from "../trpc";
import { email, id, optionalText, password, text, whenValid } from "../validation";
import {
  changeRole,
  describeLink,
  inviteMember,
  issueLink,
  listActiveColleagues,
  listMembers,
  setMemberStatus,
  usePasswordLink,
} from "./service";

const role = z.enum(ROLES, { error: "Rôle : choisissez une valeur de la liste." });
const token = z.string({ error: "Lien invalide." }).min(20, "Lien invalide.").max(100, "Lien invalide.");

/** The structure's team: staff accounts, invitations, roles. */
export const equipeRouter = router({
  list: staffProcedure("equipe.list").query(({ ctx }) => listMembers(ctx.db, ctx.staff.structureId, ctx.now)),

  colleagues: staffProcedure("equipe.minimal").query(({ ctx }) => listActiveColleagues(ctx.db, ctx.staff.structureId)),

  invite: staffProcedure("equipe.manage")
    .input(
      z
        .object({
          nom: text("Nom", FIELD_MAX.staffNom),
          prenom: text("Prénom", FIELD_MAX.staffPrenom),
          email: email(),
          fonction: z.enum(FONCTIONS, { error: "Fonction : choisissez une valeur de la liste." }),
          fonctionDetail: optionalText("Précision de la fonction", FIELD_MAX.fonctionDetail),
          role,
        })
        .refine((v) => v.fonction !== "Autre" || v.fonctionDetail, {
          path: ["fonctionDetail"],
          message: "Précision de la fonction : ce champ est obligatoire pour « Autre ».",
          when: whenValid("fonction", "fonctionDetail"),
        }),
    )
    .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.caller, input, ctx.env.STAFF_ORIGIN, ctx.now)),

  issueLink: staffProcedure("equipe.manage")
    .input(z.object({ userId: id }))
    .mutation(({ ctx, input }) => issueLink(ctx.db, ctx.caller, input.userId, ctx.env.STAFF_ORIGIN, ctx.now)),

  changeRole: staffProcedure("equipe.manage")
    .input(z.object({ userId: id, role }))
    .mutation(async ({ ctx, input }) => {
      await changeRole(ctx.db, ctx.caller, input.userId, input.role, ctx.now);
      return { ok: true as const };
    }),

  setStatus: staffProcedure("equipe.manage")
    .input(z.object({ userId: id, action: z.enum(["block", "unblock", "delete"]) }))
    .mutation(async ({ ctx, input }) => {
      await setMemberStatus(ctx.db, ctx.caller, input.userId, input.action, ctx.now);
      return { ok: true as const };
    }),

  describeLink: signInProcedure.input(z.object({ token })).query(({ ctx, input }) => describeLink(ctx.db, input.token, ctx.now)),

  usePasswordLink: signInProcedure.input(z.object({ token, password: password() })).mutation(async ({ ctx, input }) => {
    await usePasswordLink(ctx.db, input, ctx.now, ctx.ip);
    return { ok: true as const };
  }),
});
