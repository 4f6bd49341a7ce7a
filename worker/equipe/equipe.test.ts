import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, count, createStaff, createStructure, signIn } from "../../test/support/worker-api";
import { createDb } from "../db";
import { describeLink } from "./service";

const invitee = (email: string) => ({
  nom: "Lefèvre",
  prenom: "Inès",
  email,
  fonction: "Travailleur social",
  fonctionDetail: null,
  role: "simple",
});

const tokenOf = (link: string) => link.split("#")[1]!;

describe("invitations", () => {
  it("admin invites; the link sets the password once; the colleague signs in", async () => {
    const s = await createStructure();
    const admin = await createStaff(s.id, "admin");
    const cookie = await signIn(admin.email);
    const inv = await call<{ link: string; expiresAt: string }>("mutation", "equipe.invite", invitee("ines@example.fr"), { cookie });
    expect(inv.status).toBe(200);
    expect(inv.data!.link).toMatch(/^http:\/\/localhost:8787\/invitation#[\w-]{43}$/);
    const days = (new Date(inv.data!.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(1.99);
    expect(days).toBeLessThanOrEqual(2);

    const token = tokenOf(inv.data!.link);
    const who = await call<{ prenom: string; structureNom: string }>("query", "equipe.describeLink", { token });
    expect(who.data).toMatchObject({ prenom: "Inès", structureNom: s.nom });
    expect((await call("mutation", "compte.signIn", { email: "ines@example.fr", password: "Mon-secret-a-moi-1" })).status).toBe(401);

    const weak = await call("mutation", "equipe.usePasswordLink", { token, password: "trop court" });
    expect(weak.error!.data.fieldErrors!.password).toContain("12 caractères");
    expect((await call("mutation", "equipe.usePasswordLink", { token, password: "Mon-secret-a-moi-1" })).status).toBe(200);
    const reuse = await call("mutation", "equipe.usePasswordLink", { token, password: "Autre-secret-a-moi-2" });
    expect(reuse.status).toBe(400);
    expect(reuse.error!.message).toContain("n'est plus valide");
    await expect(signIn("ines@example.fr", "Mon-secret-a-moi-1")).resolves.toBeTruthy();
  });

  it("a link is dead after 2 days, and a new one replaces the old", async () => {
    const s = await createStructure();
    const admin = await createStaff(s.id, "admin");
    const cookie = await signIn(admin.email);
    const inv = await call<{ link: string }>("mutation", "equipe.invite", invitee("late@example.fr"), { cookie });
    const token = tokenOf(inv.data!.link);
    const db = createDb(env.DB);
    await expect(describeLink(db, token, new Date(Date.now() + 2 * 86_400_000 + 1000))).rejects.toThrow("n'est plus valide");

    const user = await env.DB.prepare("SELECT id FROM staff_users WHERE email = 'late@example.fr'").first<{ id: number }>();
    const again = await call<{ link: string; purpose: string }>("mutation", "equipe.issueLink", { userId: user!.id }, { cookie });
    expect(again.data!.purpose).toBe("invitation");
    expect((await call("query", "equipe.describeLink", { token })).status).toBe(400);
    expect((await call("query", "equipe.describeLink", { token: tokenOf(again.data!.link) })).status).toBe(200);
  });

  it("refuses an e-mail already in use, keeping nothing of the attempt", async () => {
    const s = await createStructure();
    const admin = await createStaff(s.id, "admin");
    const cookie = await signIn(admin.email);
    const elsewhere = await createStaff((await createStructure()).id, "simple");
    const users = await count("staff_users");
    const dup = await call("mutation", "equipe.invite", invitee(admin.email), { cookie });
    expect(dup.status).toBe(409);
    expect(dup.error!.data.fieldErrors!.email).toBe("Un membre de votre structure a déjà cette adresse e-mail.");
    // An address of another structure is refused without being named; its owner is told.
    const far = await call("mutation", "equipe.invite", invitee(elsewhere.email), { cookie });
    expect(far.status).toBe(409);
    expect(far.error!.data.fieldErrors!.email).not.toMatch(/existe|compte|membre/);
    const told = await call<{ emailReused: { via: string } | null }>("query", "compte.me", undefined, {
      cookie: await signIn(elsewhere.email),
    });
    expect(told.data!.emailReused).toMatchObject({ via: "invitation" });
    const autre = await call("mutation", "equipe.invite", { ...invitee("autre@example.fr"), fonction: "Autre" }, { cookie });
    expect(autre.error!.data.fieldErrors!.fonctionDetail).toContain("obligatoire");
    expect(await count("staff_users")).toBe(users);
  });

  it("a reset link unlocks a locked account and sets a new password", async () => {
    const s = await createStructure();
    const admin = await createStaff(s.id, "admin");
    const member = await createStaff(s.id, "agent");
    for (let i = 0; i < 5; i++) await call("mutation", "compte.signIn", { email: member.email, password: `Bad-password-${i}` });
    const cookie = await signIn(admin.email);
    const team = await call<{ id: number; locked: boolean }[]>("query", "equipe.list", undefined, { cookie });
    expect(team.data!.find((m) => m.id === member.id)!.locked).toBe(true);
    const link = await call<{ link: string; purpose: string }>("mutation", "equipe.issueLink", { userId: member.id }, { cookie });
    expect(link.data!.purpose).toBe("reset");
    await call("mutation", "equipe.usePasswordLink", { token: tokenOf(link.data!.link), password: "Tout-neuf-secret-9" });
    await expect(signIn(member.email, "Tout-neuf-secret-9")).resolves.toBeTruthy();
  });
});

describe("roles and statuses", () => {
  it("admin changes a role, blocks, unblocks and deletes; never on their own account", async () => {
    const s = await createStructure();
    const admin = await createStaff(s.id, "admin");
    const member = await createStaff(s.id, "simple");
    const cookie = await signIn(admin.email);
    expect((await call("mutation", "equipe.changeRole", { userId: member.id, role: "responsable" }, { cookie })).status).toBe(200);
    expect((await call("mutation", "equipe.changeRole", { userId: admin.id, role: "simple" }, { cookie })).status).toBe(400);
    expect((await call("mutation", "equipe.setStatus", { userId: member.id, action: "block" }, { cookie })).status).toBe(200);
    expect((await call("mutation", "equipe.changeRole", { userId: member.id, role: "simple" }, { cookie })).status).toBe(409);
    expect((await call("mutation", "equipe.setStatus", { userId: member.id, action: "unblock" }, { cookie })).status).toBe(200);
    expect((await call("mutation", "equipe.setStatus", { userId: member.id, action: "delete" }, { cookie })).status).toBe(200);
    const team = await call<{ id: number }[]>("query", "equipe.list", undefined, { cookie });
    expect(team.data!.map((m) => m.id)).toEqual([admin.id]);
    const log = await env.DB.prepare("SELECT action FROM audit_log WHERE target_id = ? ORDER BY id").bind(String(member.id)).all();
    expect(log.results.map((r) => r.action)).toEqual(["STAFF_ROLE_CHANGED", "STAFF_BLOCKED", "STAFF_UNBLOCKED", "STAFF_DELETED"]);
    // A deleted account's e-mail may be invited again.
    expect((await call("mutation", "equipe.invite", invitee(member.email), { cookie })).status).toBe(200);
  });

  it("a facteur cannot reach admin-only or gestionnaire procedures", async () => {
    const s = await createStructure();
    const facteur = await createStaff(s.id, "facteur");
    const cookie = await signIn(facteur.email);
    const invite = await call("mutation", "equipe.invite", invitee("f@example.fr"), { cookie });
    expect(invite.status).toBe(403);
    expect(invite.error!.message).toBe("Vous n'avez pas les droits pour cette action.");
    expect((await call("query", "equipe.list", undefined, { cookie })).status).toBe(403);
    expect((await call("query", "journal.list", {}, { cookie })).status).toBe(403);
    expect(
      (await call("mutation", "structures.updateOptions", { nomStructure: true, numeroBoite: true, surnom: true }, { cookie })).status,
    ).toBe(403);
    const colleagues = await call<{ id: number }[]>("query", "equipe.colleagues", undefined, { cookie });
    expect(colleagues.status).toBe(200);
    expect(Object.keys(colleagues.data![0]!)).toEqual(["id", "nom", "prenom"]);
  });

  it("structure A never sees nor touches structure B's accounts", async () => {
    const a = await createStructure();
    const b = await createStructure();
    const adminA = await createStaff(a.id, "admin");
    const memberB = await createStaff(b.id, "simple");
    await createStaff(b.id, "admin");
    const cookie = await signIn(adminA.email);
    for (const [path, input] of [
      ["equipe.changeRole", { userId: memberB.id, role: "facteur" }],
      ["equipe.setStatus", { userId: memberB.id, action: "block" }],
      ["equipe.setStatus", { userId: memberB.id, action: "delete" }],
      ["equipe.issueLink", { userId: memberB.id }],
    ] as const) {
      const r = await call("mutation", path, input, { cookie });
      expect(r.status, path).toBe(404);
    }
    const list = await call<{ id: number }[]>("query", "equipe.list", undefined, { cookie });
    expect(list.data!.map((m) => m.id)).toEqual([adminA.id]);
    const mine = await call<{ id: number }>("query", "structures.mine", undefined, { cookie });
    expect(mine.data!.id).toBe(a.id);
    const row = await env.DB.prepare("SELECT role, status FROM staff_users WHERE id = ?").bind(memberB.id).first();
    expect(row).toEqual({ role: "simple", status: "ACTIVE" });
  });
});
