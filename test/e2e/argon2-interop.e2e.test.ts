/// <reference types="node" />
import { verify } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { cookiePair, DEMO, demoStructure, trpcMutation, trpcQuery } from "./helpers";

const staffUrl = inject("staffUrl");
const d1File = inject("d1File");
const PHC_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$";

function readOne<T>(sql: string, ...params: unknown[]): T | undefined {
  const db = new Database(d1File, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

describe("argon2id hashes travel both ways between Node (@node-rs/argon2) and the Worker (wasm)", () => {
  it("Node → Worker: the seeded hash lets the demo admin sign in over HTTP", async () => {
    const admin = demoStructure("demoville").staff.find((m) => m.role === "admin")!;
    const row = readOne<{ password_hash: string }>("SELECT password_hash FROM staff_users WHERE email = ?", admin.email);
    expect(row?.password_hash.startsWith(PHC_PREFIX)).toBe(true);

    const res = await trpcMutation(staffUrl, "compte.signIn", { email: admin.email, password: DEMO.staffPassword });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { data: { ok: true } } });
    const cookie = cookiePair(res, "ancrage_staff");
    expect(cookie).toBeTruthy();

    const me = await trpcQuery(staffUrl, "compte.me", undefined, { cookie: cookie! });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { result: { data: { email: string; role: string } } };
    expect(body.result.data).toMatchObject({ email: admin.email, role: "admin" });
  });

  it("Node → Worker: the seeded platform super-admin signs in", async () => {
    const p = DEMO.platformAdmins[0]!;
    const res = await trpcMutation(staffUrl, "plateforme.signIn", { email: p.email, password: p.password });
    expect(res.status).toBe(200);
    expect(cookiePair(res, "ancrage_plateforme")).toBeTruthy();
  });

  it("Worker → Node: the hash written by structures.register verifies with @node-rs/argon2", async () => {
    const email = `interop-${Date.now()}@exemple.fr`;
    const password = "Interop-Argon2-2026!";
    const res = await trpcMutation(staffUrl, "structures.register", {
      structure: {
        nom: "Association Interopérabilité",
        type: "asso",
        adresse: "5 rue des Essais",
        complementAdresse: null,
        codePostal: "69003",
        ville: "Lyon",
        telephone: "0472000000",
        email: `contact-${email}`,
        responsable: { nom: "Durand", prenom: "Alex", fonction: "Directeur" },
        capacite: 10,
        agrement: null,
        pasDeSiret: true,
        siret: null,
        adresseCourrier: null,
      },
      admin: { nom: "Durand", prenom: "Alex", email, fonction: "Directeur", password },
      acceptCgu: true,
    });
    expect(res.status, await res.clone().text()).toBe(200);

    const row = readOne<{ password_hash: string; status: string }>("SELECT password_hash, status FROM staff_users WHERE email = ?", email);
    expect(row).toBeDefined();
    expect(row!.password_hash.startsWith(PHC_PREFIX)).toBe(true);
    expect(await verify(row!.password_hash, password)).toBe(true);
    expect(await verify(row!.password_hash, `${password}x`)).toBe(false);
  });
});
