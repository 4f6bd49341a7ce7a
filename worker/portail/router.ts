import { clearCookie, cookieName, sessionCookie } from "../auth/cookies";
import { deleteSession, SESSION_POLICY } from "../auth/session";
import { audit } from "../journal/log";
import { publicProcedure, router, staffProcedure, usagerProcedure, type Context } from "../trpc";
import { id, password, z } from "../validation";
import { changeUsagerPassword, firstLogin, signInUsager } from "./auth";
import { dashboard } from "./dashboard";
import { bulkCreateAccounts, listPortalAccounts, portalAccountOf, portalSettings, setPortalPreference, updatePortalSettings } from "./staff";

const ok = { ok: true as const };
const login = z
  .string({ error: "Votre identifiant : ce champ est obligatoire." })
  .trim()
  .min(1, "Votre identifiant : ce champ est obligatoire.")
  .max(64, "Votre identifiant : 8 lettres.");

/** "Appareil partagé": a browser-session cookie; otherwise the cookie lasts as long as the 30-day session. */
function setUsagerCookie(ctx: Context, token: string, shared: boolean) {
  const maxAge = shared ? undefined : Math.floor(SESSION_POLICY.usager.absoluteMs / 1000);
  ctx.resHeaders.append("Set-Cookie", sessionCookie(cookieName("usager", ctx.secure), token, ctx.secure, maxAge));
}

/** Staff side of the portal: structure settings, a file's access, the accounts list (reference A.1, A.2). */
export const portailRouter = router({
  settings: staffProcedure("structure.read").query(({ ctx }) => portalSettings(ctx.db, ctx.caller)),

  updateSettings: staffProcedure("portail.settings")
    .input(z.object({ enabled: z.boolean(), loginUpdatesDernierPassage: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await updatePortalSettings(ctx.db, ctx.caller, input, ctx.now);
      return ok;
    }),

  account: staffProcedure("usager.read")
    .input(z.object({ usagerId: id }))
    .query(({ ctx, input }) => portalAccountOf(ctx.db, ctx.caller, input.usagerId, ctx.now)),

  setPreference: staffProcedure("portail.resetCredentials")
    .input(z.object({ usagerId: id, acces: z.boolean(), reinitialiser: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => setPortalPreference(ctx.db, ctx.env, ctx.caller, input, ctx.now)),

  accounts: staffProcedure("portail.settings")
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .query(({ ctx, input }) => listPortalAccounts(ctx.db, ctx.caller, input.page)),

  bulkCreate: staffProcedure("portail.settings").mutation(({ ctx }) => bulkCreateAccounts(ctx.db, ctx.env, ctx.caller, ctx.now)),
});

/** The domicilié's side: sign-in, first sign-in, password, dashboard (reference A.5–A.8). */
export const monEspaceRouter = router({
  signIn: publicProcedure
    .input(z.object({ login, password: password("Votre mot de passe"), appareilPartage: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const result = await signInUsager(ctx.db, input, ctx.now, ctx.ip);
      if (result.status === "premiereConnexion") return { status: result.status };
      setUsagerCookie(ctx, result.token, result.shared);
      return { status: result.status };
    }),

  firstLogin: publicProcedure
    .input(
      z
        .object({
          login,
          password: password("Mot de passe temporaire"),
          nouveau: password("Nouveau mot de passe"),
          confirmation: password("Confirmation du mot de passe"),
          appareilPartage: z.boolean().default(false),
        })
        .refine((v) => v.nouveau === v.confirmation, { path: ["confirmation"], message: "La confirmation ne correspond pas au nouveau mot de passe." }),
    )
    .mutation(async ({ ctx, input }) => {
      const { token, shared } = await firstLogin(ctx.db, ctx.env, input, ctx.now, ctx.ip);
      setUsagerCookie(ctx, token, shared);
      return ok;
    }),

  signOut: usagerProcedure.mutation(async ({ ctx }) => {
    await ctx.db.batch([
      deleteSession(ctx.db, ctx.session.id),
      audit(ctx.db, { action: "PORTAIL_LOGOUT", structureId: ctx.usager.structureId, actor: ctx.usager.actor, target: { type: "usager", id: ctx.usager.usagerId }, at: ctx.now }),
    ]);
    ctx.resHeaders.append("Set-Cookie", clearCookie(cookieName("usager", ctx.secure), ctx.secure));
    return ok;
  }),

  changePassword: usagerProcedure
    .input(
      z
        .object({ current: password("Mot de passe actuel"), next: password("Nouveau mot de passe"), confirmation: password("Confirmation du mot de passe") })
        .refine((v) => v.next === v.confirmation, { path: ["confirmation"], message: "La confirmation ne correspond pas au nouveau mot de passe." }),
    )
    .mutation(async ({ ctx, input }) => {
      await changeUsagerPassword(ctx.db, { ...ctx.usager, sessionId: ctx.session.id }, input, ctx.now);
      return ok;
    }),

  dashboard: usagerProcedure.query(({ ctx }) => dashboard(ctx.db, ctx.usager, ctx.session, ctx.now)),
});
