import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { allProcedures } from "../support/procedures";
import { call, createStaff, createStructure, ORIGIN, signIn, type CallResult, workerFetch } from "../support/worker-api";


/** Structure A's records, which structure B's administrator tries to reach. */
interface A {
  structureId: number;
  usagerId: number;
  memberId: number;
  noteId: number;
  documentId: number;
  messageId: number;
  version: number;
}

type Expectation = "NOT_FOUND" | ((res: CallResult, a: A) => void);
interface Fixture {
  input: (a: A) => unknown;
  expect: Expectation;
}

const etatCivil = {
  civilite: "M.",
  nom: "Isolé",
  prenom: "Test",
  surnom: null,
  dateNaissance: "1980-01-01",
  lieuNaissance: "Paris",
  nationalite: null,
  langue: null,
  telephone: null,
  email: null,
  contactByPhone: false,
  numeroDistribution: null,
  referentId: null,
  customRef: null,
  ayantsDroit: [],
};
const noneOfA = (res: CallResult, a: A) => {
  expect(res.status).toBe(200);
  expect(JSON.stringify(res.data)).not.toContain(`"Secret-A"`);
  expect(JSON.stringify(res.data)).not.toMatch(new RegExp(`"id":${a.usagerId}[,}]`));
};
const ownOnly = (res: CallResult) => expect(res.status).toBe(200);
const rejected = (res: CallResult) => expect([400, 404, 409]).toContain(res.status);

/**
 * For each staff procedure: what B's admin sends with A's identifiers, and what must come back.
 * A procedure missing here fails the suite.
 */
