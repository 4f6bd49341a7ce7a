/**
 * `npm test`: lint and format check (Biome), build both frontends, check the production Worker
 * bundle against its budget, run the Worker suite (workerd) and the end-to-end suite (wrangler dev +
 * Chromium), then print, as the very last line, `N passed, M failed`. The lint and the bundle
 * budget count as one test each.
 *
 * A suite that crashes, does not run or leaves no report counts as a failure: a broken run can
 * never read as a success. Exit code 0 only when nothing failed.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureWorkerBundle, WORKER_BUNDLE_BUDGET_KB } from "./support/worker-bundle.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const VITEST = join(ROOT, "node_modules", "vitest", "vitest.mjs");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const tmp = mkdtempSync(join(tmpdir(), "ancrage-test-run-"));

const children = new Set();
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    interrupted = true;
    for (const pid of children) killGroup(pid);
    rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  });
}

function killGroup(pid) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * Runs a command in its own process group, forwarding its output; resolves with the exit code once
 * the output is complete. Whatever the command leaves behind (workerd…) is killed afterwards.
 */
function run(command, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const env = { ...process.env, ...extraEnv };
    if (process.stdout.isTTY && !env.NO_COLOR) env.FORCE_COLOR ??= "1";
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    children.add(child.pid);
    child.stdout.pipe(process.stdout, { end: false });
    child.stderr.pipe(process.stderr, { end: false });
    let code = null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      children.delete(child.pid);
      killGroup(child.pid);
      resolve(code ?? 1);
    };
    child.on("error", (e) => {
      console.error(`${command}: ${e.message}`);
      finish();
    });
    child.on("exit", (c, signal) => {
      code = signal ? 1 : c;
      // Output may still be in the pipes; a leftover grandchild may hold them open: wait a little.
      setTimeout(finish, 5000).unref();
    });
    child.on("close", finish);
  });
}

/** passed/failed from a vitest JSON report; a missing report or a non-zero exit adds a failure. */
function countReport(file, exitCode, label) {
  let passed = 0;
  let failed = 0;
  let note = "";
  if (!existsSync(file)) {
    failed = 1;
    note = "no report (suite did not run)";
  } else {
    try {
      const report = JSON.parse(readFileSync(file, "utf8"));
      passed = report.numPassedTests ?? 0;
      failed = report.numFailedTests ?? 0;
      // Files that failed without a failing test (import error, crash in a hook) count too.
      for (const file of report.testResults ?? []) {
        const failedInside = (file.assertionResults ?? []).filter((a) => a.status === "failed").length;
        if (file.status === "failed" && failedInside === 0) {
          failed += 1;
          note = `${note}${note ? "; " : ""}${file.name.replace(ROOT, "")} failed to run`;
        }
      }
      if ((report.numTotalTests ?? 0) === 0 && failed === 0) {
        failed = 1;
        note = "no tests ran";
      }
    } catch (error) {
      failed = 1;
      note = `unreadable report: ${error.message}`;
    }
  }
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    note = `vitest exited with code ${exitCode}`;
  }
  return { label, passed, failed, note };
}

async function vitestSuite(label, config) {
  const out = join(tmp, `${label}.json`);
  const code = await run(process.execPath, [
    VITEST,
    "run",
    "--config",
    config,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
  ]);
  return countReport(out, code, label);
}

/** The production bundle's gzipped JavaScript against its budget, as one test. */
function bundleCheck() {
  try {
    const { jsKB } = measureWorkerBundle(ROOT);
    const ok = jsKB <= WORKER_BUNDLE_BUDGET_KB;
    const note = `${jsKB.toFixed(1)} KB gzip, budget ${WORKER_BUNDLE_BUDGET_KB} KB`;
    console.log(note);
    return { label: "bundle", passed: ok ? 1 : 0, failed: ok ? 0 : 1, note: ok ? note : `over budget: ${note}` };
  } catch (error) {
    console.error(error.message);
    return { label: "bundle", passed: 0, failed: 1, note: "wrangler deploy --dry-run failed" };
  }
}

const results = [];
const started = Date.now();

console.log("\n=== npm run lint (Biome, wrangler types --check, tsc) ===");
const lintCode = await run(NPM, ["run", "lint"]);
results.push({
  label: "lint",
  passed: lintCode === 0 ? 1 : 0,
  failed: lintCode === 0 ? 0 : 1,
  note: lintCode === 0 ? "" : "biome check, wrangler types --check or tsc failed (npm run format, npm run types)",
});

console.log("\n=== npm run build ===");
const buildCode = await run(NPM, ["run", "build"]);
const built = buildCode === 0;
results.push({ label: "build", passed: 0, failed: built ? 0 : 1, note: built ? "ok" : `failed (code ${buildCode})` });

console.log("\n=== Worker bundle (wrangler deploy --dry-run --env production) ===");
results.push(bundleCheck());

console.log("\n=== Worker suite (vitest.config.ts) ===");
results.push(await vitestSuite("unit", "vitest.config.ts"));

// After a failed build the run is red anyway; the e2e suite still runs when a previous build is
// there, for information (its results then describe that previous build).
const haveDist = ["dist/staff/index.html", "dist/usager/index.html"].every((f) => existsSync(join(ROOT, f)));
if (built || haveDist) {
  console.log(`\n=== End-to-end suite (test/e2e/vitest.e2e.config.ts)${built ? "" : " — against the PREVIOUS build"} ===`);
  const e2e = await vitestSuite("e2e", "test/e2e/vitest.e2e.config.ts");
  if (!built) e2e.note = `${e2e.note ? `${e2e.note}; ` : ""}ran against the previous build`;
  results.push(e2e);
} else {
  results.push({ label: "e2e", passed: 0, failed: 1, note: "not run: the build failed and dist/ is missing" });
}

if (!interrupted) {
  rmSync(tmp, { recursive: true, force: true });
  const passed = results.reduce((s, r) => s + r.passed, 0);
  const failed = results.reduce((s, r) => s + r.failed, 0);
  console.log("\n=== Summary ===");
  for (const r of results) {
    const counts = r.label === "build" ? "" : `${r.passed} passed, ${r.failed} failed`;
    console.log(`${r.label.padEnd(6)} ${counts}${counts && r.note ? " — " : ""}${r.note ?? ""}`);
  }
  console.log(`(${Math.round((Date.now() - started) / 1000)} s)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
