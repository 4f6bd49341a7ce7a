/**
 * Mon Ancrage figures:
 *   portal_signin_page_gzip     all JS + CSS the sign-in page loads (dist/usager, gzip -9), budget 50 KB
 *   portal_service_worker_gzip  the service worker and its Workbox runtime (fetched once, in the background)
 *   portal_signin_p50/_p95      monEspace.signIn over HTTP with a personal password (argon2id + session)
 *   dashboard_http_p50/_p95     monEspace.dashboard over HTTP on the demo data (one request, as the app
 *                               makes it); its server time on the 50,000-file data is dashboard_p50,
 *                               in usagers.bench.mjs
 *
 * The portal account is made through the staff HTTP API, as a structure would: portal on, a
 * domicilié created and validated, access "Oui", the access letter read for the identifiant and
 * temporary password, first sign-in with a personal password, some mail registered.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { docxText } from "../support/zip.mjs";
import { percentile, timeSequential } from "./stats.mjs";

/** JS and CSS the page at dist/<app>/index.html loads: its scripts, styles, preloads and their static imports. */
export function pageAssets(distDir) {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const queue = [];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const tag = m[0];
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!url || /^(?:https?:)?\/\//.test(url)) continue;
    const isScript = tag.startsWith("<script");
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? "";
    if (isScript || rel === "stylesheet" || rel === "modulepreload") queue.push(url.replace(/^\//, ""));
  }
  const seen = new Set();
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith(".js")) continue;
    const code = readFileSync(join(distDir, file), "utf8");
    // Static imports between chunks ("./x.js" relative to the importing file); dynamic ones are not loaded upfront.
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(join(dirname(file), m[1]).replace(/^\//, ""));
    }
  }
  return [...seen];
}

export function gzipSize(distDir, files) {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f)), { level: 9 }).length, 0);
}

