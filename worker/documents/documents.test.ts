import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { etatCivil } from "../../test/support/fixtures";
import { call, count, createStaff, createStructure, ORIGIN, signIn, workerFetch } from "../../test/support/worker-api";
import { docxText } from "../../test/support/zip.mjs";
import { calendarDateIn, formatDateFr } from "../rules/dates";
import { defaultDateFin } from "../rules/echeance";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

/** The état civil of the domicilié every test here files, Jérémie Fontaine. */
const FONTAINE = {
  ...etatCivil,
  nom: "Fontaine",
  prenom: "Jérémie",
  surnom: "Jérem",
  dateNaissance: "1979-09-30",
  lieuNaissance: "Nantes",
  customRef: "07",
};

async function setup() {
  const s = await createStructure();
  const simple = await signIn((await createStaff(s.id, "simple")).email);
  const responsable = await signIn((await createStaff(s.id, "responsable")).email);
  const agent = await signIn((await createStaff(s.id, "agent")).email);
  const facteur = await signIn((await createStaff(s.id, "facteur")).email);
  const created = await call<{ id: number }>("mutation", "usagers.create", FONTAINE, { cookie: simple });
  return { s, simple, responsable, agent, facteur, usagerId: created.data!.id };
}

async function upload(cookie: string, usagerId: number, name: string, bytes: Uint8Array, label = "Pièce d'identité") {
  const fd = new FormData();
  fd.set("usagerId", String(usagerId));
  fd.set("label", label);
  fd.set("shared", "false");
  fd.set("file", new File([new Uint8Array(bytes)], name));
  // Serialised as a browser does it, with its Content-Length.
  const encoded = new Response(fd);
  const body = await encoded.arrayBuffer();
  const headers = {
    cookie,
    origin: ORIGIN,
    "content-type": encoded.headers.get("content-type")!,
    "content-length": String(body.byteLength),
  };
  const res = await workerFetch(new Request(`${ORIGIN}/trpc/documents.upload`, { method: "POST", headers, body }));
  return {
    status: res.status,
    body: (await res.json()) as {
      result?: { data: { id: number } };
      error?: { message: string; data: { fieldErrors?: Record<string, string> } };
    },
  };
}

const download = (cookie: string, id: number) => workerFetch(new Request(`${ORIGIN}/fichiers/documents/${id}`, { headers: { cookie } }));

