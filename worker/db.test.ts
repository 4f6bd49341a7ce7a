import { env } from "cloudflare:test";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { structures } from "../db/schema";
import { createStructure } from "../test/support/worker-api";
import { dbOf, rowCount } from "./db";

describe("LIMIT in the statement's text", () => {
  it("drizzle's .limit(n) is written into the SQL, not bound: the prepared statement is reused as planned", () => {
    const db = dbOf(env.DB);
    const query = db.select({ id: structures.id }).from(structures).orderBy(asc(structures.id)).limit(2).offset(1).toSQL();
    expect(query.sql).toMatch(/ limit 2 offset \?$/);
    expect(query.params).toEqual([1]);
    const first = db.query.structures.findFirst({ where: eq(structures.id, 7) }).toSQL();
    expect(first.sql).toMatch(/ limit 1$/);
    expect(first.params).toEqual([7]);
  });

  it("the rows are still limited and offset", async () => {
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await createStructure()).id);
    const db = dbOf(env.DB);
    const rows = await db.select({ id: structures.id }).from(structures).orderBy(asc(structures.id)).limit(2).offset(1);
    const all = (await db.select({ id: structures.id }).from(structures).orderBy(asc(structures.id))).map((r) => r.id);
    expect(rows.map((r) => r.id)).toEqual(all.slice(1, 3));
    expect(all).toEqual(expect.arrayContaining(ids));
  });

  it("rowCount refuses what is not a row count", () => {
    expect(() => rowCount(-1)).toThrow();
    expect(() => rowCount(1.5)).toThrow();
    expect(() => rowCount(Number.NaN)).toThrow();
    expect(rowCount(50).queryChunks).toHaveLength(1);
  });
});
