/**
 * The domiciliés list: one page, its total and the count of every tab, in one round trip.
 *
 * A search costs what it touches per file found, and a 2-letter prefix or a common fragment finds
 * thousands in a 50,000-file structure. So each part is read from the smallest index that holds it:
 * - counts per statut: from the trigram index alone (its keys hold structure and statut, see
 *   search-index.ts), or from two name-range scans for a prefix;
 * - the page in name order: the files found with the smallest name keys (also in the index's key),
 *   sorted from a small covering index; for a prefix, the name indexes read in order up to the page;
 * - only the page's 50 rows are read in full.
 */
import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { hasMailWaiting, isPinned, prenomStart, usagerCounts, usagers } from "../../db/schema";
import type { StaffCtx } from "../auth/staff";
import { type Db, literals } from "../db";
import { addMonths, type CalendarDate, startOfDayInstant } from "../rules/dates";
import { echeanceFilterRange, echeanceState, USAGER_STATUTS, type UsagerStatut } from "../rules/echeance";
import { normalizeSearch, parseDateQuery, phoneDigits } from "../rules/search";
import { ETAPE_ENTRETIEN, entretienFilterBound, USAGER_TABS } from "../rules/usager";
import type { ListInput } from "./schemas";
import { idOfKey, NAME_KEY_MAX, nameOfKey, searchKeyRange } from "./search-index";
import { PAGE_SIZE, today } from "./service";

/** What a search looks for: words of 3+ characters in the trigram index, or the start of nom, prénom or the ID. */
type Search = { kind: "words"; match: string } | { kind: "prefix"; from: string; to: string; customRef: string; twoChars: boolean };

/** The FTS5 query for a free-text search: every word of 3+ letters must appear (as a substring). */
function ftsQuery(words: string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"`).join(" AND ");
}

function searchOf(q: string): Search | undefined {
  if (!q) return undefined;
  const date = parseDateQuery(q);
  const digits = q.replace(/[\s.+-]/g, "");
  let words: string[];
  if (date) words = [date];
  else if (/^\d{6,}$/.test(digits)) words = [phoneDigits(digits)];
  else words = normalizeSearch(q).split(" ").filter(Boolean);
  const long = words.filter((w) => w.length >= 3);
  if (long.length > 0) return { kind: "words", match: ftsQuery(long) };
  // Trigrams need 3 characters: 1–2 letter searches match the start of nom, prénom or the ID.
  const from = normalizeSearch(q);
  const to = from.slice(0, -1) + String.fromCharCode(from.charCodeAt(from.length - 1) + 1);
  return { kind: "prefix", from, to, customRef: q, twoChars: [...from].length === 2 && from.length === 2 };
}

type Range = { from: string | number; to: string | number };
const nomIn = (s: Range) => sql`${usagers.searchNom} >= ${s.from} AND ${usagers.searchNom} < ${s.to}`;
const prenomIn = (s: Range) => sql`${usagers.searchPrenom} >= ${s.from} AND ${usagers.searchPrenom} < ${s.to}`;
/**
 * prenomIn, read in name order: two letters (the usual prefix) are one value of the prénom-start
 * index, where the files sit in nom order; a longer prefix is a prénom range, sorted.
 */
const prenomStarts = (s: Range & { twoChars: boolean }) =>
  s.twoChars ? sql`${prenomStart(usagers.searchPrenom)} = ${s.from}` : prenomIn(s);

/** The index keys of the structure's files, or of one statut's: [from, to). */
const keyRange = (scope: Scope, statut?: UsagerStatut): Range => searchKeyRange(scope.structureId, statut);

/**
 * The trigram index's keys of the files a word search finds in the structure (all statuts),
 * computed once per list: the page and the tab counts both read them (see search-index.ts).
 */
function foundKeys(scope: Scope, match: string): SQL {
  const keys = keyRange(scope);
  return sql`found AS MATERIALIZED (SELECT rowid AS k FROM usagers_fts
    WHERE usagers_fts MATCH ${match} AND rowid >= ${keys.from} AND rowid < ${keys.to})`;
}

