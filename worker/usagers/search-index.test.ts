import { createScheduledController, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { etatCivil } from "../../test/support/fixtures";
import { call, createStaff, createStructure, signIn } from "../../test/support/worker-api";
import worker from "../index";
import { USAGER_STATUTS, type UsagerStatut } from "../rules/echeance";
import { NAME_KEY_MAX, nameKeyOf, searchKeyRange } from "./search-index";

/** A new structure with a signed-in instructeur, and one file per nom (same prénom). */
async function structureWith(noms: string[], prenom: string) {
  const s = await createStructure();
  const cookie = await signIn((await createStaff(s.id, "simple")).email);
  const ids: number[] = [];
  for (const nom of noms) {
    ids.push((await call<{ id: number }>("mutation", "usagers.create", { ...etatCivil, nom, prenom }, { cookie })).data!.id);
  }
  return { s, cookie, ids };
}

/** FTS5's index of its leaf pages: with a few files, one row per segment. */
const segments = async () => (await env.DB.prepare("SELECT count(*) AS n FROM usagers_fts_idx").first<{ n: number }>())!.n;

describe("the nightly upkeep of the search index", () => {
  it("merges the index's segments, and every file is still found", async () => {
    const { cookie, ids } = await structureWith(["Quérard", "Quenneville", "Quintal"], "Zoé");
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
  it("follow each file's structure, statut and nom through creation, decisions, renaming and deletion", async () => {
    const { s, ids } = await structureWith(["Keyser", "Ké", "O'Key"], "Ada");
    // Rowids exceed what a JS number holds: their parts are read in SQL (3 bits of statut code, see search-index.ts).
    const keysOf = async () => {
      const all = searchKeyRange(s.id);
      const rows = await env.DB.prepare(
        `SELECT rowid & 268435455 AS id, (rowid >> 28) & 32767 AS name, rowid >> 43 AS grp
         FROM usagers_fts WHERE rowid >= ? AND rowid < ? ORDER BY rowid`,
      )
        .bind(all.from, all.to)
        .all<{ id: number; name: number; grp: number }>();
      return rows.results.map((r) => ({ id: r.id, name: r.name, statut: USAGER_STATUTS[r.grp % 8], structure: Math.floor(r.grp / 8) }));
    };
    const key = (id: number, nom: string, statut: UsagerStatut) => ({ id, name: nameKeyOf(nom), statut, structure: s.id });
    expect(await keysOf()).toEqual(
      [key(ids[0]!, "keyser", "INSTRUCTION"), key(ids[1]!, "ke", "INSTRUCTION"), key(ids[2]!, "o'key", "INSTRUCTION")].sort(
        (a, b) => a.name - b.name,
      ),
    );

    await env.DB.batch([
      env.DB.prepare("UPDATE usagers SET statut = 'VALIDE' WHERE id = ?").bind(ids[0]),
      env.DB.prepare("UPDATE usagers SET search_nom = 'zed', search_text = 'zed ada' WHERE id = ?").bind(ids[1]),
      env.DB.prepare("DELETE FROM usagers WHERE id = ?").bind(ids[2]),
    ]);
    expect(await keysOf()).toEqual([key(ids[1]!, "zed", "INSTRUCTION"), key(ids[0]!, "keyser", "VALIDE")]);
    const found = await env.DB.prepare("SELECT rowid & 268435455 AS id FROM usagers_fts WHERE usagers_fts MATCH '\"keyse\"'").all<{
      id: number;
    }>();
    expect(found.results.map((r) => r.id)).toEqual([ids[0]]);
  });

  it("orders names by their first three letters, as the name indexes do", () => {
    const noms = ["", "a", "a b", "a-b", "ab", "aba", "abz", "b", "o'key", "zz", "zzz", "zzzz", "ø"];
    const keys = noms.map(nameKeyOf);
    expect(keys).toEqual([...keys].sort((x, y) => x - y));
    expect(nameKeyOf("abel")).toBe(nameKeyOf("abelmar"));
    expect(nameKeyOf("ab")).toBeLessThan(nameKeyOf("aba"));
    expect(Math.max(...keys)).toBeLessThanOrEqual(NAME_KEY_MAX);
  });
});
