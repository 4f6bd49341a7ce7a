import { createTRPCClient, httpBatchLink, httpLink, isNonJsonSerializable, splitLink, TRPCClientError, type TRPCLink } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { observable } from "@trpc/server/observable";
import type { AppRouter } from "../../worker/router";

export type Outputs = inferRouterOutputs<AppRouter>;

let onSessionExpired: (() => void) | null = null;

/** The signed-in layout registers what to do when the server says the staff session is gone. */
export function setSessionExpiredHandler(handler: (() => void) | null): void {
  onSessionExpired = handler;
}

/**
 * Watches every answer for an ended staff session, so a page never sits on a dead session.
 * Platform procedures have their own sign-in page and are left to it; a wrong password answers
 * INVALID_CREDENTIALS, not UNAUTHENTICATED, so sign-in forms are not affected.
 */
const sessionLink: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (error) => {
          if (!op.path.startsWith("plateforme.") && error.data?.appCode === "UNAUTHENTICATED") onSessionExpired?.();
          observer.error(error);
        },
        complete: () => observer.complete(),
      }),
    );

/**
 * JSON calls are batched; a FormData input (a document upload) cannot be, so it goes alone through
 * httpLink, which sends it as multipart.
 */
export const api = createTRPCClient<AppRouter>({
  links: [
    sessionLink,
    splitLink({
      condition: (op) => isNonJsonSerializable(op.input),
      true: httpLink({ url: "/trpc" }),
      false: httpBatchLink({ url: "/trpc" }),
    }),
  ],
});

export interface ApiFailure {
  /** The French sentence to show above the form or in an alert. */
  message: string;
  /** One French message per input path ("structure.siret", "admin.email", "next"). */
  fieldErrors: Record<string, string>;
  /** The server's domain error code ("UNAUTHENTICATED", "TOKEN_INVALID"…), absent offline. */
  appCode?: string;
}

const NETWORK_MESSAGE = "Le serveur ne répond pas. Vérifiez votre connexion à Internet puis réessayez : rien n'a été enregistré.";

/** What a failed call means for the person in front of the form, in French. */
export function apiFailure(error: unknown): ApiFailure {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    if (!data) return { message: NETWORK_MESSAGE, fieldErrors: {} };
    return {
      message: error.message,
      fieldErrors: data.fieldErrors ?? {},
      appCode: data.appCode,
    };
  }
  return { message: NETWORK_MESSAGE, fieldErrors: {} };
}

/** Someone changed the file since it was read: the fiche must be reloaded before trying again. */
export function isStaleWrite(error: unknown): boolean {
  return apiFailure(error).appCode === "STALE_WRITE";
}

export function isUnauthenticated(error: unknown): boolean {
  return apiFailure(error).appCode === "UNAUTHENTICATED";
}
