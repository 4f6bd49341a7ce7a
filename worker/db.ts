import { drizzle } from "drizzle-orm/d1";
import * as schema from "../db/schema";

export function createDb(d1: D1Database) {
  return drizzle(d1, { schema });
}
export type Db = ReturnType<typeof createDb>;

const perBinding = new WeakMap<D1Database, Db>();

/** The drizzle instance of a binding, made once: drizzle reads the whole schema each time it is made. */
export function dbOf(d1: D1Database): Db {
  let db = perBinding.get(d1);
  if (!db) perBinding.set(d1, (db = createDb(d1)));
  return db;
}
export { schema };
