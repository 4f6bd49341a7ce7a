/**
 * What the input tests share: the hostile values attackers and broken clients send, a snapshot of
 * the whole database to prove that a refused request wrote nothing, and the way back to a saved
 * state (restore into an empty database, or rewind what changed).
 */
import { env } from "cloudflare:test";

/** Injections, markup, huge and odd text, wrong types. */
export const HOSTILE: unknown[] = [
  "'; DROP TABLE usagers; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "x".repeat(1_000_000),
  "\u0000\u202e\ud83d\udca9\u200b",
  "",
  -1,
  1e308,
  null,
  true,
  [],
  { $gt: "" },
];

export type Row = Record<string, unknown>;
/** Every row of every table requests write, per table. */
export type Snapshot = Record<string, Row[]>;

/**
 * Columns that change without the request under test writing anything: any authenticated request
 * records the session's activity (at most once a minute), which may fall inside a test.
 */
const VOLATILE: Record<string, string[]> = { sessions: ["last_active_at", "expires_at"] };

/** Tables that triggers keep from `usagers` (migration 0017). */
const DERIVED = new Set(["usager_counts"]);

let tables: Promise<string[]> | undefined;
/**
 * The application's tables, read from the schema so a new table is covered without editing this
 * list: all but SQLite's and D1's own, and what triggers derive from `usagers` (the FTS index, the
 * counts per statut): restoring the files rebuilds them.
 */
function dataTables(): Promise<string[]> {
  tables ??= env.DB.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    .all<{ name: string; sql: string | null }>()
    .then(({ results }) => {
      const virtual = results.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? "")).map((t) => t.name);
      return results
        .map((t) => t.name)
        .filter(
          (n) => !/^(sqlite_|_cf_|d1_migrations$)/.test(n) && !DERIVED.has(n) && !virtual.some((v) => n === v || n.startsWith(`${v}_`)),
        );
    });
  return tables;
}

/** All rows of all tables as they are, read in one batch (one consistent view). */
export async function dump(): Promise<Snapshot> {
  const names = await dataTables();
  const results = await env.DB.batch(names.map((t) => env.DB.prepare(`SELECT * FROM "${t}"`)));
  return Object.fromEntries(names.map((t, i) => [t, results[i]!.results as Row[]]));
}

const withoutVolatile = (table: string, row: Row): Row => {
  const kept = { ...row };
  for (const column of VOLATILE[table] ?? []) delete kept[column];
  return kept;
};

/** All rows of all tables, without the columns that change by themselves (VOLATILE). */
export async function snapshot(): Promise<Snapshot> {
  const rows = await dump();
  return Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, list.map((row) => withoutVolatile(table, row))]));
}

function insertsOf(rows: Snapshot): D1PreparedStatement[] {
  return Object.entries(rows).flatMap(([table, list]) =>
    list.map((row) => {
      const columns = Object.keys(row);
      return env.DB.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      ).bind(...columns.map((c) => row[c]));
    }),
  );
}

/**
 * Writes a dump back into an empty, migrated database: a known state in milliseconds, where
 * rebuilding it through the API would cost seconds. Foreign keys are checked at the end only, as
 * the tables' order is not their dependency order.
 */
export async function restore(rows: Snapshot): Promise<void> {
  await env.DB.batch([env.DB.prepare("PRAGMA defer_foreign_keys = on"), ...insertsOf(rows)]);
}

/** The journal only ever grows: its triggers refuse any DELETE (migration 0001). */
const APPEND_ONLY = new Set(["audit_log"]);

/**
 * Brings the database back to a dump, writing only what differs from `current` (a snapshot of it
 * now): rows that appeared are deleted, rows that are gone inserted again, rows that changed set
 * back, matched by `id`. The append-only journal keeps its later entries. One batch.
 */
export async function rewind(target: Snapshot, current: Snapshot): Promise<void> {
  const deletes: D1PreparedStatement[] = [];
  const updates: D1PreparedStatement[] = [];
  const inserts: Snapshot = {};
  for (const table of await dataTables()) {
    if (APPEND_ONLY.has(table)) continue;
    const wanted = target[table] ?? [];
    const found = current[table] ?? [];
    if (![...wanted, ...found].every((row) => "id" in row)) {
      // No key to match rows by: the whole table is written again when it differs.
      if (JSON.stringify(wanted.map((row) => withoutVolatile(table, row))) !== JSON.stringify(found)) {
        deletes.push(env.DB.prepare(`DELETE FROM "${table}"`));
        inserts[table] = wanted;
      }
      continue;
    }
    const byId = new Map(wanted.map((row) => [row.id, row]));
    for (const row of found) {
      const before = byId.get(row.id);
      if (!before) {
        deletes.push(env.DB.prepare(`DELETE FROM "${table}" WHERE id = ?`).bind(row.id));
      } else if (JSON.stringify(withoutVolatile(table, before)) !== JSON.stringify(row)) {
        const columns = Object.keys(before).filter((c) => c !== "id");
        updates.push(
          env.DB.prepare(`UPDATE "${table}" SET ${columns.map((c) => `"${c}" = ?`).join(", ")} WHERE id = ?`).bind(
            ...columns.map((c) => before[c]),
            before.id,
          ),
        );
      }
    }
    const present = new Set(found.map((row) => row.id));
    inserts[table] = wanted.filter((row) => !present.has(row.id));
  }
  const statements = [...deletes, ...updates, ...insertsOf(inserts)];
  if (statements.length > 0) await env.DB.batch([env.DB.prepare("PRAGMA defer_foreign_keys = on"), ...statements]);
}

export interface TableChange {
  table: string;
  added: Row[];
  removed: Row[];
}

/**
 * What differs between two snapshots, per table: rows that appeared and rows that are gone (an
 * update is one of each). `ignore` leaves columns out of the comparison, per table.
 */
export function changes(before: Snapshot, after: Snapshot, ignore: Record<string, string[]> = {}): TableChange[] {
  const key = (table: string, row: Row) => {
    const kept = { ...row };
    for (const column of ignore[table] ?? []) delete kept[column];
    return JSON.stringify(kept);
  };
  const out: TableChange[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const left = new Map<string, number>();
    for (const row of before[table] ?? []) {
      const k = key(table, row);
      left.set(k, (left.get(k) ?? 0) + 1);
    }
    const added: Row[] = [];
    for (const row of after[table] ?? []) {
      const k = key(table, row);
      const n = left.get(k) ?? 0;
      if (n > 0) left.set(k, n - 1);
      else added.push(row);
    }
    const removed = (before[table] ?? []).filter((row) => {
      const k = key(table, row);
      const n = left.get(k) ?? 0;
      if (n === 0) return false;
      left.set(k, n - 1);
      return true;
    });
    if (added.length > 0 || removed.length > 0) out.push({ table, added, removed });
  }
  return out;
}

/** Row counts of the tables that matter, in one query: the cheap check for long hostile lists. */
const COUNTED = [
  "structures",
  "staff_users",
  "usagers",
  "usager_decisions",
  "usager_notes",
  "usager_documents",
  "interactions",
  "procurations",
  "portail_accounts",
  "audit_log",
];
export async function counts(): Promise<Record<string, number>> {
  const sql = `SELECT ${COUNTED.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}`;
  return (await env.DB.prepare(sql).first<Record<string, number>>())!;
}
