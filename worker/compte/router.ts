import * as z from "zod";
import { clearCookie, cookieName, sessionCookie } from "../auth/cookies";
import { router, signInProcedure, staffProcedure } from "../trpc";
import { email, password } from "../validation";
import { changeOwnPassword, getMe, signInStaff, signOutStaff } from "./service";

/** Staff sign-in and the signed-in member's own account. */
export const compteRouter = router({
  signIn: signInProcedure.input(z.object({ email: email(), password: password() })).mutation(async ({ ctx, input }) => {
    const { token } = await signInStaff(ctx.db, input, ctx.now, ctx.ip);
    // No Max-Age: the session's 12 h limit is enforced by the server, the cookie dies with the browser.
    ctx.resHeaders.append("Set-Cookie", sessionCookie(cookieName("staff", ctx.secure), token, ctx.secure));
    return { ok: true as const };
  }),

  signOut: staffProcedure("compte.self").mutation(async ({ ctx }) => {
    await signOutStaff(ctx.db, ctx.session.id, ctx.staff.structureId, ctx.actor, ctx.now);
    ctx.resHeaders.append("Set-Cookie", clearCookie(cookieName("staff", ctx.secure), ctx.secure));
    return { ok: true as const };
  }),

  me: staffProcedure("compte.self").query(({ ctx }) => getMe(ctx.db, ctx.staff.id, ctx.now)),

  changePassword: staffProcedure("compte.self")
    .input(z.object({ current: password("Mot de passe actuel"), next: password("Nouveau mot de passe") }))
    .mutation(async ({ ctx, input }) => {
      await changeOwnPassword(
        ctx.db,
        { id: ctx.staff.id, structureId: ctx.staff.structureId, sessionId: ctx.session.id, actor: ctx.actor },
        input,
        ctx.now,
        ctx.ip,
      );
      return { ok: true as const };
    }),
});
