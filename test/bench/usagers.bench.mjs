/**
 * The domiciliés list and fiche at scale, over HTTP against wrangler's dev server (issue 3, "Scale and
 * speed"; without its DevTools inspector, see run.mjs).
 *
 * wrangler's dev server is two workerd processes: a proxy on the public port, which forwards every
 * request to the workerd running the Worker. The figures time the Worker over HTTP on that runtime
 * (what production serves, without the dev-only hop), with a keep-alive node:http client; the same
 * requests through wrangler's proxy give the `*_proxy_*` figures, measured in the same rounds.
 *
 * Starts its own server: fresh state (in memory when there is room, see state-root.mjs),
 * migrations, demo seed, then db/seed/large.ts fills "CCAS de Grandeville" in the D1 file BEFORE
 * wrangler dev opens it. Signs in as its gestionnaire
 * and times requests one at a time, as the client sees them over loopback, in 20 warm-up + 200
 * measured rounds; each round makes one request of each kind, so a load spike on the machine
 * weighs on every figure alike (search and fiche twice: on the runtime, then through the proxy):
 *   - usagers.list with a search term (name fragments with and without accents, birth dates,
 *     phone numbers, 2-letter prefixes, ayants droit, IDs; a fixed list drawn from the data);
 *   - usagers.get of a random file of the structure;
 *   - compte.me: the floor of any signed-in call (session + staff lookups + one small query,
 *     through wrangler dev's proxy); what the figures above cost beyond it is their own work;
 *   - monEspace.dashboard of the active file with the longest history, given portal access and
 *     signed in on the portal (issue 6: its server time, dashboard_p50);
 *   - every other round, usagers.list without search (first page of "Tous").
 * Besides what the client sees, `*_server_*` figures give the Worker's own time (its
 * Server-Timing header, D1 included): what remains is wrangler dev's proxy and loopback HTTP.
 *
 * On the same data, the mail desk (issue 4): `courrier.receive` one at a time (reception_p95), then
 * a burst of 1,000 receptions on 1,000 different files from 4 concurrent clients signed in as 4
 * agents, after which every file's pending counters are compared with a recount of its pending
 * receptions in the database (burst_1000_counter_mismatches, must be 0).
 *
 * BENCH_VERBOSE=1 prints the slowest searches with their terms (the 8 slowest, or BENCH_SLOWEST);
 * BENCH_DUMP=file.json writes every measured round: per request, the client's and the Worker's ms.
 * BENCH_FILES=5000 shrinks the dataset (interactions: 40 per file, or BENCH_INTERACTIONS);
 * default 50,000 files / 2,000,000 interactions. BENCH_SEED changes the dataset (default 1).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { counterMismatches, countersWithRecount } from "../support/counters.mjs";
import { ROOT, startServer } from "../support/server.mjs";
import { httpClient } from "./http-client.mjs";
import { createPortalAccount } from "./portal.bench.mjs";
import { benchStateRoot } from "./state-root.mjs";
import { percentile, serverTime } from "./stats.mjs";

const require = createRequire(import.meta.url);
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

const intEnv = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const v = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} : un entier ≥ 1 est attendu (reçu « ${raw} »).`);
  return v;
};

/** mulberry32, as in db/seed/large/random.ts: the same terms and ids on every run. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

const stripAccents = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/œ/g, "oe").replace(/æ/g, "ae");

/**
 * The machine's CPU time so far (Linux /proc/stat, in ticks): all of it, and what the hypervisor
 * took for other guests ("steal"). On a shared VM, steal during the rounds inflates every figure.
 */
function cpuTicks() {
  if (!existsSync("/proc/stat")) return null;
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
}

/** Runs the generator in a child process; resolves with its JSON summary and wall time. */
function generate(d1File, files, interactions, seed) {
  return new Promise((resolveRun, reject) => {
    const args = [
      TSX,
      "db/seed/large.ts",
      "--d1",
      d1File,
      "--files",
      String(files),
      "--interactions",
      String(interactions),
      "--seed",
      String(seed),
      "--json",
    ];
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`db/seed/large.ts a échoué (code ${code}) :\n${err}${out}`));
      resolveRun({ seconds, summary: JSON.parse(out.trim().split("\n").at(-1)) });
    });
  });
}

/**
 * Search terms and fiche ids drawn from the generated file (read before wrangler opens it):
 * what people type at the counter.
 */
