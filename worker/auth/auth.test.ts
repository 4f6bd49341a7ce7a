import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, createStaff, createStructure, signIn } from "../../test/support/worker-api";
import { domicilieOnPortal, portal } from "../../test/support/portal";
import { etatCivil } from "../../test/support/fixtures";

const LIST = { tab: "TOUS", q: "", sort: "nom", order: "asc", page: 1 };

const pending = async (usagerId: number) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM interactions WHERE usager_id = ?").bind(usagerId).first<{ n: number }>())!.n;

async function newFile(admin: string) {
  const created = await call<{ id: number }>("mutation", "usagers.create", { ...etatCivil, nom: "Garde", prenom: "Paul" }, { cookie: admin });
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
    const settings = (enabled: boolean) => call("mutation", "portail.updateSettings", { enabled, loginUpdatesDernierPassage: false }, { cookie });
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
    await env.DB.prepare("UPDATE sessions SET last_active_at = ? WHERE user_id = ? AND kind = 'staff'").bind(Date.now() - 2 * 3_600_000, u.id).run();
    expect((await call("query", "usagers.list", LIST, { cookie })).status).toBe(401);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ? AND kind = 'staff'").bind(u.id).first<{ n: number }>();
    expect(left!.n).toBe(0);
  });

  it("on the portal: the portal switched off refuses the domicilié at once and ends the session", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false }, { cookie: admin });
    const { cookie } = await domicilieOnPortal(admin, "Gate");
    expect((await portal("query", "monEspace.dashboard", undefined, cookie)).status).toBe(200);
    expect((await call("mutation", "portail.updateSettings", { enabled: false, loginUpdatesDernierPassage: false }, { cookie: admin })).status).toBe(200);
    const after = await portal("query", "monEspace.dashboard", undefined, cookie);
    expect(after.status).toBe(401);
    expect(after.data).toBeUndefined();
    const left = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE kind = 'usager' AND structure_id = ?").bind(s.id).first<{ n: number }>();
    expect(left!.n).toBe(0);
  });
});
