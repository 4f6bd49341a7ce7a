import { sql } from "drizzle-orm";
import { writeGuards } from "../../db/schema";
import type { Db } from "../db";
import { AppError } from "../errors";

/**
 * First statement of a batch that writes a file read at `version`: if anyone changed the file
 * since, it inserts into write_guards, whose CHECK aborts the whole batch. Later statements of the
 * batch bump the version.
 */
export function unchangedSince(db: Db, usagerId: number, version: number) {
  return db
    .insert(writeGuards)
    .select(sql`SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM usagers WHERE id = ${usagerId} AND version = ${version})`);
}

/** Runs a batch; a stale-write abort becomes a clear French conflict message. */
export async function guardedBatch<T extends Parameters<Db["batch"]>[0]>(db: Db, statements: T) {
  try {
    return await db.batch(statements);
  } catch (error) {
    if (String((error as { cause?: unknown })?.cause ?? error).includes("stale_write")) {
      throw new AppError("STALE_WRITE");
    }
    throw error;
  }
}