const FIXTURES: Record<string, Fixture> = {
  "compte.signOut": { input: () => undefined, expect: ownOnly },
  "compte.me": { input: () => undefined, expect: noneOfA },
  "compte.changePassword": { input: () => ({ current: "x", next: "y" }), expect: rejected },
  "structures.mine": { input: () => undefined, expect: (res, a) => expect((res.data as { id: number }).id).not.toBe(a.structureId) },
  "structures.update": { input: () => ({}), expect: rejected },
  "structures.updateOptions": { input: () => ({ nomStructure: true, numeroBoite: true, surnom: true }), expect: ownOnly },
  "equipe.list": { input: () => undefined, expect: (res, a) => expect((res.data as { id: number }[]).map((m) => m.id)).not.toContain(a.memberId) },
  "equipe.colleagues": { input: () => undefined, expect: (res, a) => expect((res.data as { id: number }[]).map((m) => m.id)).not.toContain(a.memberId) },
  "equipe.invite": { input: () => ({ nom: "N", prenom: "P", email: "new-b@example.fr", fonction: "Bénévole", fonctionDetail: null, role: "simple" }), expect: ownOnly },
  "equipe.issueLink": { input: (a) => ({ userId: a.memberId }), expect: "NOT_FOUND" },
  "equipe.changeRole": { input: (a) => ({ userId: a.memberId, role: "facteur" }), expect: "NOT_FOUND" },
  "equipe.setStatus": { input: (a) => ({ userId: a.memberId, action: "delete" }), expect: "NOT_FOUND" },
  "journal.list": { input: () => ({}), expect: (res, a) => {
    const entries = (res.data as { entries: { targetId: string | null }[] }).entries;
    expect(entries.map((e) => e.targetId)).not.toContain(String(a.usagerId));
  } },
  "usagers.list": { input: () => ({ q: "Secret" }), expect: (res) => expect((res.data as { total: number }).total).toBe(0) },
  "usagers.get": { input: (a) => ({ id: a.usagerId }), expect: "NOT_FOUND" },
  "usagers.duplicates": { input: () => ({ nom: "Secret-A", prenom: "Personne" }), expect: (res) => expect(res.data).toEqual([]) },
  "usagers.customRefHolders": { input: () => ({ customRef: "A-001" }), expect: (res) => expect(res.data).toEqual([]) },
  "usagers.create": { input: () => etatCivil, expect: ownOnly },
  "usagers.updateEtatCivil": { input: (a) => ({ usagerId: a.usagerId, version: a.version, etatCivil }), expect: "NOT_FOUND" },
  "usagers.updateEntretien": { input: (a) => ({ usagerId: a.usagerId, version: a.version, entretien: {} }), expect: "NOT_FOUND" },
  "usagers.setRendezVous": { input: (a) => ({ usagerId: a.usagerId, version: a.version, rdv: { maintenant: true } }), expect: "NOT_FOUND" },
  "usagers.setEtape": { input: (a) => ({ usagerId: a.usagerId, version: a.version, etape: 2 }), expect: "NOT_FOUND" },
  "usagers.submit": { input: (a) => ({ usagerId: a.usagerId, version: a.version }), expect: "NOT_FOUND" },
  "usagers.validate": { input: (a) => ({ usagerId: a.usagerId, version: a.version, dateDebut: "2026-01-01", dateFin: "2026-12-31", customRef: null }), expect: "NOT_FOUND" },
  "usagers.refuse": { input: (a) => ({ usagerId: a.usagerId, version: a.version, date: "2026-01-01", motif: "SATURATION", motifDetails: null, orientation: null, orientationDetails: null }), expect: "NOT_FOUND" },
  "usagers.radiate": { input: (a) => ({ usagerId: a.usagerId, version: a.version, date: "2026-01-01", motif: "A_SA_DEMANDE", motifDetails: null }), expect: "NOT_FOUND" },
  "usagers.bulkRadiate": { input: (a) => ({ usagerIds: [a.usagerId], date: "2026-01-01", motif: "A_SA_DEMANDE", motifDetails: null }), expect: (res) => expect(res.data).toEqual({ radies: 0, ignores: 1 }) },
  "usagers.renew": { input: (a) => ({ usagerId: a.usagerId, version: a.version }), expect: "NOT_FOUND" },
  "usagers.undoDecision": { input: (a) => ({ usagerId: a.usagerId, version: a.version }), expect: "NOT_FOUND" },
  "usagers.bulkAssignReferent": { input: (a) => ({ usagerIds: [a.usagerId], referentId: null }), expect: (res) => expect(res.data).toEqual({ updated: 0 }) },
  "usagers.historique": { input: (a) => ({ usagerId: a.usagerId }), expect: "NOT_FOUND" },
  "usagers.notes": { input: (a) => ({ usagerId: a.usagerId }), expect: "NOT_FOUND" },
  "usagers.addNote": { input: (a) => ({ usagerId: a.usagerId, message: "intrusion" }), expect: "NOT_FOUND" },
  "usagers.changeNote": { input: (a) => ({ noteId: a.noteId, action: "delete" }), expect: "NOT_FOUND" },
  "courrier.history": { input: (a) => ({ usagerId: a.usagerId }), expect: "NOT_FOUND" },
  "courrier.pending": { input: (a) => ({ usagerId: a.usagerId }), expect: "NOT_FOUND" },
  "courrier.receive": { input: (a) => ({ usagerId: a.usagerId, courrier: 1 }), expect: "NOT_FOUND" },
  "courrier.distribute": { input: (a) => ({ usagerId: a.usagerId, types: ["courrierIn"], to: { kind: "domicilie" } }), expect: "NOT_FOUND" },
  "courrier.presence": { input: (a) => ({ usagerId: a.usagerId, type: "visite" }), expect: "NOT_FOUND" },
  "courrier.deleteLast": { input: (a) => ({ usagerId: a.usagerId, interactionId: 1 }), expect: "NOT_FOUND" },
  "courrier.procurations": { input: (a) => ({ usagerId: a.usagerId }), expect: "NOT_FOUND" },
  "courrier.saveProcuration": {
    input: (a) => ({ action: "create", usagerId: a.usagerId, version: a.version, procuration: { nom: "X", prenom: "Y", dateNaissance: "1990-01-01", dateDebut: "2026-01-01", dateFin: "2026-12-31" } }),
    expect: "NOT_FOUND",
  },
  "courrier.saveTransfert": { input: (a) => ({ usagerId: a.usagerId, version: a.version, transfert: null }), expect: "NOT_FOUND" },
  "courrier.setNpai": { input: (a) => ({ usagerId: a.usagerId, version: a.version, actif: false }), expect: "NOT_FOUND" },
  "portail.settings": { input: () => undefined, expect: ownOnly },
  "portail.updateSettings": { input: () => ({ enabled: true, loginUpdatesDernierPassage: false }), expect: ownOnly },
  "portail.account": { input: (a) => ({ usagerId: a.usagerId }), expect: "NOT_FOUND" },
  "portail.setPreference": { input: (a) => ({ usagerId: a.usagerId, acces: true }), expect: "NOT_FOUND" },
  "portail.accounts": { input: () => ({}), expect: noneOfA },
  "portail.bulkCreate": { input: () => undefined, expect: (res) => expect(res.data).toMatchObject({ created: 0 }) },
  "portail.messages": { input: () => undefined, expect: (res, a) => {
    expect(res.status).toBe(200);
    expect((res.data as { id: number }[]).map((m) => m.id)).not.toContain(a.messageId);
  } },
  "portail.saveMessage": {
    input: (a) => ({ id: a.messageId, titre: "volé", texte: "Message détourné", type: "general", dateDebut: "2026-01-01", dateFin: null }),
    expect: "NOT_FOUND",
  },
  "portail.deleteMessage": { input: (a) => ({ id: a.messageId }), expect: "NOT_FOUND" },
  "documents.list": { input: (a) => ({ usagerId: a.usagerId }), expect: "NOT_FOUND" },
  "documents.upload": { input: (a) => a, expect: "NOT_FOUND" },
  "documents.rename": { input: (a) => ({ id: a.documentId, label: "volé" }), expect: "NOT_FOUND" },
  "documents.setShared": { input: (a) => ({ id: a.documentId, shared: true }), expect: "NOT_FOUND" },
  "documents.remove": { input: (a) => ({ id: a.documentId }), expect: "NOT_FOUND" },
  "documents.generateLetter": { input: (a) => ({ usagerId: a.usagerId, kind: "attestation" }), expect: "NOT_FOUND" },
};

