import { describe, expect, it } from "vitest";
import { call, createStaff, createStructure, ORIGIN, signIn, workerFetch } from "../../test/support/worker-api";
import { csvCell } from "./service";

describe("export of the structure's files", () => {
  it("gives gestionnaires a CSV of their own structure only, safe to open in a spreadsheet", async () => {
    const a = await createStructure();
    const b = await createStructure();
    const responsable = await signIn((await createStaff(a.id, "responsable")).email);
    const simple = await signIn((await createStaff(a.id, "simple")).email);
    const other = await signIn((await createStaff(b.id, "admin")).email);
    const base = {
      civilite: "Mme",
      surnom: null,
      dateNaissance: "1975-03-02",
      lieuNaissance: "Tours",
      nationalite: null,
      langue: null,
      telephone: null,
      email: null,
      contactByPhone: false,
      numeroDistribution: null,
      referentId: null,
      customRef: null,
    };
    await call(
      "mutation",
      "usagers.create",
      {
        ...base,
        nom: '=HYPERLINK("http://x")',
        prenom: "Éva",
        ayantsDroit: [{ nom: "Roy", prenom: "Lina", dateNaissance: "2012-01-01", lien: "ENFANT" }],
      },
      { cookie: responsable },
    );
    await call("mutation", "usagers.create", { ...base, nom: "Autre", prenom: "Structure", ayantsDroit: [] }, { cookie: other });
    const get = (cookie: string) => workerFetch(new Request(`${ORIGIN}/fichiers/export/usagers.csv?onglet=TOUS`, { headers: { cookie } }));
    expect((await get(simple)).status).toBe(403);
    const res = await get(responsable);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("Export%20Ancrage");
    const text = await res.text();
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('"Nom";"Prénom"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")";"Éva"`);
    expect(lines[1]).toContain('"Roy";"Lina";"01/01/2012";"Enfant"');
    expect(text).not.toContain("Structure");
  });

  it("neutralises formulas and quotes", () => {
    expect(csvCell("+33 6")).toBe(`"'+33 6"`);
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell(null)).toBe('""');
  });
});
