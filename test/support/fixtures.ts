import { expect } from "vitest";
import type { CallResult } from "./worker-api";

/** Structure A's records, which structure B's administrator tries to reach. */
export interface A {
  structureId: number;
  usagerId: number;
  memberId: number;
  noteId: number;
  documentId: number;
  messageId: number;
  version: number;
}

export type Expectation = "NOT_FOUND" | ((res: CallResult, a: A) => void);
export interface Fixture {
  input: (a: A) => unknown;
  expect: Expectation;
}

export const etatCivil = {
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
export const FIXTURES: Record<string, Fixture> = {
  "compte.signOut": { input: () => undefined, expect: ownOnly },
  "compte.me": { input: () => undefined, expect: noneOfA },
  "compte.changePassword": { input: () => ({ current: "x", next: "y" }), expect: rejected },
  "structures.mine": { input: () => undefined, expect: (res, a) => expect((res.data as { id: number }).id).not.toBe(a.structureId) },
  "structures.update": { input: () => ({}), expect: rejected },
  "structures.updateOptions": { input: () => ({ nomStructure: true, numeroBoite: true, surnom: true }), expect: ownOnly },
  "equipe.list": {
    input: () => undefined,
    expect: (res, a) => expect((res.data as { id: number }[]).map((m) => m.id)).not.toContain(a.memberId),
  },
  "equipe.colleagues": {
    input: () => undefined,
    expect: (res, a) => expect((res.data as { id: number }[]).map((m) => m.id)).not.toContain(a.memberId),
  },
  "equipe.invite": {
    input: () => ({ nom: "N", prenom: "P", email: "new-b@example.fr", fonction: "Bénévole", fonctionDetail: null, role: "simple" }),
    expect: ownOnly,
  },
  "equipe.issueLink": { input: (a) => ({ userId: a.memberId }), expect: "NOT_FOUND" },
  "equipe.changeRole": { input: (a) => ({ userId: a.memberId, role: "facteur" }), expect: "NOT_FOUND" },
  "equipe.setStatus": { input: (a) => ({ userId: a.memberId, action: "delete" }), expect: "NOT_FOUND" },
  "journal.list": {
    input: () => ({}),
    expect: (res, a) => {
      const entries = (res.data as { entries: { targetId: string | null }[] }).entries;
      expect(entries.map((e) => e.targetId)).not.toContain(String(a.usagerId));
    },
  },
  "usagers.list": { input: () => ({ q: "Secret" }), expect: (res) => expect((res.data as { total: number }).total).toBe(0) },
  "usagers.get": { input: (a) => ({ id: a.usagerId }), expect: "NOT_FOUND" },
  "usagers.duplicates": { input: () => ({ nom: "Secret-A", prenom: "Personne" }), expect: (res) => expect(res.data).toEqual([]) },
  "usagers.customRefHolders": { input: () => ({ customRef: "A-001" }), expect: (res) => expect(res.data).toEqual([]) },
  "usagers.create": { input: () => etatCivil, expect: ownOnly },
  "usagers.updateEtatCivil": { input: (a) => ({ usagerId: a.usagerId, version: a.version, etatCivil }), expect: "NOT_FOUND" },
  "usagers.updateContact": {
    input: (a) => ({
      usagerId: a.usagerId,
      version: a.version,
      contact: { telephone: "06 11 22 33 44", email: null, contactByPhone: true },
    }),
    expect: "NOT_FOUND",
  },
  "usagers.updateEntretien": { input: (a) => ({ usagerId: a.usagerId, version: a.version, entretien: {} }), expect: "NOT_FOUND" },
  "usagers.setRendezVous": { input: (a) => ({ usagerId: a.usagerId, version: a.version, rdv: { maintenant: true } }), expect: "NOT_FOUND" },
  "usagers.setEtape": { input: (a) => ({ usagerId: a.usagerId, version: a.version, etape: 2 }), expect: "NOT_FOUND" },
  "usagers.submit": { input: (a) => ({ usagerId: a.usagerId, version: a.version }), expect: "NOT_FOUND" },
  "usagers.validate": {
    input: (a) => ({ usagerId: a.usagerId, version: a.version, dateDebut: "2026-01-01", dateFin: "2026-12-31", customRef: null }),
    expect: "NOT_FOUND",
  },
  "usagers.refuse": {
    input: (a) => ({
      usagerId: a.usagerId,
      version: a.version,
      date: "2026-01-01",
      motif: "SATURATION",
      motifDetails: null,
      orientation: null,
      orientationDetails: null,
    }),
    expect: "NOT_FOUND",
  },
  "usagers.radiate": {
    input: (a) => ({ usagerId: a.usagerId, version: a.version, date: "2026-01-01", motif: "A_SA_DEMANDE", motifDetails: null }),
    expect: "NOT_FOUND",
  },
  "usagers.bulkRadiate": {
    input: (a) => ({ usagerIds: [a.usagerId], date: "2026-01-01", motif: "A_SA_DEMANDE", motifDetails: null }),
    expect: (res) => expect(res.data).toEqual({ radies: 0, ignores: 1 }),
  },
  "usagers.renew": { input: (a) => ({ usagerId: a.usagerId, version: a.version }), expect: "NOT_FOUND" },
  "usagers.undoDecision": { input: (a) => ({ usagerId: a.usagerId, version: a.version }), expect: "NOT_FOUND" },
  "usagers.delete": { input: (a) => ({ usagerId: a.usagerId, version: a.version }), expect: "NOT_FOUND" },
  "usagers.bulkAssignReferent": {
    input: (a) => ({ usagerIds: [a.usagerId], referentId: null }),
    expect: (res) => expect(res.data).toEqual({ updated: 0 }),
  },
  "usagers.history": { input: (a) => ({ usagerId: a.usagerId }), expect: "NOT_FOUND" },
  "usagers.notes": { input: (a) => ({ usagerId: a.usagerId }), expect: "NOT_FOUND" },
  "usagers.addNote": { input: (a) => ({ usagerId: a.usagerId, message: "intrusion" }), expect: "NOT_FOUND" },
  "usagers.changeNote": { input: (a) => ({ noteId: a.noteId, action: "delete" }), expect: "NOT_FOUND" },
  "courrier.history": { input: (a) => ({ usagerId: a.usagerId }), expect: "NOT_FOUND" },
  "courrier.pending": { input: (a) => ({ usagerId: a.usagerId }), expect: "NOT_FOUND" },
  "courrier.receive": { input: (a) => ({ usagerId: a.usagerId, courrier: 1 }), expect: "NOT_FOUND" },
  "courrier.distribute": {
    input: (a) => ({ usagerId: a.usagerId, types: ["courrierIn"], to: { kind: "domicilie" } }),
    expect: "NOT_FOUND",
  },
  "courrier.presence": { input: (a) => ({ usagerId: a.usagerId, type: "visite" }), expect: "NOT_FOUND" },
  "courrier.deleteLast": { input: (a) => ({ usagerId: a.usagerId, interactionId: 1 }), expect: "NOT_FOUND" },
  "courrier.procurations": { input: (a) => ({ usagerId: a.usagerId }), expect: "NOT_FOUND" },
  "courrier.saveProcuration": {
    input: (a) => ({
      action: "create",
      usagerId: a.usagerId,
      version: a.version,
      procuration: { nom: "X", prenom: "Y", dateNaissance: "1990-01-01", dateDebut: "2026-01-01", dateFin: "2026-12-31" },
    }),
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
  "portail.messages": {
    input: () => undefined,
    expect: (res, a) => {
      expect(res.status).toBe(200);
      expect((res.data as { id: number }[]).map((m) => m.id)).not.toContain(a.messageId);
    },
  },
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
