import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createStaff, createStructure, signIn } from "../../test/support/worker-api";
import { USAGER_STATUTS } from "../rules/echeance";
import { USAGER_TABS } from "../rules/usager";

/**
 * Large results take other plans than small ones (list.ts): the name index read in order, with its
 * fallback when the files found lie beyond what that read covers; name ranges for prefixes. Every
 * page and count here is checked against the same list worked out in plain code.
 */
const FILES = 5200;
const ABELMAR = 3980;
const ZMAREC = 4100;

interface File {
  id: number;
  ref: number;
  nom: string;
  prenom: string;
  statut: (typeof USAGER_STATUTS)[number];
}

// In name order: thousands of "Abel", a few "Abelmar", then a thousand "Zmarec". A search for "mar"
// finds over a thousand files, only a few of them among the first thousands of index entries.
function fileAt(i: number): Omit<File, "id"> {
  return {
    ref: i + 1,
    nom: i < ABELMAR ? "Abel" : i < ZMAREC ? "Abelmar" : "Zmarec",
    prenom: `${i < ZMAREC ? "P" : "Q"}${String(i).padStart(4, "0")}`,
    statut: USAGER_STATUTS[i % USAGER_STATUTS.length]!,
  };
}

type Input = { q: string; tab?: keyof typeof USAGER_TABS; sort?: "nom" | "ref"; order?: "asc" | "desc"; page?: number };

function expected(files: File[], input: Input) {
  const q = input.q.toLowerCase();
  const found = files.filter((f) => {
    const nom = f.nom.toLowerCase();
    const prenom = f.prenom.toLowerCase();
    return q.length >= 3 ? `${nom} ${prenom}`.includes(q) : nom.startsWith(q) || prenom.startsWith(q) || String(f.ref) === input.q;
  });
  const tabCounts = Object.fromEntries(
    Object.entries(USAGER_TABS).map(([tab, def]) => [
      tab,
      found.filter((f) => !def.statuts || (def.statuts as readonly string[]).includes(f.statut)).length,
    ]),
  );
  const statuts = USAGER_TABS[input.tab ?? "TOUS"].statuts as readonly string[] | null;
  const dir = input.order === "desc" ? -1 : 1;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = found
    .filter((f) => !statuts || statuts.includes(f.statut))
    .sort((a, b) =>
      input.sort === "ref"
        ? dir * (a.ref - b.ref)
        : dir * cmp(a.nom.toLowerCase(), b.nom.toLowerCase()) || dir * cmp(a.prenom.toLowerCase(), b.prenom.toLowerCase()) || a.ref - b.ref,
    );
  const page = input.page ?? 1;
  return { ids: sorted.slice((page - 1) * 50, page * 50).map((f) => f.id), tabCounts };
}