function pickWorkload(d1File, structureId, seed, count) {
  const Database = require("better-sqlite3");
  const db = new Database(d1File, { readonly: true });
  try {
    const { lo, hi } = db.prepare("SELECT min(id) AS lo, max(id) AS hi FROM usagers WHERE structure_id = ?").get(structureId);
    const byId = db.prepare(
      "SELECT nom, prenom, surnom, custom_ref AS customRef, date_naissance AS dateNaissance, telephone, ayants_droit AS ayantsDroit FROM usagers WHERE id = ?",
    );
    const r = rng(seed * 7919 + 17);
    const file = (where = () => true) => {
      for (let attempt = 0; ; attempt++) {
        const u = byId.get(r.int(lo, hi));
        if (u && (where(u) || attempt > 10_000)) return u;
      }
    };
    const fragment = (name, accents) => {
      const letters = name.replace(/[^\p{L}]/gu, "");
      const len = Math.min(letters.length, r.int(3, 8));
      const start = r.int(0, letters.length - len);
      const s = letters.slice(start, start + len);
      return accents ? s : stripAccents(s).toLowerCase();
    };
    const accented = (u) => /\P{ASCII}/u.test(u.nom + u.prenom);
    const kinds = [
      [
        20,
        () => {
          const u = file(accented);
          const n = /\P{ASCII}/u.test(u.nom) ? u.nom : u.prenom;
          return fragment(n, true);
        },
      ],
      [
        20,
        () => {
          const u = file();
          return fragment(r.next() < 0.5 ? u.nom : u.prenom, false);
        },
      ],
      [10, () => file().nom],
      [
        6,
        () => {
          const u = file();
          return `${stripAccents(u.nom).toLowerCase()} ${stripAccents(u.prenom).toLowerCase()}`;
        },
      ],
      [
        10,
        () => {
          const [y, m, d] = file().dateNaissance.split("-");
          return `${d}/${m}/${y}`;
        },
      ],
      [10, () => file((u) => u.telephone !== null).telephone],
      [
        10,
        () => {
          const u = file();
          return stripAccents(u.nom).slice(0, 2);
        },
      ],
      [8, () => r.pick(JSON.parse(file((u) => u.ayantsDroit !== "[]").ayantsDroit)).prenom],
      [6, () => file().customRef],
    ];
    const total = kinds.reduce((s, k) => s + k[0], 0);
    const terms = [];
    for (let i = 0; i < count; i++) {
      let x = r.next() * total;
      const kind =
        kinds.find((k) => {
          x -= k[0];
          return x < 0;
        }) ?? kinds[0];
      terms.push(kind[1]());
    }
    const ids = Array.from({ length: count }, () => r.int(lo, hi));
    // Files that accept mail (not under NPAI), for the reception figures.
    const mailable = db
      .prepare("SELECT id FROM usagers WHERE structure_id = ? AND npai_depuis IS NULL ORDER BY id")
      .all(structureId)
      .map((row) => row.id);
    const shuffled = mailable
      .map((id) => [r.next(), id])
      .sort((a, b) => a[0] - b[0])
      .map(([, id]) => id);
    // Terms that must find someone: the searches measured do real work.
    const u = file((x) => x.telephone !== null);
    const [y, m, d] = u.dateNaissance.split("-");
    const mustFind = [u.nom, `${d}/${m}/${y}`, u.telephone, stripAccents(u.prenom).toLowerCase()];
    // The portal dashboard is timed for the active file with the longest history.
    const { id: portalId } = db
      .prepare(
        `SELECT u.id FROM usagers u WHERE u.structure_id = ? AND u.statut = 'VALIDE' AND u.npai_depuis IS NULL
         ORDER BY (SELECT count(*) FROM interactions i WHERE i.usager_id = u.id) DESC LIMIT 1`,
      )
      .get(structureId);
    return { terms, ids, mustFind, mailIds: shuffled.slice(0, 1440), portalId };
  } finally {
    db.close();
  }
}

