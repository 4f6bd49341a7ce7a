/**
 * The typed tRPC client of Mon Ancrage (only the router's TYPE comes from the Worker) and what a
 * failure means for the person: no network (show the device's copy), or a French server answer.
 */
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../worker/router";
import { PORTAIL_PASSWORD_RULES } from "../../worker/rules/portail-password";
import type { Dict } from "./i18n/fr";

export const api = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/trpc" })] });

export type Dashboard = inferRouterOutputs<AppRouter>["monEspace"]["dashboard"];
export type HistoryItem = inferRouterOutputs<AppRouter>["monEspace"]["history"]["items"][number];

/** Where the domicilié downloads a document the structure shared (session cookie, same origin). */
export const sharedDocumentUrl = (id: number) => `/fichiers/mon-espace/documents/${id}`;

export type Failure =
  /** The request never got an answer from the Worker (offline, DNS, a proxy page…). */
  { kind: "network" } | { kind: "server"; message: string; appCode?: string; fieldErrors: Record<string, string> };

export function failureOf(error: unknown): Failure {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data as { appCode?: string; fieldErrors?: Record<string, string> } | undefined;
    // No tRPC shape in the answer: the network failed, or something other than the Worker answered.
    if (!data) return { kind: "network" };
    return { kind: "server", message: error.message, appCode: data.appCode, fieldErrors: data.fieldErrors ?? {} };
  }
  return { kind: "network" };
}

export const isUnauthenticated = (f: Failure) => f.kind === "server" && f.appCode === "UNAUTHENTICATED";

/** The sentence shown above a form: French as the server wrote it, other languages by code. */
export function failureMessage(f: Failure, d: Dict): string {
  if (f.kind === "network") return d.common.network;
  if (d.code === "fr") return f.message;
  return (f.appCode && d.serverErrors[f.appCode]) || f.message;
}

/**
 * A field's server message in the current language. Password messages are recognised from the
 * shared rules (the server enforces the same checklist) and the common-password refusal by its
 * code; anything else stays in French.
 */
export function fieldMessage(f: Failure, field: string, d: Dict, password?: { value: string; previous: string }): string | undefined {
  if (f.kind !== "server") return undefined;
  const message = f.fieldErrors[field];
  if (!message || d.code === "fr" || !password) return message;
  const broken = PORTAIL_PASSWORD_RULES.find((r) => !r.test(password.value, password.previous));
  if (broken) return d.passwordRuleBroken(d.rules[broken.key]);
  if (f.appCode === "PASSWORD_TOO_COMMON") return d.commonPassword;
  return message;
}
