/**
 * One D1 round trip for a signed-in read.
 *
 * A signed-in request used to cost two round trips to D1: the session lookup, then the procedure's
 * own queries. For reads whose caller was already seen by this isolate, the procedure runs at once
 * with that remembered identity, and the session lookup travels in the procedure's first batch
 * (a D1 batch is one transaction: the lookup and the data come from the same snapshot). The
 * middleware then checks the lookup's row before anything leaves the Worker: if the session is
 * gone, the account blocked or the identity changed, the result is thrown away and the request
 * starts again the slow way. Writes never run before the row is known and accepted.
 */
import { AppError } from "../errors";

/** Only plain SELECTs ride along with the session lookup; anything else waits for it. */
const READ = /^\s*select\b/i;

type Row = Record<string, unknown> | null;

interface Gated {
  /** The D1 binding the procedure's drizzle instance uses. */
  d1: D1Database;
  /** The session lookup's row (null: no such session), fetched alone if the procedure did not. */
  row(): Promise<Row>;
}

/**
 * Wraps `real` so that the first batch of reads also runs `lookup`. `accept` decides whether a
 * write may go ahead on the row's strength (checked before the write is sent).
 */
export function gateD1(real: D1Database, lookup: D1PreparedStatement, accept: (row: Row) => boolean): Gated {
  let fetched: Promise<Row> | null = null;
  const fetchAlone = () => (fetched ??= lookup.first<Record<string, unknown>>().then((r) => r ?? null));
  const beforeWrite = async () => {
    if (!accept(await fetchAlone())) throw new AppError("UNAUTHENTICATED");
  };

  const wrap = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const read = READ.test(sql);
    const ready = () => (read ? fetchAlone().then(() => undefined) : beforeWrite());
    const gated = {
      real: stmt,
      sql,
      bind: (...values: unknown[]) => wrap(stmt.bind(...values), sql),
      first: async (column?: string) => (await ready(), column === undefined ? stmt.first() : stmt.first(column)),
      run: async () => (await ready(), stmt.run()),
      all: async () => (await ready(), stmt.all()),
      raw: async (options?: { columnNames?: boolean }) => (await ready(), stmt.raw(options as { columnNames: true })),
    };
    return gated as unknown as D1PreparedStatement;
  };
  const unwrap = (stmt: D1PreparedStatement) => (stmt as unknown as { real: D1PreparedStatement }).real;
  const isRead = (stmt: D1PreparedStatement) => READ.test((stmt as unknown as { sql: string }).sql);

  const d1 = {
    prepare: (sql: string) => wrap(real.prepare(sql), sql),
    batch: async <T>(stmts: D1PreparedStatement[]): Promise<D1Result<T>[]> => {
      if (fetched === null && stmts.every(isRead)) {
        const [first, ...rest] = await real.batch<T>([lookup, ...stmts.map(unwrap)]);
        fetched = Promise.resolve(((first!.results[0] as Row | undefined) ?? null) as Row);
        return rest;
      }
      if (stmts.every(isRead)) await fetchAlone();
      else await beforeWrite();
      return real.batch<T>(stmts.map(unwrap));
    },
    exec: async (sql: string) => (await beforeWrite(), real.exec(sql)),
  };
  return { d1: d1 as unknown as D1Database, row: fetchAlone };
}

/**
 * Who was behind a session, as last verified by this isolate: a hint that lets a read start
 * before its session is checked, never a proof (every use is checked against the database).
 */
export class IdentityHints<T> {
  private readonly hints = new Map<string, T>();
  constructor(private readonly capacity = 2000) {}

  get(sessionId: string): T | undefined {
    return this.hints.get(sessionId);
  }

  set(sessionId: string, identity: T): void {
    this.hints.delete(sessionId);
    if (this.hints.size >= this.capacity) this.hints.delete(this.hints.keys().next().value!);
    this.hints.set(sessionId, identity);
  }

  delete(sessionId: string): void {
    this.hints.delete(sessionId);
  }
}
