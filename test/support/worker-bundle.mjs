/**
 * The Worker as production would upload it: `wrangler deploy --dry-run --env production`, then the
 * gzip size of its JavaScript and of its wasm. Shared by `npm test` (the budget) and `npm run bench`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { wranglerEnv } from "./server.mjs";

/** Above this, the gzipped JavaScript fails `npm test`. */
export const WORKER_BUNDLE_BUDGET_KB = 280;

/** { jsKB, wasmKB } of the production bundle; throws with wrangler's output when it cannot build. */
export function measureWorkerBundle(root) {
  const outdir = mkdtempSync(join(tmpdir(), "ancrage-worker-bundle-"));
  try {
    const wrangler = join(root, "node_modules", "wrangler", "bin", "wrangler.js");
    const r = spawnSync(process.execPath, [wrangler, "deploy", "--dry-run", "--env", "production", "--outdir", outdir], {
      cwd: root,
      env: wranglerEnv(),
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`wrangler deploy --dry-run --env production failed:\n${r.stdout}${r.stderr}`);
    let js = 0;
    let wasm = 0;
    for (const f of readdirSync(outdir)) {
      const gz = gzipSync(readFileSync(join(outdir, f))).length;
      if (/\.m?js$/.test(f)) js += gz;
      else if (f.endsWith(".wasm")) wasm += gz;
    }
    if (js === 0) throw new Error(`no JavaScript emitted in ${outdir}`);
    return { jsKB: js / 1024, wasmKB: wasm / 1024 };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
