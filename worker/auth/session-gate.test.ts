import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../index";
import { call, createStaff, createStructure, ORIGIN, signIn } from "../../test/support/worker-api";
import { domicilieOnPortal, PORTAL } from "../../test/support/portal";
import { etatCivil } from "../../test/support/fixtures";

/** The Worker over a D1 binding that counts round trips (a batch is one). */
function countingWorker() {
  const trips = { n: 0 };
  const inner = new WeakMap<object, D1PreparedStatement>();
  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const w = {
      bind: (...values: unknown[]) => wrap(stmt.bind(...values)),
      first: (column?: string) => (trips.n++, column === undefined ? stmt.first() : stmt.first(column)),
      all: () => (trips.n++, stmt.all()),
      run: () => (trips.n++, stmt.run()),
      raw: (options?: { columnNames: true }) => (trips.n++, stmt.raw(options!)),
    } as unknown as D1PreparedStatement;
    inner.set(w, stmt);
    return w;
  };
  const DB = {
    prepare: (sql: string) => wrap(env.DB.prepare(sql)),
    batch: (stmts: D1PreparedStatement[]) => (trips.n++, env.DB.batch(stmts.map((s) => inner.get(s) ?? s))),
    exec: (sql: string) => (trips.n++, env.DB.exec(sql)),
  } as unknown as D1Database;
  const get = async (origin: string, path: string, input: unknown, cookie: string) => {
    trips.n = 0;
    const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await app.fetch(new Request(`${origin}/trpc/${path}${qs}`, { headers: { cookie } }), { ...env, DB }, createExecutionContext());
    const body = (await res.json()) as { result?: { data: unknown } };
    return { status: res.status, data: body.result?.data, trips: trips.n };
  };
  const post = async (origin: string, path: string, input: unknown, cookie: string) => {
    trips.n = 0;
    const res = await app.fetch(
      new Request(`${origin}/trpc/${path}`, { method: "POST", headers: { cookie, origin, "content-type": "application/json" }, body: JSON.stringify(input) }),
      { ...env, DB },
      createExecutionContext(),
    );
    const body = (await res.json()) as { result?: { data: unknown } };
    return { status: res.status, data: body.result?.data, trips: trips.n };
  };
  return { get, post };
}

const pending = async (usagerId: number) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM interactions WHERE usager_id = ?").bind(usagerId).first<{ n: number }>())!.n;

const LIST = { tab: "TOUS", q: "", sort: "nom", order: "asc", page: 1 };

