import * as z from "zod";
import { clearCookie, cookieName, sessionCookie } from "../auth/cookies";
import { deleteSession, SESSION_POLICY } from "../auth/session";
import { interactionsPage } from "../courrier/service";
import { listSharedDocuments } from "../documents/service";
import { audit } from "../journal/log";
import { FIELD_MAX } from "../rules/fields";
import { STRUCTURE_MESSAGE_TYPES, type StructureMessageType } from "../rules/structure-messages";
import { type Context, router, signInProcedure, staffProcedure, usagerProcedure } from "../trpc";
import { calendarDate } from "../usagers/schemas";
import { id, password, plainText, whenValid, withoutControls } from "../validation";
import { changeUsagerPassword, firstLogin, signInUsager } from "./auth";
import { dashboard } from "./dashboard";
import { deleteMessage, listMessages, saveMessage } from "./messages";
import {
  bulkCreateAccounts,
  listPortalAccounts,
  portalAccountOf,
  portalSettings,
  setPortalPreference,
  updatePortalSettings,
} from "./staff";

const ok = { ok: true as const };
const login = z
  .string({ error: "Votre identifiant : ce champ est obligatoire." })
  // A failed attempt journals the identifiant typed: no control character reaches the journal.
  .overwrite(withoutControls)
  .trim()
  .min(1, "Votre identifiant : ce champ est obligatoire.")
  .max(64, "Votre identifiant : 8 lettres.");

/** "Appareil partagé": a browser-session cookie; otherwise the cookie lasts as long as the 30-day session. */
function setUsagerCookie(ctx: Context, token: string, shared: boolean) {
  const maxAge = shared ? undefined : Math.floor(SESSION_POLICY.usager.absoluteMs / 1000);
  ctx.resHeaders.append("Set-Cookie", sessionCookie(cookieName("usager", ctx.secure), token, ctx.secure, maxAge));
}

/** Staff side of the portal: structure settings, a file's access, the accounts list. */
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

  /** "Messages aux domiciliés": admins only. */
  messages: staffProcedure("portail.settings").query(({ ctx }) => listMessages(ctx.db, ctx.caller)),

  saveMessage: staffProcedure("portail.settings")
    .input(
      z
        .object({
          id: id.nullable().default(null),
          titre: plainText("Titre", FIELD_MAX.messageTitre),
          texte: plainText("Message", FIELD_MAX.messageTexte),
          type: z.enum(Object.keys(STRUCTURE_MESSAGE_TYPES) as [StructureMessageType, ...StructureMessageType[]], {
            error: "Type de message : choisissez un type.",
          }),
          dateDebut: calendarDate("Date de début"),
          dateFin: calendarDate("Date de fin").nullable().default(null),
        })
        .refine((v) => v.dateFin === null || v.dateFin >= v.dateDebut, {
          path: ["dateFin"],
          message: "Date de fin : elle doit suivre la date de début.",
          when: whenValid("dateDebut", "dateFin"),
        }),
    )
    .mutation(({ ctx, input }) => saveMessage(ctx.db, ctx.caller, input, ctx.now)),

  deleteMessage: staffProcedure("portail.settings")
    .input(z.object({ id }))
    .mutation(async ({ ctx, input }) => {
      await deleteMessage(ctx.db, ctx.caller, input.id, ctx.now);
      return ok;
    }),
});

/** Mon Ancrage's history: 10 per page (the reference shows 5; phones scroll well). */
const PORTAL_HISTORY_PAGE = 10;

/** The domicilié's side: sign-in, first sign-in, password, dashboard. */
export const monEspaceRouter = router({
  signIn: signInProcedure
    .input(z.object({ login, password: password("Votre mot de passe"), appareilPartage: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const result = await signInUsager(ctx.db, input, ctx.now, ctx.ip);
      if (result.status === "premiereConnexion") return { status: result.status };
      setUsagerCookie(ctx, result.token, result.shared);
      return { status: result.status };
    }),

  firstLogin: signInProcedure
    .input(
      z
        .object({
          login,
          password: password("Mot de passe temporaire"),
          nouveau: password("Nouveau mot de passe"),
          confirmation: password("Confirmation du mot de passe"),
          appareilPartage: z.boolean().default(false),
        })
        .refine((v) => v.nouveau === v.confirmation, {
          path: ["confirmation"],
          message: "La confirmation ne correspond pas au nouveau mot de passe.",
        }),
    )
    .mutation(async ({ ctx, input }) => {
      const { token, shared } = await firstLogin(ctx.db, ctx.env, input, ctx.now, ctx.ip);
      setUsagerCookie(ctx, token, shared);
      return ok;
    }),

  signOut: usagerProcedure.mutation(async ({ ctx }) => {
    await ctx.db.batch([
      deleteSession(ctx.db, ctx.session.id),
      audit(ctx.db, {
        action: "PORTAIL_LOGOUT",
        structureId: ctx.usager.structureId,
        actor: ctx.usager.actor,
        target: { type: "usager", id: ctx.usager.usagerId },
        at: ctx.now,
      }),
    ]);
    ctx.resHeaders.append("Set-Cookie", clearCookie(cookieName("usager", ctx.secure), ctx.secure));
    return ok;
  }),

  changePassword: usagerProcedure
    .input(
      z
        .object({
          current: password("Mot de passe actuel"),
          next: password("Nouveau mot de passe"),
          confirmation: password("Confirmation du mot de passe"),
        })
        .refine((v) => v.next === v.confirmation, {
          path: ["confirmation"],
          message: "La confirmation ne correspond pas au nouveau mot de passe.",
        }),
    )
    .mutation(async ({ ctx, input }) => {
      await changeUsagerPassword(ctx.db, { ...ctx.usager, sessionId: ctx.session.id }, input, ctx.now, ctx.ip);
      return ok;
    }),

  dashboard: usagerProcedure.query(({ ctx }) => dashboard(ctx.db, ctx.usager, ctx.session, ctx.now)),

  /** "Historique des interactions": all of them, newest first, paginated by id. */
  history: usagerProcedure.input(z.object({ before: id.nullish() }).default({})).query(async ({ ctx, input }) => {
    const page = await interactionsPage(ctx.db, ctx.usager.structureId, ctx.usager.usagerId, input.before ?? null, PORTAL_HISTORY_PAGE);
    // The staff member's name stays on the staff side.
    return { items: page.items.map(({ userName: _, ...item }) => item), nextBefore: page.nextBefore };
  }),

  /** The documents the staff shared with the domicilié (download: GET /fichiers/mon-espace/documents/:id). */
  documents: usagerProcedure.query(({ ctx }) => listSharedDocuments(ctx.db, ctx.usager)),
});