/** The keys of `found` in a tab (one range of keys per statut; all of them for « Tous »). */
function foundIn(scope: Scope): SQL {
  if (!scope.statut) return sql`SELECT k FROM found`;
  const keys = keyRange(scope, scope.statut);
  return sql`SELECT k FROM found WHERE k >= ${keys.from} AND k < ${keys.to}`;
}

/** The ids of the files a search finds in the tab: from `found` for words, else from the name indexes. */
function foundIds(scope: Scope, s: Search): SQL {
  if (s.kind === "words") return sql`SELECT ${idOfKey(sql`k`)} AS id FROM (${foundIn(scope)})`;
  const own = sql`SELECT ${usagers.id} AS id FROM ${usagers} WHERE ${inStructure(scope)}`;
  return sql`${own} AND ${nomIn(s)} UNION ${own} AND ${prenomIn(s)} UNION ${own} AND ${usagers.customRef} = ${s.customRef}`;
}

function dateFilterBounds(ctx: StaffCtx, t: CalendarDate) {
  return {
    today: t,
    passageBefore: (months: number) => startOfDayInstant(addMonths(t, -months), ctx.timeZone),
    yearsAgo: (years: number) => addMonths(t, -12 * years),
  };
}

/**
 * The list's filters beyond the tab, on "usagers" columns. With none, the search index alone
 * answers a search (its keys hold structure and statut); with any, the files found are read.
 */
function filterConditions(ctx: StaffCtx, input: ListInput, todayDate: CalendarDate): SQL[] {
  const b = dateFilterBounds(ctx, todayDate);
  const c: SQL[] = [];
  if (input.passage) {
    const before = b.passageBefore(input.passage === "PLUS_2_MOIS" ? 2 : 3);
    c.push(sql`${usagers.dernierPassage} < ${before.getTime()}`);
  }
  if (input.echeance) {
    const { from, to } = echeanceFilterRange(input.echeance, b.today);
    if (from) c.push(sql`${usagers.echeance} >= ${from}`);
    c.push(sql`${usagers.echeance} <= ${to}`);
  }
  if (input.radieDepuis) {
    c.push(sql`${usagers.statut} = ${statutLiteral("RADIE")}`);
    c.push(sql`${usagers.decisionFin} < ${b.yearsAgo(input.radieDepuis === "PLUS_1_AN" ? 1 : 2)}`);
  }
  if (input.entretien) {
    c.push(sql`${usagers.statut} = ${statutLiteral("INSTRUCTION")}`);
    // A file past the entretien step has had its entretien, whatever the date of its rendez-vous.
    c.push(sql`${usagers.etape} <= ${sql.raw(String(ETAPE_ENTRETIEN))}`);
    const bound = entretienFilterBound(input.entretien, todayDate, ctx.timeZone);
    if ("before" in bound) c.push(sql`${usagers.rdvAt} < ${bound.before.getTime()}`);
    else c.push(sql`${usagers.rdvAt} >= ${bound.from.getTime()}`);
  }
  if (input.courrier) c.push(hasMailWaiting(usagers.nbCourrier, usagers.nbColis, usagers.nbAvis));
  if (input.referentId === "AUCUN") c.push(isNull(usagers.referentId));
  else if (input.referentId) c.push(eq(usagers.referentId, input.referentId));
  return c;
}

/** A statut in the statement's text, as the partial indexes' conditions write it. */
const statutLiteral = (statut: UsagerStatut) => literals([statut]);