describe("usagers.list on thousands of files", () => {
  let cookie: string;
  let files: File[];

  beforeAll(async () => {
    const s = await createStructure();
    cookie = await signIn((await createStaff(s.id, "simple")).email);
    const now = Date.now();
    // One statement: the search index is kept by the same triggers as for any file.
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?2)
       INSERT INTO usagers (structure_id, ref, custom_ref, civilite, nom, prenom, date_naissance, lieu_naissance, statut,
         search_text, search_nom, search_prenom, created_at, updated_at)
       SELECT ?1, i + 1, CAST(i + 1 AS TEXT), 'Mme', nom, prenom, '1980-01-01', 'Lyon', statut,
         lower(nom || ' ' || prenom), lower(nom), lower(prenom), ?3, ?3
       FROM (SELECT i, CASE WHEN i < ?4 THEN 'Abel' WHEN i < ?5 THEN 'Abelmar' ELSE 'Zmarec' END AS nom,
               CASE WHEN i < ?5 THEN 'P' ELSE 'Q' END || substr('000' || i, -4) AS prenom,
               CASE i % 5 ${USAGER_STATUTS.map((st, k) => `WHEN ${k} THEN '${st}'`).join(" ")} END AS statut FROM n)`,
    )
      .bind(s.id, FILES, now, ABELMAR, ZMAREC)
      .run();
    const rows = await env.DB.prepare("SELECT id, ref FROM usagers WHERE structure_id = ? ORDER BY ref")
      .bind(s.id)
      .all<{ id: number; ref: number }>();
    files = rows.results.map((r) => ({ id: r.id, ...fileAt(r.ref - 1) }));
    expect(files).toHaveLength(FILES);
  });

  const cases: Input[] = [
    // Found mostly beyond the first entries of the name index: the sorted plan answers.
    { q: "mar" },
    { q: "mar", page: 2 },
    { q: "mar", page: 25 },
    { q: "mar", page: 26 },
    { q: "mar", tab: "RADIES", page: 3 },
    { q: "mar", sort: "ref", order: "desc" },
    // Found from the first entries on: the name index read in order, then past what it covers.
    { q: "abe" },
    { q: "abe", page: 2 },
    { q: "abe", page: 80 },
    { q: "abe", page: 81 },
    { q: "abe", page: 82 },
    { q: "abe", tab: "ACTIFS", page: 17 },
    { q: "abe", order: "desc" },
    { q: "abel p00", page: 2 },
    // Prefixes: nom, prénom and ID ranges.
    { q: "ab" },
    { q: "ab", page: 82 },
    { q: "zm", tab: "A_VALIDER", page: 2 },
    { q: "q5", order: "desc" },
    // A prénom prefix over two noms, read from the prénom-start index in name order.
    { q: "p0", page: 3 },
    { q: "p0", tab: "INSTRUCTION", page: 2, order: "desc" },
    { q: "17" },
  ];

  it.each(cases)("%o gives the right page and tab counts", async (input) => {
    const res = await call<{ rows: { id: number }[]; tabCounts: Record<string, number>; total: number }>("query", "usagers.list", input, {
      cookie,
    });
    expect(res.status).toBe(200);
    const want = expected(files, input);
    expect(res.data!.rows.map((r) => r.id)).toEqual(want.ids);
    expect(res.data!.tabCounts).toEqual(want.tabCounts);
    expect(res.data!.total).toBe(want.tabCounts[input.tab ?? "TOUS"]);
  });

  it("gives another structure its own files for the same searches", async () => {
    const other = await createStructure();
    const otherCookie = await signIn((await createStaff(other.id, "simple")).email);
    const now = Date.now();
    for (const [ref, prenom, statut] of [
      [1, "Autre", "VALIDE"],
      [2, "Encore", "RADIE"],
    ] as const) {
      await env.DB.prepare(
        `INSERT INTO usagers (structure_id, ref, custom_ref, civilite, nom, prenom, date_naissance, lieu_naissance, statut,
           search_text, search_nom, search_prenom, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'M.', 'Abel', ?4, '1980-01-01', 'Lyon', ?5, lower('Abel ' || ?4), 'abel', lower(?4), ?6, ?6)`,
      )
        .bind(other.id, ref, String(ref), prenom, statut, now)
        .run();
    }
    // Each kind of search: words ("abe", "abel") and a two-letter prefix ("ab").
    for (const q of ["abe", "ab", "abel"]) {
      const res = await call<{ rows: { prenom: string }[]; tabCounts: Record<string, number> }>(
        "query",
        "usagers.list",
        { q },
        { cookie: otherCookie },
      );
      expect(res.data!.rows.map((r) => r.prenom)).toEqual(["Autre", "Encore"]);
      expect(res.data!.tabCounts.TOUS).toBe(2);
      expect(res.data!.tabCounts.RADIES).toBe(1);
      const own = await call<{ rows: { id: number }[] }>("query", "usagers.list", { q }, { cookie });
      expect(own.data!.rows.map((r) => r.id)).toEqual(expected(files, { q }).ids);
    }
  });
});
