/**
 * Debian's Chromium driven by playwright-core (never `playwright install`), offline-safe:
 * every host except localhost/127.0.0.1 resolves to nothing, and Chromium writes only into a
 * throwaway HOME / XDG / TMPDIR removed by close().
 *
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage();
 *   …
 *   await browser.close();
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";

export const CHROME_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];

/** A throwaway home for Chromium (and Lighthouse): HOME, XDG_* and TMPDIR inside one temp dir. */
export function throwawayEnv() {
  const home = mkdtempSync(join(tmpdir(), "ancrage-chromium-"));
  const dirs = { config: join(home, ".config"), cache: join(home, ".cache"), data: join(home, ".local/share"), tmp: join(home, "tmp") };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_CACHE_HOME: dirs.cache,
    XDG_DATA_HOME: dirs.data,
    TMPDIR: dirs.tmp,
  };
  return { home, env, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/**
 * Launches Chromium. close() also removes the throwaway home.
 * @param {import("playwright-core").LaunchOptions} [options] merged into the launch options
 */
export async function launchBrowser(options = {}) {
  const { env, cleanup } = throwawayEnv();
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROME_PATH,
      headless: true,
      args: CHROME_ARGS,
      env,
      ...options,
    });
  } catch (error) {
    cleanup();
    throw error;
  }
  const close = browser.close.bind(browser);
  browser.close = async (...args) => {
    try {
      await close(...args);
    } finally {
      cleanup();
    }
  };
  return browser;
}

/**
 * A persistent profile (service workers, installability through CDP): a normal context is incognito.
 * close() removes the profile and the throwaway home.
 * @param {import("playwright-core").BrowserContextOptions & import("playwright-core").LaunchOptions} [options]
 */
export async function launchPersistentBrowser(options = {}) {
  const { home, env, cleanup } = throwawayEnv();
  const profile = join(home, "profile");
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROME_PATH,
      headless: true,
      args: CHROME_ARGS,
      env,
      ...options,
    });
  } catch (error) {
    cleanup();
    throw error;
  }
  const close = context.close.bind(context);
  context.close = async (...args) => {
    try {
      await close(...args);
    } finally {
      cleanup();
    }
  };
  return context;
}
