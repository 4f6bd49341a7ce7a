/**
 * The letters a file may have, printed from its own data: the attestation postale while the
 * domiciliation is active, the radiation letter once the file is radiated. The server refuses a
 * letter in any other statut; the staff fiche offers only these.
 */
import type { UsagerStatut } from "./echeance";

export const LETTERS = {
  attestation: { label: "Attestation postale", statut: "VALIDE" },
  radiation: { label: "Courrier de radiation", statut: "RADIE" },
} as const satisfies Record<string, { label: string; statut: UsagerStatut }>;
export type LetterKind = keyof typeof LETTERS;
export const LETTER_KINDS = Object.keys(LETTERS) as [LetterKind, ...LetterKind[]];

/** Everyone but the facteur prints letters, as they fill the Cerfa. */
export const LETTER_PERMISSION = "usager.letters";

/** The letters a file in this statut may have. */
export function lettersFor(statut: UsagerStatut): LetterKind[] {
  return LETTER_KINDS.filter((kind) => LETTERS[kind].statut === statut);
}
