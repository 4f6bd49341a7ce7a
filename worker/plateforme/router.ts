import * as z from "zod";
import { clearCookie, cookieName, sessionCookie } from "../auth/cookies";
import { deleteSession } from "../auth/session";
import { STRUCTURE_STATUT_LABELS, type StructureStatut } from "../rules/structure";
import { refuseStructureInput } from "../structures/schemas";
import { decideStructure, listStructuresForPlatform } from "../structures/service";
import { platformProcedure, router, signInProcedure } from "../trpc";
import { email, id, password } from "../validation";
import { signInPlatform } from "./service";

const statut = z.enum(Object.keys(STRUCTURE_STATUT_LABELS) as [StructureStatut, ...StructureStatut[]]);

/** The platform operators' page: validate or refuse the structures that signed up. */
export const plateformeRouter = router({
  signIn: signInProcedure.input(z.object({ email: email(), password: password() })).mutation(async ({ ctx, input }) => {
    const { token } = await signInPlatform(ctx.db, input, ctx.now, ctx.ip);
    ctx.resHeaders.append("Set-Cookie", sessionCookie(cookieName("platform", ctx.secure), token, ctx.secure));
    return { ok: true as const };
  }),

  signOut: platformProcedure.mutation(async ({ ctx }) => {
    await deleteSession(ctx.db, ctx.session.id);
    ctx.resHeaders.append("Set-Cookie", clearCookie(cookieName("platform", ctx.secure), ctx.secure));
    return { ok: true as const };
  }),

  me: platformProcedure.query(({ ctx }) => ({ nom: ctx.platformAdmin.nom, email: ctx.platformAdmin.email })),

  structures: platformProcedure.input(z.object({ statut })).query(({ ctx, input }) => listStructuresForPlatform(ctx.db, input.statut)),

  validate: platformProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    await decideStructure(ctx.db, input.id, { statut: "VALIDE" }, ctx.actor, ctx.now);
    return { ok: true as const };
  }),

  refuse: platformProcedure.input(refuseStructureInput).mutation(async ({ ctx, input }) => {
    await decideStructure(ctx.db, input.id, { statut: "REFUS", motif: input.motif }, ctx.actor, ctx.now);
    return { ok: true as const };
  }),
});
