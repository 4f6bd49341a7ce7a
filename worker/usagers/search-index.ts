/**
 * The domiciliés' search index (migrations 0003 and 0012): an FTS5 trigram table over
 * usagers.search_text, kept by triggers in the same transaction as every write to usagers.
 *
 * Its rowid is a key, not the file's id: (structure << 35) | (statut code << 32) | id, the statut
 * code being its rank in USAGER_STATUTS. A structure's files are one range of rowids, and within
 * it each statut is one range: a search is scoped and counted per tab from the index alone.
 */
import { sql, type SQL } from "drizzle-orm";
import { USAGER_STATUTS, type UsagerStatut } from "../rules/echeance";

const STRUCTURE_UNIT = 2 ** 35;
const STATUT_UNIT = 2 ** 32;

/** The rowids of a structure's files in the index, or of those with one statut: [from, to). */
export function searchKeyRange(structureId: number, statut?: UsagerStatut): { from: number; to: number } {
  const base = structureId * STRUCTURE_UNIT;
  if (!statut) return { from: base, to: base + STRUCTURE_UNIT };
  const from = base + USAGER_STATUTS.indexOf(statut) * STATUT_UNIT;
  return { from, to: from + STATUT_UNIT };
}

/** The file id behind an index rowid, in SQL. */
export const idOfKey = (rowid: SQL) => sql`(${rowid} & ${sql.raw(String(STATUT_UNIT - 1))})`;

/**
 * Index rowids grouped by statut, in SQL: an integer per (structure, statut), read back with
 * `statutOfGroup` (an integer groups faster than the statut's name would).
 */
export const statutGroupOfKey = (rowid: SQL) => sql`(${rowid} >> 32)`;
export const statutOfGroup = (group: number): UsagerStatut => USAGER_STATUTS[group % (STRUCTURE_UNIT / STATUT_UNIT)]!;

/** The index rowid of a file, in SQL over the columns of `table` (as the migration's triggers write it). */
export function searchKeySql(table: string): string {
  const code = `CASE ${table}.statut ${USAGER_STATUTS.map((s, i) => `WHEN '${s}' THEN ${i}`).join(" ")} END`;
  return `(${table}.structure_id << 35) | ((${code}) << 32) | ${table}.id`;
}

/**
 * Nightly upkeep. FTS5 writes a new segment for every change and merges them only now and then,
 * and a search reads every segment: merged into one, a birth-date search on 50,000 files reads its
 * trigrams in 1.3 ms instead of 2, a phone number in 0.05 ms instead of 0.6 (local workerd). It
 * rewrites the index: a few hundred ms for 50,000 files, once a night in the Worker's cron; the
 * large-data generator does the same.
 */
export const OPTIMIZE_SEARCH_INDEX = "INSERT INTO usagers_fts(usagers_fts) VALUES('optimize')";
