/** Accent-free, lower-case, single-spaced: "Éloïse  D'Arc" → "eloise d'arc". */
export function normalizeSearch(value: string): string {
  return (
    value
      // Control and invisible format characters (NUL, bidi overrides, zero-width) never match anything.
      .replace(/[\p{Cc}\p{Cf}]/gu, " ")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[œ]/g, "oe")
      .replace(/[æ]/g, "ae")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** Only the digits of a phone number, French +33 folded to 0. */
export function phoneDigits(value: string): string {
  const digits = value.replace(/\D/g, "");
  return digits.startsWith("33") && digits.length === 11 ? `0${digits.slice(2)}` : digits;
}

/** "12/05/1990" or "1990-05-12" → "1990-05-12"; null when the text is not a date. */
export function parseDateQuery(value: string): string | null {
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim());
  if (fr) return `${fr[3]}-${fr[2]!.padStart(2, "0")}-${fr[1]!.padStart(2, "0")}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  return iso ? value.trim() : null;
}

export const SEARCH_MIN_LENGTH = 2;

interface Searchable {
  nom: string;
  prenom: string;
  surnom: string | null;
  customRef: string | null;
  dateNaissance: string;
  telephone: string | null;
  ayantsDroit: readonly { nom: string; prenom: string; dateNaissance: string }[];
}

/**
 * The accent-free text the trigram index covers: names, surnom, ID, ayants droit, mandataires,
 * birth dates (ISO) and phone digits, so one index answers every search mode of the list.
 * The data generator of the benchmarks uses it too, so its rows are searchable like real ones.
 */
export function searchColumns(u: Searchable, mandataires: readonly { nom: string; prenom: string; dateNaissance?: string | null }[] = []) {
  const parts = [u.nom, u.prenom, u.surnom ?? "", u.customRef ?? "", u.dateNaissance];
  for (const a of u.ayantsDroit) parts.push(a.nom, a.prenom, a.dateNaissance);
  for (const m of mandataires) parts.push(m.nom, m.prenom, m.dateNaissance ?? "");
  if (u.telephone) parts.push(phoneDigits(u.telephone));
  return {
    searchText: normalizeSearch(parts.filter(Boolean).join(" | ")),
    searchNom: normalizeSearch(u.nom),
    searchPrenom: normalizeSearch(u.prenom),
  };
}
