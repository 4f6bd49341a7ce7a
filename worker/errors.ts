import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { type TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { DOCUMENT_MESSAGES } from "./rules/documents";

/**
 * Every failure the domain can report, with its tRPC code and the French message users see.
 * Services throw `new AppError("CODE")`; the mapping to the transport happens here only.
 */
export const APP_ERRORS = {
  UNAUTHENTICATED: { trpc: "UNAUTHORIZED", message: "Votre session a expiré : veuillez vous reconnecter." },
  FORBIDDEN: { trpc: "FORBIDDEN", message: "Vous n'avez pas les droits pour cette action." },
  NOT_FOUND: { trpc: "NOT_FOUND", message: "Élément introuvable." },
  INVALID_INPUT: { trpc: "BAD_REQUEST", message: "Certains champs sont invalides : vérifiez le formulaire." },
  INVALID_CREDENTIALS: {
    trpc: "UNAUTHORIZED",
    message: "Adresse e-mail ou mot de passe incorrect. Après 3 essais infructueux en une heure, le compte est bloqué pendant une heure.",
  },
  INTERNAL: {
    trpc: "INTERNAL_SERVER_ERROR",
    message: "Une erreur inattendue est survenue. Rien n'a été enregistré : réessayez dans un instant.",
  },
  PAYLOAD_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", message: "Envoi trop volumineux : rien n'a été enregistré." },
  FILE_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", message: DOCUMENT_MESSAGES.tooLarge },
  SIGN_IN_BRAKED: {
    trpc: "TOO_MANY_REQUESTS",
    message: "Trop de tentatives de connexion depuis cette adresse : réessayez dans une minute.",
  },
  SIGN_UP_BRAKED: {
    trpc: "TOO_MANY_REQUESTS",
    message: "Trop d'inscriptions depuis cette adresse : réessayez dans une minute.",
  },
  STRUCTURE_NOT_VALIDATED: {
    trpc: "FORBIDDEN",
    message: "Votre structure n'a pas encore été validée par l'équipe Ancrage.",
  },
  EMAIL_TAKEN: { trpc: "CONFLICT", message: "Un membre de votre structure a déjà cette adresse e-mail." },
  EMAIL_UNAVAILABLE: {
    trpc: "CONFLICT",
    message: "Cette adresse e-mail ne peut pas être invitée : demandez à la personne une autre adresse.",
  },
  TOKEN_INVALID: {
    trpc: "BAD_REQUEST",
    message: "Ce lien n'est plus valide. Demandez à votre administrateur un nouveau lien.",
  },
  WRONG_CURRENT_PASSWORD: {
    trpc: "BAD_REQUEST",
    message: "Le mot de passe actuel est incorrect. Après 3 essais infructueux en une heure, le compte est bloqué pendant une heure.",
  },
  ACCOUNT_LOCKED: {
    trpc: "FORBIDDEN",
    message: "Trop d'essais infructueux : le compte est bloqué pendant une heure. Réessayez plus tard.",
  },
  PASSWORD_TOO_COMMON: { trpc: "BAD_REQUEST", message: "Ce mot de passe est trop courant : choisissez-en un autre." },
  ACCOUNT_BLOCKED: {
    trpc: "FORBIDDEN",
    message: "Ce compte est bloqué : contactez l'administrateur de votre structure.",
  },
  NOT_ON_SELF: { trpc: "BAD_REQUEST", message: "Vous ne pouvez pas faire cette action sur votre propre compte." },
  INVALID_STATE: { trpc: "CONFLICT", message: "Cette action n'est pas possible dans l'état actuel." },
  STALE_WRITE: {
    trpc: "CONFLICT",
    message: "Ce dossier vient d'être modifié par un collègue : rechargez la page puis recommencez.",
  },
  DELETION_QUOTA_REACHED: {
    trpc: "TOO_MANY_REQUESTS",
    message:
      "Limite atteinte : 400 dossiers ont déjà été supprimés aujourd'hui dans votre structure. Par sécurité, la suppression de dossiers est bloquée jusqu'à demain.",
  },
  NPAI: {
    trpc: "CONFLICT",
    message: "« Ne plus accepter le courrier » est activé pour ce domicilié : le courrier doit être retourné.",
  },
  PROCURATION_EXPIRED: { trpc: "CONFLICT", message: "Procuration expirée : le courrier ne peut pas être remis à ce mandataire." },
  PROCURATION_INACTIVE: { trpc: "CONFLICT", message: "Cette procuration n'a pas encore commencé." },
  PROCURATIONS_MAX: { trpc: "CONFLICT", message: "5 procurations au maximum par domicilié." },
  RETOUR_RADIES_SEULEMENT: { trpc: "CONFLICT", message: "Le retour à l'expéditeur n'est possible que pour un domicilié radié." },
  NPAI_RADIES_SEULEMENT: { trpc: "CONFLICT", message: "« Ne plus accepter le courrier » n'est possible que pour un domicilié radié." },
  NOTHING_PENDING: { trpc: "CONFLICT", message: "Aucun courrier en attente de ce type." },
  NOT_LAST_INTERACTION: {
    trpc: "CONFLICT",
    message: "Seule la dernière opération du dossier peut être supprimée : rechargez la page.",
  },
  PORTAIL_DESACTIVE: {
    trpc: "CONFLICT",
    message: "Le portail usager n'est pas activé pour votre structure : un administrateur peut l'activer dans les paramètres.",
  },
  PORTAIL_LOGIN_INVALID: {
    trpc: "UNAUTHORIZED",
    message:
      "Identifiant ou mot de passe incorrect. Vérifiez les chiffres et les majuscules. Après 3 essais infructueux, le compte est bloqué pendant une heure : votre structure peut le débloquer.",
  },
  PORTAIL_FERME: {
    trpc: "FORBIDDEN",
    message: "L'accès au portail n'est pas ouvert pour votre dossier. Adressez-vous à votre structure de domiciliation.",
  },
  LETTER_GONE: {
    trpc: "NOT_FOUND",
    message:
      "La lettre n'est plus disponible (mot de passe déjà choisi par le domicilié, ou plus de 30 jours). Réinitialisez le mot de passe temporaire pour en générer une nouvelle.",
  },
  CROSS_ORIGIN: { trpc: "FORBIDDEN", message: "Requête refusée : origine non autorisée." },
} as const satisfies Record<string, { trpc: TRPC_ERROR_CODE_KEY; message: string }>;

export type AppErrorCode = keyof typeof APP_ERRORS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Field-level French messages, keyed by the input path ("admin.email"). */
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(APP_ERRORS[code].message);
  }
}

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: APP_ERRORS[error.code].trpc, message: error.message, cause: error });
}

/** The HTTP status of a domain error: tRPC's own mapping of its code, for tRPC and file routes alike. */
export function httpStatusOf(code: AppErrorCode): number {
  return getHTTPStatusCodeFromError(new TRPCError({ code: APP_ERRORS[code].trpc }));
}

/** The answer body of a tRPC error, as the error formatter shapes it (see trpc.ts). */
export function errorShape(error: AppError) {
  const trpc = APP_ERRORS[error.code].trpc;
  return {
    message: error.message,
    code: TRPC_ERROR_CODES_BY_KEY[trpc],
    data: { code: trpc, httpStatus: httpStatusOf(error.code), appCode: error.code, fieldErrors: error.fieldErrors },
  };
}

/** A tRPC-shaped refusal sent before tRPC runs (cross-origin), so the apps show the French message. */
export function errorResponse(error: AppError): Response {
  return Response.json({ error: errorShape(error) }, { status: httpStatusOf(error.code) });
}
