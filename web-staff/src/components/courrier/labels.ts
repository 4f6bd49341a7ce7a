/**
 * French text of the mail screens. The rules (types, labels, procuration validity) live in
 * worker/rules/courrier.ts; this file only turns them into sentences.
 */
import { TRPCClientError } from "@trpc/client";
import { type ProcurationState, RECEPTION_LABELS, RECEPTION_TYPES, type ReceptionType } from "../../../../worker/rules/courrier";
import { formatDateFr } from "../../../../worker/rules/dates";

export { RECEPTION_TYPES, type ReceptionType };

export interface Quantities {
  courrier: number;
  colis: number;
  avis: number;
}

/** The reception counters, in the order of the forms. */
export const COUNTERS = [
  { key: "courrier", type: "courrierIn", label: "Courriers" },
  { key: "colis", type: "colisIn", label: "Colis" },
  { key: "avis", type: "recommandeIn", label: "Avis de passage" },
] as const satisfies readonly { key: keyof Quantities; type: ReceptionType; label: string }[];

/** "2 courriers", "1 colis", "3 avis de passage". */
export function countOf(type: ReceptionType, n: number): string {
  const l = RECEPTION_LABELS[type];
  return `${n} ${n > 1 ? l.many : l.one}`;
}

/** "a, b et c". */
export function joinFr(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} et ${parts[parts.length - 1]}`;
}

/** "2 courriers, 1 colis et 1 avis de passage" (only what is above zero). */
export function quantitiesText(q: Quantities): string {
  return joinFr(COUNTERS.filter((c) => q[c.key] > 0).map((c) => countOf(c.type, q[c.key])));
}

export function total(q: Quantities): number {
  return q.courrier + q.colis + q.avis;
}

/** "1 courrier enregistré", "2 courriers et 1 colis enregistrés" (all three nouns are masculine). */
export function receptionSentence(q: Quantities): string {
  return `${quantitiesText(q)} ${total(q) > 1 ? "enregistrés" : "enregistré"}`;
}

export const PROCURATION_STATE_LABELS: Record<ProcurationState, { label: string; badge: string }> = {
  active: { label: "Active", badge: "badge badge--active" },
  expired: { label: "Procuration expirée !", badge: "badge badge--blocked" },
  inactive: { label: "Pas encore active", badge: "badge badge--pending" },
};

/** "du 01/02/2025 au 31/01/2026". */
export function periodText(p: { dateDebut: string; dateFin: string }): string {
  return `du ${formatDateFr(p.dateDebut)} au ${formatDateFr(p.dateFin)}`;
}

/** "Prénom NOM", as the hand-over note writes a mandataire. */
export function mandataireName(p: { nom: string; prenom: string }): string {
  return `${p.prenom} ${p.nom.toUpperCase()}`;
}

/** Characters the reference refuses in mail comments (they would read as markup or templates). */
export const FORBIDDEN_COMMENT_CHARS = /[$~*<>{}]/;
export const FORBIDDEN_COMMENT_MESSAGE = "les caractères $ ~ * < > { } ne sont pas acceptés.";

/**
 * The server names the fields of a nested input "procuration.nom", and a rule on the whole period
 * "dateFin": the forms key their fields by the bare name, so the prefix is dropped before the form
 * reads the error.
 */
export async function withBareFieldPaths<T>(prefix: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCClientError && error.data && typeof error.data === "object") {
      const data = error.data as { fieldErrors?: Record<string, string> };
      if (data.fieldErrors) {
        data.fieldErrors = Object.fromEntries(
          Object.entries(data.fieldErrors).map(([path, message]) => [path.startsWith(prefix) ? path.slice(prefix.length) : path, message]),
        );
      }
    }
    throw error;
  }
}
