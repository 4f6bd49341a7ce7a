import { env } from "cloudflare:test";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { structures, usagers } from "../db/schema";
import { createStructure } from "../test/support/worker-api";
import { dbOf, decodeRow, decodeValues, rowCount } from "./db";

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

describe("values read as drizzle reads their columns", () => {
  const columns = {
    id: usagers.id,
    nom: usagers.nom,
    dernierPassage: usagers.dernierPassage,
    contactByPhone: usagers.contactByPhone,
    ayantsDroit: usagers.ayantsDroit,
    label: sql<string>`'x'`,
  };

  it("dates, booleans and JSON decoded; plain columns, nulls and SQL expressions kept as they are", () => {
    const row = decodeValues<Record<string, unknown>>(columns, [12, "Élise", 1_764_000_000_000, 1, '[{"nom":"A"}]', "2026-01-02"]);
    expect(row).toEqual({
      id: 12,
      nom: "Élise",
      dernierPassage: new Date(1_764_000_000_000),
      contactByPhone: true,
      ayantsDroit: [{ nom: "A" }],
      label: "2026-01-02",
    });
    expect(decodeValues<Record<string, unknown>>(columns, [13, "Paul", null, 0, "[]", null])).toEqual({
      id: 13,
      nom: "Paul",
      dernierPassage: null,
      contactByPhone: false,
      ayantsDroit: [],
      label: null,
    });
  });

  it("a row keyed by column names gets the columns' keys", () => {
    const { label: _, ...tableColumns } = columns;
    const row = { contact_by_phone: 0, ayants_droit: "[]", dernier_passage: 5, nom: "Zoé", id: 3 };
    expect(decodeRow(tableColumns, row)).toEqual({ id: 3, nom: "Zoé", dernierPassage: new Date(5), contactByPhone: false, ayantsDroit: [] });
  });
});
