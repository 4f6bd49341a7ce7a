/**
 * Lighthouse on Mon Ancrage, as a phone sees it (Lighthouse's default mobile form factor and
 * simulated slow-4G / 4× CPU throttling), categories performance, accessibility, best practices:
 *   lighthouse_signin_{performance,accessibility,best_practices}     the sign-in page (/)
 *   lighthouse_dashboard_{performance,accessibility,best_practices}  the dashboard (/mon-espace),
 *     signed in: the portal session cookie goes with every request (extraHeaders)
 * Scores 0–100. Budgets: performance ≥ 95, accessibility 100, best practices ≥ 95 on both pages.
 *
 * The system Chromium runs headless with the flags of test/support/browser.mjs (every host but
 * localhost/127.0.0.1 unresolvable: fully offline) in a throwaway HOME / XDG / TMPDIR, a fresh
 * profile for each run.
 *
 * Each page is audited BENCH_LIGHTHOUSE_RUNS times (default 5). Performance keeps its best score:
 * Lighthouse simulates a slow phone by multiplying the main-thread time it observed by 4, so any
 * other process busy on this shared 2-core machine during a run (a test suite, a build) lowers that
 * run's score, by 20 points and more under load, while nothing makes a run faster than the page
 * allows; the best run is the closest to the page's own cost. Accessibility and best practices do
 * not depend on the machine and keep their worst score: a difference between runs would be a page
 * that is not always the same.
 * BENCH_VERBOSE=1 prints each run's scores, the machine's speed as Lighthouse measured it
 * (benchmarkIndex: lower = busier or slower) and every audit below a perfect score.
 */

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch } from "chrome-launcher"; // Lighthouse's own launcher (a dependency of lighthouse)
import lighthouse from "lighthouse";
import { CHROME_ARGS, CHROME_PATH, throwawayEnv } from "../support/browser.mjs";
import { createPortalAccount } from "./portal.bench.mjs";

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const CATEGORIES = ["performance", "accessibility", "best-practices"];

/** One Lighthouse run in a fresh Chromium profile; returns the report (LHR). */
async function audit(url, extraHeaders) {
  const { home, env, cleanup } = throwawayEnv();
  const userDataDir = join(home, "profile");
  mkdirSync(userDataDir);
  const chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_ARGS, userDataDir, envVars: env, logLevel: "silent" });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: "error",
      output: "json",
      onlyCategories: CATEGORIES,
      extraHeaders,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) {
      const error = new Error(`Lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      error.code = lhr.runtimeError.code;
      throw error;
    }
    // A refused session sends the app back to the sign-in page: that would be audited instead.
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended on ${lhr.finalDisplayedUrl}`);
    return lhr;
  } finally {
    chrome.kill();
    cleanup();
  }
}

/** Audits that lost points, for the log: "category: audit id (score) title". */
function failedAudits(lhr) {
  const out = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id].auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1)
        out.push(`${id}: ${a.id} (${a.score}) ${a.title} ${a.displayValue ?? ""}`.trim());
    }
  }
  return out;
}

/** Errors where Lighthouse failed to record the run, not where the page failed (a blank page is NO_FCP: not retried). */
const UNRECORDED = new Set(["NO_NAVSTART", "NO_TRACING_STARTED"]);
const RETRIES = 2;

/** audit(), run again up to RETRIES times when Lighthouse failed to record the run. */
async function auditRecorded(url, extraHeaders, log) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await audit(url, extraHeaders);
    } catch (error) {
      if (!UNRECORDED.has(error.code) || attempt >= RETRIES) throw error;
      log(`${error.message}: run again (${attempt + 1}/${RETRIES})`);
    }
  }
}

const score = (lhr, category) => Math.round(lhr.categories[category].score * 100);

async function scores(label, url, extraHeaders, log) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const lhr = await auditRecorded(url, extraHeaders, log);
    runs.push(lhr);
    log(
      `${label} #${i + 1}: ${CATEGORIES.map((id) => `${id} ${score(lhr, id)}`).join(", ")} (benchmarkIndex ${Math.round(lhr.environment.benchmarkIndex)})`,
    );
    for (const line of failedAudits(lhr)) log(`${label} #${i + 1}   ${line}`);
  }
  return CATEGORIES.map((id) => ({
    name: `lighthouse_${label}_${id.replace("-", "_")}`,
    value: (id === "performance" ? Math.max : Math.min)(...runs.map((lhr) => score(lhr, id))),
    unit: "score",
    decimals: 0,
  }));
}

export default {
  name: "lighthouse",
  needsServer: true,
  async run({ root, server, log }) {
    const account = await createPortalAccount(root, server, { personalPassword: "Phare-Lumiere-2026", comment: "Lettre de la CAF" });
    return [
      ...(await scores("signin", `${server.portalUrl}/`, undefined, log)),
      ...(await scores("dashboard", `${server.portalUrl}/mon-espace`, { Cookie: account.portalCookie }, log)),
    ];
  },
};
