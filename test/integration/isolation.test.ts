import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { type A, etatCivil, FIXTURES } from "../support/fixtures";
import { allProcedures } from "../support/procedures";
import { type CallResult, call, createStaff, createStructure, ORIGIN, signIn, workerFetch } from "../support/worker-api";

async function uploadAs(cookie: string, a: A): Promise<CallResult> {
  const fd = new FormData();
  fd.set("usagerId", String(a.usagerId));
  fd.set("label", "intrusion");
  fd.set("shared", "false");
  fd.set("file", new File([new TextEncoder().encode("%PDF-1.4 x")], "x.pdf"));
  const res = await workerFetch(
    new Request(`${ORIGIN}/trpc/documents.upload`, { method: "POST", headers: { cookie, origin: ORIGIN }, body: fd }),
  );
  const body = (await res.json()) as { error?: CallResult["error"] };
  return { status: res.status, error: body.error, setCookie: null };
}

/** A snapshot of everything structure A owns, to prove nothing changed. */
async function snapshotA(structureId: number) {
  const tables = [
    "usagers",
    "usager_notes",
    "usager_documents",
    "usager_decisions",
    "staff_users",
    "interactions",
    "procurations",
    "portail_accounts",
    "structure_messages",
  ];
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
    const u = await call<{ id: number }>(
      "mutation",
      "usagers.create",
      { ...etatCivil, nom: "Secret-A", prenom: "Personne", customRef: "A-001" },
      { cookie: adminA },
    );
    await call("mutation", "usagers.addNote", { usagerId: u.data!.id, message: "Note de A" }, { cookie: adminA });
    const note = await env.DB.prepare("SELECT id FROM usager_notes WHERE usager_id = ?").bind(u.data!.id).first<{ id: number }>();
    const up = await uploadAs(adminA, { usagerId: u.data!.id } as A);
    expect(up.status).toBe(200);
    const doc = await env.DB.prepare("SELECT id FROM usager_documents WHERE usager_id = ?").bind(u.data!.id).first<{ id: number }>();
    const version = (await env.DB.prepare("SELECT version FROM usagers WHERE id = ?").bind(u.data!.id).first<{ version: number }>())!
      .version;
    const message = await call<{ id: number }>(
      "mutation",
      "portail.saveMessage",
      { titre: "Secret-A", texte: "Fermeture exceptionnelle", type: "closing", dateDebut: "2026-01-01", dateFin: null },
      { cookie: adminA },
    );
    expect(message.status).toBe(200);
    a = {
      structureId: sa.id,
      usagerId: u.data!.id,
      memberId: member.id,
      noteId: note!.id,
      documentId: doc!.id,
      messageId: message.data!.id,
      version,
    };
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
        const email = (await env.DB.prepare(
          "SELECT email FROM staff_users WHERE role = 'admin' AND structure_id != ? ORDER BY id DESC LIMIT 1",
        )
          .bind(a.structureId)
          .first<{ email: string }>())!.email;
        cookieB = await signIn(email);
      }
    }
    expect(await snapshotA(a.structureId)).toEqual(before);
  });
});
