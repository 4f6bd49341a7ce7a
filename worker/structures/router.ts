import * as z from "zod";
import { FIELD_MAX } from "../rules/fields";
import { FONCTIONS } from "../rules/roles";
import { router, signUpProcedure, staffProcedure } from "../trpc";
import { email, password, text } from "../validation";
import { structureInfoInput, structureOptionsInput } from "./schemas";
import { getStructure, registerStructure, updateStructureInfo, updateStructureOptions } from "./service";

/** The caller's structure, and the public sign-up of a new one. */
export const structuresRouter = router({
  register: signUpProcedure
    .input(
      z.object({
        structure: structureInfoInput,
        admin: z.object({
          nom: text("Nom", FIELD_MAX.staffNom),
          prenom: text("Prénom", FIELD_MAX.staffPrenom),
          email: email(),
          fonction: z.enum(FONCTIONS, { error: "Fonction : choisissez une valeur de la liste." }),
          password: password(),
        }),
        acceptCgu: z.literal(true, { error: "Vous devez accepter les conditions d'utilisation." }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await registerStructure(ctx.db, input, ctx.now, ctx.ip);
      return { ok: true as const };
    }),

  mine: staffProcedure("structure.read").query(({ ctx }) => getStructure(ctx.db, ctx.staff.structureId)),

  update: staffProcedure("structure.edit")
    .input(structureInfoInput)
    .mutation(async ({ ctx, input }) => {
      await updateStructureInfo(ctx.db, ctx.staff.structureId, input, ctx.actor, ctx.now);
      return { ok: true as const };
    }),

  updateOptions: staffProcedure("structure.settings")
    .input(structureOptionsInput)
    .mutation(async ({ ctx, input }) => {
      await updateStructureOptions(ctx.db, ctx.staff.structureId, input, ctx.actor, ctx.now);
      return { ok: true as const };
    }),
});
