import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/** Failed sign-ins allowed within a window before the account is locked (product.md, issue 2). */
export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const STAFF_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowMs: 24 * 3_600_000, lockMs: 3_600_000 };

interface LockoutColumns {
  failedCount: SQLiteColumn;
  firstFailedAt: SQLiteColumn;
  lockedUntil: SQLiteColumn;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/**
 * Counts one failure in a single UPDATE (no read-modify-write race between parallel attempts):
 * a new window starts when the previous one is over; reaching the limit locks and restarts the count.
 */
export function failureUpdate(
  policy: LockoutPolicy,
  cols: LockoutColumns,
  now: Date,
): Record<string, SQL> {
  const t = now.getTime();
  const inWindow = sql`(${cols.firstFailedAt} IS NOT NULL AND ${cols.firstFailedAt} > ${t - policy.windowMs})`;
  const next = sql`(CASE WHEN ${inWindow} THEN ${cols.failedCount} + 1 ELSE 1 END)`;
  return {
    lockedUntil: sql`CASE WHEN ${next} >= ${policy.maxFailures} THEN ${t + policy.lockMs} ELSE ${cols.lockedUntil} END`,
    failedCount: sql`CASE WHEN ${next} >= ${policy.maxFailures} THEN 0 ELSE ${next} END`,
    firstFailedAt: sql`CASE WHEN ${next} >= ${policy.maxFailures} THEN NULL WHEN ${inWindow} THEN ${cols.firstFailedAt} ELSE ${t} END`,
  };
}

export const resetFailures = { failedCount: 0, firstFailedAt: null, lockedUntil: null } as const;