function orderOf(input: ListInput): { columns: SQL[]; names: SQL | null } {
  const dir = input.order === "asc" ? asc : desc;
  if (input.sort === "ref") return { columns: [dir(usagers.ref)], names: null };
  if (input.sort === "echeance")
    return { columns: [sql`${usagers.echeance} IS NULL`, dir(usagers.echeance), asc(usagers.ref)], names: null };
  if (input.sort === "passage") {
    return { columns: [sql`${usagers.dernierPassage} IS NULL`, dir(usagers.dernierPassage), asc(usagers.ref)], names: null };
  }
  const d = input.order === "asc" ? "ASC" : "DESC";
  return {
    columns: [dir(usagers.searchNom), dir(usagers.searchPrenom), asc(usagers.ref)],
    // The same order on a derived table's columns (unqualified).
    names: sql.raw(`search_nom ${d}, search_prenom ${d}, ref ASC`),
  };
}

/** What the list holds: one structure's files, narrowed by the filters, and by the tab for the page. */
interface Scope {
  structureId: number;
  filters: SQL[];
  /** The tab's statut; null for « Tous ». */
  statut: UsagerStatut | null;
}

const inStructure = (scope: Scope) => eq(usagers.structureId, scope.structureId);

/** The ids of the page's files, in the page's order. */
function pageIds(scope: Scope, input: ListInput, search: Search | undefined, { columns, names }: ReturnType<typeof orderOf>): SQL {
  const tab = scope.statut ? [sql`${usagers.statut} = ${statutLiteral(scope.statut)}`] : [];
  const where = and(inStructure(scope), ...tab, ...scope.filters);
  const order = sql.join(columns, sql`, `);
  const offset = (input.page - 1) * PAGE_SIZE;
  const skipped = offset;
  if (!search) return sql`SELECT ${usagers.id} FROM ${usagers} WHERE ${where} ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${skipped}`;
  if (search.kind === "prefix" && names) {
    // Files whose nom starts so, whose prénom does, or with that ID: each part in name order and
    // stopping at the page (the nom part is one stretch of the name index), then merged.
    const keys = sql`${usagers.id} AS id, ${usagers.searchNom} AS search_nom, ${usagers.searchPrenom} AS search_prenom, ${usagers.ref} AS ref`;
    const part = (match: SQL) =>
      sql`SELECT * FROM (SELECT ${keys} FROM ${usagers} WHERE ${where} AND ${match} ORDER BY ${order} LIMIT ${PAGE_SIZE + offset})`;
    return sql`SELECT id FROM (${part(nomIn(search))} UNION ${part(prenomStarts(search))}
      UNION ${part(sql`${usagers.customRef} = ${search.customRef}`)}) ORDER BY ${names} LIMIT ${PAGE_SIZE} OFFSET ${skipped}`;
  }
  if (search.kind === "words" && names && scope.filters.length === 0) {
    // The page in name order is among the files found with the smallest name keys (the first
    // three letters of the nom, in the index's key): the key of the (offset + 50)th file bounds
    // them, and only the files up to that key are read to sort the page.
    const asc = input.order === "asc";
    const named = sql`SELECT ${idOfKey(sql`k`)} AS id, ${nameOfKey(sql`k`)} AS name_key FROM (${foundIn(scope)})`;
    return sql`SELECT ${usagers.id} FROM (${named}) AS named CROSS JOIN ${usagers} INDEXED BY usagers_search_idx ON ${usagers.id} = named.id
      WHERE named.name_key ${sql.raw(asc ? "<=" : ">=")} coalesce(
          (SELECT name_key FROM (${named}) ORDER BY name_key ${sql.raw(asc ? "ASC" : "DESC")} LIMIT 1 OFFSET ${PAGE_SIZE + offset - 1}),
          ${sql.raw(String(asc ? NAME_KEY_MAX : 0))})
        AND ${where}
      ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${skipped}`;
  }
  // Every file found (in the tab), read from its ~45-byte entry by id, then sorted.
  return sql`SELECT ${usagers.id} FROM (${foundIds(scope, search)}) AS found_ids
    CROSS JOIN ${usagers} INDEXED BY usagers_search_idx ON ${usagers.id} = found_ids.id
    WHERE ${where} ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${skipped}`;
}