async function uploadAs(cookie: string, a: A): Promise<CallResult> {
  const fd = new FormData();
  fd.set("usagerId", String(a.usagerId));
  fd.set("label", "intrusion");
  fd.set("shared", "false");
  fd.set("file", new File([new TextEncoder().encode("%PDF-1.4 x")], "x.pdf"));
  const res = await workerFetch(new Request(`${ORIGIN}/trpc/documents.upload`, { method: "POST", headers: { cookie, origin: ORIGIN }, body: fd }));
  const body = (await res.json()) as { error?: CallResult["error"] };
  return { status: res.status, error: body.error, setCookie: null };
}

/** A snapshot of everything structure A owns, to prove nothing changed. */
async function snapshotA(structureId: number) {
  const tables = ["usagers", "usager_notes", "usager_documents", "usager_decisions", "staff_users", "interactions", "procurations", "portail_accounts", "structure_messages"];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    out[t] = (await env.DB.prepare(`SELECT * FROM ${t} WHERE structure_id = ? ORDER BY id`).bind(structureId).all()).results;
  }
  out.structure = await env.DB.prepare("SELECT * FROM structures WHERE id = ?").bind(structureId).first();
  return out;
}

describe("structure isolation, for every staff procedure of the router", () => {
  const staffPaths = allProcedures().filter((p) => p.meta.audience === "staff");
  let a: A;
  let cookieB: string;

  beforeAll(async () => {
    const sa = await createStructure();
    const adminA = await signIn((await createStaff(sa.id, "admin")).email);
    const member = await createStaff(sa.id, "simple");
    const u = await call<{ id: number }>("mutation", "usagers.create", { ...etatCivil, nom: "Secret-A", prenom: "Personne", customRef: "A-001" }, { cookie: adminA });
    await call("mutation", "usagers.addNote", { usagerId: u.data!.id, message: "Note de A" }, { cookie: adminA });
    const note = await env.DB.prepare("SELECT id FROM usager_notes WHERE usager_id = ?").bind(u.data!.id).first<{ id: number }>();
    const up = await uploadAs(adminA, { usagerId: u.data!.id } as A);
    expect(up.status).toBe(200);
    const doc = await env.DB.prepare("SELECT id FROM usager_documents WHERE usager_id = ?").bind(u.data!.id).first<{ id: number }>();
    const version = (await env.DB.prepare("SELECT version FROM usagers WHERE id = ?").bind(u.data!.id).first<{ version: number }>())!.version;
    const message = await call<{ id: number }>("mutation", "portail.saveMessage", { titre: "Secret-A", texte: "Fermeture exceptionnelle", type: "closing", dateDebut: "2026-01-01", dateFin: null }, { cookie: adminA });
    expect(message.status).toBe(200);
    a = { structureId: sa.id, usagerId: u.data!.id, memberId: member.id, noteId: note!.id, documentId: doc!.id, messageId: message.data!.id, version };
    const sb = await createStructure();
    cookieB = await signIn((await createStaff(sb.id, "admin")).email);
  });

  it("has an isolation fixture for every staff procedure", () => {
    const missing = staffPaths.map((p) => p.path).filter((path) => !FIXTURES[path]);
    expect(missing).toEqual([]);
  });

  it("never lets structure B read or change structure A's data", async () => {
    const before = await snapshotA(a.structureId);
    for (const p of staffPaths) {
      const fixture = FIXTURES[p.path];
      if (!fixture) continue;
      // Sign-out ends B's session: sign in again after it.
      const res =
        p.path === "documents.upload" ? await uploadAs(cookieB, a) : await call(p.type, p.path, fixture.input(a), { cookie: cookieB });
      if (fixture.expect === "NOT_FOUND") expect(res.status, p.path).toBe(404);
      else fixture.expect(res, a);
      if (p.path === "compte.signOut") {
        const email = (await env.DB.prepare("SELECT email FROM staff_users WHERE role = 'admin' AND structure_id != ? ORDER BY id DESC LIMIT 1").bind(a.structureId).first<{ email: string }>())!.email;
        cookieB = await signIn(email);
      }
    }
    expect(await snapshotA(a.structureId)).toEqual(before);
  });
});
