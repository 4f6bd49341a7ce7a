/**
 * `npm run backup -- --out <dir> [--local [--persist-to <dir>]] [--remote]`: a full backup of
 * Ancrage's data — the D1 database and the R2 bucket FILES — that scripts/restore.mjs can replay.
 *
 *   <dir>/d1.sql           the whole database as SQL that `wrangler d1 execute --file` accepts
 *   <dir>/r2-objects.json  every R2 object: key, size, md5, etag, upload date, metadata, file
 *   <dir>/r2/<key>         the objects' bytes (still encrypted by the Worker, as stored)
 *   <dir>/manifest.json    date, source, rows per table, SHA-256 of every file above
 *
 * `wrangler d1 export` refuses any database holding a virtual table, and ours has the FTS5 index
 * `usagers_fts`. That index is derived from `usagers` (contentless, migration 0012), so the dump
 * leaves it and its shadow tables out; the triggers that fill it come before the rows, so that every
 * row is indexed again as it is restored.
 *   --local   (the default) reads the SQLite file of the local state directly, in one read transaction, and the
 *             local R2 through wrangler's getPlatformProxy. Stop `wrangler dev` first.
 *   --remote  exports every real table with `wrangler d1 export --remote --no-schema --table …`
 *             and rebuilds the schema from `sqlite_schema`; wrangler cannot list an R2 bucket, so
 *             only the objects referenced in D1 (documents, access letters) are downloaded, one
 *             `wrangler r2 object get` each.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WRANGLER = join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
const CONFIG = join(ROOT, "wrangler.toml");
export const DEFAULT_PERSIST = ".wrangler/state";
/** The tables FTS5 creates for a virtual table V: V_data, V_idx, … (derived, rebuilt on restore). */
const FTS5_SHADOWS = ["data", "idx", "content", "docsize", "config"];

/** An error for the operator: its message is printed alone, without a stack. */
export class Refusal extends Error {}

export function fail(error) {
  console.error(`✖ ${error instanceof Refusal ? error.message : (error?.stack ?? error)}`);
  process.exit(1);
}

export function parseCli(options) {
  try {
    return parseArgs({ options, strict: true }).values;
  } catch (error) {
    throw new Refusal(`${error.message}\nUsage : voir l'en-tête de ${process.argv[1]}.`);
  }
}

export function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Runs wrangler without prompts, metrics or colours; resolves with its stdout, throws on failure. */
export function wrangler(args) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [WRANGLER, ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        CI: "true",
        WRANGLER_SEND_METRICS: "false",
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        NO_COLOR: "1",
        FORCE_COLOR: "0",
      },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolveRun(out);
      else
        reject(
          new Refusal(
            `wrangler ${args.slice(0, 2).join(" ")} a échoué (code ${code}) :\n${(err || out).trim().split("\n").slice(-15).join("\n")}`,
          ),
        );
    });
  });
}

/** D1 and R2 of a local state directory, laid out exactly as `wrangler dev --persist-to` does. */
export async function localBindings(persistTo) {
  const { getPlatformProxy } = await import("wrangler");
  return getPlatformProxy({ configPath: CONFIG, persist: { path: join(persistTo, "v3") }, remoteBindings: false, envFiles: [] });
}

const quoteId = (name) => `"${name.replaceAll('"', '""')}"`;

/** A value as an SQL literal that reads back identical: integer vs real, blobs, line breaks. */
function sqlLiteral(value) {
  if (value === null) return "NULL";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return value > 0 ? "9e999" : "-9e999";
    return Number.isInteger(value) && Math.abs(value) < 1e21 ? `${value}.0` : String(value);
  }
  if (Buffer.isBuffer(value)) return `X'${value.toString("hex")}'`;
  // Line breaks (and NUL) become char(): every row stays on one line, so rows are counted by line.
  return value
    .split(/([\0\n\r])/)
    .map((part, i) => (i % 2 ? `char(${part.charCodeAt(0)})` : `'${part.replaceAll("'", "''")}'`))
    .join("||");
}

