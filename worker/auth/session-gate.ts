/**
 * One D1 round trip for a signed-in request.
 *
 * A signed-in request used to cost at least two round trips to D1: the session lookup, then the
 * procedure's own statements. For a caller this isolate has already verified, the procedure runs
 * at once with that remembered identity, and the session travels with its first D1 call:
 *   - a batch of reads, or a single read, gets the session lookup as its first statement (a D1
 *     batch is one transaction: the lookup and the data come from the same snapshot); the
 *     middleware checks the lookup's row before anything leaves the Worker, and drops the answer
 *     if it does not confirm the identity;
 *   - a write (mutations only) is preceded, in the same batch, by a guard that inserts a NULL into
 *     write_guards unless the session still belongs to that identity and is live: the NOT NULL
 *     constraint then aborts the whole batch, so nothing is written on a stale identity.
 * Whenever the row does not confirm the identity, the request starts again the slow way (session
 * first); as nothing was written, running it again is safe.
 */
import { AppError } from "../errors";

/** Only plain SELECTs ride along with the session lookup; anything else waits for it or its guard. */
const READ = /^\s*select\b/i;
/** How D1 reports the guard's refusal (the stale-write guard fails a CHECK instead). */
const GUARD_REFUSED = /NOT NULL constraint failed: write_guards/;

type Row = Record<string, unknown> | null;

/**
 * What this isolate last learnt, by key, up to `capacity` entries (the oldest is dropped first):
 * the identities behind sessions (trpc.ts), the column names of reads (below).
 */
export class Remembered<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly capacity: number) {}

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * The column names of each read's SQL text, learnt the first time it runs on its own. D1 returns
 * a batch's rows as objects, which keep one value per name: a read whose columns share a name
 * (`a.id`, `b.id`) is never batched, as its values could not be put back in order.
 */
const columnsOfRead = new Remembered<string[] | "repeated">(1000);

interface Gated {
  /** The D1 binding the procedure's drizzle instance uses. */
  d1: D1Database;
  /** The session lookup's row (null: no such session), fetched alone if the procedure did not. */
  row(): Promise<Row>;
}

/**
 * Wraps `real` so that the first batch of reads also runs `lookup`, and (with a `guard`) so that the
 * first write goes in one batch with the guard and the lookup. Without a guard, a write waits for
 * the row and `accept` decides whether it may go ahead.
 */
export function gateD1(real: D1Database, lookup: D1PreparedStatement, accept: (row: Row) => boolean, guard?: D1PreparedStatement): Gated {
  let fetched: Promise<Row> | null = null;
  const fetchAlone = () => (fetched ??= lookup.first<Record<string, unknown>>().then((r) => r ?? null));
  const beforeWrite = async () => {
    if (!accept(await fetchAlone())) throw new AppError("UNAUTHENTICATED");
  };
  const rowOf = (result: D1Result) => ((result.results[0] as Row | undefined) ?? null) as Row;

  /** The batch with the session in front: [guard?, lookup, ...stmts]; returns the stmts' results. */
  const withSession = async <T>(stmts: D1PreparedStatement[], guarded: boolean): Promise<D1Result<T>[]> => {
    const head = guarded ? [guard!, lookup] : [lookup];
    try {
      const results = await real.batch<T>([...head, ...stmts]);
      fetched = Promise.resolve(rowOf(results[head.length - 1]!));
      return results.slice(head.length);
    } catch (error) {
      if (!guarded || !GUARD_REFUSED.test(String((error as { cause?: unknown })?.cause ?? error))) throw error;
      fetched = Promise.resolve(null);
      throw new AppError("UNAUTHENTICATED");
    }
  };

  const wrap = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const read = READ.test(sql);
    /**
     * The first statement, alone: a read rides along with the lookup as [lookup, stmt], a write
     * with the guard as [guard, lookup, stmt] (D1Result is the same shape).
     */
    const alongside = () => fetched === null && (read || guard !== undefined);
    const ready = () => (read ? fetchAlone().then(() => undefined) : beforeWrite());
    const single = async () => (await withSession([stmt], !read))[0]!;
    const gated = {
      real: stmt,
      sql,
      bind: (...values: unknown[]) => wrap(stmt.bind(...values), sql),
      first: async (column?: string) => {
        if (alongside()) {
          const first = ((await single()).results[0] ?? null) as Record<string, unknown> | null;
          return column === undefined ? first : (first?.[column] ?? null);
        }
        await ready();
        return column === undefined ? stmt.first() : stmt.first(column);
      },
      run: async () => (alongside() ? single() : (await ready(), stmt.run())),
      all: async () => (alongside() ? single() : (await ready(), stmt.all())),
      raw: async (options?: { columnNames?: boolean }) => {
        const names = read ? columnsOfRead.get(sql) : undefined;
        // A write's values come back in order (RETURNING names its own columns once each).
        if (alongside() && (!read || Array.isArray(names))) {
          const rows = (await single()).results as Record<string, unknown>[];
          const order = Array.isArray(names) ? names : Object.keys(rows[0] ?? {});
          const values = rows.map((r) => order.map((name) => r[name]));
          return options?.columnNames ? [order, ...values] : values;
        }
        await ready();
        if (!read || names) return stmt.raw(options as { columnNames: true });
        const [head, ...values] = await stmt.raw({ columnNames: true });
        const learnt = head as string[];
        columnsOfRead.set(sql, new Set(learnt).size === learnt.length ? learnt : "repeated");
        return options?.columnNames ? [head, ...values] : values;
      },
    };
    return gated as unknown as D1PreparedStatement;
  };
  const unwrap = (stmt: D1PreparedStatement) => (stmt as unknown as { real: D1PreparedStatement }).real;
  const isRead = (stmt: D1PreparedStatement) => READ.test((stmt as unknown as { sql: string }).sql);

  const d1 = {
    prepare: (sql: string) => wrap(real.prepare(sql), sql),
    batch: async <T>(stmts: D1PreparedStatement[]): Promise<D1Result<T>[]> => {
      const reads = stmts.every(isRead);
      if (fetched === null && (reads || guard)) return withSession<T>(stmts.map(unwrap), !reads);
      if (reads) await fetchAlone();
      else await beforeWrite();
      return real.batch<T>(stmts.map(unwrap));
    },
    exec: async (sql: string) => (await beforeWrite(), real.exec(sql)),
  };
  return { d1: d1 as unknown as D1Database, row: fetchAlone };
}
