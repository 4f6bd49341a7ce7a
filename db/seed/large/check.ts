/**
 * Consistency checks of a structure's data (`npx tsx db/seed/large.ts … --check`): the mirror
 * columns of usagers must agree with the decisions and interactions, as the Worker's rules say.
 * Returns human-readable problems (empty: all good).
 */
import Database from "better-sqlite3";
import { startOfDayInstant } from "../../../worker/rules/dates";
import { echeanceOf, type TypeDom, type UsagerStatut } from "../../../worker/rules/echeance";
import { searchColumns } from "../../../worker/rules/search";
import { searchKeySql } from "../../../worker/usagers/search-index";

export function checkStructure(d1File: string, structureId: number): string[] {
  // Not read-only: FTS5's integrity-check is an INSERT command (it writes nothing). Wrangler stopped.
  const db = new Database(d1File);
  const problems: string[] = [];
  const count = (label: string, sql: string, ...params: unknown[]) => {
    const n = (db.prepare(sql).get(...params) as { n: number }).n;
    if (n > 0) problems.push(`${label} : ${n}`);
  };
  try {
    const s = db.prepare("SELECT last_usager_ref AS last, time_zone AS tz FROM structures WHERE id = ?").get(structureId) as {
      last: number;
      tz: string;
    };
    const refs = db
      .prepare("SELECT count(*) AS n, max(ref) AS max, count(DISTINCT ref) AS d FROM usagers WHERE structure_id = ?")
      .get(structureId) as { n: number; max: number; d: number };
    if (refs.max !== s.last || refs.d !== refs.n) problems.push(`refs : ${JSON.stringify(refs)} / last_usager_ref ${s.last}`);

    const pendingSum = (type: string) =>
      `coalesce((SELECT sum(nb) FROM interactions i WHERE i.usager_id = u.id AND i.type = '${type}' AND i.out_id IS NULL), 0)`;
    count(
      "compteurs de courrier faux",
      `SELECT count(*) AS n FROM usagers u WHERE structure_id = ? AND (nb_courrier != ${pendingSum("courrierIn")}
         OR nb_colis != ${pendingSum("colisIn")} OR nb_avis != ${pendingSum("recommandeIn")})`,
      structureId,
    );
    count(
      "réceptions liées à une remise incohérente",
      `SELECT count(*) AS n FROM interactions i JOIN interactions o ON o.id = i.out_id
       WHERE i.structure_id = ? AND (o.usager_id != i.usager_id OR o.type != replace(i.type, 'In', 'Out') OR o.created_at < i.created_at)`,
      structureId,
    );
    count(
      "remises dont le nombre ≠ somme des réceptions",
      `SELECT count(*) AS n FROM interactions o WHERE o.structure_id = ? AND o.type LIKE '%Out'
         AND o.nb != coalesce((SELECT sum(nb) FROM interactions i WHERE i.out_id = o.id), 0)`,
      structureId,
    );
    count(
      "miroir de la décision courante faux",
      `SELECT count(*) AS n FROM usagers u JOIN usager_decisions d ON d.id = (SELECT max(id) FROM usager_decisions WHERE usager_id = u.id)
       WHERE u.structure_id = ? AND (u.statut != d.statut OR u.type_dom != d.type_dom OR u.decision_at != d.created_at
         OR u.decision_debut IS NOT d.date_debut OR u.decision_fin IS NOT d.date_fin)`,
      structureId,
    );

    // Échéance and dernier passage, recomputed with the Worker's rules.
    const decisions = db.prepare(
      "SELECT statut, date_debut AS dateDebut, date_fin AS dateFin FROM usager_decisions WHERE usager_id = ? ORDER BY id DESC",
    );
    const rows = db
      .prepare(
        `WITH lp AS (SELECT usager_id, max(created_at) AS m FROM interactions WHERE structure_id = ?
           AND (type IN ('appel', 'visite') OR (type LIKE '%Out' AND mandataire IS NULL AND return_to_sender = 0)) GROUP BY usager_id)
         SELECT u.id, u.statut, u.type_dom AS typeDom, u.decision_debut AS debut, u.echeance, u.dernier_passage AS dp, lp.m,
           u.nom, u.prenom, u.surnom, u.custom_ref AS customRef, u.date_naissance AS dateNaissance, u.telephone,
           u.ayants_droit AS ayantsDroit, u.search_text AS searchText
         FROM usagers u LEFT JOIN lp ON lp.usager_id = u.id WHERE u.structure_id = ?`,
      )
      .all(structureId, structureId) as {
      id: number;
      statut: UsagerStatut;
      typeDom: TypeDom;
      debut: string | null;
      echeance: string | null;
      dp: number | null;
      m: number | null;
      nom: string;
      prenom: string;
      surnom: string | null;
      customRef: string;
      dateNaissance: string;
      telephone: string | null;
      ayantsDroit: string;
      searchText: string;
    }[];
    const hasProcurations = !!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'procurations'").get();
    const mandatairesOf = hasProcurations
      ? db.prepare("SELECT nom, prenom, date_naissance AS dateNaissance FROM procurations WHERE usager_id = ? ORDER BY id")
      : null;
    const floors = new Map<string, number>();
    let badEcheance = 0;
    let badPassage = 0;
    let badSearch = 0;
    for (const r of rows) {
      const ech = echeanceOf(r.typeDom, decisions.all(r.id) as never);
      if ((ech.active ? ech.date : null) !== r.echeance) badEcheance++;
      let floor = 0;
      if (r.statut === "VALIDE" && r.debut) {
        floor = floors.get(r.debut) ?? startOfDayInstant(r.debut, s.tz).getTime();
        floors.set(r.debut, floor);
      }
      if ((Math.max(r.m ?? 0, floor) || null) !== r.dp) badPassage++;
      const mandataires = (mandatairesOf?.all(r.id) ?? []) as { nom: string; prenom: string; dateNaissance: string }[];
      if (searchColumns({ ...r, ayantsDroit: JSON.parse(r.ayantsDroit) }, mandataires).searchText !== r.searchText) badSearch++;
    }
    if (badEcheance) problems.push(`échéances fausses : ${badEcheance}`);
    if (badPassage) problems.push(`derniers passages faux : ${badPassage}`);
    if (badSearch) problems.push(`textes de recherche faux : ${badSearch}`);

    try {
      db.prepare("INSERT INTO usagers_fts(usagers_fts) VALUES ('integrity-check')").run();
    } catch (error) {
      problems.push(`index de recherche : ${(error as Error).message}`);
    }
    // One entry per file, under its key (structure, statut, id: worker/usagers/search-index.ts).
    const keys = db
      .prepare(
        `SELECT (SELECT count(*) FROM usagers_fts) AS entries, (SELECT count(*) FROM usagers) AS files,
           (SELECT count(*) FROM usagers WHERE NOT EXISTS (SELECT 1 FROM usagers_fts f WHERE f.rowid = ${searchKeySql("usagers")})) AS missing`,
      )
      .get() as { entries: number; files: number; missing: number };
    if (keys.entries !== keys.files || keys.missing > 0) {
      problems.push(`index de recherche : ${keys.entries} entrées pour ${keys.files} dossiers, ${keys.missing} sans la leur`);
    }
    const triggers = (prefix: string) =>
      (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?").get(`${prefix}%`) as { n: number }).n;
    const ftsTriggers = triggers("usagers_fts_");
    if (ftsTriggers !== 3) problems.push(`triggers de l'index de recherche : ${ftsTriggers} au lieu de 3`);
    // The tab counts kept by triggers (migration 0017) match a recount of the files.
    const counts = db
      .prepare(
        `WITH recount AS (SELECT structure_id, statut, count(*) AS n FROM usagers GROUP BY structure_id, statut),
              kept AS (SELECT structure_id, statut, n FROM usager_counts WHERE n <> 0)
         SELECT (SELECT count(*) FROM (SELECT * FROM recount EXCEPT SELECT * FROM kept))
              + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM recount)) AS n`,
      )
      .get() as { n: number };
    if (counts.n > 0) problems.push(`compteurs par statut faux : ${counts.n}`);
    const countTriggers = triggers("usager_counts_");
    if (countTriggers !== 3) problems.push(`triggers des compteurs par statut : ${countTriggers} au lieu de 3`);
    const fk = db.pragma("foreign_key_check") as unknown[];
    if (fk.length > 0) problems.push(`clés étrangères orphelines : ${fk.length}`);
  } finally {
    db.close();
  }
  return problems;
}