async function trpc(baseUrl, kind, path, input, cookie) {
  const headers = { "content-type": "application/json", origin: new URL(baseUrl).origin };
  if (cookie) headers.cookie = cookie;
  const res =
    kind === "query"
      ? await fetch(`${baseUrl}/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, {
          headers,
        })
      : await fetch(`${baseUrl}/trpc/${path}`, { method: "POST", headers, body: JSON.stringify(input ?? {}) });
  const body = await res.json();
  if (!res.ok) throw new Error(`${path} → ${res.status} ${JSON.stringify(body.error?.data?.fieldErrors ?? body.error?.message)}`);
  return { data: body.result?.data, res };
}

function cookieOf(res, name) {
  const c = res.headers.getSetCookie().find((x) => x.startsWith(`${name}=`));
  if (!c) throw new Error(`no ${name} cookie`);
  return c.split(";")[0];
}

const isoDay = (d) => d.toISOString().slice(0, 10);

/** A new domicilié of the signed-in structure, validated so that the domiciliation ends in `daysLeft` days (default: one year). */
async function createValidated(call, options) {
  const suffix = Math.random().toString(36).slice(2, 7);
  const { id: usagerId } = await call("mutation", "usagers.create", {
    civilite: "M.",
    nom: options.nom ?? "Jean",
    prenom: options.prenom ?? "Test",
    surnom: null,
    dateNaissance: "1980-02-06",
    lieuNaissance: "Lille",
    nationalite: null,
    langue: null,
    telephone: options.telephone ?? "06 06 06 06 06",
    email: options.email ?? "domicilie1@test.com",
    contactByPhone: false,
    numeroDistribution: null,
    referentId: null,
    customRef: options.customRef ?? `P-${suffix}`,
    ayantsDroit: [],
  });
  const today = new Date();
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + (options.daysLeft ?? 364)));
  const start = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), end.getUTCDate() + 1));
  const version = (await call("query", "usagers.get", { id: usagerId })).usager.version;
  await call("mutation", "usagers.validate", { usagerId, version, dateDebut: isoDay(start), dateFin: isoDay(end), customRef: null });
  return usagerId;
}

/**
 * A domicilié with portal access, made by the admin of the demo structure (or `options.admin`:
 * { email, password }), for a new validated file (or the existing `options.usagerId`). Returns the
 * identifiant and temporary password read from the access letter. With `personalPassword`, the
 * first sign-in is done too.
 */
export async function createPortalAccount(root, server, options = {}) {
  let admin = options.admin;
  if (!admin) {
    const demo = JSON.parse(readFileSync(join(root, "db/seed/demo-data.json"), "utf8"));
    admin = { email: demo.structures[0].staff.find((m) => m.role === "admin").email, password: demo.staffPassword };
  }
  const signIn = await trpc(server.staffUrl, "mutation", "compte.signIn", admin);
  const staff = cookieOf(signIn.res, "ancrage_staff");
  const call = (kind, path, input) => trpc(server.staffUrl, kind, path, input, staff).then((r) => r.data);

  await call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false });
  const usagerId = options.usagerId ?? (await createValidated(call, options));
  await call("mutation", "portail.setPreference", { usagerId, acces: true });

  const letterRes = await fetch(`${server.staffUrl}/fichiers/portail/${usagerId}/lettre`, { headers: { cookie: staff } });
  if (letterRes.status !== 200) throw new Error(`letter → ${letterRes.status}`);
  const text = await docxText(new Uint8Array(await letterRes.arrayBuffer()));
  const login = /Identifiant : ([A-Z]{8})/.exec(text)?.[1];
  const temporaryPassword = /Mot de passe temporaire : (\d{8})/.exec(text)?.[1];
  if (!login || !temporaryPassword) throw new Error("identifiant or temporary password not found in the letter");

  if (options.mail !== false) {
    await call("mutation", "courrier.receive", {
      usagerId,
      courrier: 2,
      colis: 1,
      avis: 1,
      content: options.comment ?? null,
      ...(options.mail ?? {}),
    });
  }

  let portalCookie;
  if (options.personalPassword) {
    const first = await trpc(server.portalUrl, "mutation", "monEspace.firstLogin", {
      login,
      password: temporaryPassword,
      nouveau: options.personalPassword,
      confirmation: options.personalPassword,
      appareilPartage: false,
    });
    portalCookie = cookieOf(first.res, "ancrage_usager");
  }
  return { usagerId, login, temporaryPassword, staffCookie: staff, portalCookie, call };
}

export default {
  name: "portal",
  needsServer: true,
  async run({ root, server, log }) {
    const dist = join(root, "dist/usager");
    if (!existsSync(join(dist, "index.html"))) throw new Error("dist/usager missing: npm run build");
    const files = pageAssets(dist);
    log(`sign-in page loads: ${files.join(", ")}`);
    const pageBytes = gzipSize(dist, files);
    const swFiles = [
      "sw.js",
      ...[...readFileSync(join(dist, "sw.js"), "utf8").matchAll(/"\.\/(workbox-[\w-]+)"/g)].map((m) => `${m[1]}.js`),
    ];
    const swBytes = gzipSize(
      dist,
      swFiles.filter((f) => existsSync(join(dist, f))),
    );

    const personal = "Bench-Portail-2026";
    const account = await createPortalAccount(root, server, { personalPassword: personal });
    const signInBody = JSON.stringify({ login: account.login.toLowerCase(), password: personal, appareilPartage: false });
    const signIn = await timeSequential(
      async () => {
        const res = await fetch(`${server.portalUrl}/trpc/monEspace.signIn`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: server.portalUrl },
          body: signInBody,
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`monEspace.signIn answered ${res.status}`);
      },
      { warmup: 5, runs: 50 },
    );
    const dashboard = await timeSequential(
      async () => {
        const res = await fetch(`${server.portalUrl}/trpc/monEspace.dashboard`, { headers: { cookie: account.portalCookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`monEspace.dashboard answered ${res.status}`);
      },
      { warmup: 10, runs: 100 },
    );
    return [
      { name: "portal_signin_page_gzip", value: pageBytes / 1024, unit: "KB" },
      { name: "portal_service_worker_gzip", value: swBytes / 1024, unit: "KB" },
      { name: "portal_signin_p50", value: percentile(signIn, 50), unit: "ms" },
      { name: "portal_signin_p95", value: percentile(signIn, 95), unit: "ms" },
      { name: "dashboard_http_p50", value: percentile(dashboard, 50), unit: "ms" },
      { name: "dashboard_http_p95", value: percentile(dashboard, 95), unit: "ms" },
    ];
  },
};
