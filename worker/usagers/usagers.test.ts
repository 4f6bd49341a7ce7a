import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { etatCivil as baseEtatCivil } from "../../test/support/fixtures";
import { call, count, createStaff, createStructure, signIn } from "../../test/support/worker-api";
import { addDays, calendarDateIn, startOfDayInstant } from "../rules/dates";
import { defaultDateFin } from "../rules/echeance";

const todayParis = () => calendarDateIn("Europe/Paris", new Date());

function etatCivil(over: Record<string, unknown> = {}) {
  return {
    ...baseEtatCivil,
    civilite: "Mme",
    nom: "Dupré",
    prenom: "Éloïse",
    dateNaissance: "1988-04-12",
    lieuNaissance: "Lyon",
    nationalite: "Française",
    langue: "Français",
    telephone: "06 12 34 56 78",
    contactByPhone: true,
    ayantsDroit: [{ nom: "Dupré", prenom: "Noé", dateNaissance: "2015-06-01", lien: "ENFANT" }],
    ...over,
  };
}

async function team() {
  const s = await createStructure();
  const [instructeur, gestionnaire, facteur] = await Promise.all([
    createStaff(s.id, "simple"),
    createStaff(s.id, "responsable"),
    createStaff(s.id, "facteur"),
  ]);
  return {
    s,
    simple: await signIn(instructeur.email),
    responsable: await signIn(gestionnaire.email),
    facteur: await signIn(facteur.email),
  };
}

type Fiche = {
  usager: {
    id: number;
    version: number;
    statut: string;
    ref: number;
    customRef: string;
    echeance: string | null;
    etape: number;
    typeDom: string;
    dernierPassage: string | null;
  };
  decisions: { statut: string }[];
  echeance: { level: string } | null;
};
const fiche = async (cookie: string, id: number) => (await call<Fiche>("query", "usagers.get", { id }, { cookie })).data!;

describe("creating a file", () => {
  it("gives sequential refs that are never reused, and the ref as default ID", async () => {
    const { simple } = await team();
    const a = await call<{ id: number; ref: number; customRef: string }>("mutation", "usagers.create", etatCivil(), { cookie: simple });
    const b = await call<{ id: number; ref: number; customRef: string }>(
      "mutation",
      "usagers.create",
      etatCivil({ nom: "Martin", customRef: "B-12" }),
      { cookie: simple },
    );
    expect(a.data).toMatchObject({ ref: 1, customRef: "1" });
    expect(b.data).toMatchObject({ ref: 2, customRef: "B-12" });
    await env.DB.prepare("DELETE FROM usagers WHERE id = ?").bind(b.data!.id).run();
    const c = await call<{ ref: number }>("mutation", "usagers.create", etatCivil({ nom: "Petit" }), { cookie: simple });
    expect(c.data!.ref).toBe(3);
    const f = await fiche(simple, a.data!.id);
    expect(f.usager).toMatchObject({ statut: "INSTRUCTION", etape: 1, typeDom: "PREMIERE_DOM" });
    expect(f.decisions.map((d) => d.statut)).toEqual(["INSTRUCTION"]);
  });

  it("finds possible duplicates regardless of accents and case", async () => {
    const { simple } = await team();
    await call("mutation", "usagers.create", etatCivil(), { cookie: simple });
    const dup = await call<{ nom: string }[]>("query", "usagers.duplicates", { nom: "DUPRE", prenom: "eloise" }, { cookie: simple });
    expect(dup.data!.map((d) => d.nom)).toEqual(["Dupré"]);
    const none = await call<unknown[]>("query", "usagers.duplicates", { nom: "Dupont", prenom: "Eloïse" }, { cookie: simple });
    expect(none.data).toEqual([]);
  });

  it("refuses bad input with French messages and stores nothing", async () => {
    const { simple, facteur } = await team();
    const before = await count("usagers");
    const old = await call("mutation", "usagers.create", etatCivil({ dateNaissance: "1850-01-01" }), { cookie: simple });
    expect(old.status).toBe(400);
    expect(old.error!.data.fieldErrors!.dateNaissance).toBe("Date de naissance : le 01/01/1900 au plus tôt.");
    const future = await call("mutation", "usagers.create", etatCivil({ dateNaissance: addDays(todayParis(), 2) }), { cookie: simple });
    expect(future.error!.data.fieldErrors!.dateNaissance).toContain("futur");
    const phone = await call("mutation", "usagers.create", etatCivil({ telephone: "01 23 45 67 89" }), { cookie: simple });
    expect(phone.error!.data.fieldErrors!.telephone).toContain("mobile");
    const badDate = await call("mutation", "usagers.create", etatCivil({ dateNaissance: "1990-02-30" }), { cookie: simple });
    expect(badDate.error!.data.fieldErrors!.dateNaissance).toContain("date invalide");
    expect((await call("mutation", "usagers.create", etatCivil(), { cookie: facteur })).status).toBe(403);
    expect(await count("usagers")).toBe(before);
  });
});

