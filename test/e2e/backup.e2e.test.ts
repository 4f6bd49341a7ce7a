/// <reference types="node" />
/**
 * Backup and restore (scripts/backup.mjs, scripts/restore.mjs) on a server of its own: writes
 * through the API (a new file with an apostrophe and accents, a note with line breaks, documents
 * with every byte value, one deleted, a portal access letter) over the demo data, server stopped, backup,
 * restore into a fresh state; then every table is compared row by row and every R2 object byte
 * for byte, the FTS search answers the same, and wrangler finds no migration left to apply.
 * Tampered backups (an edited d1.sql, a missing object, a row taken out) are refused, and so is a
 * non-empty target without --force.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPlatformProxy } from "wrangler";
import { etatCivil } from "../support/fixtures";
import { findD1File, startServer, type TestServer, wranglerEnv } from "../support/server.mjs";
import { cookiePair, DEMO, demoStructure, ROOT, trpcMutation, trpcQuery } from "./helpers";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a Node script of the repository to completion. */
function node(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: wranglerEnv() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const backup = (out: string, persistTo: string) => node(["scripts/backup.mjs", "--out", out, "--local", "--persist-to", persistTo]);
const restore = (from: string, persistTo: string, ...extra: string[]) =>
  node(["scripts/restore.mjs", "--from", from, "--persist-to", persistTo, ...extra]);

async function call<T>(baseUrl: string, cookie: string, kind: "query" | "mutation", path: string, input: unknown): Promise<T> {
  const res = kind === "query" ? await trpcQuery(baseUrl, path, input, { cookie }) : await trpcMutation(baseUrl, path, input, { cookie });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
  return body.result!.data;
}

async function upload(baseUrl: string, cookie: string, usagerId: number, label: string, bytes: Uint8Array<ArrayBuffer>): Promise<number> {
  const fd = new FormData();
  fd.set("usagerId", String(usagerId));
  fd.set("label", label);
  fd.set("shared", "false");
  fd.set("file", new File([bytes], "piece.pdf"));
  const res = await fetch(`${baseUrl}/trpc/documents.upload`, {
    method: "POST",
    headers: { cookie, origin: new URL(baseUrl).origin },
    body: fd,
  });
  const body = (await res.json()) as { result: { data: { id: number } } };
  expect(res.status).toBe(200);
  return body.result.data.id;
}

/** Writes of every kind the backup must carry, made as the staff does. */
async function makeWrites(server: TestServer) {
  const admin = demoStructure("demoville").staff.find((m) => m.role === "admin")!;
  const signIn = await trpcMutation(server.staffUrl, "compte.signIn", { email: admin.email, password: DEMO.staffPassword });
  expect(signIn.status).toBe(200);
  const cookie = cookiePair(signIn, "ancrage_staff")!;
  const { id: usagerId } = await call<{ id: number }>(server.staffUrl, cookie, "mutation", "usagers.create", {
    ...etatCivil,
    civilite: "Mme",
    nom: "N'Diaye",
    prenom: "Aïssatou",
    surnom: "« Sauvegarde »",
    dateNaissance: "1985-03-14",
    lieuNaissance: "Dakar",
    telephone: "06 11 22 33 44",
    customRef: "SAUV-1",
  });
  await call(server.staffUrl, cookie, "mutation", "usagers.addNote", {
    usagerId,
    message: "Ligne 1\r\nLigne 2 : l'accueil\n\\n n'est pas un saut",
  });
  const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
  const pdf = (text: string) => new Uint8Array([...new TextEncoder().encode(`%PDF-1.4 ${text}\n`), ...everyByte]);
  await upload(server.staffUrl, cookie, 3, "Pièce d'identité", pdf("identité"));
  await upload(server.staffUrl, cookie, usagerId, "Justificatif", pdf("justificatif"));
  const removed = await upload(server.staffUrl, cookie, 3, "Brouillon", pdf("brouillon"));
  // The last row deleted: the AUTOINCREMENT counter is then above the largest id, and must stay so.
  await call(server.staffUrl, cookie, "mutation", "documents.remove", { id: removed });
  await call(server.staffUrl, cookie, "mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false });
  await call(server.staffUrl, cookie, "mutation", "portail.setPreference", { usagerId: 3, acces: true });
}

type Row = Record<string, unknown>;
const quoteId = (name: string) => `"${name.replaceAll('"', '""')}"`;

function open(file: string, readonly = true) {
  const db = new Database(file, { readonly, fileMustExist: true });
  db.defaultSafeIntegers(true); // bigint for integers: an integer and a real never compare equal
  return db;
}

/** Every row of a table, in a stable order (all columns), every column as stored. */
function rows(db: Database.Database, table: string): Row[] {
  const n = (db.pragma(`table_info(${quoteId(table)})`) as unknown[]).length;
  return db.prepare(`SELECT * FROM ${quoteId(table)} ORDER BY ${Array.from({ length: n }, (_, i) => i + 1).join(",")}`).all() as Row[];
}

function tableNames(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

async function r2Objects(persistDir: string) {
  const proxy = await getPlatformProxy<{ FILES: R2Bucket }>({
    configPath: join(ROOT, "wrangler.toml"),
    persist: { path: join(persistDir, "v3") },
    remoteBindings: false,
    envFiles: [],
  });
  try {
    const out = new Map<string, { bytes: Buffer; customMetadata: unknown; httpMetadata: unknown }>();
    let cursor: string | undefined;
    do {
      const page = await proxy.env.FILES.list({ cursor });
      for (const { key } of page.objects) {
        const o = (await proxy.env.FILES.get(key))!;
        out.set(key, { bytes: Buffer.from(await o.arrayBuffer()), customMetadata: o.customMetadata, httpMetadata: o.httpMetadata });
      }
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
    return out;
  } finally {
    await proxy.dispose();
  }
}

let server: TestServer;
let work: string;
let backupDir: string;
let restoredDir: string;
let original: Database.Database;
let restored: Database.Database;
let restoreRun: Run;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "ancrage-backup-"));
  backupDir = join(work, "sauvegarde");
  restoredDir = join(work, "restauree");
  server = await startServer({ keepState: true });
  await makeWrites(server);
  await server.stop(); // a local backup reads the state files: wrangler dev must not hold them

  const saved = await backup(backupDir, server.persistDir);
  expect(saved.code, saved.stderr).toBe(0);
  restoreRun = await restore(backupDir, restoredDir);
  original = open(server.d1File!);
  restored = open(findD1File(restoredDir)!);
}, 180_000);

