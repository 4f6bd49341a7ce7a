import { createScheduledController, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../index";
import { call, createStaff, createStructure, signIn } from "../../test/support/worker-api";
import { etatCivil } from "../../test/support/fixtures";

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