describe("the request lifecycle", () => {
  it("instruct → submit → validate (gestionnaire only) → radiate → renew → undo", async () => {
    const { simple, responsable } = await team();
    const { data } = await call<{ id: number }>("mutation", "usagers.create", etatCivil(), { cookie: simple });
    const id = data!.id;
    let f = await fiche(simple, id);
    const me = (await call<{ id: number }>("query", "compte.me", undefined, { cookie: simple })).data!.id;
    for (const [at, message] of [
      [new Date(Date.now() - 86_400_000), "dans le futur"],
      [new Date(Date.UTC(275760, 0, 1)), "au plus tard dans un an"],
      [new Date(Date.now() + 400 * 86_400_000), "au plus tard dans un an"],
    ] as const) {
      const rdv = { maintenant: false, at: at.toISOString(), userId: me };
      const refused = await call("mutation", "usagers.setRendezVous", { usagerId: id, version: f.usager.version, rdv }, { cookie: simple });
      expect(refused.error!.data.fieldErrors!["rdv.at"]).toContain(message);
    }
    expect((await fiche(simple, id)).usager.etape).toBe(1);
    expect(
      (
        await call(
          "mutation",
          "usagers.setRendezVous",
          { usagerId: id, version: f.usager.version, rdv: { maintenant: true } },
          { cookie: simple },
        )
      ).status,
    ).toBe(200);
    f = await fiche(simple, id);
    expect(f.usager.etape).toBe(2);
    expect(
      (
        await call(
          "mutation",
          "usagers.updateEntretien",
          { usagerId: id, version: f.usager.version, entretien: { residence: "Hôtel", cause: "Expulsion", revenus: false } },
          { cookie: simple },
        )
      ).status,
    ).toBe(200);
    f = await fiche(simple, id);
    expect(f.usager.etape).toBe(3);
    expect((await call("mutation", "usagers.submit", { usagerId: id, version: f.usager.version }, { cookie: simple })).status).toBe(200);
    f = await fiche(simple, id);
    expect(f.usager.statut).toBe("ATTENTE_DECISION");

    const t = todayParis();
    const validation = { usagerId: id, version: f.usager.version, dateDebut: t, dateFin: defaultDateFin(t), customRef: "01" };
    const refused = await call("mutation", "usagers.validate", validation, { cookie: simple });
    expect(refused.status).toBe(403);
    const tooLong = await call(
      "mutation",
      "usagers.validate",
      { ...validation, dateFin: addDays(defaultDateFin(t), 1) },
      { cookie: responsable },
    );
    expect(tooLong.error!.data.fieldErrors!.dateFin).toContain("au plus tard");
    const backwards = await call("mutation", "usagers.validate", { ...validation, dateFin: addDays(t, -1) }, { cookie: responsable });
    expect(backwards.error!.data.fieldErrors!.dateFin).toBe("Date de fin : elle doit être après la date de début.");
    expect((await call("mutation", "usagers.validate", validation, { cookie: responsable })).status).toBe(200);
    f = await fiche(simple, id);
    expect(f.usager).toMatchObject({ statut: "VALIDE", customRef: "01", echeance: defaultDateFin(t), etape: 5 });
    expect(f.usager.dernierPassage).not.toBeNull();
    expect(f.echeance!.level).toBe("ok");

    const radiation = { usagerId: id, version: f.usager.version, date: t, motif: "AUTRE", motifDetails: "court" };
    const short = await call("mutation", "usagers.radiate", radiation, { cookie: simple });
    expect(short.error!.data.fieldErrors!.motifDetails).toContain("10 caractères");
    expect(
      (await call("mutation", "usagers.radiate", { ...radiation, motif: "A_SA_DEMANDE", motifDetails: null }, { cookie: simple })).status,
    ).toBe(200);
    f = await fiche(simple, id);
    expect(f.usager).toMatchObject({ statut: "RADIE", echeance: null });

    expect((await call("mutation", "usagers.renew", { usagerId: id, version: f.usager.version }, { cookie: simple })).status).toBe(200);
    f = await fiche(simple, id);
    expect(f.usager).toMatchObject({ statut: "INSTRUCTION", typeDom: "PREMIERE_DOM", etape: 0 });

    expect((await call("mutation", "usagers.undoDecision", { usagerId: id, version: f.usager.version }, { cookie: simple })).status).toBe(
      403,
    );
    expect(
      (await call("mutation", "usagers.undoDecision", { usagerId: id, version: f.usager.version }, { cookie: responsable })).status,
    ).toBe(200);
    f = await fiche(simple, id);
    expect(f.usager.statut).toBe("RADIE");
    const notes = await call<{ notes: { message: string }[] }>("query", "usagers.notes", { usagerId: id }, { cookie: simple });
    expect(notes.data!.notes[0]!.message).toBe("Suppression de la décision : Instruction");

    const hist = await call<{ entries: { action: string }[] }>("query", "usagers.history", { usagerId: id }, { cookie: simple });
    expect(hist.data!.entries.map((e) => e.action).reverse()).toEqual([
      "USAGER_CREATED",
      "USAGER_RDV_SET",
      "USAGER_ENTRETIEN_UPDATED",
      "USAGER_SUBMITTED",
      "USAGER_VALIDATED",
      "USAGER_RADIATED",
      "USAGER_RENEWAL",
      "USAGER_DECISION_UNDONE",
    ]);
  });

  it("a renewal keeps the current échéance active while it is instructed", async () => {
    const { simple, responsable } = await team();
    const { data } = await call<{ id: number }>("mutation", "usagers.create", etatCivil(), { cookie: simple });
    const t = todayParis();
    let f = await fiche(simple, data!.id);
    await call(
      "mutation",
      "usagers.validate",
      { usagerId: data!.id, version: f.usager.version, dateDebut: t, dateFin: defaultDateFin(t), customRef: null },
      { cookie: responsable },
    );
    f = await fiche(simple, data!.id);
    await call("mutation", "usagers.renew", { usagerId: data!.id, version: f.usager.version }, { cookie: simple });
    f = await fiche(simple, data!.id);
    expect(f.usager).toMatchObject({ statut: "INSTRUCTION", typeDom: "RENOUVELLEMENT", echeance: defaultDateFin(t) });
  });

  it("refuses a write based on a stale read, and keeps nothing of it", async () => {
    const { simple } = await team();
    const { data } = await call<{ id: number }>("mutation", "usagers.create", etatCivil(), { cookie: simple });
    const f = await fiche(simple, data!.id);
    const first = await call(
      "mutation",
      "usagers.updateEtatCivil",
      { usagerId: data!.id, version: f.usager.version, etatCivil: etatCivil({ prenom: "Lou" }) },
      { cookie: simple },
    );
    expect(first.status).toBe(200);
    const audits = await count("audit_log");
    const second = await call(
      "mutation",
      "usagers.updateEtatCivil",
      { usagerId: data!.id, version: f.usager.version, etatCivil: etatCivil({ prenom: "Zoé" }) },
      { cookie: simple },
    );
    expect(second.status).toBe(409);
    expect(second.error!.message).toContain("modifié par un collègue");
    expect(await count("audit_log")).toBe(audits);
    const after = await env.DB.prepare("SELECT prenom FROM usagers WHERE id = ?").bind(data!.id).first();
    expect(after).toEqual({ prenom: "Lou" });
  });
});

