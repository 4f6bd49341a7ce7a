import { Column, createTableRelationsHelpers, extractTablesRelationalConfig, fillPlaceholders, is, Placeholder, sql, type ExtractTablesWithRelations, type SQL, type SQLWrapper } from "drizzle-orm";
import { drizzle, DrizzleD1Database, SQLiteD1Session } from "drizzle-orm/d1";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import * as schema from "../db/schema";
import { Remembered } from "./auth/session-gate";

export type Db = ReturnType<typeof drizzle<typeof schema>>;

/**
 * A row count written into the SQL text, for LIMIT. SQLite plans with a LIMIT's value, so binding
 * one marks the prepared statement expired and every run parses and plans it again (D1 keeps
 * statements prepared per SQL text): ~0.3 ms more per search in local workerd, its largest
 * statement re-planned each time.
 */
export function rowCount(n: number): SQL {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`rowCount: ${n} n'est pas un nombre de lignes`);
  return sql.raw(String(n));
}

/**
 * Constants of the code (enum values) written into the SQL text as quoted literals, for where a
 * query must repeat a partial index's condition word for word, or keep one text per statement.
 */
export function literals(values: readonly string[]): SQL {
  if (values.some((v) => v.includes("'"))) throw new Error(`literals: ${values.join(", ")}`);
  return sql.raw(values.map((v) => `'${v}'`).join(", "));
}

/**
 * What drizzle() derives from the schema each time it is called, derived once per isolate: a
 * signed-in request gets a drizzle instance of its own over its gated binding (trpc.ts, runOnHint),
 * and reading the whole schema again showed in every request's CPU profile (0.1–0.3 ms less per
 * request without it, alternating both in local workerd).
 */
export const dialect = new SQLiteAsyncDialect();
// drizzle binds `.limit(n)` as a value; its (private) LIMIT builder is replaced so that every
// query's LIMIT is in its text (rowCount). db.test.ts fails if drizzle stops calling it.
const bindLimit = (dialect as unknown as { buildLimit: (limit: unknown) => SQL | undefined }).buildLimit;
Object.assign(dialect, {
  buildLimit: (limit: unknown) => (typeof limit === "number" && limit >= 0 ? sql` limit ${rowCount(limit)}` : bindLimit.call(dialect, limit)),
});
const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
const relational = {
  fullSchema: schema,
  schema: tables.tables as ExtractTablesWithRelations<typeof schema>,
  tableNamesMap: tables.tableNamesMap,
};

/** drizzle(d1, { schema }), built from the parts above. */
export function createDb(d1: D1Database): Db {
  const session = new SQLiteD1Session<typeof schema, ExtractTablesWithRelations<typeof schema>>(d1, dialect, relational, {});
  return Object.assign(new DrizzleD1Database<typeof schema>("async", dialect, session, relational), { $client: d1 });
}

const perBinding = new WeakMap<D1Database, Db>();

/** The drizzle instance of a binding, made once. */
export function dbOf(d1: D1Database): Db {
  let db = perBinding.get(d1);
  if (!db) perBinding.set(d1, (db = createDb(d1)));
  return db;
}
/** Names a value of a prebuilt statement (drizzle's placeholder). */
export type Slot = (name: string) => SQLWrapper;

type Values = Record<string, string | number | null>;
type Rendered = { sql: string; params: unknown[] };

/** A statement rendered with named placeholders, given this request's values, on `db`'s binding. */
const bound = (db: Db, statement: Rendered, values: Values): D1PreparedStatement =>
  db.$client.prepare(statement.sql).bind(...fillPlaceholders(statement.params, values));

/**
 * A statement whose text never changes, only its values: drizzle builds it on first use, once per
 * isolate; each call binds its values, on `db`'s binding. Building walks every column again and
 * cost more CPU than running the statement, on the session's lookup or a reception. Values go in
 * as D1 stores them: numbers for dates (ms) and booleans.
 */
export function prebuilt(build: (db: Db, slot: Slot) => { toSQL(): Rendered }) {
  let built: Rendered | undefined;
  return (db: Db, values: Values): D1PreparedStatement => bound(db, (built ??= build(db, (name) => sql.placeholder(name)).toSQL()), values);
}

/**
 * Like `prebuilt`, for a statement whose text depends on the request (the domiciliés list): rendered
 * once per `shape`, the key of everything that changes its text. Every value must come in through
 * a named placeholder: a statement holding any other value is refused, as it would be reused for
 * other requests of that shape (other structures included).
 */
export function prebuiltPerShape(capacity: number) {
  const byShape = new Remembered<Rendered>(capacity);
  return (db: Db, shape: string, query: SQL, values: Values): D1PreparedStatement => {
    let statement = byShape.get(shape);
    if (!statement) {
      statement = dialect.sqlToQuery(query);
      if (!statement.params.every((param) => is(param, Placeholder))) throw new Error("prebuiltPerShape: valeur hors des paramètres nommés");
      byShape.set(shape, statement);
    }
    return bound(db, statement, values);
  };
}

/** How to read one column set's values: its keys, column names, and each value's mapper (none when drizzle keeps the value as it is). */
type Decoder = { keys: string[]; names: string[]; maps: (((value: unknown) => unknown) | null)[] };
const decoders = new WeakMap<object, Decoder>();

/**
 * Worked out once per column set: asking drizzle per value whether it is a column, and calling its
 * mapper, cost ~0.1 ms on a list page's 1,000 values (Node profile of a search).
 */
function decoderOf(columns: Record<string, Column | SQL>): Decoder {
  let decoder = decoders.get(columns);
  if (!decoder) {
    const entries = Object.entries(columns).map(([key, c]) => [key, is(c, Column) ? c : null] as const);
    decoder = {
      keys: entries.map(([key]) => key),
      names: entries.map(([, column]) => column?.name ?? ""),
      maps: entries.map(([, column]) =>
        column && column.mapFromDriverValue !== Column.prototype.mapFromDriverValue ? (value: unknown) => column.mapFromDriverValue(value) : null,
      ),
    };
    decoders.set(columns, decoder);
  }
  return decoder;
}

/**
 * Values in the order of `columns`, read as drizzle reads these columns: keys in camelCase, dates,
 * booleans and JSON decoded (an SQL expression's value is kept as it is). For what drizzle does
 * not map: prebuilt statements, values gathered in SQL (json_array).
 */
export function decodeValues<T>(columns: Record<string, Column | SQL>, values: readonly unknown[]): T {
  const { keys, maps } = decoderOf(columns);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const value = values[i] ?? null;
    const map = maps[i];
    out[keys[i]!] = value === null || !map ? value : map(value);
  }
  return out as T;
}

/** A row D1 returned as an object keyed by column name, decoded as `decodeValues` does. */
export function decodeRow<T>(columns: Record<string, Column>, row: Record<string, unknown>): T {
  return decodeValues<T>(columns, decoderOf(columns).names.map((name) => row[name]));
}

export { schema };