/**
 * How many files the list (all tabs) holds per statut, as one JSON object { statut: count }, from
 * the cheapest source: the counts kept per structure for the whole list, the search index's keys
 * (a FILTER per statut range: no sort), one index range per statut for a filtered list, or a
 * GROUP BY of the few files a filtered search finds.
 * (A FILTER comparing statut names reads every file of a large structure; a GROUP BY of the keys
 * would sort every file a short search finds.)
 */
function statutCounts(scope: Scope, search: Search | undefined, mailWaiting: boolean): SQL {
  const where = and(inStructure(scope), ...scope.filters);
  const perStatut = (count: (statut: UsagerStatut) => SQL) =>
    sql`json_object(${sql.join(
      USAGER_STATUTS.map((statut) => sql`${statutLiteral(statut)}, ${count(statut)}`),
      sql`, `,
    )})`;
  const grouped = (rows: SQL) =>
    sql`SELECT json_group_object(statut, n) FROM (SELECT statut, count(*) AS n FROM (${rows}) GROUP BY statut)`;
  if (!search && scope.filters.length === 0) {
    // Kept by triggers on every write (usager_counts): a few rows instead of counting every index
    // entry of the structure on each display of the list.
    const own = eq(usagerCounts.structureId, scope.structureId);
    return sql`SELECT json_group_object(${usagerCounts.statut}, ${usagerCounts.n}) FROM ${usagerCounts} WHERE ${own}`;
  }
  if (!search) {
    // « Courrier à récupérer » is counted from the partial index of files with mail: SQLite may
    // otherwise take another (structure, statut) index and read every file of each statut.
    const from = mailWaiting ? sql`${usagers} INDEXED BY usagers_courrier_idx` : sql`${usagers}`;
    return sql`SELECT ${perStatut((statut) => sql`(SELECT count(*) FROM ${from} WHERE ${where} AND ${usagers.statut} = ${statutLiteral(statut)})`)}`;
  }
  if (search.kind === "words") {
    if (scope.filters.length > 0) {
      return grouped(
        sql`SELECT ${usagers.statut} AS statut FROM found CROSS JOIN ${usagers} ON ${usagers.id} = ${idOfKey(sql`found.k`)} WHERE ${where}`,
      );
    }
    // The statut is in the index's key: the files found are counted without reading them.
    return sql`SELECT ${perStatut((statut) => {
      const keys = keyRange(scope, statut);
      return sql`count(*) FILTER (WHERE k >= ${keys.from} AND k < ${keys.to})`;
    })} FROM found`;
  }
  // Disjoint name ranges, each read from a name index that also holds the statut.
  const ref = sql`${usagers.customRef} = ${search.customRef}`;
  return grouped(sql`SELECT ${usagers.statut} AS statut FROM ${usagers} INDEXED BY usagers_structure_nom_idx WHERE ${where} AND ${nomIn(search)}
    UNION ALL SELECT ${usagers.statut} FROM ${usagers} INDEXED BY usagers_structure_prenom_idx
      WHERE ${where} AND ${prenomIn(search)} AND NOT (${nomIn(search)})
    UNION ALL SELECT ${usagers.statut} FROM ${usagers} WHERE ${where} AND ${ref} AND NOT (${nomIn(search)}) AND NOT (${prenomIn(search)})`);
}

