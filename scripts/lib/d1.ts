/// <reference types="node" />
/**
 * Run SQL on the D1 database `DB` through `wrangler d1 execute` (local or remote), shared by the
 * demo seed (db/seed/demo.ts) and the admin command (scripts/admin.ts). Values are inlined as SQL
 * literals: always go through `sqlValue`, never concatenate raw input.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const WRANGLER = join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");

export interface D1Target {
  /** true: the production database (needs `wrangler login`); false: the local state. */
  remote: boolean;
  /** Local state directory (wrangler's `--persist-to`), default `.wrangler/state`. */
  persistTo?: string;
}

export type SqlScalar = string | number | boolean | null;

/** An SQL string literal: quotes doubled; NUL refused (SQLite would cut the string there). */
export function sqlString(value: string): string {
  if (value.includes("\u0000")) throw new Error("Caractère NUL refusé dans une valeur SQL.");
  return `'${value.replaceAll("'", "''")}'`;
}

export function sqlValue(value: SqlScalar): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Nombre invalide pour SQL : ${value}`);
    return String(value);
  }
  return sqlString(value);
}

export interface D1Result {
  results: Record<string, unknown>[];
  success: boolean;
}

/** Environment for wrangler without prompts, metrics or network lookups. */
export function wranglerEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CI: "true",
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
  };
}

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: wranglerEnv() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

/**
 * Executes SQL statements (separated by `;`) in one D1 batch — atomic: all or nothing — and
 * returns one result per statement. Local runs read the SQL from a temporary file; remote runs
 * pass it as `--command` so SELECT results come back.
 */
export async function d1Execute(target: D1Target, sql: string): Promise<D1Result[]> {
  const args = ["d1", "execute", "DB", ...(target.remote ? ["--remote", "--env", "production"] : ["--local"]), "--json"];
  if (target.persistTo) args.push("--persist-to", target.persistTo);
  let tmp: string | undefined;
  if (target.remote) {
    args.push("--command", sql);
  } else {
    tmp = mkdtempSync(join(tmpdir(), "ancrage-sql-"));
    const file = join(tmp, "statements.sql");
    writeFileSync(file, sql);
    args.push("--file", file);
  }
  try {
    const { code, stdout, stderr } = await run(args);
    if (code !== 0) {
      throw new Error(`wrangler d1 execute a échoué (code ${code}) :\n${extractError(stdout)}${stderr}`);
    }
    const start = stdout.indexOf("[");
    if (start < 0) throw new Error(`Réponse inattendue de wrangler d1 execute :\n${stdout}${stderr}`);
    return JSON.parse(stdout.slice(start)) as D1Result[];
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

function extractError(stdout: string): string {
  try {
    const parsed = JSON.parse(stdout.slice(stdout.indexOf("{"))) as { error?: { text?: string } };
    if (parsed.error?.text) return `${parsed.error.text}\n`;
  } catch {
    // not JSON: print as is
  }
  return stdout;
}
