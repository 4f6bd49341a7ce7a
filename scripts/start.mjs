/**
 * `npm start`: everything needed to try Ancrage locally, in one command.
 *   1. builds both frontends (dist/staff, dist/usager);
 *   2. applies the D1 migrations to the local state (.wrangler/state);
 *   3. seeds the demo data once (db/seed/demo.ts);
 *   4. creates .dev.vars with a random FILES_SECRET when missing;
 *   5. runs `wrangler dev` on port 8787 and prints the URLs and the demo accounts.
 * Ctrl-C stops wrangler and workerd (they run in their own process group).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WRANGLER = join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const PORT = 8787;
const STAFF_URL = `http://localhost:${PORT}`;
const PORTAL_URL = `http://127.0.0.1:${PORT}`;

const env = {
  ...process.env,
  CI: "true", // wrangler d1 migrations apply asks (Y/n) on a terminal otherwise
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
};

const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[22m` : s);

function step(title) {
  console.log(`\n${bold(`▶ ${title}`)}`);
}

function runStep(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", (e) => {
      console.error(e.message);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

async function mustRun(title, command, args) {
  step(title);
  const code = await runStep(command, args);
  if (code !== 0) {
    console.error(`\n✖ Échec : ${title} (code ${code}).`);
    process.exit(code || 1);
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

function ensureDevVars() {
  const file = join(ROOT, ".dev.vars");
  const line = `FILES_SECRET="${randomBytes(32).toString("base64")}"\n`;
  if (!existsSync(file)) {
    writeFileSync(file, `# Secrets locaux de wrangler dev (jamais commités).\n${line}`, { mode: 0o600 });
    return "créé avec un FILES_SECRET aléatoire";
  }
  if (!/^\s*FILES_SECRET\s*=/m.test(readFileSync(file, "utf8"))) {
    appendFileSync(file, `\n${line}`);
    return "FILES_SECRET ajouté";
  }
  return "déjà présent";
}

function printBanner() {
  const demo = JSON.parse(readFileSync(join(ROOT, "db/seed/demo-data.json"), "utf8"));
  const rows = [];
  for (const s of demo.structures) {
    for (const m of s.staff) {
      const note = s.statut === "VALIDE" ? "" : " (structure en attente de validation)";
      rows.push([demo.roleLabels[m.role], m.email, `${m.prenom} ${m.nom}`, `${s.nom}${note}`]);
    }
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const pad = (s, w) => s + " ".repeat(Math.max(0, w - [...s].length));
  const rule = "─".repeat(72);
  console.log(`\n${rule}`);
  console.log(bold("Ancrage est démarré."));
  console.log("");
  console.log(`  Application des équipes : ${STAFF_URL}`);
  console.log(`  Mon Ancrage (portail) : ${PORTAL_URL}`);
  console.log(`  Espace plateforme : ${STAFF_URL}/plateforme`);
  console.log("");
  console.log(bold(`Comptes de démonstration — mot de passe : ${demo.staffPassword}`));
  for (const r of rows) console.log(`  ${pad(r[0], widths[0])}  ${pad(r[1], widths[1])}  ${pad(r[2], widths[2])}  ${r[3]}`);
  console.log("");
  console.log(bold("Espace plateforme (super-administrateur)"));
  for (const a of demo.platformAdmins) console.log(`  ${a.email} — mot de passe : ${a.password}  (${a.nom})`);
  console.log("");
  console.log("Ctrl-C pour arrêter.");
  console.log(`${rule}\n`);
}

async function waitUntilReady(child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const res = await fetch(`${PORTAL_URL}/`, { signal: AbortSignal.timeout(3000), redirect: "manual" });
      await res.body?.cancel();
      if (res.status < 500) return true;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

if (!(await portFree(PORT))) {
  console.error(`✖ Le port ${PORT} est déjà utilisé : un autre « npm start » ou « wrangler dev » tourne-t-il ?`);
  process.exit(1);
}

await mustRun("Construction des deux applications (npm run build)", NPM, ["run", "build"]);
await mustRun("Migrations de la base locale", process.execPath, [WRANGLER, "d1", "migrations", "apply", "DB", "--local"]);
await mustRun("Données de démonstration", process.execPath, [TSX, "db/seed/demo.ts"]);
step("Secrets locaux (.dev.vars)");
console.log(`.dev.vars : ${ensureDevVars()}`);

step(`wrangler dev (port ${PORT})`);
const wrangler = spawn(
  process.execPath,
  [WRANGLER, "dev", "--port", String(PORT), "--ip", "127.0.0.1", "--show-interactive-dev-session=false"],
  // Own process group, stdin closed: Ctrl-C reaches this script, which stops the whole group.
  { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"], detached: true },
);

let stopping = false;
function killGroup(signal) {
  try {
    process.kill(-wrangler.pid, signal);
  } catch {
    // already gone
  }
}
async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log("\nArrêt de wrangler…");
  killGroup("SIGTERM");
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    try {
      process.kill(-wrangler.pid, 0);
    } catch {
      process.exit(code);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  killGroup("SIGKILL");
  process.exit(code);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
process.on("SIGHUP", () => stop(0));
process.on("exit", () => killGroup("SIGKILL"));
wrangler.on("exit", (code, signal) => {
  if (stopping) return;
  console.error(`\nwrangler dev s'est arrêté (${signal ?? `code ${code}`}).`);
  stopping = true;
  killGroup("SIGKILL");
  process.exit(code || 1);
});

if (await waitUntilReady(wrangler)) {
  printBanner();
} else if (!stopping) {
  console.error(`✖ wrangler dev ne répond pas sur ${PORTAL_URL}.`);
  await stop(1);
}
