import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { domicilieOnPortal, PORTAL, portal, todayParis } from "../../test/support/portal";
import { call, createStaff, createStructure, ORIGIN, signIn, workerFetch } from "../../test/support/worker-api";
import { addDays } from "../rules/dates";

async function upload(cookie: string, usagerId: number, label: string, shared: boolean, content: string) {
  const fd = new FormData();
  fd.set("usagerId", String(usagerId));
  fd.set("label", label);
  fd.set("shared", String(shared));
  fd.set("file", new File([new TextEncoder().encode(`%PDF-1.4 ${content}`)], `${label}.pdf`));
  const res = await workerFetch(
    new Request(`${ORIGIN}/trpc/documents.upload`, { method: "POST", headers: { cookie, origin: ORIGIN }, body: fd }),
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { id: number } } }).result.data.id;
}

const download = (id: number, cookie?: string) =>
  workerFetch(new Request(`${PORTAL}/fichiers/mon-espace/documents/${id}`, { headers: cookie ? { cookie } : {} }));

type Dash = { messages: { titre: string }[]; documents: { id: number; label: string }[] };

describe("Mon Ancrage: history, shared documents, structure messages", () => {
  let admin: string;
  let agent: string;
  let alice: { usagerId: number; cookie: string };
  let bob: { usagerId: number; cookie: string };

  beforeAll(async () => {
    const s = await createStructure();
    admin = await signIn((await createStaff(s.id, "admin")).email);
    agent = await signIn((await createStaff(s.id, "agent")).email);
    await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false }, { cookie: admin });
    alice = await domicilieOnPortal(admin, "Historia");
    bob = await domicilieOnPortal(admin, "Voisin");
  });

  it("dashboard: the person, the identifiant and the structure, each with its own name and phone", async () => {
    const dash = await portal<{
      usager: { nom: string; prenom: string; telephone: string | null };
      login: string;
      structure: { nom: string; telephone: string; ville: string };
    }>("query", "monEspace.dashboard", undefined, alice.cookie);
    const s = await env.DB.prepare(
      "SELECT s.nom, s.telephone, s.ville, a.login FROM portail_accounts a JOIN structures s ON s.id = a.structure_id WHERE a.usager_id = ?",
    )
      .bind(alice.usagerId)
      .first<{ nom: string; telephone: string; ville: string; login: string }>();
    expect(dash.data!.usager).toMatchObject({ nom: "Historia", prenom: "Alice", telephone: null });
    expect(dash.data!.login).toBe(s!.login);
    expect(dash.data!.structure).toEqual({
      nom: s!.nom,
      adresse: expect.any(String),
      codePostal: expect.any(String),
      ville: s!.ville,
      telephone: s!.telephone,
    });
  });

  it("history: every interaction, newest first, paginated, without the staff member's name", async () => {
    for (let i = 1; i <= 12; i++) {
      expect(
        (await call("mutation", "courrier.receive", { usagerId: alice.usagerId, courrier: i, content: `lot ${i}` }, { cookie: agent }))
          .status,
      ).toBe(200);
    }
    await call(
      "mutation",
      "courrier.distribute",
      { usagerId: alice.usagerId, types: ["courrierIn"], to: { kind: "domicilie" } },
      { cookie: agent },
    );
    await call("mutation", "courrier.receive", { usagerId: bob.usagerId, courrier: 99, content: "pour Bob" }, { cookie: agent });

    type Page = { items: { id: number; type: string; nb: number; content: string | null }[]; nextBefore: number | null };
    const first = await portal<Page>("query", "monEspace.history", {}, alice.cookie);
    expect(first.status).toBe(200);
    expect(first.data!.items).toHaveLength(10);
    expect(first.data!.items[0]).toMatchObject({ type: "courrierOut", nb: 78 });
    expect(first.data!.items[1]).toMatchObject({ type: "courrierIn", nb: 12, content: "lot 12" });
    expect(JSON.stringify(first.data)).not.toContain("userName");
    const second = await portal<Page>("query", "monEspace.history", { before: first.data!.nextBefore }, alice.cookie);
    expect(second.data!.items.map((i) => i.nb)).toEqual([3, 2, 1]);
    expect(second.data!.nextBefore).toBeNull();
    const all = [...first.data!.items, ...second.data!.items].map((i) => i.id);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect(JSON.stringify(second.data)).not.toContain("pour Bob");

    expect((await portal("query", "monEspace.history", {})).status).toBe(401);
    // A staff session is not a domicilié's session.
    expect((await workerFetch(new Request(`${PORTAL}/trpc/monEspace.history?input=%7B%7D`, { headers: { cookie: admin } }))).status).toBe(
      401,
    );
  });

  it("shared documents: listed and downloaded by their domicilié only", async () => {
    const shared = await upload(admin, alice.usagerId, "Attestation partagée", true, "partagé");
    const hidden = await upload(admin, alice.usagerId, "Pièce interne", false, "interne");
    const bobs = await upload(admin, bob.usagerId, "Document de Bob", true, "bob");

    const list = await portal<{ id: number; label: string }[]>("query", "monEspace.documents", undefined, alice.cookie);
    expect(list.data!.map((d) => d.label)).toEqual(["Attestation partagée"]);
    const dash = await portal<Dash>("query", "monEspace.dashboard", undefined, alice.cookie);
    expect(dash.data!.documents.map((d) => d.id)).toEqual([shared]);

    const ok = await download(shared, alice.cookie);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(ok.headers.get("content-disposition")).toContain("Attestation%20partag%C3%A9e.pdf");
    expect(new TextDecoder().decode(await ok.arrayBuffer())).toBe("%PDF-1.4 partagé");
    const logged = await env.DB.prepare(
      "SELECT actor_kind AS k FROM audit_log WHERE action = 'PORTAIL_DOCUMENT_DOWNLOADED' AND target_id = ?",
    )
      .bind(String(alice.usagerId))
      .first<{ k: string }>();
    expect(logged!.k).toBe("usager");

    // Not shared, someone else's, signed out, or a staff cookie: refused.
    const notShared = await download(hidden, alice.cookie);
    expect(notShared.status).toBe(404);
    expect(await notShared.text()).toBe("Élément introuvable.");
    expect((await download(bobs, alice.cookie)).status).toBe(404);
    expect((await download(shared, bob.cookie)).status).toBe(404);
    expect((await download(shared)).status).toBe(401);
    expect((await download(shared, admin)).status).toBe(401);

    // Unshared afterwards: gone from the list and from the download.
    await call("mutation", "documents.setShared", { id: shared, shared: false }, { cookie: admin });
    expect((await download(shared, alice.cookie)).status).toBe(404);
    expect((await portal<unknown[]>("query", "monEspace.documents", undefined, alice.cookie)).data).toEqual([]);
    await call("mutation", "documents.setShared", { id: shared, shared: true }, { cookie: admin });
  });

  it("structure messages: admins write them; the dashboard shows those of the day, of its own structure", async () => {
    const today = todayParis();
    const save = (input: Record<string, unknown>, cookie = admin) =>
      call<{ id: number }>("mutation", "portail.saveMessage", { type: "general", dateFin: null, ...input }, { cookie });
    expect((await save({ titre: "Non", texte: "Pas un agent", dateDebut: today }, agent)).status).toBe(403);
    const invalid = await save({ titre: "<b></b>", texte: "ok", dateDebut: today, dateFin: addDays(today, -1) });
    expect(invalid.status).toBe(400);
    expect(invalid.error!.data.fieldErrors).toMatchObject({
      titre: "Titre : ce champ est obligatoire.",
      dateFin: "Date de fin : elle doit suivre la date de début.",
    });

    const current = await save({
      titre: "Fermeture <i>exceptionnelle</i>",
      texte: "Fermé le 1er mai.",
      type: "closing",
      dateDebut: addDays(today, -2),
      dateFin: today,
    });
    await save({ titre: "Permanent", texte: "Toujours là.", dateDebut: addDays(today, -30) });
    await save({ titre: "Passé", texte: "Fini hier.", dateDebut: addDays(today, -10), dateFin: addDays(today, -1) });
    await save({ titre: "Futur", texte: "Demain seulement.", dateDebut: addDays(today, 1), dateFin: addDays(today, 5) });
    const other = await createStructure();
    const otherAdmin = await signIn((await createStaff(other.id, "admin")).email);
    await save({ titre: "Autre structure", texte: "Pas pour vous.", dateDebut: today }, otherAdmin);

    const dash = await portal<Dash>("query", "monEspace.dashboard", undefined, alice.cookie);
    expect(dash.data!.messages.map((m) => m.titre)).toEqual(["Permanent", "Fermeture exceptionnelle"]);

    const listed = await call<{ id: number; titre: string }[]>("query", "portail.messages", undefined, { cookie: admin });
    expect(listed.data!.map((m) => m.titre)).toEqual(["Futur", "Fermeture exceptionnelle", "Passé", "Permanent"]);
    expect((await call("query", "portail.messages", undefined, { cookie: agent })).status).toBe(403);

    // Edit, then delete: the domicilié sees it at once.
    expect(
      (
        await save({
          id: current.data!.id,
          titre: "Fermeture prolongée",
          texte: "Fermé toute la semaine.",
          type: "closing",
          dateDebut: addDays(today, -2),
          dateFin: addDays(today, 3),
        })
      ).status,
    ).toBe(200);
    expect((await portal<Dash>("query", "monEspace.dashboard", undefined, alice.cookie)).data!.messages.map((m) => m.titre)).toContain(
      "Fermeture prolongée",
    );
    expect((await call("mutation", "portail.deleteMessage", { id: current.data!.id }, { cookie: otherAdmin })).status).toBe(404);
    expect((await call("mutation", "portail.deleteMessage", { id: current.data!.id }, { cookie: admin })).status).toBe(200);
    expect((await portal<Dash>("query", "monEspace.dashboard", undefined, alice.cookie)).data!.messages.map((m) => m.titre)).toEqual([
      "Permanent",
    ]);
    const actions = await env.DB.prepare("SELECT action FROM audit_log WHERE action LIKE 'PORTAIL_MESSAGE_%'").all<{ action: string }>();
    expect(actions.results.filter((r) => r.action === "PORTAIL_MESSAGE_DELETED")).toHaveLength(1);
  });
});