describe("documents", () => {
  it("stores an uploaded PDF encrypted in R2 under the structure's prefix, and gives it back intact", async () => {
    const { s, simple, usagerId } = await setup();
    const up = await upload(simple, usagerId, "carte.pdf", PDF);
    expect(up.status).toBe(200);
    const id = up.body.result!.data.id;
    const row = await env.DB.prepare("SELECT r2_key, mime_type, size FROM usager_documents WHERE id = ?")
      .bind(id)
      .first<{ r2_key: string; mime_type: string; size: number }>();
    expect(row!.r2_key.startsWith(`structures/${s.id}/usagers/${usagerId}/`)).toBe(true);
    expect(row).toMatchObject({ mime_type: "application/pdf", size: PDF.byteLength });
    const stored = new Uint8Array(await (await env.FILES.get(row!.r2_key))!.arrayBuffer());
    expect(new TextDecoder().decode(stored)).not.toContain("%PDF");
    const res = await download(simple, id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("Pi%C3%A8ce");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
  });

  it("refuses a .exe renamed .pdf, a PDF named .png, an empty file and a 40 MB upload, storing nothing", async () => {
    const { simple, usagerId } = await setup();
    const docs = await count("usager_documents");
    const objects = (await env.FILES.list()).objects.length;
    const exe = await upload(simple, usagerId, "facture.pdf", EXE);
    expect(exe.status).toBe(400);
    expect(exe.body.error!.data.fieldErrors!.file).toContain("PDF, JPG et PNG");
    expect((await upload(simple, usagerId, "photo.png", PDF)).status).toBe(400);
    expect((await upload(simple, usagerId, "vide.pdf", new Uint8Array())).status).toBe(400);
    const huge = new Uint8Array(40 * 1024 * 1024);
    huge.set(PDF);
    const big = await upload(simple, usagerId, "gros.pdf", huge);
    expect(big.status).toBe(413);
    expect(big.body.error!.message).toBe("Fichier : 10 Mo au maximum.");
    expect(await count("usager_documents")).toBe(docs);
    expect((await env.FILES.list()).objects.length).toBe(objects);
  });

  it("renames, shares and deletes (file removed from R2); facteur and other structures get nothing", async () => {
    const { simple, facteur, usagerId } = await setup();
    const id = (await upload(simple, usagerId, "avis.pdf", PDF)).body.result!.data.id;
    expect((await call("mutation", "documents.rename", { id, label: "Avis d'imposition" }, { cookie: simple })).status).toBe(200);
    expect((await call("mutation", "documents.setShared", { id, shared: true }, { cookie: simple })).status).toBe(200);
    const list = await call<{ label: string; shared: boolean }[]>("query", "documents.list", { usagerId }, { cookie: simple });
    expect(list.data).toMatchObject([{ label: "Avis d'imposition", shared: true }]);
    expect((await download(facteur, id)).status).toBe(403);
    expect((await upload(facteur, usagerId, "x.pdf", PDF)).status).toBe(403);
    const other = await setup();
    expect((await download(other.simple, id)).status).toBe(404);
    expect((await call("mutation", "documents.remove", { id }, { cookie: other.simple })).status).toBe(404);
    const key = (await env.DB.prepare("SELECT r2_key FROM usager_documents WHERE id = ?").bind(id).first<{ r2_key: string }>())!.r2_key;
    expect((await call("mutation", "documents.remove", { id }, { cookie: simple })).status).toBe(200);
    expect(await env.FILES.get(key)).toBeNull();
    expect((await download(simple, id)).status).toBe(404);
  });
});

describe("letters", () => {
  it("attestation postale only for an active file; radiation letter only for a radiated one", async () => {
    const { simple, responsable, agent, facteur, usagerId } = await setup();
    const early = await call("mutation", "documents.generateLetter", { usagerId, kind: "attestation" }, { cookie: simple });
    expect(early.status).toBe(409);
    const today = calendarDateIn("Europe/Paris", new Date());
    const fiche = async () =>
      (await call<{ usager: { version: number } }>("query", "usagers.get", { id: usagerId }, { cookie: simple })).data!.usager;
    await call(
      "mutation",
      "usagers.validate",
      { usagerId, version: (await fiche()).version, dateDebut: today, dateFin: defaultDateFin(today), customRef: null },
      { cookie: responsable },
    );

    expect((await call("mutation", "documents.generateLetter", { usagerId, kind: "attestation" }, { cookie: facteur })).status).toBe(403);
    const att = await call<{ id: number }>("mutation", "documents.generateLetter", { usagerId, kind: "attestation" }, { cookie: agent });
    expect(att.status).toBe(200);
    const file = await download(agent, att.data!.id);
    expect(file.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const text = await docxText(new Uint8Array(await file.arrayBuffer()));
    expect(text).toContain("ATTESTATION POSTALE");
    expect(text).toContain("M. FONTAINE Jérémie");
    expect(text).toContain("né le 30/09/1979 à Nantes");
    expect(text).toContain(`du ${formatDateFr(today)} au ${formatDateFr(defaultDateFin(today))}`);
    expect(text).toContain("Boîte 07");
    expect((await call("mutation", "documents.generateLetter", { usagerId, kind: "radiation" }, { cookie: simple })).status).toBe(409);

    await call(
      "mutation",
      "usagers.radiate",
      { usagerId, version: (await fiche()).version, date: today, motif: "AUTRE", motifDetails: "Départ à l'étranger <b>" },
      { cookie: simple },
    );
    const rad = await call<{ id: number }>("mutation", "documents.generateLetter", { usagerId, kind: "radiation" }, { cookie: simple });
    const radText = await docxText(new Uint8Array(await (await download(simple, rad.data!.id)).arrayBuffer()));
    expect(radText).toContain("Objet : Radiation de votre domiciliation");
    expect(radText).toContain("Autre motif — Départ à l&apos;étranger &lt;b&gt;");
    expect(radText).toContain("tribunal administratif");
    const docs = await call<{ kind: string; label: string }[]>("query", "documents.list", { usagerId }, { cookie: simple });
    expect(docs.data!.map((d) => d.kind)).toEqual(["radiation", "attestation"]);
  });
});

describe("attestation postale", () => {
  // The demo's structures and a CIAS: the responsable's line must read right whatever the name.
  const KINDS = [
    { type: "ccas", nom: "CCAS de Démoville", prenom: "Camille", responsable: "Martin", fonction: "Directeur de CCAS" },
    { type: "cias", nom: "CIAS du Val Paisible", prenom: "Luc", responsable: "Morel", fonction: "Président" },
    { type: "asso", nom: "Association Abri Solidaire", prenom: "Nadia", responsable: "Roux", fonction: "Directeur" },
  ];

  it("names the ayants droit it certifies, and the responsable's line reads right for every kind of structure", async () => {
    for (const k of KINDS) {
      const { s, simple, responsable, usagerId } = await setup();
      await env.DB.prepare(
        "UPDATE structures SET type = ?, nom = ?, responsable_prenom = ?, responsable_nom = ?, responsable_fonction = ? WHERE id = ?",
      )
        .bind(k.type, k.nom, k.prenom, k.responsable, k.fonction, s.id)
        .run();
      const fiche = async () =>
        (
          await call<{ usager: Record<string, unknown> & { version: number } }>(
            "query",
            "usagers.get",
            { id: usagerId },
            { cookie: simple },
          )
        ).data!.usager;
      const ayantsDroit = [
        { nom: "Fontaine", prenom: "Maëlle", dateNaissance: "1982-02-14", lien: "CONJOINT" },
        { nom: "Fontaine", prenom: "Noé", dateNaissance: "2015-06-01", lien: "ENFANT" },
      ];
      const f = await fiche();
      const etatCivil = { ...FONTAINE, ayantsDroit };
      expect(
        (await call("mutation", "usagers.updateEtatCivil", { usagerId, version: f.version, etatCivil }, { cookie: simple })).status,
      ).toBe(200);
      const today = calendarDateIn("Europe/Paris", new Date());
      await call(
        "mutation",
        "usagers.validate",
        { usagerId, version: (await fiche()).version, dateDebut: today, dateFin: defaultDateFin(today), customRef: null },
        { cookie: responsable },
      );
      const att = await call<{ id: number }>("mutation", "documents.generateLetter", { usagerId, kind: "attestation" }, { cookie: simple });
      const text = (await docxText(new Uint8Array(await (await download(simple, att.data!.id)).arrayBuffer()))).replaceAll("&apos;", "'");

      expect(text).toContain(
        `Je soussigné(e), ${k.prenom} ${k.responsable}, ${k.fonction}, au nom de la structure « ${k.nom} », atteste que`,
      );
      expect(text, k.nom).not.toContain(`${k.fonction} de ${k.nom}`);
      expect(text).toContain("ainsi que ses ayants droit :");
      expect(text).toContain("FONTAINE Maëlle, né(e) le 14/02/1982 (Conjoint(e))");
      expect(text).toContain("FONTAINE Noé, né(e) le 01/06/2015 (Enfant)");
    }
  });
});
