/// <reference types="node" />
/**
 * "A new version of the app updates itself without leaving a stale shell."
 *
 * Two builds of Mon Ancrage that differ only by their version (ANCRAGE_VERSION, shown in
 * <meta name="ancrage-version"> and in the footer, and compiled into the JS so that the bundle's
 * file name changes too) are built into a temporary folder — never into the shared dist/. A
 * `wrangler dev` of our own serves the first one; a phone (a persistent Chromium profile, where
 * service workers live) installs it. The same port is then served the second build, as a deployment
 * would, and the phone simply reloads: the old worker answers first from its precache, finds the new
 * worker, which takes over, and the page reloads itself into the new version. The precache then
 * holds exactly the new build's files, and the new shell works offline.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPersistentBrowser } from "../support/browser.mjs";
import { freePort, ROOT, wranglerEnv } from "../support/server.mjs";

const UI_TIMEOUT = 30_000;
const RUN = Math.random().toString(36).slice(2, 8);
const OLD = `e2e-ancienne-${RUN}`;
const NEW = `e2e-nouvelle-${RUN}`;

let work: string;

/** web-usager built with the given version into <work>/<name>/usager (the layout the Worker reads). */
function build(name: string, version: string): string {
  const assets = join(work, name);
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/vite/bin/vite.js"),
      "build",
      "--config",
      "web-usager/vite.config.ts",
      "--outDir",
      join(assets, "usager"),
      "--emptyOutDir",
      "--logLevel",
      "error",
    ],
    // NODE_ENV: vitest sets "test", which would give an unminified development build.
    { cwd: ROOT, env: { ...process.env, NODE_ENV: "production", ANCRAGE_VERSION: version }, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`vite build (${version}) failed: ${r.stderr}`);
  return assets;
}

/** The precache keys a build's service worker declares (Workbox adds ?__WB_REVISION__ when a file has no hash). */
function precacheOf(assets: string): string[] {
  const sw = readFileSync(join(assets, "usager/sw.js"), "utf8");
  const entries = [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"([^"]+)"|null)\}/g)];
  if (entries.length === 0) throw new Error("no precache manifest found in sw.js");
  return entries.map(([, url, revision]) => `/${url}${revision ? `?__WB_REVISION__=${revision}` : ""}`).sort();
}

interface Wrangler {
  stop(): Promise<void>;
}

/** `wrangler dev` serving `assets` (instead of dist/) on `port`; the portal is http://127.0.0.1:<port>. */
async function serve(assets: string, port: number): Promise<Wrangler> {
  const persist = join(work, "state");
  const logFile = join(work, "wrangler.log");
  const fd = openSync(logFile, "a");
  const child = spawn(
    process.execPath,
    [
      join(ROOT, "node_modules/wrangler/bin/wrangler.js"),
      "dev",
      "--assets",
      assets,
      "--persist-to",
      persist,
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--inspector-port",
      String(await freePort()),
      "--show-interactive-dev-session=false",
      "--var",
      `STAFF_ORIGIN:http://localhost:${port}`,
      "--var",
      `PORTAL_ORIGIN:http://127.0.0.1:${port}`,
      "--var",
      `FILES_SECRET:${randomBytes(32).toString("base64")}`,
    ],
    { cwd: ROOT, env: wranglerEnv(), stdio: ["ignore", fd, fd], detached: true },
  );
  closeSync(fd);
  const pid = child.pid!;
  let exited = false;
  child.on("exit", () => (exited = true));
  const stop = async () => {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      return;
    }
    for (let i = 0; i < 50 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
    if (!exited) process.kill(-pid, "SIGKILL");
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(3000) }).catch(() => undefined);
    if (res?.status === 200) {
      await res.body?.cancel();
      return { stop };
    }
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not start:\n${readFileSync(logFile, "utf8")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

const shellVersion = (page: Page) => page.evaluate(() => document.querySelector('meta[name="ancrage-version"]')?.getAttribute("content"));

/** Every cache of the origin, as "cache name → sorted keys (path + query)". */
function cacheContents(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      out[name] = keys.map((r) => new URL(r.url).pathname + new URL(r.url).search).sort();
    }
    return out;
  });
}

let oldBuild: string;
let newBuild: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "ancrage-update-"));
  mkdirSync(join(work, "state"));
  oldBuild = build("ancienne", OLD);
  newBuild = build("nouvelle", NEW);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("Mon Ancrage, a new version", () => {
  it("replaces the installed shell by itself, keeps nothing of the old one, and works offline", async () => {
    const oldPrecache = precacheOf(oldBuild);
    const newPrecache = precacheOf(newBuild);
    // The two builds really differ in their code, not only in index.html.
    const oldScripts = oldPrecache.filter((k) => /^\/assets\/index-.*\.js$/.test(k));
    expect(oldScripts).toHaveLength(1);
    expect(newPrecache).not.toContain(oldScripts[0]);

    const port = await freePort();
    const portal = `http://127.0.0.1:${port}`;
    let server = await serve(oldBuild, port);
    let context: BrowserContext | undefined;
    try {
      context = await launchPersistentBrowser({ locale: "fr-FR", viewport: { width: 360, height: 740 } });
      context.setDefaultTimeout(UI_TIMEOUT);
      const page = context.pages()[0] ?? (await context.newPage());

      // Installed: the worker controls the page once its precache is complete.
      await page.goto(`${portal}/`);
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: UI_TIMEOUT });
      expect(await shellVersion(page)).toBe(OLD);
      await page.locator("footer").getByText(`Version ${OLD}`).waitFor();
      const installed = await cacheContents(page);
      const precacheName = Object.keys(installed).find((n) => n.startsWith("workbox-precache-"));
      expect(precacheName, `caches: ${Object.keys(installed).join(", ")}`).toBeDefined();
      expect(installed[precacheName!]).toEqual(oldPrecache);

      // Deployment: the same address now serves the new build.
      await server.stop();
      server = await serve(newBuild, port);

      let loads = 0;
      page.on("load", () => loads++);
      await page.reload();
      // The person reloads once; the app does the rest (a new worker takes over, the page reloads).
      await page.waitForFunction((v) => document.querySelector('meta[name="ancrage-version"]')?.getAttribute("content") === v, NEW, {
        timeout: UI_TIMEOUT,
      });
      await page.locator("footer").getByText(`Version ${NEW}`).waitFor();
      expect(loads, "the page reloaded itself into the new version").toBeGreaterThanOrEqual(2);
      await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();

      // One worker, the new one, and a precache that is exactly the new build.
      const registration = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return { active: reg?.active?.state, waiting: reg?.waiting !== null, installing: reg?.installing !== null };
      });
      expect(registration).toEqual({ active: "activated", waiting: false, installing: false });
      const updated = await cacheContents(page);
      expect(Object.keys(updated).filter((n) => n.startsWith("workbox-precache-"))).toEqual([precacheName]);
      expect(updated[precacheName!]).toEqual(newPrecache);
      for (const key of oldPrecache.filter((k) => !newPrecache.includes(k))) {
        expect(Object.values(updated).flat(), `stale ${key}`).not.toContain(key);
      }

      // Offline, the new shell comes whole from the precache.
      await context.setOffline(true);
      await page.reload();
      expect(await shellVersion(page)).toBe(NEW);
      await page.locator("footer").getByText(`Version ${NEW}`).waitFor();
      await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    } finally {
      await context?.close();
      await server.stop();
    }
  });
});
