import { integer, text } from "drizzle-orm/sqlite-core";

/** Per-account lockout (worker/auth/lockout.ts), on every table of accounts that sign in. */
export const lockoutColumns = () => ({
  /** Instants (ms) of the failures of the last hour that have not locked the account yet. */
  recentFailures: text("recent_failures", { mode: "json" }).$type<number[]>().notNull().default([]),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});
