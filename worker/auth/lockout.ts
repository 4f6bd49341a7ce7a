import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/** Failed sign-ins allowed within a window before the account is locked (product.md, issue 2). */
export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  /** Each attempt made while locked pushes the end of the lock to an hour after it. */
  extendWhileLocked: boolean;
}

export const STAFF_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowMs: 24 * 3_600_000, lockMs: 3_600_000, extendWhileLocked: false };

/** Portal: 3 failures within an hour lock the account until an hour after the last one (product.md). */
export const PORTAIL_LOCKOUT: LockoutPolicy = { maxFailures: 3, windowMs: 3_600_000, lockMs: 3_600_000, extendWhileLocked: true };

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
  if (policy.extendWhileLocked) {
    const locked = sql`(${cols.lockedUntil} IS NOT NULL AND ${cols.lockedUntil} > ${t})`;
    const inWindowL = sql`(${cols.firstFailedAt} IS NOT NULL AND ${cols.firstFailedAt} > ${t - policy.windowMs})`;
    const nextL = sql`(CASE WHEN ${inWindowL} THEN ${cols.failedCount} + 1 ELSE 1 END)`;
    return {
      lockedUntil: sql`CASE WHEN ${locked} OR ${nextL} >= ${policy.maxFailures} THEN ${t + policy.lockMs} ELSE ${cols.lockedUntil} END`,
      failedCount: sql`CASE WHEN ${locked} THEN ${cols.failedCount} WHEN ${nextL} >= ${policy.maxFailures} THEN 0 ELSE ${nextL} END`,
      firstFailedAt: sql`CASE WHEN ${locked} THEN ${cols.firstFailedAt} WHEN ${nextL} >= ${policy.maxFailures} THEN NULL WHEN ${inWindowL} THEN ${cols.firstFailedAt} ELSE ${t} END`,
    };
  }
  const inWindow = sql`(${cols.firstFailedAt} IS NOT NULL AND ${cols.firstFailedAt} > ${t - policy.windowMs})`;
  const next = sql`(CASE WHEN ${inWindow} THEN ${cols.failedCount} + 1 ELSE 1 END)`;
  return {
    lockedUntil: sql`CASE WHEN ${next} >= ${policy.maxFailures} THEN ${t + policy.lockMs} ELSE ${cols.lockedUntil} END`,
    failedCount: sql`CASE WHEN ${next} >= ${policy.maxFailures} THEN 0 ELSE ${next} END`,
    firstFailedAt: sql`CASE WHEN ${next} >= ${policy.maxFailures} THEN NULL WHEN ${inWindow} THEN ${cols.firstFailedAt} ELSE ${t} END`,
  };
}

export const resetFailures = { failedCount: 0, firstFailedAt: null, lockedUntil: null } as const;
