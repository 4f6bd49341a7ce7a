import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * Every account that signs in (staff, platform, portal), as the reference's A.6: 3 failures within
 * the last hour lock the account until an hour after the third. Attempts during the lock do not
 * push it further (docs/SECURITY.md says why).
 */
export const LOCKOUT = { maxFailures: 3, windowMs: 3_600_000, lockMs: 3_600_000 } as const;

interface LockoutColumns {
  recentFailures: SQLiteColumn;
  lockedUntil: SQLiteColumn;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/**
 * Counts one failure in a single UPDATE (no read-modify-write race between parallel attempts). The
 * failures of the last hour are kept as a JSON list; the one that makes 3 of them locks the account
 * and empties the list. While locked, nothing changes.
 */
export function failureUpdate(cols: LockoutColumns, now: Date): Record<string, SQL> {
  const t = now.getTime();
  const since = t - LOCKOUT.windowMs;
  const locked = sql`(${cols.lockedUntil} IS NOT NULL AND ${cols.lockedUntil} > ${t})`;
  const recent = sql`(SELECT count(*) FROM json_each(${cols.recentFailures}) WHERE value > ${since})`;
  const locks = sql`(${recent} + 1 >= ${LOCKOUT.maxFailures})`;
  const kept = sql`(SELECT json_group_array(value) FROM (SELECT value FROM json_each(${cols.recentFailures}) WHERE value > ${since} UNION ALL SELECT ${t}))`;
  return {
    lockedUntil: sql`CASE WHEN NOT ${locked} AND ${locks} THEN ${t + LOCKOUT.lockMs} ELSE ${cols.lockedUntil} END`,
    recentFailures: sql`CASE WHEN ${locked} THEN ${cols.recentFailures} WHEN ${locks} THEN '[]' ELSE ${kept} END`,
  };
}

export const resetFailures = { recentFailures: [] as number[], lockedUntil: null } as const;
