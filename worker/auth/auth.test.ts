import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { etatCivil } from "../../test/support/fixtures";
import { domicilieOnPortal, portal } from "../../test/support/portal";
import { call, createStaff, createStructure, ORIGIN, signIn } from "../../test/support/worker-api";
import app from "../index";

const LIST = { tab: "TOUS", q: "", sort: "nom", order: "asc", page: 1 };

const pending = async (usagerId: number) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM interactions WHERE usager_id = ?").bind(usagerId).first<{ n: number }>())!.n;

async function newFile(admin: string) {
  const created = await call<{ id: number }>(
    "mutation",
    "usagers.create",
    { ...etatCivil, nom: "Garde", prenom: "Paul" },
    { cookie: admin },
  );
  return created.data!.id;
}

describe("a signed-in member's identity is read on every request", () => {
  it("a blocked member is stopped at once, with nothing of the answer, and writes nothing", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    const member = await createStaff(s.id, "agent");
    const cookie = await signIn(member.email);
    const usagerId = await newFile(admin);
    expect((await call("query", "usagers.list", LIST, { cookie })).status).toBe(200);
    expect((await call("mutation", "courrier.receive", { usagerId, courrier: 1 }, { cookie })).status).toBe(200);
    expect((await call("mutation", "equipe.setStatus", { userId: member.id, action: "block" }, { cookie: admin })).status).toBe(200);
    const after = await call("query", "usagers.list", LIST, { cookie });
    expect(after.status).toBe(401);
    expect(after.data).toBeUndefined();
    expect((await call("mutation", "courrier.receive", { usagerId, courrier: 1 }, { cookie })).status).toBe(401);
    expect(await pending(usagerId)).toBe(1);
  });

  it("a role change applies at once: a write the new role may not do is refused and not done", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    const member = await createStaff(s.id, "admin");
    const cookie = await signIn(member.email);
    const settings = (enabled: boolean) =>
      call("mutation", "portail.updateSettings", { enabled, loginUpdatesDernierPassage: false }, { cookie });
    expect((await settings(true)).status).toBe(200);
    expect((await call("mutation", "equipe.changeRole", { userId: member.id, role: "responsable" }, { cookie: admin })).status).toBe(200);
    expect((await settings(false)).status).toBe(403);
    const row = await env.DB.prepare("SELECT portail_enabled AS on_ FROM structures WHERE id = ?").bind(s.id).first<{ on_: number }>();
    expect(row!.on_).toBe(1);
  });

  it("an idle session ends and is removed", async () => {
    const s = await createStructure();
    const u = await createStaff(s.id, "agent");
    const cookie = await signIn(u.email);
    expect((await call("query", "usagers.list", LIST, { cookie })).status).toBe(200);
    await env.DB.prepare("UPDATE sessions SET last_active_at = ? WHERE user_id = ? AND kind = 'staff'")
      .bind(Date.now() - 2 * 3_600_000, u.id)
      .run();
    expect((await call("query", "usagers.list", LIST, { cookie })).status).toBe(401);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ? AND kind = 'staff'")
      .bind(u.id)
      .first<{ n: number }>();
    expect(left!.n).toBe(0);
  });

  it("on the portal: the portal switched off refuses the domicilié at once and ends the session", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false }, { cookie: admin });
    const { cookie } = await domicilieOnPortal(admin, "Gate");
    expect((await portal("query", "monEspace.dashboard", undefined, cookie)).status).toBe(200);
    expect(
      (await call("mutation", "portail.updateSettings", { enabled: false, loginUpdatesDernierPassage: false }, { cookie: admin })).status,
    ).toBe(200);
    const after = await portal("query", "monEspace.dashboard", undefined, cookie);
    expect(after.status).toBe(401);
    expect(after.data).toBeUndefined();
    const left = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE kind = 'usager' AND structure_id = ?")
      .bind(s.id)
      .first<{ n: number }>();
    expect(left!.n).toBe(0);
  });
});

/** The Worker over a D1 binding that counts round trips (a batch is one). */
async function tripsOf(method: "GET" | "POST", path: string, input: unknown, cookie: string) {
  let trips = 0;
  const trip = <T>(call: () => T): T => {
    trips++;
    return call();
  };
  const inner = new WeakMap<object, D1PreparedStatement>();
  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const w = {
      bind: (...values: unknown[]) => wrap(stmt.bind(...values)),
      first: (column?: string) => trip(() => (column === undefined ? stmt.first() : stmt.first(column))),
      all: () => trip(() => stmt.all()),
      run: () => trip(() => stmt.run()),
      raw: (options?: { columnNames: true }) => trip(() => stmt.raw(options!)),
    } as unknown as D1PreparedStatement;
    inner.set(w, stmt);
    return w;
  };
  const DB = {
    prepare: (sql: string) => wrap(env.DB.prepare(sql)),
    batch: (stmts: D1PreparedStatement[]) => trip(() => env.DB.batch(stmts.map((s) => inner.get(s) ?? s))),
    exec: (sql: string) => trip(() => env.DB.exec(sql)),
  } as unknown as D1Database;
  const qs = method === "GET" ? `?input=${encodeURIComponent(JSON.stringify(input))}` : "";
  const init: RequestInit =
    method === "GET"
      ? { headers: { cookie } }
      : { method, headers: { cookie, origin: ORIGIN, "content-type": "application/json" }, body: JSON.stringify(input) };
  const res = await app.fetch(new Request(`${ORIGIN}/trpc/${path}${qs}`, init), { ...env, DB }, createExecutionContext());
  const body = (await res.json()) as { result?: { data: unknown } };
  return { status: res.status, data: body.result?.data, trips };
}

describe("the fiche, the list and a reception, for a member this isolate has verified", () => {
  it("cost one round trip to D1: the session's check travels in their batch, with the same answer", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    const agent = await signIn((await createStaff(s.id, "agent")).email);
    const usagerId = await newFile(admin);
    const first = await tripsOf("GET", "usagers.get", { id: usagerId }, agent);
    const second = await tripsOf("GET", "usagers.get", { id: usagerId }, agent);
    expect(first).toMatchObject({ status: 200, trips: 2 });
    expect(second).toEqual({ ...first, trips: 1 });
    const list = await tripsOf("GET", "usagers.list", LIST, agent);
    expect(list).toMatchObject({ status: 200, trips: 1, data: { total: 1 } });
    const received = await tripsOf("POST", "courrier.receive", { usagerId, courrier: 2 }, agent);
    expect(received).toMatchObject({ status: 200, trips: 1 });
    expect(await pending(usagerId)).toBe(1);
  });
});
