/** Size of the Worker as deployed: `wrangler deploy --dry-run`, gzip of the JS and of the wasm. */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { wranglerEnv } from "../support/server.mjs";

const kib = (bytes) => bytes / 1024;

export default {
  name: "worker-bundle",
  needsServer: false,
  async run({ root, tmpDir }) {
    const outdir = join(tmpDir, "worker-bundle");
    const wrangler = join(root, "node_modules", "wrangler", "bin", "wrangler.js");
    const r = spawnSync(process.execPath, [wrangler, "deploy", "--dry-run", "--outdir", outdir], {
      cwd: root,
      env: wranglerEnv(),
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${r.stdout}${r.stderr}`);
    let js = 0;
    let wasm = 0;
    for (const f of readdirSync(outdir)) {
      const gz = gzipSync(readFileSync(join(outdir, f))).length;
      if (/\.(m?js)$/.test(f)) js += gz;
      else if (f.endsWith(".wasm")) wasm += gz;
    }
    if (js === 0) throw new Error(`no JavaScript emitted in ${outdir}`);
    return [
      { name: "worker_bundle_gzip", value: kib(js), unit: "KB" },
      { name: "worker_wasm_gzip", value: kib(wasm), unit: "KB" },
    ];
  },
};
