import { type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../db/schema";

export type Db = ReturnType<typeof drizzle<typeof schema>>;

/** The drizzle instance of a D1 binding. */
export function createDb(d1: D1Database): Db {
  return drizzle(d1, { schema });
}

/**
 * Constants of the code (enum values) written into the SQL text as quoted literals: SQLite uses a
 * partial index only when the query repeats the index's condition word for word, literals included.
 */
export function literals(values: readonly string[]): SQL {
  if (values.some((v) => v.includes("'"))) throw new Error(`literals: ${values.join(", ")}`);
  return sql.raw(values.map((v) => `'${v}'`).join(", "));
}

export { schema };
