/**
 * The domiciliés' search index (migrations 0003, 0012, 0013): an FTS5 trigram table over
 * usagers.search_text, kept by triggers in the same transaction as every write to usagers.
 *
 * Its rowid is a key, not the file's id, laid out so that the index alone answers most of a search:
 *   structure (17 bits) | statut code (3) | name key (15) | id (28)
 * - a structure's files are one range of rowids, and within it each statut one range: a search is
 *   scoped, and counted per tab, without reading the files it finds;
 * - the name key orders files by the first three characters of their nom (`nameKeyOf`): the first
 *   page in name order is among the files with the smallest keys, and only those are read to sort it.
 * The triggers refuse a file whose id or structure would not fit (2^28 files, 2^17 structures).
 */
import { type SQL, sql } from "drizzle-orm";
import { USAGER_STATUTS, type UsagerStatut } from "../rules/echeance";

const NAME_SHIFT = 28;
const STATUT_SHIFT = 43;
const STRUCTURE_SHIFT = 46;
const ID_MASK = 2 ** NAME_SHIFT - 1;
/** The largest name key (15 bits; three characters in base 28 use 21,952 of them). */
export const NAME_KEY_MAX = 2 ** (STATUT_SHIFT - NAME_SHIFT) - 1;

/**
 * A character's place in the name key: what sorts before "a" (end of the nom, space, hyphen,
 * apostrophe, digits) is 0, "a"–"z" are 1–26, anything after "z" is 27. Byte order is kept, so
 * nom A < nom B gives key A ≤ key B.
 */
function charRank(code: number | undefined): number {
  if (code === undefined || code < 97) return 0;
  return code <= 122 ? code - 96 : 27;
}

/** The name key of a normalised nom (usagers.search_nom): its first three characters in base 28. */
export function nameKeyOf(searchNom: string): number {
  const chars = [...searchNom];
  return [0, 1, 2].reduce((key, i) => key * 28 + charRank(chars[i]?.codePointAt(0)), 0);
}

/** The rowids of a structure's files in the index, or of those with one statut: [from, to). */
export function searchKeyRange(structureId: number, statut?: UsagerStatut): { from: number; to: number } {
  const base = structureId * 2 ** STRUCTURE_SHIFT;
  if (!statut) return { from: base, to: base + 2 ** STRUCTURE_SHIFT };
  const from = base + USAGER_STATUTS.indexOf(statut) * 2 ** STATUT_SHIFT;
  return { from, to: from + 2 ** STATUT_SHIFT };
}

/** The file id and the name key behind an index rowid, in SQL (rowids exceed what a JS number holds). */
export const idOfKey = (rowid: SQL) => sql`(${rowid} & ${sql.raw(String(ID_MASK))})`;
export const nameOfKey = (rowid: SQL) => sql`((${rowid} >> ${sql.raw(String(NAME_SHIFT))}) & ${sql.raw(String(NAME_KEY_MAX))})`;

/** The index rowid of a file, in SQL over the columns of `table` (what migration 0013's triggers write). */
export function searchKeySql(table: string): string {
  const code = `CASE ${table}.statut ${USAGER_STATUTS.map((s, i) => `WHEN '${s}' THEN ${i}`).join(" ")} END`;
  const rank = (i: number) => {
    const c = `unicode(substr(${table}.search_nom, ${i}, 1))`;
    return `(CASE WHEN ${c} IS NULL OR ${c} < 97 THEN 0 WHEN ${c} <= 122 THEN ${c} - 96 ELSE 27 END)`;
  };
  const name = `((${rank(1)} * 28 + ${rank(2)}) * 28 + ${rank(3)})`;
  return `(${table}.structure_id << ${STRUCTURE_SHIFT}) | ((${code}) << ${STATUT_SHIFT}) | (${name} << ${NAME_SHIFT}) | ${table}.id`;
}

/**
 * Nightly upkeep. FTS5 writes a new segment for every change and merges them only now and then,
 * and a search reads every segment: merged into one, a birth-date or phone search reads each
 * trigram's list once instead of once per segment. It rewrites the whole index, so it runs once a
 * night in the Worker's cron, never on a request; the large-data generator does the same.
 */
export const OPTIMIZE_SEARCH_INDEX = "INSERT INTO usagers_fts(usagers_fts) VALUES('optimize')";
