import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { etatCivil } from "../../test/support/fixtures";
import { domicilieOnPortal, portal, todayParis } from "../../test/support/portal";
import { call, createStaff, createStructure, ORIGIN, signIn, workerFetch } from "../../test/support/worker-api";
import { APP_ERRORS } from "../errors";
import { addDays, startOfDayInstant } from "../rules/dates";
import { defaultDateFin } from "../rules/echeance";
import { DELETION_QUOTA } from "./suppression";

/** Every table whose rows belong to a file (by cascade from usagers). */
const CHILD_TABLES = [
  "usager_decisions",
  "usager_notes",
  "usager_documents",
  "interactions",
  "procurations",
  "portail_accounts",
  "portail_logins",
];

const etatCivilOf = (nom: string) => ({ ...etatCivil, civilite: "Mme", nom, prenom: "Clémence", surnom: "Clem" });

async function team() {
  const s = await createStructure();
  const [admin, responsable, simple, agent, facteur] = await Promise.all(
    (["admin", "responsable", "simple", "agent", "facteur"] as const).map(async (role) => signIn((await createStaff(s.id, role)).email)),
  );
  return { s, admin: admin!, responsable: responsable!, simple: simple!, agent: agent!, facteur: facteur! };
}

async function createFile(cookie: string, nom: string) {
  const res = await call<{ id: number; ref: number; customRef: string }>("mutation", "usagers.create", etatCivilOf(nom), { cookie });
  expect(res.status).toBe(200);
  return res.data!;
}

const versionOf = async (id: number) =>
  (await env.DB.prepare("SELECT version FROM usagers WHERE id = ?").bind(id).first<{ version: number }>())!.version;

async function upload(cookie: string, usagerId: number) {
  const fd = new FormData();
  fd.set("usagerId", String(usagerId));
  fd.set("label", "Pièce d'identité");
  fd.set("shared", "true");
  fd.set("file", new File([new TextEncoder().encode("%PDF-1.4 carte")], "carte.pdf"));
  const res = await workerFetch(
    new Request(`${ORIGIN}/trpc/documents.upload`, { method: "POST", headers: { cookie, origin: ORIGIN }, body: fd }),
  );
  expect(res.status).toBe(200);
}

async function childRows(usagerId: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of CHILD_TABLES) {
    out[t] = (await env.DB.prepare(`SELECT count(*) AS n FROM ${t} WHERE usager_id = ?`).bind(usagerId).first<{ n: number }>())!.n;
  }
  return out;
}

/** The file's row and everything attached to it, to prove a refused deletion changed nothing. */
async function snapshot(usagerId: number) {
  const out: Record<string, unknown> = {
    usager: await env.DB.prepare("SELECT * FROM usagers WHERE id = ?").bind(usagerId).first(),
    objects: (await env.FILES.list()).objects.map((o) => o.key),
  };
  for (const t of CHILD_TABLES) {
    out[t] = (await env.DB.prepare(`SELECT * FROM ${t} WHERE usager_id = ? ORDER BY id`).bind(usagerId).all()).results;
  }
  return out;
}

const deleteFile = (cookie: string, usagerId: number, version: number) =>
  call<{ warning: string | null }>("mutation", "usagers.delete", { usagerId, version }, { cookie });

const searchTotal = async (cookie: string, q: string) =>
  (await call<{ total: number }>("query", "usagers.list", { q }, { cookie })).data!.total;