describe("contact details", () => {
  it("every role, agent and facteur included, edits phone, e-mail and SMS consent; the rest of the état civil stays instructeur and above", async () => {
    const { s, simple, facteur } = await team();
    const agent = await signIn((await createStaff(s.id, "agent")).email);
    const id = (
      await call<{ id: number }>("mutation", "usagers.create", etatCivil({ nom: "Contact", telephone: null, contactByPhone: false }), {
        cookie: simple,
      })
    ).data!.id;
    const t = todayParis();
    const mandataire = { nom: "Mandatée", prenom: "Odile", dateNaissance: "1970-05-05", dateDebut: t, dateFin: addDays(t, 30) };
    expect(
      (
        await call(
          "mutation",
          "courrier.saveProcuration",
          { action: "create", usagerId: id, version: (await fiche(simple, id)).usager.version, procuration: mandataire },
          { cookie: facteur },
        )
      ).status,
    ).toBe(200);

    const contact = { telephone: "07 98 76 54 32", email: "contact@example.fr", contactByPhone: true };
    const byFacteur = await call(
      "mutation",
      "usagers.updateContact",
      { usagerId: id, version: (await fiche(simple, id)).usager.version, contact },
      { cookie: facteur },
    );
    expect(byFacteur.status).toBe(200);
    type Usager = { telephone: string | null; email: string | null; contactByPhone: boolean; nom: string };
    const saved = (await call<{ usager: Usager }>("query", "usagers.get", { id }, { cookie: agent })).data!.usager;
    expect(saved).toMatchObject({ ...contact, nom: "Contact" });
    const byAgent = await call(
      "mutation",
      "usagers.updateContact",
      {
        usagerId: id,
        version: (await fiche(simple, id)).usager.version,
        contact: { telephone: null, email: "autre@example.fr", contactByPhone: false },
      },
      { cookie: agent },
    );
    expect(byAgent.status).toBe(200);
    expect((await call<{ usager: Usager }>("query", "usagers.get", { id }, { cookie: agent })).data!.usager).toMatchObject({
      telephone: null,
      email: "autre@example.fr",
      contactByPhone: false,
    });
    // A bad number is refused with its field's French message; nothing is written.
    const bad = await call(
      "mutation",
      "usagers.updateContact",
      { usagerId: id, version: (await fiche(simple, id)).usager.version, contact: { ...contact, telephone: "12" } },
      { cookie: agent },
    );
    expect(bad.status).toBe(400);
    expect(bad.error!.data.fieldErrors!["contact.telephone"]).toContain("Téléphone");
    // The new number is searchable, the mandataire still is.
    await call(
      "mutation",
      "usagers.updateContact",
      { usagerId: id, version: (await fiche(simple, id)).usager.version, contact },
      { cookie: facteur },
    );
    type List = { rows: { id: number }[] };
    expect((await call<List>("query", "usagers.list", { q: "0798765432" }, { cookie: facteur })).data!.rows.map((r) => r.id)).toEqual([id]);
    expect((await call<List>("query", "usagers.list", { q: "mandatee" }, { cookie: facteur })).data!.rows.map((r) => r.id)).toEqual([id]);
    // The état civil itself: refused to the agent and the facteur.
    const etat = { usagerId: id, version: (await fiche(simple, id)).usager.version, etatCivil: etatCivil({ nom: "Changé" }) };
    expect((await call("mutation", "usagers.updateEtatCivil", etat, { cookie: agent })).status).toBe(403);
    expect((await call("mutation", "usagers.updateEtatCivil", etat, { cookie: facteur })).status).toBe(403);
    // Each change is in the file's history; the refused one is not.
    const history = await call<{ entries: { action: string }[] }>("query", "usagers.history", { usagerId: id }, { cookie: simple });
    expect(history.data!.entries.filter((e) => e.action === "USAGER_CONTACT_UPDATED")).toHaveLength(3);
    // An instructeur's edit of the état civil keeps the mandataire searchable too.
    expect(
      (
        await call(
          "mutation",
          "usagers.updateEtatCivil",
          { ...etat, etatCivil: etatCivil({ nom: "Contact", prenom: "Renée" }) },
          { cookie: simple },
        )
      ).status,
    ).toBe(200);
    expect((await call<List>("query", "usagers.list", { q: "mandatee" }, { cookie: facteur })).data!.rows.map((r) => r.id)).toEqual([id]);
  });
});

