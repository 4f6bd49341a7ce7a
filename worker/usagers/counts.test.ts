import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { etatCivil } from "../../test/support/fixtures";
import { todayParis } from "../../test/support/portal";
import { call, createStaff, createStructure, signIn } from "../../test/support/worker-api";
import { defaultDateFin, USAGER_STATUTS } from "../rules/echeance";
import { USAGER_TABS } from "../rules/usager";

/**
 * The list without search or filter takes its tab counts from usager_counts, which triggers keep
 * (migrations 0016–0017). Every way a file is created, changes statut or is deleted must move them.
 * With a filter, the counts come from the filter's index (migration 0018).
 */
async function team() {
  const s = await createStructure();
  const [simple, responsable] = await Promise.all(
    (["simple", "responsable"] as const).map(async (role) => signIn((await createStaff(s.id, role)).email)),
  );
  return { s, simple: simple!, responsable: responsable! };
}

type Tabs = Record<keyof typeof USAGER_TABS, number>;

/** The tabs as the list shows them, with no search and no filter. */
const shown = async (cookie: string) => (await call<{ tabCounts: Tabs }>("query", "usagers.list", {}, { cookie })).data!.tabCounts;

/** The same tabs worked out from the files themselves. */
async function recounted(structureId: number): Promise<Tabs> {
  const rows = (
    await env.DB.prepare("SELECT statut, count(*) AS n FROM usagers WHERE structure_id = ? GROUP BY statut")
      .bind(structureId)
      .all<{ statut: string; n: number }>()
  ).results;
  const per = Object.fromEntries(rows.map((r) => [r.statut, r.n]));
  return Object.fromEntries(
    Object.entries(USAGER_TABS).map(([tab, def]) => [
      tab,
      (def.statuts ?? USAGER_STATUTS).reduce((sum: number, st: string) => sum + (per[st] ?? 0), 0),
    ]),
  ) as Tabs;
}

const create = async (cookie: string, nom: string) =>
  (await call<{ id: number }>("mutation", "usagers.create", { ...etatCivil, nom }, { cookie })).data!.id;
const versionOf = async (cookie: string, id: number) =>
  (await call<{ usager: { version: number } }>("query", "usagers.get", { id }, { cookie })).data!.usager.version;

describe("the tab counts of the whole list", () => {
  it("follow creation, every decision, undo, bulk radiation and deletion, in their own structure only", async () => {
    const a = await team();
    const b = await team();
    const ok = async (path: string, input: Record<string, unknown>, cookie = a.responsable) => {
      const res = await call("mutation", path, { ...input, version: await versionOf(a.simple, input.usagerId as number) }, { cookie });
      expect(res.status, `${path} : ${JSON.stringify(res.error)}`).toBe(200);
    };
    const expectTabs = async (tabs: Partial<Tabs>) => {
      const counts = await shown(a.simple);
      expect(counts).toEqual(await recounted(a.s.id));
      expect(counts).toMatchObject(tabs);
    };

    await create(b.simple, "Autre");
    const bBefore = await shown(b.simple);
    expect(bBefore).toMatchObject({ TOUS: 1, INSTRUCTION: 1 });

    const [x, y, z, w] = [
      await create(a.simple, "Xavier"),
      await create(a.simple, "Yanis"),
      await create(a.simple, "Zoé"),
      await create(a.simple, "Walid"),
    ];
    await expectTabs({ TOUS: 4, INSTRUCTION: 4, ACTIFS: 0 });

    await ok("usagers.submit", { usagerId: x }, a.simple);
    await expectTabs({ INSTRUCTION: 3, A_VALIDER: 1 });
    const t = todayParis();
    await ok("usagers.validate", { usagerId: x, dateDebut: t, dateFin: defaultDateFin(t), customRef: null });
    await ok("usagers.validate", { usagerId: y, dateDebut: t, dateFin: defaultDateFin(t), customRef: null });
    await expectTabs({ TOUS: 4, INSTRUCTION: 2, A_VALIDER: 0, ACTIFS: 2 });
    await ok("usagers.refuse", {
      usagerId: z,
      date: t,
      motif: "SATURATION",
      motifDetails: null,
      orientation: null,
      orientationDetails: null,
    });
    await expectTabs({ INSTRUCTION: 1, REFUSES: 1 });
    await ok("usagers.radiate", { usagerId: x, date: t, motif: "A_SA_DEMANDE", motifDetails: null }, a.simple);
    await expectTabs({ ACTIFS: 1, RADIES: 1 });
    await ok("usagers.renew", { usagerId: x }, a.simple);
    await expectTabs({ INSTRUCTION: 2, RADIES: 0 });
    await ok("usagers.undoDecision", { usagerId: x });
    await expectTabs({ INSTRUCTION: 1, RADIES: 1 });

    const bulk = await call(
      "mutation",
      "usagers.bulkRadiate",
      { usagerIds: [y], date: t, motif: "NON_MANIFESTATION_3_MOIS", motifDetails: null },
      { cookie: a.simple },
    );
    expect(bulk.data).toEqual({ radies: 1, ignores: 0 });
    await expectTabs({ ACTIFS: 0, RADIES: 2 });

    await ok("usagers.delete", { usagerId: w });
    await ok("usagers.delete", { usagerId: z });
    await expectTabs({ TOUS: 2, INSTRUCTION: 0, REFUSES: 0, RADIES: 2 });

    expect(await shown(b.simple)).toEqual(bBefore);
  });
});

