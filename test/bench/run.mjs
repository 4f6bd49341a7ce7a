/**
 * `npm run bench`: performance figures, one line each: `BENCH <name> <value> <unit>`.
 *
 * Every `test/bench/*.bench.mjs` module is a group of figures (run in file-name order):
 *
 *   export default {
 *     name: "staff-signin",
 *     needsServer: true,                 // the shared demo server (test/support/server.mjs)
 *     async run(ctx) {                   // ctx: { root, tmpDir, server?, log(msg) }
 *       return [{ name: "staff_signin_p50", value: 12.3, unit: "ms" }]; // optional `decimals` (default 1)
 *     },
 *   };
 *
 * The servers run wrangler's dev server without its DevTools inspector (test/support/dev-server.mjs):
 * attached, it costs about 1 ms of CPU per D1 call in wrangler, which is not the Worker's time.
 * Their state (the local D1 file) is kept in memory when the machine has room (state-root.mjs):
 * the local D1 flushes that file to disk after every call, reads included, which production does not.
 * A module needing a special dataset may start its own server with startServer().
 * `npm run bench -- signin` runs only the modules whose file name contains "signin".
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startServer } from "../support/server.mjs";
import { benchStateRoot } from "./state-root.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HERE = fileURLToPath(new URL(".", import.meta.url));
const filters = process.argv.slice(2);
const verbose = process.env.BENCH_VERBOSE === "1";
const log = (msg) => verbose && console.error(`[bench] ${msg}`);

/** One decimal unless the figure says otherwise (`decimals: 0` for counts). */
export function formatValue(value, decimals = 1) {
  return value.toFixed(decimals);
}

const files = readdirSync(HERE)
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
const modules = [];
for (const f of files) modules.push({ file: f, ...(await import(pathToFileURL(join(HERE, f)).href)).default });

// The Worker serves dist/: build the frontends once when they are missing.
if (modules.length && !["dist/staff/index.html", "dist/usager/index.html"].every((f) => existsSync(join(ROOT, f)))) {
  console.error("dist/ manquant : npm run build…");
  const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const tmpDir = mkdtempSync(join(tmpdir(), "ancrage-bench-"));
let server;
let failed = false;
process.on("SIGINT", async () => {
  await server?.stop();
  process.exit(130);
});

try {
  for (const mod of modules) {
    if (mod.needsServer && !server) {
      log("starting the demo server");
      server = await startServer({ log, inspector: false, stateRoot: benchStateRoot(100e6) });
    }
    try {
      const figures = await mod.run({ root: ROOT, tmpDir, server, log });
      for (const f of figures) console.log(`BENCH ${f.name} ${formatValue(f.value, f.decimals)} ${f.unit}`);
    } catch (error) {
      failed = true;
      console.error(`bench ${mod.file} failed: ${error?.stack ?? error}`);
    }
  }
} finally {
  await server?.stop();
  rmSync(tmpDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
