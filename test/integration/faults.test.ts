import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { staffUsers, structures } from "../../db/schema";
import type { StaffCtx } from "../../worker/auth/staff";
import { createDb, type Db } from "../../worker/db";
import { storeDocument } from "../../worker/documents/service";
import type { Env } from "../../worker/env";
import { setPortalPreference } from "../../worker/portail/staff";
import { etatCivil } from "../support/fixtures";
import { call, count, createStaff, createStructure, signIn } from "../support/worker-api";

const PDF = new TextEncoder().encode("%PDF-1.4 faute");

/** The test bindings, with R2 writes failing. */
function failingR2(): Env {
  const files = new Proxy(env.FILES, {
    get(target, prop) {
      if (prop === "put") return () => Promise.reject(new Error("R2 indisponible"));
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...env, FILES: files };
}

/** A database whose batches fail, as if D1 refused the transaction. */
function failingBatches(db: Db): Db {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "batch") return () => Promise.reject(new Error("D1 indisponible"));
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function fileOf() {
  const s = await createStructure();
  const admin = await createStaff(s.id, "admin");
  const cookie = await signIn(admin.email);
  const created = await call<{ id: number }>(
    "mutation",
    "usagers.create",
    {
      ...etatCivil,
      nom: "Faute",
      lieuNaissance: "Metz",
    },
    { cookie },
  );
  const ctx: StaffCtx = { id: admin.id, structureId: s.id, timeZone: "Europe/Paris", actor: { kind: "staff", id: admin.id, name: "Test" } };
  return { s, cookie, usagerId: created.data!.id, ctx };
}

describe("faults leave nothing half-done", () => {
  it("a D1 batch failing half-way writes none of its statements", async () => {
    const db = createDb(env.DB);
    const s = await createStructure();
    const taken = await createStaff(s.id, "simple");
    const before = await count("structures");
    await expect(
      db.batch([
        db.insert(structures).values({ ...s, id: undefined, nom: "Ne doit pas exister" }),
        db
          .insert(staffUsers)
          .values({ structureId: s.id, email: taken.email, nom: "X", prenom: "Y", fonction: "Bénévole", role: "simple" }),
      ]),
    ).rejects.toThrow();
    expect(await count("structures")).toBe(before);
  });

  it("an R2 write that fails leaves no document row and no audit entry", async () => {
    const { ctx, usagerId } = await fileOf();
    const docs = await count("usager_documents");
    const audits = await count("audit_log");
    await expect(
      storeDocument(
        createDb(env.DB),
        failingR2(),
        ctx,
        { usagerId, label: "Pièce", kind: "upload", mimeType: "application/pdf", bytes: PDF, shared: false },
        new Date(),
      ),
    ).rejects.toThrow("R2 indisponible");
    expect(await count("usager_documents")).toBe(docs);
    expect(await count("audit_log")).toBe(audits);
  });

  it("a D1 write that fails after the R2 write leaves no orphan object", async () => {
    const { ctx, usagerId } = await fileOf();
    const objects = (await env.FILES.list()).objects.length;
    await expect(
      storeDocument(
        failingBatches(createDb(env.DB)),
        env,
        ctx,
        { usagerId, label: "Pièce", kind: "upload", mimeType: "application/pdf", bytes: PDF, shared: false },
        new Date(),
      ),
    ).rejects.toThrow("D1 indisponible");
    expect((await env.FILES.list()).objects.length).toBe(objects);
  });

  it("a portal letter that cannot be stored leaves the account unchanged", async () => {
    const { cookie, usagerId, ctx } = await fileOf();
    await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false }, { cookie });
    await expect(
      setPortalPreference(createDb(env.DB), failingR2(), ctx, { usagerId, acces: true, reinitialiser: false }, new Date()),
    ).rejects.toThrow("R2 indisponible");
    const account = await env.DB.prepare("SELECT count(*) AS n FROM portail_accounts WHERE usager_id = ?")
      .bind(usagerId)
      .first<{ n: number }>();
    expect(account!.n).toBe(0);
    expect((await call<{ letter: boolean }>("mutation", "portail.setPreference", { usagerId, acces: true }, { cookie })).data).toEqual({
      letter: true,
    });
  });
});