/** What a dump recreates, from `sqlite_schema` rows (type, name, tbl_name, sql) in creation order. */
function planSchema(schema) {
  const virtual = schema.filter((o) => o.type === "table" && /^CREATE VIRTUAL TABLE/i.test(o.sql));
  for (const v of virtual) {
    if (!/USING\s+fts5\s*\(.*\bcontent\s*=\s*''/is.test(v.sql)) {
      throw new Refusal(
        `Table virtuelle ${v.name} non prise en charge : seules les tables FTS5 sans contenu se reconstruisent à la restauration.`,
      );
    }
  }
  const derived = new Set(virtual.flatMap((v) => FTS5_SHADOWS.map((s) => `${v.name}_${s}`)));
  const internal = (name) => /^(sqlite_|_cf_)/.test(name) || derived.has(name);
  // The triggers that fill an index: created with the tables, they index each row as it comes back.
  const feeds = (o) => o.type === "trigger" && virtual.some((v) => new RegExp(`INSERT\\s+INTO\\s+[\`"]?${v.name}\\b`, "i").test(o.sql));
  return {
    tables: schema.filter((o) => o.type === "table" && !virtual.includes(o) && !internal(o.name)).map((o) => o.name),
    create: [...schema.filter((o) => o.type === "table" && !internal(o.name)), ...schema.filter(feeds)].map((o) => o.sql),
    after: ["view", "index", "trigger"].flatMap((type) =>
      schema.filter((o) => o.type === type && !internal(o.tbl_name) && !feeds(o)).map((o) => o.sql),
    ),
  };
}

/**
 * Writes d1.sql line by line: tables, rows, AUTOINCREMENT counters (`sequence`, null when the
 * database has none), views, indexes, triggers (those that fill the FTS index come with the tables).
 */
function writeDump(file, plan, writeRows, sequence) {
  const fd = openSync(file, "w");
  let buffer = [];
  const line = (text) => {
    buffer.push(text);
    if (buffer.length >= 2000) flush();
  };
  const flush = () => {
    writeSync(fd, `${buffer.join("\n")}\n`);
    buffer = [];
  };
  try {
    // Rows of a table may come before the rows they refer to: foreign keys are checked at commit.
    line("PRAGMA defer_foreign_keys=TRUE;");
    for (const sql of plan.create) line(`${sql};`);
    writeRows(line);
    if (sequence) {
      // The counters go back as they were, so ids of deleted rows are never reused.
      line("DELETE FROM sqlite_sequence;");
      for (const { name, seq } of sequence) line(`INSERT INTO sqlite_sequence(name, seq) VALUES(${sqlLiteral(name)}, ${sqlLiteral(seq)});`);
    }
    for (const sql of plan.after) line(`${sql};`);
    flush();
  } finally {
    closeSync(fd);
  }
}

/** The local D1 file: miniflare names it by a hash, it is the only database under v3/d1. */
function localD1File(persistTo) {
  const dir = join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite") : [];
  if (files.length !== 1) {
    throw new Refusal(
      files.length === 0 ? `Aucune base D1 locale sous ${persistTo}.` : `Plusieurs bases D1 sous ${dir} : ${files.join(", ")}.`,
    );
  }
  return join(dir, files[0]);
}

/** Dumps the local D1 in one read transaction: the rows and their counts describe one moment. */
function dumpLocalD1(persistTo, out) {
  const db = new Database(localD1File(persistTo), { readonly: true, fileMustExist: true });
  db.defaultSafeIntegers(true); // 64-bit integers exactly, and integers told apart from reals
  try {
    db.exec("BEGIN");
    const schema = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid").all();
    const plan = planSchema(schema);
    const counts = {};
    const sequence = schema.some((o) => o.name === "sqlite_sequence") ? db.prepare("SELECT name, seq FROM sqlite_sequence").all() : null;
    writeDump(
      join(out, "d1.sql"),
      plan,
      (line) => {
        for (const table of plan.tables) {
          const columns = db.pragma(`table_info(${quoteId(table)})`).map((c) => quoteId(c.name));
          const insert = `INSERT INTO ${quoteId(table)}(${columns.join(",")}) VALUES(`;
          counts[table] = 0;
          for (const row of db
            .prepare(`SELECT ${columns.join(",")} FROM ${quoteId(table)}`)
            .raw()
            .iterate()) {
            line(`${insert}${row.map(sqlLiteral).join(",")});`);
            counts[table]++;
          }
        }
      },
      sequence,
    );
    db.exec("COMMIT");
    return sequence ? { ...counts, sqlite_sequence: sequence.length } : counts;
  } finally {
    db.close();
  }
}

async function d1Remote(sql) {
  return JSON.parse(await wrangler(["d1", "execute", "DB", "--remote", "--env", "production", "--json", "--command", sql])).map(
    (r) => r.results,
  );
}

async function dumpRemoteD1(out) {
  const [schema, sequence, keys] = await d1Remote(
    "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid; " +
      "SELECT name, seq FROM sqlite_sequence; " +
      "SELECT r2_key AS key FROM usager_documents UNION SELECT letter_r2_key FROM portail_accounts WHERE letter_r2_key IS NOT NULL",
  );
  const plan = planSchema(schema);
  const tmp = mkdtempSync(join(tmpdir(), "ancrage-export-"));
  try {
    const exported = join(tmp, "rows.sql");
    await wrangler([
      "d1",
      "export",
      "DB",
      "--remote",
      "--env",
      "production",
      "--no-schema",
      "--output",
      exported,
      ...plan.tables.flatMap((t) => ["--table", t]),
    ]);
    const rows = readFileSync(exported, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("INSERT INTO "));
    const counts = Object.fromEntries(plan.tables.map((t) => [t, 0]));
    for (const row of rows) counts[/^INSERT INTO "((?:[^"]|"")+)"/.exec(row)[1].replaceAll('""', '"')]++;
    // JSON numbers: the counters are integers, and must not come back as reals.
    const counters = sequence.map(({ name, seq }) => ({ name, seq: BigInt(seq) }));
    writeDump(join(out, "d1.sql"), plan, (line) => rows.forEach(line), counters);
    return { counts: { ...counts, sqlite_sequence: sequence.length }, keys: keys.map((k) => k.key) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Where an object's bytes go in the backup; a key that could leave r2/ is refused. */
function objectFile(out, key) {
  const file = join(out, "r2", ...key.split("/"));
  if (key.split("/").some((s) => s === "" || s === "." || s === "..") || key.includes("\\") || !file.startsWith(join(out, "r2") + sep)) {
    throw new Refusal(`Clé R2 inattendue, non sauvegardée : ${JSON.stringify(key)}`);
  }
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

async function copyLocalR2(persistTo, out) {
  const proxy = await localBindings(persistTo);
  try {
    const objects = [];
    let cursor;
    do {
      const page = await proxy.env.FILES.list({ cursor });
      for (const { key } of page.objects) {
        const o = await proxy.env.FILES.get(key);
        if (!o) throw new Refusal(`Objet R2 disparu pendant la sauvegarde : ${key}`);
        const bytes = Buffer.from(await o.arrayBuffer());
        const file = objectFile(out, o.key);
        writeFileSync(file, bytes);
        objects.push({
          key: o.key,
          size: o.size,
          md5: createHash("md5").update(bytes).digest("hex"),
          etag: o.etag,
          uploaded: o.uploaded.toISOString(),
          httpMetadata: o.httpMetadata ?? {},
          customMetadata: o.customMetadata ?? {},
          file: relative(out, file).split(sep).join("/"),
        });
      }
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
    return objects;
  } finally {
    await proxy.dispose();
  }
}

async function copyRemoteR2(keys, out) {
  const { unstable_readConfig } = await import("wrangler");
  const { bucket_name: bucket, jurisdiction } = unstable_readConfig({ config: CONFIG, env: "production" }).r2_buckets.find(
    (b) => b.binding === "FILES",
  );
  const objects = [];
  for (const key of keys) {
    const file = objectFile(out, key);
    await wrangler([
      "r2",
      "object",
      "get",
      `${bucket}/${key}`,
      "--remote",
      ...(jurisdiction ? ["--jurisdiction", jurisdiction] : []),
      "--file",
      file,
    ]);
    const bytes = readFileSync(file);
    // Only the bytes come down: no etag, upload date or metadata (the Worker reads none of them).
    objects.push({
      key,
      size: bytes.length,
      md5: createHash("md5").update(bytes).digest("hex"),
      etag: null,
      uploaded: null,
      httpMetadata: {},
      customMetadata: {},
      file: relative(out, file).split(sep).join("/"),
    });
  }
  return objects;
}

async function main() {
  const args = parseCli({
    out: { type: "string" },
    local: { type: "boolean" },
    remote: { type: "boolean" },
    "persist-to": { type: "string" },
  });
  if (!args.out) throw new Refusal("Indiquez le dossier de la sauvegarde : --out <dossier>.");
  if (args.remote && (args.local || args["persist-to"])) throw new Refusal("--remote ne se combine ni avec --local ni avec --persist-to.");
  const out = resolve(args.out);
  if (existsSync(out) && readdirSync(out).length > 0)
    throw new Refusal(`Le dossier ${out} n'est pas vide : choisissez un nouveau dossier pour chaque sauvegarde.`);
  mkdirSync(out, { recursive: true });

  const source = args.remote ? "remote" : "local";
  let tables;
  let objects;
  if (args.remote) {
    const remote = await dumpRemoteD1(out);
    tables = remote.counts;
    objects = await copyRemoteR2(remote.keys, out);
  } else {
    const persistTo = resolve(args["persist-to"] ?? DEFAULT_PERSIST);
    tables = dumpLocalD1(persistTo, out);
    objects = await copyLocalR2(persistTo, out);
  }
  writeFileSync(join(out, "r2-objects.json"), `${JSON.stringify(objects, null, 2)}\n`);

  const files = Object.fromEntries(
    ["d1.sql", "r2-objects.json", ...objects.map((o) => o.file)].map((f) => [f, sha256(readFileSync(join(out, f)))]),
  );
  const manifest = { format: 1, createdAt: new Date().toISOString(), source, tables, r2Objects: objects.length, files };
  writeFileSync(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);

  const rows = Object.values(tables).reduce((a, b) => a + b, 0);
  console.log(
    `✔ Sauvegarde (${source === "remote" ? "production" : "locale"}) écrite dans ${out} : ${Object.keys(tables).length} tables, ${rows} lignes, ${objects.length} objets R2.`,
  );
  console.log("  Elle contient des données personnelles : chiffrez-la et limitez-en l'accès.");
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) main().catch(fail);
