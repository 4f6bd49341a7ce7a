/// <reference types="node" />
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ROOT, rawRequest, trpcMutation } from "./helpers";

const staffUrl = inject("staffUrl");
const portalUrl = inject("portalUrl");

const signInBody = JSON.stringify({ email: "inconnu@exemple.fr", password: "un-mot-de-passe-quelconque" });

describe("CSRF: mutations only from the page's own origin", () => {
  it("accepts a same-origin JSON POST (answers 401 for an unknown account, not 403)", async () => {
    const res = await trpcMutation(staffUrl, "compte.signIn", JSON.parse(signInBody));
    expect(res.status).toBe(401);
  });

  it("refuses a cross-origin POST", async () => {
    const res = await rawRequest(`${staffUrl}/trpc/compte.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://evil.example" },
      body: signInBody,
    });
    expect(res.status).toBe(403);
  });

  it("refuses a POST from the other app's origin (portal → staff)", async () => {
    const res = await rawRequest(`${staffUrl}/trpc/compte.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: portalUrl },
      body: signInBody,
    });
    expect(res.status).toBe(403);
  });

  it("refuses a form-encoded POST without Origin", async () => {
    const res = await rawRequest(`${staffUrl}/trpc/compte.signIn`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=admin%40demoville.fr&password=x",
    });
    expect(res.status).toBe(403);
  });

  it("refuses a text/plain POST without Origin", async () => {
    const res = await rawRequest(`${staffUrl}/trpc/compte.signIn`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: signInBody,
    });
    expect(res.status).toBe(403);
  });

  it("refuses a cross-site fetch even with a matching Origin (Sec-Fetch-Site)", async () => {
    const res = await rawRequest(`${staffUrl}/trpc/compte.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: staffUrl, "sec-fetch-site": "cross-site" },
      body: signInBody,
    });
    expect(res.status).toBe(403);
  });
});

describe("security headers", () => {
  for (const [what, url] of [
    ["staff page", () => `${staffUrl}/connexion`],
    ["portal page", () => `${portalUrl}/`],
    ["tRPC answer", () => `${staffUrl}/trpc/compte.me`],
  ] as const) {
    it(`are on the ${what}`, async () => {
      const res = await rawRequest(url());
      const csp = String(res.headers["content-security-policy"] ?? "");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBeTruthy();
    });
  }
});

describe("one Worker, two apps chosen by hostname", () => {
  const staffIndex = readFileSync(join(ROOT, "dist/staff/index.html"), "utf8");
  const portalIndex = readFileSync(join(ROOT, "dist/usager/index.html"), "utf8");

  it("the staff origin serves the staff app for /connexion (SPA fallback)", async () => {
    const res = await rawRequest(`${staffUrl}/connexion`);
    expect(res.status).toBe(200);
    expect(String(res.headers["content-type"])).toContain("text/html");
    expect(res.body).toBe(staffIndex);
  });

  it("the portal origin serves the portal's index.html", async () => {
    for (const path of ["/", "/connexion"]) {
      const res = await rawRequest(`${portalUrl}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.body, path).toBe(portalIndex);
    }
  });

  it("the two apps are different pages", () => {
    expect(staffIndex).not.toBe(portalIndex);
  });

  it("/trpc answers on both origins", async () => {
    for (const base of [staffUrl, portalUrl]) {
      const res = await rawRequest(`${base}/trpc/compte.me`);
      expect(res.status, base).toBe(401);
      expect(String(res.headers["content-type"])).toContain("application/json");
    }
  });
});