afterAll(async () => {
  original?.close();
  restored?.close();
  if (work) rmSync(work, { recursive: true, force: true });
  if (server) {
    await server.stop(); // already stopped unless the writes failed
    rmSync(dirname(server.persistDir), { recursive: true, force: true });
  }
});

describe("a local backup restored into a fresh state", () => {
  it("restores and says the result matches the manifest", () => {
    expect(restoreRun.code, restoreRun.stderr).toBe(0);
    expect(restoreRun.stdout).toContain("tout est conforme au manifeste");
  });

  it("has the same schema: tables, FTS table, indexes, triggers (planner statistics aside)", () => {
    const schema = (db: Database.Database) =>
      db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name <> 'sqlite_stat1' ORDER BY type, name").all();
    expect(schema(restored)).toEqual(schema(original));
  });

  it("has every table identical, row by row, column by column", () => {
    // Not compared: D1's own _cf_METADATA, the planner statistics, and the FTS segments
    // (usagers_fts_data/_idx), which a rebuild lays out differently — the next tests check the index.
    const skipped = new Set(["_cf_METADATA", "sqlite_stat1", "usagers_fts_data", "usagers_fts_idx"]);
    const tables = tableNames(original).filter((t) => !skipped.has(t));
    expect(tables).toEqual(tableNames(restored).filter((t) => !skipped.has(t)));
    let compared = 0;
    for (const table of tables) {
      const before = rows(original, table);
      expect(rows(restored, table), table).toEqual(before);
      compared += before.length;
    }
    const notes = restored.prepare("SELECT message FROM usager_notes WHERE message LIKE 'Ligne 1%'").pluck().get();
    expect(notes).toBe("Ligne 1\r\nLigne 2 : l'accueil\n\\n n'est pas un saut");
    const manifest = JSON.parse(readFileSync(join(backupDir, "manifest.json"), "utf8")) as { r2Objects: number };
    console.log(`[backup] ${tables.length} tables et ${compared} lignes comparées, ${manifest.r2Objects} objets R2 sauvegardés`);
  });

  it("keeps the AUTOINCREMENT counters above deleted rows", () => {
    const seq = restored.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'usager_documents'").pluck().get();
    const max = restored.prepare("SELECT max(id) FROM usager_documents").pluck().get();
    expect(seq).toBeGreaterThan(max as bigint);
  });

  it("finds the same files through the FTS index, which passes its integrity check", () => {
    const search = (db: Database.Database, q: string) =>
      db.prepare("SELECT rowid FROM usagers_fts WHERE usagers_fts MATCH ? ORDER BY rowid").pluck().all(q);
    for (const q of ['"aissatou"', '"benali"', '"2233"', '"1985-03"']) {
      expect(search(restored, q), q).toEqual(search(original, q));
      expect(search(restored, q).length, q).toBeGreaterThan(0);
    }
    const writable = open(findD1File(restoredDir)!, false);
    try {
      expect(() => writable.exec("INSERT INTO usagers_fts(usagers_fts) VALUES('integrity-check')")).not.toThrow();
    } finally {
      writable.close();
    }
  });

  it("has every R2 object byte for byte, with its metadata", async () => {
    const before = await r2Objects(server.persistDir);
    const after = await r2Objects(restoredDir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(before.size).toBe(3); // two documents kept out of three, one access letter
    for (const [key, o] of before) {
      expect(after.get(key)!.bytes.equals(o.bytes), key).toBe(true);
      expect(after.get(key)!.customMetadata, key).toEqual(o.customMetadata);
      expect(after.get(key)!.httpMetadata, key).toEqual(o.httpMetadata);
    }
    console.log(`[backup] ${before.size} objets R2 comparés octet par octet`);
  }, 60_000);

  it("leaves no migration to apply: d1_migrations came back", async () => {
    const run = await node([
      join(ROOT, "node_modules/wrangler/bin/wrangler.js"),
      "d1",
      "migrations",
      "apply",
      "DB",
      "--local",
      "--persist-to",
      restoredDir,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("No migrations to apply");
  }, 60_000);
});

describe("a restore refuses", () => {
  /** A copy of the backup to spoil. */
  function copy(name: string): string {
    const dir = join(work, name);
    cpSync(backupDir, dir, { recursive: true });
    return dir;
  }

  it("an edited d1.sql, before writing anything", async () => {
    const dir = copy("modifiee");
    const sql = join(dir, "d1.sql");
    writeFileSync(sql, readFileSync(sql, "utf8").replace("'Aïssatou'", "'Aissatou'"));
    const target = join(work, "cible-modifiee");
    const run = await restore(dir, target);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Sauvegarde altérée ou incomplète, rien n'a été restauré");
    expect(run.stderr).toContain("d1.sql : contenu modifié (SHA-256 différent du manifeste)");
    expect(existsSync(target)).toBe(false);
  });

  it("a backup with an object missing", async () => {
    const dir = copy("incomplete");
    const objects = JSON.parse(readFileSync(join(dir, "r2-objects.json"), "utf8")) as { file: string }[];
    unlinkSync(join(dir, objects[0]!.file));
    const run = await restore(dir, join(work, "cible-incomplete"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${objects[0]!.file} : fichier manquant`);
  });

  it("a dump missing a row even with its manifest fixed, after comparing the counts", async () => {
    const dir = copy("ligne-en-moins");
    const sql = join(dir, "d1.sql");
    const lines = readFileSync(sql, "utf8").split("\n");
    writeFileSync(sql, lines.filter((l) => !(l.startsWith('INSERT INTO "usager_notes"') && l.includes("Ligne 1"))).join("\n"));
    const manifestFile = join(dir, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { tables: Record<string, number>; files: Record<string, string> };
    manifest.files["d1.sql"] = createHash("sha256").update(readFileSync(sql)).digest("hex");
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const run = await restore(dir, join(work, "cible-ligne-en-moins"));
    expect(run.code).toBe(1);
    const expected = manifest.tables.usager_notes!;
    expect(run.stderr).toContain(
      `table usager_notes : ${expected - 1} lignes restaurées, ${expected} attendues (nombre de lignes différent)`,
    );
  }, 60_000);

  it("a non-empty target, unless --force", async () => {
    const refused = await restore(backupDir, restoredDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("n'est pas vide");
    const forced = await restore(backupDir, restoredDir, "--force");
    expect(forced.code, forced.stderr).toBe(0);
  }, 60_000);
});