describe("the list", () => {
  it("searches accent- and case-insensitively, on ayants droit, birth date and phone; tabs count", async () => {
    const { simple, responsable } = await team();
    const mk = async (over: Record<string, unknown>) =>
      (await call<{ id: number }>("mutation", "usagers.create", etatCivil(over), { cookie: simple })).data!.id;
    const eloise = await mk({});
    await mk({ nom: "Bernard", prenom: "Marc", telephone: "07 11 22 33 44", ayantsDroit: [], dateNaissance: "1970-01-02" });
    await mk({
      nom: "Lefèvre",
      prenom: "Anaïs",
      ayantsDroit: [{ nom: "Lefèvre", prenom: "Jérôme", dateNaissance: "1980-03-03", lien: "CONJOINT" }],
    });
    const t = todayParis();
    const f = await fiche(simple, eloise);
    await call(
      "mutation",
      "usagers.validate",
      { usagerId: eloise, version: f.usager.version, dateDebut: t, dateFin: defaultDateFin(t), customRef: null },
      { cookie: responsable },
    );

    type List = { rows: { id: number; nom: string }[]; total: number; tabCounts: Record<string, number> };
    const list = async (input: Record<string, unknown>) => (await call<List>("query", "usagers.list", input, { cookie: simple })).data!;
    expect((await list({ q: "eloise" })).rows.map((r) => r.id)).toEqual([eloise]);
    expect((await list({ q: "ÉLOÏSE dup" })).rows.map((r) => r.id)).toEqual([eloise]);
    expect((await list({ q: "jerome" })).rows.map((r) => r.nom)).toEqual(["Lefèvre"]);
    expect((await list({ q: "02/01/1970" })).rows.map((r) => r.nom)).toEqual(["Bernard"]);
    expect((await list({ q: "0711223344" })).rows.map((r) => r.nom)).toEqual(["Bernard"]);
    expect((await list({ q: "07 11 22" })).rows.map((r) => r.nom)).toEqual(["Bernard"]);
    expect((await list({ q: "le" })).rows.map((r) => r.nom)).toEqual(["Lefèvre"]);
    const all = await list({});
    expect(all.total).toBe(3);
    expect(all.tabCounts).toMatchObject({ TOUS: 3, ACTIFS: 1, INSTRUCTION: 2, A_VALIDER: 0, REFUSES: 0, RADIES: 0 });
    expect((await list({ tab: "ACTIFS" })).rows.map((r) => r.id)).toEqual([eloise]);
    expect((await list({ echeance: "MOINS_60_JOURS" })).total).toBe(0);
    expect((await list({ sort: "nom", order: "desc" })).rows.map((r) => r.nom)).toEqual(["Lefèvre", "Dupré", "Bernard"]);
  });

  it("counts every tab for a search: each file once, this structure's only, filters included", async () => {
    const { simple, responsable } = await team();
    const other = await team();
    const mk = async (cookie: string, nom: string, prenom: string) =>
      (await call<{ id: number }>("mutation", "usagers.create", etatCivil({ nom, prenom, ayantsDroit: [] }), { cookie })).data!.id;
    const marchal = await mk(simple, "Marchal", "Marie");
    await mk(simple, "Dupont", "Mathis");
    await mk(simple, "Amar", "Léa");
    await mk(other.simple, "Martin", "Marc");
    const t = todayParis();
    const f = await fiche(simple, marchal);
    await call(
      "mutation",
      "usagers.validate",
      { usagerId: marchal, version: f.usager.version, dateDebut: t, dateFin: defaultDateFin(t), customRef: null },
      { cookie: responsable },
    );

    type List = { rows: { id: number; nom: string }[]; total: number; tabCounts: Record<string, number> };
    const list = async (input: Record<string, unknown>) => (await call<List>("query", "usagers.list", input, { cookie: simple })).data!;
    // 2 letters: start of nom or prénom; Marchal Marie matches both and counts once.
    const prefix = await list({ q: "ma" });
    expect(prefix.rows.map((r) => r.nom)).toEqual(["Dupont", "Marchal"]);
    expect(prefix.tabCounts).toMatchObject({ TOUS: 2, ACTIFS: 1, INSTRUCTION: 1, RADIES: 0 });
    // 3+ letters: anywhere in the names (trigram index), tab and filters applied to the page only where due.
    const trigram = await list({ q: "mar" });
    expect(trigram.rows.map((r) => r.nom)).toEqual(["Amar", "Marchal"]);
    expect(trigram.tabCounts).toMatchObject({ TOUS: 2, ACTIFS: 1, INSTRUCTION: 1 });
    const actifs = await list({ q: "mar", tab: "ACTIFS" });
    expect(actifs.rows.map((r) => r.nom)).toEqual(["Marchal"]);
    expect(actifs.total).toBe(1);
    expect(actifs.tabCounts.TOUS).toBe(2);
    expect((await list({ q: "mar", echeance: "MOINS_60_JOURS" })).tabCounts.TOUS).toBe(0);
    expect((await list({ q: "mar", sort: "nom", order: "desc", page: 2 })).rows).toEqual([]);
  });

  it("échéance « dans moins de 2 semaines / 2 mois » keeps the file with exactly 15 / 60 days left, as its colour does", async () => {
    const { simple, responsable } = await team();
    const t = todayParis();
    const byDays = new Map<number, number>();
    for (const days of [-1, 0, 15, 16, 60, 61]) {
      const id = (
        await call<{ id: number }>("mutation", "usagers.create", etatCivil({ nom: `J${days + 10}`, ayantsDroit: [] }), { cookie: simple })
      ).data!.id;
      const f = await fiche(simple, id);
      const res = await call(
        "mutation",
        "usagers.validate",
        { usagerId: id, version: f.usager.version, dateDebut: addDays(t, -300), dateFin: addDays(t, days), customRef: null },
        { cookie: responsable },
      );
      expect(res.status).toBe(200);
      byDays.set(id, days);
    }
    type List = { rows: { id: number; echeanceLevel: string }[] };
    const daysIn = async (echeance: string) =>
      (await call<List>("query", "usagers.list", { echeance, sort: "echeance" }, { cookie: simple })).data!.rows.map((r) =>
        byDays.get(r.id),
      );
    expect(await daysIn("MOINS_15_JOURS")).toEqual([0, 15]);
    expect(await daysIn("MOINS_60_JOURS")).toEqual([0, 15, 16, 60]);
    expect(await daysIn("DEPASSEE")).toEqual([-1]);
    // The list's colours: red up to 15 days left, amber up to 60.
    const levels = (await call<List>("query", "usagers.list", { sort: "echeance" }, { cookie: simple })).data!.rows.map(
      (r) => `${byDays.get(r.id)}:${r.echeanceLevel}`,
    );
    expect(levels).toEqual(["-1:depassee", "0:danger", "15:danger", "16:warning", "60:warning", "61:ok"]);
  });

  it("« entretien dépassé »: files still at or before the entretien step, their rendez-vous on a day before today in the structure's timezone", async () => {
    const { simple, responsable } = await team();
    const me = (await call<{ id: number }>("query", "compte.me", undefined, { cookie: simple })).data!.id;
    const mk = async (nom: string) =>
      (await call<{ id: number }>("mutation", "usagers.create", etatCivil({ nom }), { cookie: simple })).data!.id;
    const aVenir = await mk("Avenir");
    const hier = await mk("Hier");
    const cetteNuit = await mk("Cettenuit");
    const faitHier = await mk("Faithier");
    await mk("Sansrdv");
    const valide = await mk("Validé");
    const rdv = async (id: number, body: Record<string, unknown>) => {
      const f = await fiche(simple, id);
      expect(
        (await call("mutation", "usagers.setRendezVous", { usagerId: id, version: f.usager.version, rdv: body }, { cookie: simple }))
          .status,
      ).toBe(200);
    };
    await rdv(aVenir, { maintenant: false, at: new Date(Date.now() + 3 * 86_400_000).toISOString(), userId: me });
    for (const id of [hier, cetteNuit, faitHier, valide]) await rdv(id, { maintenant: true });
    // Rendez-vous in the past can only be set by hand: 23:59 yesterday and 00:01 today, Paris time
    // (00:01 in Paris is still yesterday in UTC).
    const midnight = startOfDayInstant(todayParis(), "Europe/Paris").getTime();
    const setRdvAt = (id: number, at: number) => env.DB.prepare("UPDATE usagers SET rdv_at = ? WHERE id = ?").bind(at, id).run();
    await setRdvAt(hier, midnight - 60_000);
    await setRdvAt(cetteNuit, midnight + 60_000);
    await setRdvAt(faitHier, midnight - 60_000);
    // Its entretien is done: the file has moved on to the « pièces justificatives » step.
    const f3 = await fiche(simple, faitHier);
    expect(
      (await call("mutation", "usagers.setEtape", { usagerId: faitHier, version: f3.usager.version, etape: 3 }, { cookie: simple })).status,
    ).toBe(200);
    const t = todayParis();
    const f = await fiche(simple, valide);
    await call(
      "mutation",
      "usagers.validate",
      { usagerId: valide, version: f.usager.version, dateDebut: t, dateFin: defaultDateFin(t), customRef: null },
      { cookie: responsable },
    );

    type List = { rows: { id: number }[]; total: number };
    const list = async (input: Record<string, unknown>) => (await call<List>("query", "usagers.list", input, { cookie: simple })).data!;
    expect((await list({ entretien: "A_VENIR" })).rows.map((r) => r.id)).toEqual([aVenir]);
    expect((await list({ entretien: "DEPASSE" })).rows.map((r) => r.id)).toEqual([hier]);
    expect((await list({ entretien: "DEPASSE", q: "hie" })).total).toBe(1);
    expect((await call("query", "usagers.list", { entretien: "DEMAIN" }, { cookie: simple })).status).toBe(400);
  });

  it("bulk-radiates and bulk-assigns a référent within the structure only", async () => {
    const { s, simple, responsable } = await team();
    const other = await team();
    const t = todayParis();
    const ids: number[] = [];
    for (const nom of ["Aa", "Bb", "Cc"]) {
      const id = (await call<{ id: number }>("mutation", "usagers.create", etatCivil({ nom }), { cookie: simple })).data!.id;
      const f = await fiche(simple, id);
      await call(
        "mutation",
        "usagers.validate",
        { usagerId: id, version: f.usager.version, dateDebut: t, dateFin: defaultDateFin(t), customRef: null },
        { cookie: responsable },
      );
      ids.push(id);
    }
    const foreign = (await call<{ id: number }>("mutation", "usagers.create", etatCivil(), { cookie: other.simple })).data!.id;
    const referent = await createStaff(s.id, "simple");
    const assigned = await call<{ updated: number }>(
      "mutation",
      "usagers.bulkAssignReferent",
      { usagerIds: [...ids, foreign], referentId: referent.id },
      { cookie: simple },
    );
    expect(assigned.data!.updated).toBe(3);
    const res = await call<{ radies: number; ignores: number }>(
      "mutation",
      "usagers.bulkRadiate",
      { usagerIds: [ids[0], ids[1], foreign], date: t, motif: "NON_MANIFESTATION_3_MOIS", motifDetails: null },
      { cookie: simple },
    );
    expect(res.data).toEqual({ radies: 2, ignores: 1 });
    expect((await fiche(other.simple, foreign)).usager.statut).toBe("INSTRUCTION");
    expect((await call("query", "usagers.get", { id: foreign }, { cookie: simple })).status).toBe(404);
  });
});