/** What a row of the list shows. */
const LIST_COLUMNS = {
  id: usagers.id,
  ref: usagers.ref,
  customRef: usagers.customRef,
  civilite: usagers.civilite,
  nom: usagers.nom,
  prenom: usagers.prenom,
  surnom: usagers.surnom,
  dateNaissance: usagers.dateNaissance,
  telephone: usagers.telephone,
  statut: usagers.statut,
  typeDom: usagers.typeDom,
  echeance: usagers.echeance,
  decisionFin: usagers.decisionFin,
  // Already the ISO text JSON makes of a Date: no Date is built only to be printed again.
  dernierPassage: sql<string | null>`strftime('%Y-%m-%dT%H:%M:%fZ', ${usagers.dernierPassage} / 1000.0, 'unixepoch')`,
  nbCourrier: usagers.nbCourrier,
  nbColis: usagers.nbColis,
  nbAvis: usagers.nbAvis,
  referentId: usagers.referentId,
  npaiDepuis: usagers.npaiDepuis,
  // Qualified: a bare "id" inside the subquery would be usager_notes.id. The partial index holds
  // only pinned notes; the query repeats its condition so that SQLite may use it.
  hasPinnedNote: sql`EXISTS (SELECT 1 FROM usager_notes n INDEXED BY usager_notes_pinned_idx
    WHERE n.structure_id = "usagers"."structure_id" AND n.usager_id = "usagers"."id" AND ${isPinned(sql`n.pinned`)})`,
};
type ListRow = Omit<Pick<typeof usagers.$inferSelect, Exclude<keyof typeof LIST_COLUMNS, "hasPinnedNote">>, "dernierPassage"> & {
  dernierPassage: string | null;
};

/**
 * The page's rows as one JSON array of objects, in the page's order: D1 hands a statement's
 * results to the Worker value by value, one string is read at once.
 */
function pageRows(input: ListInput): SQL<string> {
  const values = Object.entries(LIST_COLUMNS).map(([key, column]) => sql`${sql.raw(`'${key}'`)}, ${column}`);
  return sql<string>`json_group_array(json_object(${sql.join(values, sql`, `)}) ORDER BY ${sql.join(orderOf(input).columns, sql`, `)})`;
}

/**
 * One page of the list with its total, and the count of every tab for the same search and
 * filters, in one round trip.
 */
export async function listUsagers(db: Db, ctx: StaffCtx, input: ListInput, now: Date) {
  const search = searchOf(input.q);
  // Every tab is one statut, or all of them (« Tous »).
  const statut = USAGER_TABS[input.tab].statuts?.[0] ?? null;
  const todayDate = today(ctx, now);
  const scope: Scope = { structureId: ctx.structureId, filters: filterConditions(ctx, input, todayDate), statut };
  const rows = sql`SELECT ${pageRows(input)} FROM ${usagers} WHERE ${usagers.id} IN (${pageIds(scope, input, search, orderOf(input))})`;
  // Counts per status for the same search and filters: the tabs, and the total of the current tab.
  const both = sql`SELECT (${rows}) AS page_rows, (${statutCounts(scope, search, input.courrier === true)}) AS tab_counts`;
  // One statement, so a word search's trigram match runs once for the page and the counts.
  const list = search?.kind === "words" ? sql`WITH ${foundKeys(scope, search.match)} ${both}` : both;
  const [[result]] = await db.batch([
    db.select({ pageRows: sql<string>`page_rows`, tabCounts: sql<string>`tab_counts` }).from(sql`(${list})`),
  ]);
  const page = (JSON.parse(result!.pageRows) as (ListRow & { hasPinnedNote: number })[]).map((row) => ({
    ...row,
    hasPinnedNote: row.hasPinnedNote === 1,
    echeanceLevel: row.echeance ? echeanceState(row.echeance, todayDate).level : null,
  }));
  const byStatut = JSON.parse(result!.tabCounts) as Partial<Record<UsagerStatut, number>>;
  const count = (statuts: readonly UsagerStatut[]) => statuts.reduce((s, st) => s + (byStatut[st] ?? 0), 0);
  const tabCounts = Object.fromEntries(
    Object.entries(USAGER_TABS).map(([tab, def]) => [tab, count(def.statuts ?? USAGER_STATUTS)]),
  ) as Record<keyof typeof USAGER_TABS, number>;
  return {
    rows: page,
    total: tabCounts[input.tab],
    page: input.page,
    pageSize: PAGE_SIZE,
    tabCounts,
  };
}