describe("deleting a file (reference B.4.6)", () => {
  let t: Awaited<ReturnType<typeof team>>;
  beforeAll(async () => {
    t = await team();
    await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false }, { cookie: t.admin });
  });

  it("a gestionnaire deletes a file with its notes, documents, mail, procurations and open portal access", async () => {
    const { usagerId, cookie: portalCookie } = await domicilieOnPortal(t.admin, "Effacée");
    await call("mutation", "usagers.addNote", { usagerId, message: "Note à effacer" }, { cookie: t.responsable });
    await upload(t.responsable, usagerId);
    await call("mutation", "courrier.receive", { usagerId, courrier: 2, content: "Lettre recommandée" }, { cookie: t.agent });
    const procuration = {
      nom: "Mandataire",
      prenom: "Paul",
      dateNaissance: "1970-01-01",
      dateDebut: todayParis(),
      dateFin: addDays(todayParis(), 30),
    };
    const saved = await call(
      "mutation",
      "courrier.saveProcuration",
      { action: "create", usagerId, version: await versionOf(usagerId), procuration },
      { cookie: t.agent },
    );
    expect(saved.status).toBe(200);

    const file = (await env.DB.prepare("SELECT ref, custom_ref FROM usagers WHERE id = ?")
      .bind(usagerId)
      .first<{ ref: number; custom_ref: string }>())!;
    const before = await childRows(usagerId);
    for (const table of CHILD_TABLES) expect(before[table], table).toBeGreaterThan(0);
    const account = (await env.DB.prepare("SELECT id FROM portail_accounts WHERE usager_id = ?").bind(usagerId).first<{ id: number }>())!;
    const portalSessions = env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE kind = 'usager' AND user_id = ?").bind(account.id);
    expect((await portalSessions.first<{ n: number }>())!.n).toBe(1);
    const prefix = `structures/${t.s.id}/usagers/${usagerId}/`;
    expect((await env.FILES.list({ prefix })).objects).toHaveLength(1);
    expect((await portal("query", "monEspace.dashboard", undefined, portalCookie)).status).toBe(200);
    expect(await searchTotal(t.responsable, "Effacée")).toBe(1);

    const res = await deleteFile(t.responsable, usagerId, await versionOf(usagerId));
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ warning: null });

    expect(await env.DB.prepare("SELECT id FROM usagers WHERE id = ?").bind(usagerId).first()).toBeNull();
    expect(await childRows(usagerId)).toEqual(Object.fromEntries(CHILD_TABLES.map((table) => [table, 0])));
    expect((await portalSessions.first<{ n: number }>())!.n).toBe(0);
    expect((await env.FILES.list({ prefix })).objects).toEqual([]);
    expect((await portal("query", "monEspace.dashboard", undefined, portalCookie)).status).toBe(401);
    expect((await call("query", "usagers.get", { id: usagerId }, { cookie: t.responsable })).status).toBe(404);

    // The search index follows (trigger of migration 0003): neither the list nor the index finds her.
    expect(await searchTotal(t.responsable, "Effacée")).toBe(0);
    expect(await searchTotal(t.responsable, "alice")).toBe(0);
    const indexed = await env.DB.prepare("SELECT count(*) AS n FROM usagers_fts WHERE usagers_fts MATCH '\"effacee\"'").first<{
      n: number;
    }>();
    expect(indexed!.n).toBe(0);

    const next = await createFile(t.responsable, "Suivante");
    expect(next.ref).toBeGreaterThan(file.ref);

    const logged = await env.DB.prepare("SELECT * FROM audit_log WHERE action = 'USAGER_DELETED' AND target_id = ?")
      .bind(String(usagerId))
      .all<Record<string, unknown>>();
    expect(logged.results).toHaveLength(1);
    const entry = logged.results[0]!;
    expect(entry).toMatchObject({ structure_id: t.s.id, actor_kind: "staff", target_type: "usager" });
    expect(JSON.parse(entry.details as string)).toEqual({ ref: file.ref, customRef: file.custom_ref });
    expect(JSON.stringify(entry)).not.toMatch(/Effac|Alice|1985/);
  });

  it("removes the portal access letter still waiting in R2", async () => {
    const { id } = await createFile(t.responsable, "Lettre");
    const today = todayParis();
    await call(
      "mutation",
      "usagers.validate",
      { usagerId: id, version: await versionOf(id), dateDebut: today, dateFin: defaultDateFin(today), customRef: null },
      { cookie: t.responsable },
    );
    expect((await call("mutation", "portail.setPreference", { usagerId: id, acces: true }, { cookie: t.responsable })).status).toBe(200);
    const letter = (await env.DB.prepare("SELECT letter_r2_key AS k FROM portail_accounts WHERE usager_id = ?")
      .bind(id)
      .first<{ k: string }>())!.k;
    expect(await env.FILES.head(letter)).not.toBeNull();

    expect((await deleteFile(t.admin, id, await versionOf(id))).status).toBe(200);
    expect(await env.FILES.head(letter)).toBeNull();
  });

  it("is refused to instructeurs, agents d'accueil and facteurs (403), and changes nothing", async () => {
    const { id } = await createFile(t.responsable, "Protégée");
    await upload(t.responsable, id);
    const before = await snapshot(id);
    for (const cookie of [t.simple, t.agent, t.facteur]) {
      const res = await deleteFile(cookie, id, await versionOf(id));
      expect(res.status).toBe(403);
      expect(res.error!.message).toBe(APP_ERRORS.FORBIDDEN.message);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it("does not reach another structure's file (404), and changes nothing", async () => {
    const { id } = await createFile(t.responsable, "Voisine");
    await upload(t.responsable, id);
    const other = await createStructure();
    const otherGestionnaire = await signIn((await createStaff(other.id, "responsable")).email);
    const before = await snapshot(id);
    const res = await deleteFile(otherGestionnaire, id, await versionOf(id));
    expect(res.status).toBe(404);
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses a deletion based on a stale read of the file, and changes nothing", async () => {
    const { id } = await createFile(t.responsable, "Modifiée");
    await upload(t.responsable, id);
    const read = await versionOf(id);
    await call("mutation", "usagers.setRendezVous", { usagerId: id, version: read, rdv: { maintenant: true } }, { cookie: t.simple });
    const before = await snapshot(id);
    const res = await deleteFile(t.responsable, id, read);
    expect(res.status).toBe(409);
    expect(res.error!.message).toBe(APP_ERRORS.STALE_WRITE.message);
    expect(await snapshot(id)).toEqual(before);
  });
});

describe("daily deletion quota of a structure", () => {
  /** Deletions recorded in the journal at `at`, as if the structure's staff had made them. */
  async function recordDeletions(structureId: number, n: number, at: number) {
    await env.DB.prepare(
      `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
       INSERT INTO audit_log (at, structure_id, actor_kind, action, target_type, target_id) SELECT ?, ?, 'staff', 'USAGER_DELETED', 'usager', '0' FROM k`,
    )
      .bind(n, at, structureId)
      .run();
  }

  it(`warns from the ${DELETION_QUOTA.warnFrom}th deletion of the day and refuses past ${DELETION_QUOTA.max}`, async () => {
    const { s, responsable } = await team();
    const files = [];
    for (const nom of ["Quota", "Limite", "Refusée"]) files.push(await createFile(responsable, nom));
    // Yesterday's deletions (the structure's day, Europe/Paris) do not count.
    const dayStart = startOfDayInstant(todayParis(), "Europe/Paris").getTime();
    await recordDeletions(s.id, DELETION_QUOTA.max, dayStart - 1);
    await recordDeletions(s.id, DELETION_QUOTA.warnFrom - 2, Date.now());

    const first = await deleteFile(responsable, files[0]!.id, 1);
    expect(first.status).toBe(200);
    expect(first.data!.warning).toBeNull();
    const second = await deleteFile(responsable, files[1]!.id, 1);
    expect(second.status).toBe(200);
    expect(second.data!.warning).toContain(`${DELETION_QUOTA.warnFrom} dossiers ont été supprimés aujourd'hui`);

    await recordDeletions(s.id, DELETION_QUOTA.max - DELETION_QUOTA.warnFrom, Date.now());
    const before = await snapshot(files[2]!.id);
    const refused = await deleteFile(responsable, files[2]!.id, 1);
    expect(refused.status).toBe(429);
    expect(refused.error!.message).toBe(APP_ERRORS.DELETION_QUOTA_REACHED.message);
    expect(refused.error!.message).toContain(String(DELETION_QUOTA.max));
    expect(await snapshot(files[2]!.id)).toEqual(before);
  });
});