describe("notes", () => {
  it("any role adds; one pinned note; facteur cannot pin or delete; HTML is dropped", async () => {
    const { simple, facteur } = await team();
    const id = (await call<{ id: number }>("mutation", "usagers.create", etatCivil(), { cookie: simple })).data!.id;
    expect(
      (
        await call(
          "mutation",
          "usagers.addNote",
          { usagerId: id, message: "<b>Passe</b> le mardi <script>x</script>" },
          { cookie: facteur },
        )
      ).status,
    ).toBe(200);
    await call("mutation", "usagers.addNote", { usagerId: id, message: "Deuxième note" }, { cookie: simple });
    const notes = (await call<{ notes: { id: number; message: string }[] }>("query", "usagers.notes", { usagerId: id }, { cookie: simple }))
      .data!.notes;
    expect(notes.map((n) => n.message)).toEqual(["Deuxième note", "Passe le mardi x"]);
    expect((await call("mutation", "usagers.changeNote", { noteId: notes[0]!.id, action: "pin" }, { cookie: facteur })).status).toBe(403);
    await call("mutation", "usagers.changeNote", { noteId: notes[0]!.id, action: "pin" }, { cookie: simple });
    await call("mutation", "usagers.changeNote", { noteId: notes[1]!.id, action: "pin" }, { cookie: simple });
    const f = (await call<{ pinnedNote: { id: number } }>("query", "usagers.get", { id }, { cookie: simple })).data!;
    expect(f.pinnedNote.id).toBe(notes[1]!.id);
    const row = (
      await call<{ rows: { id: number; hasPinnedNote: boolean }[] }>("query", "usagers.list", {}, { cookie: simple })
    ).data!.rows.find((r) => r.id === id);
    expect(row!.hasPinnedNote).toBe(true);
    await call("mutation", "usagers.changeNote", { noteId: notes[1]!.id, action: "archive" }, { cookie: simple });
    const archived = (
      await call<{ notes: { id: number; pinned: boolean }[] }>(
        "query",
        "usagers.notes",
        { usagerId: id, archived: true },
        { cookie: simple },
      )
    ).data!.notes;
    expect(archived).toMatchObject([{ id: notes[1]!.id, pinned: false }]);
    const after = (
      await call<{ rows: { id: number; hasPinnedNote: boolean }[] }>("query", "usagers.list", {}, { cookie: simple })
    ).data!.rows.find((r) => r.id === id);
    expect(after!.hasPinnedNote).toBe(false);
    expect((await call("mutation", "usagers.changeNote", { noteId: notes[0]!.id, action: "delete" }, { cookie: simple })).status).toBe(200);
  });
});
