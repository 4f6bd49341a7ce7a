/**
 * Every file of a structure with its stored pending counters next to a recount of its pending
 * receptions (read from the D1 SQLite file with better-sqlite3): the load test and the burst
 * benchmark both check that they are equal.
 */
export function countersWithRecount(db, structureId) {
  return db
    .prepare(
      `SELECT u.id, u.nb_courrier, u.nb_colis, u.nb_avis, coalesce(r.c, 0) AS c, coalesce(r.p, 0) AS p, coalesce(r.a, 0) AS a
       FROM usagers u
       LEFT JOIN (
         SELECT usager_id,
           sum(CASE WHEN type = 'courrierIn' THEN nb ELSE 0 END) AS c,
           sum(CASE WHEN type = 'colisIn' THEN nb ELSE 0 END) AS p,
           sum(CASE WHEN type = 'recommandeIn' THEN nb ELSE 0 END) AS a
         FROM interactions WHERE out_id IS NULL AND type IN ('courrierIn', 'colisIn', 'recommandeIn') GROUP BY usager_id
       ) r ON r.usager_id = u.id
       WHERE u.structure_id = ?`,
    )
    .all(structureId);
}

/** The files whose stored counters differ from the recount. */
export const counterMismatches = (rows) => rows.filter((r) => r.nb_courrier !== r.c || r.nb_colis !== r.p || r.nb_avis !== r.a);
