/**
 * An isolated Ancrage for tests and benchmarks: a fresh temporary state (D1 + R2), migrations
 * applied, demo data seeded, then `wrangler dev` on a free port.
 *
 *   const server = await startServer();
 *   // server.staffUrl  = http://localhost:<port>   (staff app, platform page, /trpc)
 *   // server.portalUrl = http://127.0.0.1:<port>   (Mon Ancrage, /trpc)
 *   // server.d1File    = the D1 SQLite file (open it read-only while the server runs)
 *   await server.stop();
 *
 * A benchmark needing a big dataset writes it into the D1 file before `wrangler dev` opens it:
 *
 *   await startServer({ beforeStart: async ({ d1File }) => { ...better-sqlite3 or a child process... } });
 *
 * wrangler and workerd run in their own process group; stop() ends the whole group.
 * Their output goes to <persistDir>/../wrangler.log, printed when the start fails.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const WRANGLER = join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const DEV_SERVER = join(ROOT, "test", "support", "dev-server.mjs");

/** Environment of every wrangler process: no prompt, no metrics, no network lookups. */
export function wranglerEnv(extra = {}) {
  return {
    ...process.env,
    CI: "true",
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    ...extra,
  };
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** Runs a command to completion, appending its output to the log file; rejects on failure. */
function runLogged(args, logFile, label) {
  return new Promise((resolveRun, reject) => {
    const fd = openSync(logFile, "a");
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: wranglerEnv(),
      stdio: ["ignore", fd, fd],
    });
    child.on("error", (e) => {
      closeSync(fd);
      reject(e);
    });
    child.on("exit", (code) => {
      closeSync(fd);
      if (code === 0) resolveRun();
      else reject(new Error(`${label} a échoué (code ${code})`));
    });
  });
}

/** The D1 SQLite file of the `DB` binding under a persist dir (miniflare names it by a hash). */
export function findD1File(persistDir) {
  const dir = join(persistDir, "v3", "d1", "miniflare-D1DatabaseObject");
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  return file ? join(dir, file) : null;
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function killGroup(pid, timeoutMs = 5000) {
  if (!groupAlive(pid)) return;
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!groupAlive(pid)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000), redirect: "manual" });
    await res.body?.cancel();
    return res.status < 500;
  } catch {
    return false;
  }
}

/**
 * @param {object} [options]
 * @param {boolean} [options.seed=true]        seed the demo data
 * @param {boolean} [options.inspector=true]   false: wrangler's dev server without its DevTools
 *   inspector (test/support/dev-server.mjs), for benchmarks
 * @param {boolean} [options.keepState=false]  keep the temp dir after stop() (also ANCRAGE_KEEP_STATE=1)
 * @param {string}  [options.stateRoot]        the folder for the temp dir (default: the OS temp dir)
 * @param {number}  [options.timeoutMs=90000]  how long to wait for the first answer
 * @param {(msg: string) => void} [options.log] progress messages (default: silent)
 * @param {(state: { d1File: string, persistDir: string, log: (msg: string) => void }) => Promise<void> | void} [options.beforeStart]
 *   runs after migrations and seed, before `wrangler dev` starts: the D1 SQLite file is not in use
 *   (e.g. db/seed/large.ts fills it). Its failure stops the start like any other step.
 */
export async function startServer(options = {}) {
  const { seed = true, inspector = true, timeoutMs = 90_000, log = () => {}, beforeStart } = options;
  const keepState = options.keepState ?? process.env.ANCRAGE_KEEP_STATE === "1";
  const baseDir = mkdtempSync(join(options.stateRoot ?? tmpdir(), "ancrage-test-"));
  const persistDir = join(baseDir, "state");
  mkdirSync(persistDir);
  const logFile = join(baseDir, "wrangler.log");
  const printLog = () => {
    try {
      process.stderr.write(`\n----- ${logFile} -----\n${readFileSync(logFile, "utf8")}\n-----\n`);
    } catch {
      // no log yet
    }
  };

  let pid;
  let exited = null;
  const stop = async () => {
    if (pid) await killGroup(pid);
    pid = undefined;
    if (!keepState) rmSync(baseDir, { recursive: true, force: true });
  };

  try {
    const t0 = Date.now();
    await runLogged(
      [WRANGLER, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir],
      logFile,
      "wrangler d1 migrations apply",
    );
    log(`migrations appliquées (${Date.now() - t0} ms)`);
    if (seed) {
      const t1 = Date.now();
      await runLogged([TSX, "db/seed/demo.ts", "--persist-to", persistDir], logFile, "db/seed/demo.ts");
      log(`données de démonstration (${Date.now() - t1} ms)`);
    }
    if (beforeStart) {
      const d1File = findD1File(persistDir);
      if (!d1File) throw new Error(`base D1 introuvable sous ${persistDir}`);
      await beforeStart({ d1File, persistDir, log });
    }

    const port = await freePort();
    const runtimeUrlFile = join(baseDir, "runtime-url");
    const staffUrl = `http://localhost:${port}`;
    const portalUrl = `http://127.0.0.1:${port}`;
    const args = [
      ...(inspector
        ? [WRANGLER, "dev", "--ip", "127.0.0.1", "--inspector-port", String(await freePort()), "--show-interactive-dev-session=false"]
        : [DEV_SERVER, "--runtime-url-file", runtimeUrlFile]),
      "--persist-to",
      persistDir,
      "--port",
      String(port),
      "--var",
      `STAFF_ORIGIN:${staffUrl}`,
      "--var",
      `PORTAL_ORIGIN:${portalUrl}`,
      "--var",
      `FILES_SECRET:${randomBytes(32).toString("base64")}`,
    ];
    const fd = openSync(logFile, "a");
    const t2 = Date.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: wranglerEnv(),
      stdio: ["ignore", fd, fd],
      detached: true, // own process group: stop() kills wrangler and workerd together
    });
    closeSync(fd);
    pid = child.pid;
    child.on("exit", (code, signal) => (exited = signal ?? code));
    child.unref();
    // Last resort if the caller dies without stop(): never leave a workerd behind.
    const groupPid = pid;
    process.once("exit", () => {
      try {
        process.kill(-groupPid, "SIGKILL");
      } catch {
        // already stopped
      }
    });

    const deadline = Date.now() + timeoutMs;
    while (!(await answers(`${portalUrl}/`))) {
      if (exited !== null) throw new Error(`wrangler dev s'est arrêté (${exited})`);
      if (Date.now() > deadline) throw new Error(`wrangler dev ne répond pas après ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
    log(`wrangler dev prêt sur le port ${port} (${Date.now() - t2} ms)`);

    const d1File = findD1File(persistDir);
    const runtimeUrl = existsSync(runtimeUrlFile) ? readFileSync(runtimeUrlFile, "utf8") : null;
    return { staffUrl, portalUrl, port, runtimeUrl, persistDir, d1File, logFile, stop };
  } catch (error) {
    printLog();
    await stop();
    throw error;
  }
}

// `node test/support/server.mjs`: start one, print its URLs, stop on Ctrl-C (handy for debugging).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startServer({ keepState: true, log: (m) => console.log(m) });
  console.log(`staff  ${server.staffUrl}\nportal ${server.portalUrl}\nstate  ${server.persistDir}\nlog    ${server.logFile}`);
  const quit = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", quit);
  process.on("SIGTERM", quit);
}
