/**
 * Calls the Worker like a browser would, inside workerd: through its fetch handler, with the
 * staff origin, cookies and tRPC's HTTP shape. Also creates test structures and accounts.
 */
import { createExecutionContext, env } from "cloudflare:test";
import { staffUsers, structures } from "../../db/schema";
import { hashPassword } from "../../worker/auth/password";
import { createDb } from "../../worker/db";
import app from "../../worker/index";
import type { Role } from "../../worker/rules/roles";

export const ORIGIN = "http://localhost:8787";
/**
 * The Worker's own fetch handler, called in this isolate with the test bindings. (Going through
 * the `exports` loopback instead slows down with every request in the test pool.)
 */
export function workerFetch(req: Request): Promise<Response> {
  return Promise.resolve(app.fetch(req, env, createExecutionContext()));
}

export interface CallResult<T = unknown> {
  status: number;
  data?: T;
  error?: { message: string; data: { code: string; appCode?: string; fieldErrors?: Record<string, string> } };
  setCookie: string | null;
}

export async function call<T = unknown>(
  kind: "query" | "mutation",
  path: string,
  input?: unknown,
  opts: { cookie?: string; origin?: string | null } = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  let req: Request;
  if (kind === "query") {
    const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    req = new Request(`${ORIGIN}/trpc/${path}${qs}`, { headers });
  } else {
    if (opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
    headers["content-type"] = "application/json";
    req = new Request(`${ORIGIN}/trpc/${path}`, {
      method: "POST",
      headers,
      body: input === undefined ? undefined : JSON.stringify(input),
    });
  }
  const res = await workerFetch(req);
  const text = await res.text();
  let body: { result?: { data: T }; error?: CallResult["error"] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // Non-JSON answers (e.g. the CSRF refusal) are checked through the status.
  }
  const setCookie = res.headers.get("set-cookie");
  return { status: res.status, data: body.result?.data, error: body.error, setCookie };
}

/** "name=value" of the session cookie a sign-in set. */
export function cookieFrom(setCookie: string | null): string {
  if (!setCookie) throw new Error("no Set-Cookie");
  return setCookie.split(";")[0]!;
}

export const PASSWORD = "Correct-Horse-2026";

let counter = 0;
export async function createStructure(statut: "VALIDE" | "EN_ATTENTE" = "VALIDE") {
  const db = createDb(env.DB);
  counter += 1;
  const [s] = await db
    .insert(structures)
    .values({
      nom: `CCAS de Test ${counter}`,
      type: "ccas",
      adresse: "1 rue du Test",
      codePostal: "59000",
      ville: "Lille",
      departement: "59",
      telephone: "0320000000",
      email: `ccas${counter}@example.fr`,
      responsableNom: "Durand",
      responsablePrenom: "Alice",
      responsableFonction: "Directrice",
      capacite: 100,
      statut,
    })
    .returning();
  return s!;
}

const hashes = new Map<string, Promise<string>>();
export async function createStaff(
  structureId: number,
  role: Role,
  opts: { status?: "ACTIVE" | "PENDING" | "BLOCKED"; password?: string } = {},
) {
  const db = createDb(env.DB);
  counter += 1;
  const pw = opts.password ?? PASSWORD;
  if (!hashes.has(pw)) hashes.set(pw, hashPassword(pw));
  const [u] = await db
    .insert(staffUsers)
    .values({
      structureId,
      email: `${role}${counter}@example.fr`,
      nom: `Nom${counter}`,
      prenom: `Prénom${counter}`,
      fonction: "Travailleur social",
      role,
      status: opts.status ?? "ACTIVE",
      passwordHash: opts.status === "PENDING" ? null : await hashes.get(pw)!,
    })
    .returning();
  return u!;
}

export async function signIn(email: string, password = PASSWORD): Promise<string> {
  const res = await call("mutation", "compte.signIn", { email, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.error)}`);
  return cookieFrom(res.setCookie);
}

export async function count(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
  return row!.n;
}