describe("reads of a session this isolate has already checked", () => {
  it("cost one round trip to D1 (session checked in the procedure's batch), with the same answer", async () => {
    const s = await createStructure();
    const u = await createStaff(s.id, "simple");
    const cookie = await signIn(u.email);
    const worker = countingWorker();
    const first = await worker.get(ORIGIN, "usagers.list", LIST, cookie);
    const second = await worker.get(ORIGIN, "usagers.list", LIST, cookie);
    expect(first.status).toBe(200);
    expect(first.trips).toBe(2);
    expect(second).toEqual({ ...first, trips: 1 });
  });

  it("a single read rides along with the session lookup once its columns are known: one round trip less, same answer", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    const agent = await signIn((await createStaff(s.id, "agent")).email);
    const { usagerId } = await domicilieWithMail(admin);
    await call("mutation", "courrier.receive", { usagerId, courrier: 2, content: "Recommandé de la CAF" }, { cookie: admin });
    const worker = countingWorker();
    const calls = [];
    for (let i = 0; i < 3; i++) calls.push(await worker.get(ORIGIN, "courrier.pending", { usagerId }, agent));
    expect(calls[0]).toMatchObject({ status: 200, data: [{ type: "courrierIn", nb: 2, content: "Recommandé de la CAF" }] });
    // 1st: session checked alone; 2nd: known session, the file's check learns its columns; 3rd: batched.
    expect(calls.map((c) => c.trips)).toEqual([3, 3, 2]);
    expect(calls[2]).toEqual({ ...calls[0], trips: 2 });
  });

  it("a read whose columns share a name (a join) is never batched, and keeps each value in its place", async () => {
    const s = await createStructure();
    const u = await createStaff(s.id, "simple");
    const cookie = await signIn(u.email);
    const worker = countingWorker();
    const calls = [];
    for (let i = 0; i < 3; i++) calls.push(await worker.get(ORIGIN, "compte.me", undefined, cookie));
    expect(calls[0]).toMatchObject({ status: 200, data: { id: u.id, structure: { id: s.id } } });
    expect(calls.map((c) => c.trips)).toEqual([2, 2, 2]);
    expect(calls[2]).toEqual(calls[0]);
  });

  it("stop at once for a blocked member, with nothing of the answer", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    const member = await createStaff(s.id, "simple");
    const cookie = await signIn(member.email);
    const worker = countingWorker();
    expect((await worker.get(ORIGIN, "usagers.list", LIST, cookie)).status).toBe(200);
    expect((await call("mutation", "equipe.setStatus", { userId: member.id, action: "block" }, { cookie: admin })).status).toBe(200);
    const after = await worker.get(ORIGIN, "usagers.list", LIST, cookie);
    expect(after.status).toBe(401);
    expect(after.data).toBeUndefined();
  });

  it("follow a role change at once", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    const member = await createStaff(s.id, "responsable");
    const cookie = await signIn(member.email);
    const worker = countingWorker();
    expect((await worker.get(ORIGIN, "equipe.list", undefined, cookie)).status).toBe(200);
    expect((await call("mutation", "equipe.changeRole", { userId: member.id, role: "simple" }, { cookie: admin })).status).toBe(200);
    expect((await worker.get(ORIGIN, "equipe.list", undefined, cookie)).status).toBe(403);
  });

  it("end an idle session and remove it", async () => {
    const s = await createStructure();
    const u = await createStaff(s.id, "agent");
    const cookie = await signIn(u.email);
    const worker = countingWorker();
    expect((await worker.get(ORIGIN, "usagers.list", LIST, cookie)).status).toBe(200);
    await env.DB.prepare("UPDATE sessions SET last_active_at = ? WHERE user_id = ? AND kind = 'staff'").bind(Date.now() - 2 * 3_600_000, u.id).run();
    expect((await worker.get(ORIGIN, "usagers.list", LIST, cookie)).status).toBe(401);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ? AND kind = 'staff'").bind(u.id).first<{ n: number }>();
    expect(left!.n).toBe(0);
  });

  it("on the portal: the dashboard in one round trip; switched off, refused at once", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false }, { cookie: admin });
    const { cookie } = await domicilieOnPortal(admin, "Gate");
    const worker = countingWorker();
    const first = await worker.get(PORTAL, "monEspace.dashboard", undefined, cookie);
    const second = await worker.get(PORTAL, "monEspace.dashboard", undefined, cookie);
    expect(first.status).toBe(200);
    expect(second).toEqual({ ...first, trips: 1 });
    const off = await call("mutation", "portail.updateSettings", { enabled: false, loginUpdatesDernierPassage: false }, { cookie: admin });
    expect(off.status).toBe(200);
    const after = await worker.get(PORTAL, "monEspace.dashboard", undefined, cookie);
    expect(after.status).toBe(401);
    expect(after.data).toBeUndefined();
  });
});

describe("writes of a session this isolate has already checked", () => {
  it("cost one round trip to D1: the session guard travels in the write's batch", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    const agent = await signIn((await createStaff(s.id, "agent")).email);
    const { usagerId } = await domicilieWithMail(admin);
    const worker = countingWorker();
    expect((await worker.get(ORIGIN, "compte.me", undefined, agent)).status).toBe(200);
    const r = await worker.post(ORIGIN, "courrier.receive", { usagerId, courrier: 2 }, agent);
    expect(r).toMatchObject({ status: 200, trips: 1 });
    expect(await pending(usagerId)).toBe(1);
  });

  it("write nothing for a blocked member", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    const member = await createStaff(s.id, "agent");
    const cookie = await signIn(member.email);
    const { usagerId } = await domicilieWithMail(admin);
    const worker = countingWorker();
    expect((await worker.post(ORIGIN, "courrier.receive", { usagerId, courrier: 1 }, cookie)).status).toBe(200);
    expect((await call("mutation", "equipe.setStatus", { userId: member.id, action: "block" }, { cookie: admin })).status).toBe(200);
    expect((await worker.post(ORIGIN, "courrier.receive", { usagerId, courrier: 1 }, cookie)).status).toBe(401);
    expect(await pending(usagerId)).toBe(1);
  });

  it("follow a role change at once: a write the new role may not do is refused and not done", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    const member = await createStaff(s.id, "admin");
    const cookie = await signIn(member.email);
    const worker = countingWorker();
    const settings = (enabled: boolean) => worker.post(ORIGIN, "portail.updateSettings", { enabled, loginUpdatesDernierPassage: false }, cookie);
    expect((await settings(true)).status).toBe(200);
    expect((await call("mutation", "equipe.changeRole", { userId: member.id, role: "responsable" }, { cookie: admin })).status).toBe(200);
    expect((await settings(false)).status).toBe(403);
    const row = await env.DB.prepare("SELECT portail_enabled AS on_ FROM structures WHERE id = ?").bind(s.id).first<{ on_: number }>();
    expect(row!.on_).toBe(1);
  });
});

/** A new file of the admin's structure (mail is accepted from the first day of instruction). */
async function domicilieWithMail(admin: string) {
  const created = await call<{ id: number }>(
    "mutation",
    "usagers.create",
    { ...etatCivil, nom: "Garde", prenom: "Paul" },
    { cookie: admin },
  );
  return { usagerId: created.data!.id };
}
