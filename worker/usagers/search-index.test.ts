import { createScheduledController, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../index";
import { call, createStaff, createStructure, signIn } from "../../test/support/worker-api";
import { etatCivil } from "../../test/support/fixtures";
import type { UsagerStatut } from "../rules/echeance";
import { searchKeyRange } from "./search-index";

/** FTS5's index of its leaf pages: with a few files, one row per segment. */
const segments = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM usagers_fts_idx").first<{ n: number }>())!.n;

describe("the nightly upkeep of the search index", () => {
  it("merges the index's segments, and every file is still found", async () => {
    const s = await createStructure();
    const cookie = await signIn((await createStaff(s.id, "simple")).email);
    const ids: number[] = [];
    for (const nom of ["Quérard", "Quenneville", "Quintal"]) {
      ids.push((await call<{ id: number }>("mutation", "usagers.create", { ...etatCivil, nom, prenom: "Zoé" }, { cookie })).data!.id);
    }
    const before = await segments();
    expect(before).toBeGreaterThan(1);

    await worker.scheduled(createScheduledController({ cron: "17 3 * * *" }), env);

    expect(await segments()).toBeLessThan(before);
    type List = { rows: { id: number }[]; total: number };
    const list = async (q: string) => (await call<List>("query", "usagers.list", { q }, { cookie })).data!;
    expect((await list("querard zoe")).rows.map((r) => r.id)).toEqual([ids[0]]);
    expect((await list("que")).total).toBe(2);
    expect((await list("1980-01-01")).total).toBe(3);
  });
});

describe("the search index's keys", () => {
  it("follow each file's structure and statut through creation, decisions and deletion", async () => {
    const s = await createStructure();
    const cookie = await signIn((await createStaff(s.id, "simple")).email);
    const ids: number[] = [];
    for (const nom of ["Keyser", "Keynes", "Keyes"]) {
      ids.push((await call<{ id: number }>("mutation", "usagers.create", { ...etatCivil, nom, prenom: "Ada" }, { cookie })).data!.id);
    }
    const keysOf = async () => {
      const all = searchKeyRange(s.id);
      const rows = await env.DB.prepare("SELECT rowid AS k FROM usagers_fts WHERE rowid >= ? AND rowid < ? ORDER BY rowid")
        .bind(all.from, all.to)
        .all<{ k: number }>();
      return rows.results.map((r) => r.k);
    };
    const key = (id: number, statut: UsagerStatut) => searchKeyRange(s.id, statut).from + id;
    expect(await keysOf()).toEqual(ids.map((id) => key(id, "INSTRUCTION")));

    await env.DB.batch([
      env.DB.prepare("UPDATE usagers SET statut = 'VALIDE' WHERE id = ?").bind(ids[0]),
      env.DB.prepare("UPDATE usagers SET statut = 'RADIE' WHERE id = ?").bind(ids[1]),
      env.DB.prepare("DELETE FROM usagers WHERE id = ?").bind(ids[2]),
    ]);
    expect(await keysOf()).toEqual([key(ids[0]!, "VALIDE"), key(ids[1]!, "RADIE")].sort((a, b) => a - b));
    const found = await env.DB.prepare("SELECT rowid AS k FROM usagers_fts WHERE usagers_fts MATCH '\"keyse\"'").all<{ k: number }>();
    expect(found.results.map((r) => r.k)).toEqual([key(ids[0]!, "VALIDE")]);
  });
});