async function signIn(server, email, password) {
  const res = await fetch(`${server.staffUrl}/trpc/compte.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.staffUrl },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`compte.signIn a répondu ${res.status} : ${body.slice(0, 300)}`);
  const pair = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => /^(__Host-)?ancrage_staff=/.test(c));
  if (!pair) throw new Error("compte.signIn : pas de cookie de session");
  return pair;
}

async function receive(server, cookie, usagerId) {
  const t0 = performance.now();
  const res = await fetch(`${server.staffUrl}/trpc/courrier.receive`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.staffUrl, cookie },
    body: JSON.stringify({ usagerId, courrier: 1, colis: 0, avis: 0, content: null }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`courrier.receive ${usagerId} a répondu ${res.status} : ${body.slice(0, 300)}`);
  return { ms: performance.now() - t0, server: serverTime(res) };
}

/**
 * One reception at a time, alternately on the runtime and through wrangler's proxy, as the client
 * sees it over loopback, and the Worker's own time.
 */
async function measureReceptions(server, clients, cookie, ids, warmup) {
  const times = { client: [], server: [], proxy: [] };
  for (const [i, usagerId] of ids.entries()) {
    const via = i % 2 === 0 ? "runtime" : "proxy";
    const res = await clients[via].request("/trpc/courrier.receive", {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.staffUrl, cookie },
      body: JSON.stringify({ usagerId, courrier: 1, colis: 0, avis: 0, content: null }),
    });
    if (res.status !== 200) throw new Error(`courrier.receive ${usagerId} a répondu ${res.status} : ${res.body.slice(0, 300)}`);
    if (i < 2 * warmup) continue;
    if (via === "proxy") times.proxy.push(res.ms);
    else {
      times.client.push(res.ms);
      times.server.push(serverTime(res));
    }
  }
  return times;
}

/** 1,000 receptions from 4 concurrent clients, then counters against a recount of the database. */
async function burst(server, cookies, ids, d1File, structureId) {
  const queue = [...ids];
  await Promise.all(
    cookies.map(async (cookie) => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) await receive(server, cookie, id);
    }),
  );
  const Database = require("better-sqlite3");
  const db = new Database(d1File, { readonly: true });
  try {
    return counterMismatches(countersWithRecount(db, structureId)).length;
  } finally {
    db.close();
  }
}

export default {
  name: "usagers",
  needsServer: false, // its own server, with the large dataset
  async run({ log }) {
    const files = intEnv("BENCH_FILES", 50_000);
    const interactions = intEnv("BENCH_INTERACTIONS", files * 40);
    const seed = intEnv("BENCH_SEED", 1);
    const warmup = 20;
    const runs = 200;
    let seeded;
    let workload;
    // The 50,000-file D1 takes ~280 MB: ~5.6 KB per file, with its interactions.
    const stateRoot = benchStateRoot(files * 8_000 + 50e6);
    console.error(
      `[usagers] ${files.toLocaleString("fr-FR")} domiciliés, ${interactions.toLocaleString("fr-FR")} interactions (graine ${seed}), état local sous ${stateRoot}…`,
    );
    const server = await startServer({
      log,
      inspector: false,
      stateRoot,
      beforeStart: async ({ d1File }) => {
        seeded = await generate(d1File, files, interactions, seed);
        log(`db/seed/large.ts: ${seeded.seconds.toFixed(1)} s ${JSON.stringify(seeded.summary.phases)}`);
        workload = pickWorkload(d1File, seeded.summary.structureId, seed, warmup + runs);
      },
    });
    try {
      const gestionnaire = seeded.summary.staff.find((s) => s.role === "responsable");
      const cookie = await signIn(server, gestionnaire.email, seeded.summary.staffPassword);
      if (!server.runtimeUrl) throw new Error("adresse du runtime de wrangler dev inconnue");
      const staffHost = new URL(server.staffUrl).host;
      const portalHost = new URL(server.portalUrl).host;
      const clients = {
        runtime: httpClient(server.runtimeUrl, staffHost),
        proxy: httpClient(server.staffUrl, staffHost),
        portal: httpClient(server.runtimeUrl, portalHost),
      };
      /** One GET over loopback: its body, the time the client saw and the Worker's own time. */
      const get = async (path, input, client = clients.runtime, session = cookie) => {
        const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
        const res = await client.request(`/trpc/${path}${qs}`, { headers: { cookie: session } });
        if (res.status !== 200) throw new Error(`${path} ${JSON.stringify(input)} a répondu ${res.status} : ${res.body.slice(0, 300)}`);
        return { body: res.body, ms: res.ms, server: serverTime(res) };
      };

      for (const q of workload.mustFind) {
        const found = JSON.parse((await get("usagers.list", { tab: "TOUS", q, sort: "nom", order: "asc", page: 1 })).body).result.data;
        if (!(found.total > 0)) throw new Error(`la recherche « ${q} » ne trouve personne : l'index de recherche est-il rempli ?`);
      }
      const admin = seeded.summary.staff.find((s) => s.role === "admin");
      const portal = await createPortalAccount(ROOT, server, {
        admin: { email: admin.email, password: seeded.summary.staffPassword },
        usagerId: workload.portalId,
        personalPassword: "Bench-Grandeville-2026",
      });

      const figures = { search: [], fiche: [], floor: [], list: [], dashboard: [], searchProxy: [], ficheProxy: [] };
      const own = { search: [], fiche: [], floor: [], dashboard: [] };
      const slow = [];
      const rounds = [];
      const load = [loadavg()[0]];
      const ticks = cpuTicks();
      for (let i = 0; i < warmup + runs; i++) {
        const q = workload.terms[i];
        const round = {
          search: await get("usagers.list", { tab: "TOUS", q, sort: "nom", order: "asc", page: 1 }),
          fiche: await get("usagers.get", { id: workload.ids[i] }),
          floor: await get("compte.me"),
          dashboard: await get("monEspace.dashboard", undefined, clients.portal, portal.portalCookie),
          list: i % 2 === 0 ? await get("usagers.list", { tab: "TOUS", q: "", sort: "nom", order: "asc", page: 1 }) : null,
          searchProxy: await get("usagers.list", { tab: "TOUS", q, sort: "nom", order: "asc", page: 1 }, clients.proxy),
          ficheProxy: await get("usagers.get", { id: workload.ids[i] }, clients.proxy),
        };
        if (i < warmup) continue;
        for (const [kind, r] of Object.entries(round)) {
          if (r === null) continue;
          figures[kind].push(r.ms);
          own[kind]?.push(r.server);
        }
        slow.push([round.search.ms, q, i]);
        rounds.push({ i, q, ...Object.fromEntries(Object.entries(round).flatMap(([kind, r]) => (r ? [[kind, [r.ms, r.server]]] : []))) });
      }
      const { search, fiche, floor, list } = figures;
      if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, JSON.stringify(rounds));
      load.push(loadavg()[0]);
      const after = cpuTicks();
      const steal = ticks && after && after.total > ticks.total ? (100 * (after.steal - ticks.steal)) / (after.total - ticks.total) : 0;
      log(`CPU time taken by the hypervisor during the rounds (steal): ${steal.toFixed(1)} %`);
      if (steal > 5) {
        console.error(
          `[usagers] l'hyperviseur a pris ${steal.toFixed(0)} % du temps processeur pendant les mesures : chiffres pessimistes, comparez-les à trpc_floor.`,
        );
      }
      log(
        `slowest searches: ${slow
          .sort((a, b) => b[0] - a[0])
          .slice(0, Number(process.env.BENCH_SLOWEST ?? 8))
          .map(([ms, q, i]) => `#${i} ${JSON.stringify(q)} ${ms.toFixed(1)} ms`)
          .join(", ")}`,
      );
      if (Math.max(...load) > cpus().length * 0.75) {
        console.error(
          `[usagers] machine chargée (charge ${load.map((x) => x.toFixed(1)).join(" → ")} pour ${cpus().length} cœurs) : chiffres pessimistes, comparez-les à trpc_floor.`,
        );
      }

      const timed = 2 * (warmup + runs);
      const reception = await measureReceptions(server, clients, cookie, workload.mailIds.slice(0, timed), warmup);
      for (const client of Object.values(clients)) client.close();
      const agents = seeded.summary.staff.slice(0, 4);
      const cookies = await Promise.all(agents.map((a) => signIn(server, a.email, seeded.summary.staffPassword)));
      const mismatches = await burst(
        server,
        cookies,
        workload.mailIds.slice(timed, timed + 1000),
        server.d1File,
        seeded.summary.structureId,
      );

      return [
        { name: "reception_p50", value: percentile(reception.client, 50), unit: "ms" },
        { name: "reception_p95", value: percentile(reception.client, 95), unit: "ms" },
        { name: "reception_server_p95", value: percentile(reception.server, 95), unit: "ms" },
        { name: "reception_proxy_p95", value: percentile(reception.proxy, 95), unit: "ms" },
        { name: "burst_1000_counter_mismatches", value: mismatches, unit: "count", decimals: 0 },
        { name: "seed_50k_seconds", value: seeded.seconds, unit: "s" },
        { name: "usager_search_p50", value: percentile(search, 50), unit: "ms" },
        { name: "usager_search_p95", value: percentile(search, 95), unit: "ms" },
        { name: "fiche_open_p50", value: percentile(fiche, 50), unit: "ms" },
        { name: "fiche_open_p95", value: percentile(fiche, 95), unit: "ms" },
        { name: "usager_search_server_p95", value: percentile(own.search, 95), unit: "ms" },
        { name: "fiche_open_server_p95", value: percentile(own.fiche, 95), unit: "ms" },
        { name: "usager_search_proxy_p95", value: percentile(figures.searchProxy, 95), unit: "ms" },
        { name: "fiche_open_proxy_p95", value: percentile(figures.ficheProxy, 95), unit: "ms" },
        { name: "dashboard_p50", value: percentile(own.dashboard, 50), unit: "ms" },
        { name: "dashboard_http_50k_p95", value: percentile(figures.dashboard, 95), unit: "ms" },
        { name: "usager_list_p50", value: percentile(list, 50), unit: "ms" },
        { name: "usager_list_p95", value: percentile(list, 95), unit: "ms" },
        { name: "trpc_floor_p50", value: percentile(floor, 50), unit: "ms" },
        { name: "trpc_floor_p95", value: percentile(floor, 95), unit: "ms" },
        { name: "trpc_floor_server_p50", value: percentile(own.floor, 50), unit: "ms" },
      ];
    } finally {
      await server.stop();
    }
  },
};
