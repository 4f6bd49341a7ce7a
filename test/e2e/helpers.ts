/// <reference types="node" />
/** Shared helpers of the e2e tests: demo data, raw HTTP, tRPC calls. */
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { ROOT } from "../support/server.mjs";

export { ROOT };

export interface DemoStaff {
  email: string;
  prenom: string;
  nom: string;
  role: "admin" | "responsable" | "simple" | "agent" | "facteur";
  fonction: string;
}

export const DEMO = JSON.parse(readFileSync(join(ROOT, "db/seed/demo-data.json"), "utf8")) as {
  staffPassword: string;
  roleLabels: Record<DemoStaff["role"], string>;
  structures: { key: string; nom: string; staff: DemoStaff[] }[];
  platformAdmins: { email: string; nom: string; password: string }[];
};

export function demoStructure(key: string) {
  const s = DEMO.structures.find((x) => x.key === key);
  if (!s) throw new Error(`unknown demo structure ${key}`);
  return s;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * An HTTP request with exactly the headers given (fetch adds or forbids some, e.g. Origin, Host):
 * what a non-browser client or a cross-site form would send.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers ?? {} }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout ${url}`)));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A tRPC v11 mutation (non-batched), sent like the app does: same-origin JSON POST. */
export async function trpcMutation(baseUrl: string, path: string, input: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(baseUrl).origin, ...headers },
    body: JSON.stringify(input),
  });
}

/** A tRPC v11 query (GET, input as ?input=JSON when given). */
export async function trpcQuery(baseUrl: string, path: string, input?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return fetch(`${baseUrl}/trpc/${path}${qs}`, { headers });
}

/** "name=value" of the first Set-Cookie whose name matches, ready for a Cookie header. */
export function cookiePair(res: Response, name: string): string | undefined {
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(";")[0]!;
    if (pair.startsWith(`${name}=`)) return pair;
  }
  return undefined;
}

/** Signs a demo staff member in through the staff app's sign-in page, as a person would. */
export async function signInStaffUi(page: import("playwright-core").Page, staffUrl: string, email: string): Promise<void> {
  await page.goto(`${staffUrl}/connexion`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO.staffPassword);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("navigation", { name: "Navigation principale" }).waitFor();
}

/**
 * Runs a scenario in a fresh French browser context (15 s per step); on failure the page is saved
 * as a screenshot, named in the error.
 */
export async function withCapturedPage(
  browser: Browser,
  name: string,
  fn: (page: Page) => Promise<void>,
  options: { acceptDownloads?: boolean } = {},
): Promise<void> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", ...options });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  try {
    await fn(page);
  } catch (error) {
    const file = join(tmpdir(), `ancrage-e2e-${name}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    if (error instanceof Error) error.message += `\n(capture : ${file}, page : ${page.url()})`;
    throw error;
  } finally {
    await context.close();
  }
}

/** A tRPC call from the signed-in page (same origin, its cookie): what the app itself sends. */
export function pageCall<T>(page: Page, path: string, input: unknown, mutation = true): Promise<T> {
  return page.evaluate(
    async ({ path, input, mutation }) => {
      const res = mutation
        ? await fetch(`/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) })
        : await fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
      const body = (await res.json()) as { result: { data: unknown } };
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return body.result.data;
    },
    { path, input, mutation },
  ) as Promise<T>;
}