describe("the tab counts and pages of a filtered list", () => {
  it("« courrier à récupérer » and « référent »: the right files in each tab, mail handed over included", async () => {
    const a = await team();
    const b = await team();
    const t = todayParis();
    type List = { rows: { nom: string }[]; total: number; tabCounts: Tabs };
    const list = async (input: Record<string, unknown>, cookie = a.simple) =>
      (await call<List>("query", "usagers.list", input, { cookie })).data!;
    const [anne, bruno, chloe] = [await create(a.simple, "Anne"), await create(a.simple, "Bruno"), await create(a.simple, "Chloé")];
    for (const id of [anne, bruno]) {
      const version = await versionOf(a.simple, id);
      await call(
        "mutation",
        "usagers.validate",
        { usagerId: id, version, dateDebut: t, dateFin: defaultDateFin(t), customRef: null },
        { cookie: a.responsable },
      );
    }
    const receive = (usagerId: number, cookie = a.simple) => call("mutation", "courrier.receive", { usagerId, courrier: 1 }, { cookie });
    expect((await receive(anne)).status).toBe(200);
    expect((await receive(chloe)).status).toBe(200);
    await receive(await create(b.simple, "Autre"), b.simple);
    const referent = await createStaff(a.s.id, "simple");
    expect(
      (await call("mutation", "usagers.bulkAssignReferent", { usagerIds: [bruno], referentId: referent.id }, { cookie: a.simple })).status,
    ).toBe(200);

    const mail = await list({ courrier: true });
    expect(mail.rows.map((r) => r.nom)).toEqual(["Anne", "Chloé"]);
    expect(mail.tabCounts).toMatchObject({ TOUS: 2, ACTIFS: 1, INSTRUCTION: 1, RADIES: 0 });
    expect((await list({ courrier: true, tab: "ACTIFS" })).rows.map((r) => r.nom)).toEqual(["Anne"]);
    const aucun = await list({ referentId: "AUCUN" });
    expect(aucun.rows.map((r) => r.nom)).toEqual(["Anne", "Chloé"]);
    expect(aucun.tabCounts).toMatchObject({ TOUS: 2, ACTIFS: 1, INSTRUCTION: 1 });
    const suivis = await list({ referentId: referent.id });
    expect(suivis.rows.map((r) => r.nom)).toEqual(["Bruno"]);
    expect(suivis.tabCounts).toMatchObject({ TOUS: 1, ACTIFS: 1, INSTRUCTION: 0 });
    expect((await list({ courrier: true, referentId: "AUCUN" })).tabCounts).toMatchObject({ TOUS: 2, ACTIFS: 1, INSTRUCTION: 1 });

    const handed = await call(
      "mutation",
      "courrier.distribute",
      { usagerId: anne, types: ["courrierIn"], to: { kind: "domicilie" } },
      { cookie: a.simple },
    );
    expect(handed.status).toBe(200);
    const after = await list({ courrier: true });
    expect(after.rows.map((r) => r.nom)).toEqual(["Chloé"]);
    expect(after.tabCounts).toMatchObject({ TOUS: 1, ACTIFS: 0, INSTRUCTION: 1 });
  });
});
