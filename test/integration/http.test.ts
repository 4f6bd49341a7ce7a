import { describe, expect, it } from "vitest";
import { call, count, createStaff, createStructure, ORIGIN, signIn, workerFetch } from "../support/worker-api";

describe("cross-origin requests", () => {
  it("refuses a mutation from another origin, or without an Origin, and writes nothing", async () => {
    const s = await createStructure();
    const admin = await createStaff(s.id, "admin");
    const cookie = await signIn(admin.email);
    const users = await count("staff_users");
    const input = { nom: "X", prenom: "Y", email: "csrf@example.fr", fonction: "Bénévole", fonctionDetail: null, role: "admin" };
    const evil = await call("mutation", "equipe.invite", input, { cookie, origin: "http://evil.example" });
    expect(evil.status).toBe(403);
    const none = await call("mutation", "equipe.invite", input, { cookie, origin: null });
    expect(none.status).toBe(403);
    for (const [type, body] of [
      ["application/x-www-form-urlencoded", "email=a@b.fr&password=x"],
      ["multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
      ["text/plain", JSON.stringify(input)],
    ]) {
      const res = await workerFetch(
        new Request(`${ORIGIN}/trpc/equipe.invite`, {
          method: "POST",
          headers: { "content-type": type!, cookie, "sec-fetch-site": "cross-site", origin: "http://evil.example" },
          body,
        }),
      );
      expect(res.status, type).toBe(403);
    }
    expect(await count("staff_users")).toBe(users);
    const same = await call("mutation", "equipe.invite", input, { cookie });
    expect(same.status).toBe(200);
  });
});

describe("security headers", () => {
  it("are on API answers and pages alike", async () => {
    for (const path of ["/trpc/compte.me", "/connexion"]) {
      const res = await workerFetch(new Request(`${ORIGIN}${path}`));
      await res.arrayBuffer();
      const csp = res.headers.get("content-security-policy")!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("adds HSTS and __Host- cookies over https", async () => {
    const s = await createStructure();
    const admin = await createStaff(s.id, "admin");
    const res = await workerFetch(
      new Request("https://pro.ancrage.example/trpc/compte.signIn", {
        method: "POST",
        headers: { origin: "https://pro.ancrage.example", "content-type": "application/json" },
        body: JSON.stringify({ email: admin.email, password: "Correct-Horse-2026" }),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
    expect(res.headers.get("set-cookie")).toMatch(/^__Host-ancrage_staff=[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
  });
});

describe("per-IP brake on sign-in", () => {
  it("answers 429 once an address has spent its budget, whatever the account", async () => {
    // The local limiter counts per calendar minute: start with enough of the minute left that
    // the 25 attempts fall in one window, even on a busy machine.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 20_000) await new Promise((r) => setTimeout(r, left + 50));
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await workerFetch(
        new Request(`${ORIGIN}/trpc/compte.signIn`, {
          method: "POST",
          headers: { origin: ORIGIN, "content-type": "application/json", "cf-connecting-ip": "203.0.113.7" },
          body: JSON.stringify({ email: `nobody${i}@example.fr`, password: "Whatever-123456" }),
        }),
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    const other = await workerFetch(
      new Request(`${ORIGIN}/trpc/compte.signIn`, {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "application/json", "cf-connecting-ip": "198.51.100.9" },
        body: JSON.stringify({ email: "nobody@example.fr", password: "Whatever-123456" }),
      }),
    );
    expect(other.status).toBe(401);
  }, 60_000);
});
