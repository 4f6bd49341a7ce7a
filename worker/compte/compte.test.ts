import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, cookieFrom, createStaff, createStructure, PASSWORD, signIn } from "../../test/support/worker-api";
import { validateSession } from "../auth/session";
import { sha256Hex } from "../auth/token";
import { createDb } from "../db";
import { signInStaff } from "./service";

const HOUR = 3_600_000;

describe("staff sign-in", () => {
  it("signs in with the right password and sets an HttpOnly SameSite session cookie", async () => {
    const s = await createStructure();
    const u = await createStaff(s.id, "admin");
    const res = await call("mutation", "compte.signIn", { email: u.email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.setCookie).toMatch(/^ancrage_staff=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const me = await call<{ email: string; role: string }>("query", "compte.me", undefined, {
      cookie: cookieFrom(res.setCookie),
    });
    expect(me.data).toMatchObject({ email: u.email, role: "admin" });
  });

  it("stores only the SHA-256 of the session token", async () => {
    const s = await createStructure();
    const u = await createStaff(s.id, "simple");
    const cookie = await signIn(u.email);
    const token = cookie.split("=")[1]!;
    const rows = await env.DB.prepare("SELECT id FROM sessions WHERE user_id = ?").bind(u.id).all<{ id: string }>();
    expect(rows.results.map((r) => r.id)).toEqual([await sha256Hex(token)]);
  });

  it("gives the same generic message for an unknown e-mail and a wrong password", async () => {
    const s = await createStructure();
    const u = await createStaff(s.id, "simple");
    const unknown = await call("mutation", "compte.signIn", { email: "nobody@example.fr", password: PASSWORD });
    const wrong = await call("mutation", "compte.signIn", { email: u.email, password: "Wrong-password-1" });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.error!.message).toBe(wrong.error!.message);
    expect(wrong.error!.message).toContain("incorrect");
  });

  it("locks the account after 3 wrong passwords within an hour; the right one is then refused too", async () => {
    const s = await createStructure();
    const u = await createStaff(s.id, "agent");
    for (let i = 0; i < 3; i++) {
      const r = await call("mutation", "compte.signIn", { email: u.email, password: `Wrong-password-${i}` });
      expect(r.status).toBe(401);
    }
    const right = await call("mutation", "compte.signIn", { email: u.email, password: PASSWORD });
    expect(right.status).toBe(401);
    expect(right.error!.message).toContain("Après 3 essais infructueux en une heure");
    expect(right.setCookie).toBeNull();
    const locked = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'STAFF_LOCKED' AND target_id = ?")
      .bind(String(u.id))
      .first<{ n: number }>();
    expect(locked!.n).toBe(1);
  });

  it("counts the failures of the last hour (sliding), as the reference's A.6", async () => {
    const db = createDb(env.DB);
    const s = await createStructure();
    const u = await createStaff(s.id, "agent");
    const t0 = Date.now();
    const MIN = 60_000;
    const attempt = (offsetMs: number, password = "Wrong-password-x") =>
      signInStaff(db, { email: u.email, password }, new Date(t0 + offsetMs), null).then(
        () => "ok",
        (e: Error) => e.message,
      );
    // Failures at 0, 50 and 70 min: never 3 within one hour, not locked.
    for (const m of [0, 50, 70]) await attempt(m * MIN);
    expect(await attempt(71 * MIN, PASSWORD)).toBe("ok");
    // Success clears the count; then 100, 150, 170, 180 min: the last three within an hour, locked at 180.
    for (const m of [100, 150, 170, 180]) await attempt(m * MIN);
    expect(await attempt(181 * MIN, PASSWORD)).not.toBe("ok");
  });

  it("locks until an hour after the third failure: attempts during the lock do not extend it", async () => {
    const db = createDb(env.DB);
    const s = await createStructure();
    const u = await createStaff(s.id, "agent");
    const t0 = Date.now();
    const attempt = (offsetMs: number, password = "Wrong-password-x") =>
      signInStaff(db, { email: u.email, password }, new Date(t0 + offsetMs), null).then(
        () => "ok",
        (e: Error) => e.message,
      );
    for (let i = 0; i < 3; i++) await attempt(i * 1000);
    // Someone keeps trying during the lock, even with the right password.
    await attempt(20 * 60_000);
    await attempt(59 * 60_000);
    expect(await attempt(59 * 60_000 + 30_000, PASSWORD)).not.toBe("ok");
    expect(await attempt(2000 + HOUR + 1, PASSWORD)).toBe("ok");
  });

  it("refuses members of a structure still awaiting validation, and blocked members", async () => {
    const pending = await createStructure("EN_ATTENTE");
    const u = await createStaff(pending.id, "admin");
    const r = await call("mutation", "compte.signIn", { email: u.email, password: PASSWORD });
    expect(r.status).toBe(403);
    expect(r.error!.message).toContain("pas encore été validée");

    const s = await createStructure();
    const blocked = await createStaff(s.id, "simple", { status: "BLOCKED" });
    const b = await call("mutation", "compte.signIn", { email: blocked.email, password: PASSWORD });
    expect(b.status).toBe(403);
    expect(b.setCookie).toBeNull();
  });

  it("rejects a malformed e-mail with a French field message", async () => {
    const r = await call("mutation", "compte.signIn", { email: "pas-un-email", password: "x" });
    expect(r.status).toBe(400);
    expect(r.error!.data.fieldErrors!.email).toBe("Adresse e-mail : adresse e-mail invalide.");
  });
});

describe("sessions", () => {
  it("logout ends the session server-side: the old cookie is refused", async () => {
    const s = await createStructure();
    const u = await createStaff(s.id, "responsable");
    const cookie = await signIn(u.email);
    const out = await call("mutation", "compte.signOut", undefined, { cookie });
    expect(out.status).toBe(200);
    expect(out.setCookie).toContain("Max-Age=0");
    const again = await call("query", "compte.me", undefined, { cookie });
    expect(again.status).toBe(401);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ?").bind(u.id).first<{ n: number }>();
    expect(left!.n).toBe(0);
  });

  it("expires after 1 h idle and 12 h absolute", async () => {
    const db = createDb(env.DB);
    const s = await createStructure();
    const u = await createStaff(s.id, "simple");
    const cookie = await signIn(u.email);
    const token = cookie.split("=")[1]!;
    const t0 = Date.now();
    const at = (ms: number) => validateSession(db, "staff", token, new Date(t0 + ms));
    // Active every 50 minutes: alive until the 12 h absolute limit.
    for (let m = 50; m < 12 * 60; m += 50) expect(await at(m * 60_000)).not.toBeNull();
    expect(await at(12 * HOUR + 1000)).toBeNull();

    const cookie2 = await signIn(u.email);
    const token2 = cookie2.split("=")[1]!;
    const t1 = Date.now();
    expect(await validateSession(db, "staff", token2, new Date(t1 + HOUR + 1000))).toBeNull();
  });

  it("a blocked member's open session stops working at once", async () => {
    const s = await createStructure();
    const admin = await createStaff(s.id, "admin");
    const member = await createStaff(s.id, "simple");
    const adminCookie = await signIn(admin.email);
    const memberCookie = await signIn(member.email);
    expect((await call("query", "compte.me", undefined, { cookie: memberCookie })).status).toBe(200);
    const r = await call("mutation", "equipe.setStatus", { userId: member.id, action: "block" }, { cookie: adminCookie });
    expect(r.status).toBe(200);
    expect((await call("query", "compte.me", undefined, { cookie: memberCookie })).status).toBe(401);
  });
});

describe("own password", () => {
  it("changes it when the current one is right and the new one follows the rule", async () => {
    const s = await createStructure();
    const u = await createStaff(s.id, "facteur");
    const cookie = await signIn(u.email);
    const other = await signIn(u.email);
    const short = await call("mutation", "compte.changePassword", { current: PASSWORD, next: "court" }, { cookie });
    expect(short.error!.data.fieldErrors!.next).toContain("au moins 12 caractères");
    const common = await call("mutation", "compte.changePassword", { current: PASSWORD, next: "password1234" }, { cookie });
    expect(common.error!.data.fieldErrors!.next).toContain("trop courant");
    const wrong = await call("mutation", "compte.changePassword", { current: "Nope-nope-nope", next: "Un-nouveau-secret-42" }, { cookie });
    expect(wrong.error!.data.fieldErrors!.current).toBeDefined();
    const ok = await call("mutation", "compte.changePassword", { current: PASSWORD, next: "Un-nouveau-secret-42" }, { cookie });
    expect(ok.status).toBe(200);
    // This session continues; the other one is closed; the new password works.
    expect((await call("query", "compte.me", undefined, { cookie })).status).toBe(200);
    expect((await call("query", "compte.me", undefined, { cookie: other })).status).toBe(401);
    await expect(signIn(u.email, "Un-nouveau-secret-42")).resolves.toMatch(/^ancrage_staff=/);
  });

  it("a wrong current password counts toward the lockout, as a failed sign-in does (A.6)", async () => {
    const s = await createStructure();
    const u = await createStaff(s.id, "simple");
    const cookie = await signIn(u.email);
    for (let i = 0; i < 3; i++) {
      const wrong = await call(
        "mutation",
        "compte.changePassword",
        { current: `Devine-${i}-encore`, next: "Un-nouveau-secret-42" },
        { cookie },
      );
      expect(wrong.status).toBe(400);
      expect(wrong.error!.data.fieldErrors!.current).toContain("Après 3 essais infructueux");
    }
    // Locked: even the right current password no longer changes it, and signing in is refused.
    const locked = await call("mutation", "compte.changePassword", { current: PASSWORD, next: "Un-nouveau-secret-42" }, { cookie });
    expect(locked.status).toBe(403);
    expect(locked.error!.message).toContain("bloqué pendant une heure");
    expect((await call("mutation", "compte.signIn", { email: u.email, password: PASSWORD })).status).toBe(401);
    const journal = await env.DB.prepare("SELECT action FROM audit_log WHERE target_id = ? AND action LIKE 'STAFF_%' ORDER BY id")
      .bind(String(u.id))
      .all<{ action: string }>();
    expect(journal.results.map((r) => r.action)).toEqual([
      "STAFF_LOGIN",
      "STAFF_PASSWORD_CHANGE_FAILED",
      "STAFF_PASSWORD_CHANGE_FAILED",
      "STAFF_PASSWORD_CHANGE_FAILED",
      "STAFF_LOCKED",
      "STAFF_LOGIN_FAILED",
    ]);
  });
});
