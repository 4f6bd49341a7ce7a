/// <reference types="node" />
/**
 * Demo data, seeded once into the local database (by `npm start` and into every fresh e2e state).
 *
 *   npx tsx db/seed/demo.ts [--persist-to DIR] [--quiet]
 *
 * Produces SQL and applies it with `wrangler d1 execute DB --local --file …` in one atomic batch.
 * "Seed once": nothing is written when the demo structure already exists. Every statement carries
 * that guard itself (see `guard`), so the file is safe to apply twice, even concurrently.
 *
 * To add demo data (domiciliés, courriers…), write a section — a function returning SQL statements —
 * and append it to SECTIONS. Sections run in order inside the same batch; use `structureId(key)` to
 * refer to a structure of demo-data.json.
 */
import { hash, type Algorithm } from "@node-rs/argon2";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { d1Execute, sqlString, sqlValue, type SqlScalar } from "../../scripts/lib/d1";

// ---------------------------------------------------------------------------------------------
// Data (db/seed/demo-data.json, also read by scripts/start.mjs and the e2e tests)

export type Role = "admin" | "responsable" | "simple" | "agent" | "facteur";

export interface DemoStaff {
  email: string;
  prenom: string;
  nom: string;
  role: Role;
  fonction: string;
}

export interface DemoStructure {
  key: string;
  nom: string;
  type: "ccas" | "cias" | "asso";
  adresse: string;
  codePostal: string;
  ville: string;
  departement: string;
  timeZone: string;
  telephone: string;
  email: string;
  responsable: { nom: string; prenom: string; fonction: string };
  capacite: number;
  agrement: string | null;
  siret: string | null;
  statut: "EN_ATTENTE" | "VALIDE";
  staff: DemoStaff[];
}

export interface DemoData {
  staffPassword: string;
  roleLabels: Record<Role, string>;
  structures: DemoStructure[];
  platformAdmins: { email: string; nom: string; password: string }[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEMO: DemoData = JSON.parse(readFileSync(join(HERE, "demo-data.json"), "utf8"));

/** The structure whose presence means "already seeded". */
export const DEMO_MARKER = DEMO.structures[0]!.nom;

// ---------------------------------------------------------------------------------------------
// SQL helpers

/** Same parameters as the Worker (worker/auth/password.ts): the Worker verifies these PHC strings. */
export const ARGON2_OPTIONS = {
  // Algorithm.Argon2id: a `const enum` (absent at runtime, unusable with isolatedModules).
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export interface SeedContext {
  /** Epoch milliseconds of this run: every timestamp of the seed, and the guard's marker. */
  now: number;
  /** An argon2id PHC string (a fresh salt on every call, as the Worker does). */
  hashOf(password: string): Promise<string>;
}

/** The id of a demo structure, as an SQL sub-query (ids are assigned by SQLite). */
export function structureId(key: string): string {
  const s = DEMO.structures.find((x) => x.key === key);
  if (!s) throw new Error(`Structure de démonstration inconnue : ${key}`);
  return `(SELECT id FROM structures WHERE nom = ${sqlString(s.nom)} ORDER BY id LIMIT 1)`;
}

/**
 * True while the demo structure is absent or was inserted by this very run (created_at = now):
 * the first statement inserts it, the following ones still pass, a later run skips everything.
 */
export function guard(ctx: SeedContext): string {
  return `NOT EXISTS (SELECT 1 FROM structures WHERE nom = ${sqlString(DEMO_MARKER)} AND created_at <> ${ctx.now})`;
}

/** `INSERT INTO table (cols) SELECT values WHERE <guard> [AND extra]`. Values are SQL expressions. */
export function guardedInsert(
  ctx: SeedContext,
  table: string,
  row: Record<string, string>,
  extraCondition?: string,
): string {
  const cols = Object.keys(row);
  const where = [guard(ctx), extraCondition].filter(Boolean).join(" AND ");
  return `INSERT INTO ${table} (${cols.join(", ")}) SELECT ${cols.map((c) => row[c]).join(", ")} WHERE ${where}`;
}

/** Maps scalars to SQL literals (strings quoted, null → NULL). */
export function literals(row: Record<string, SqlScalar>): Record<string, string> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, sqlValue(v)]));
}

// ---------------------------------------------------------------------------------------------
// Sections

export type Section = (ctx: SeedContext) => Promise<string[]> | string[];

/** Structures (the marker first: the guard depends on it). */
export const structuresSection: Section = (ctx) =>
  DEMO.structures.map((s) =>
    guardedInsert(
      ctx,
      "structures",
      literals({
        nom: s.nom,
        type: s.type,
        adresse: s.adresse,
        complement_adresse: null,
        code_postal: s.codePostal,
        ville: s.ville,
        departement: s.departement,
        time_zone: s.timeZone,
        telephone: s.telephone,
        email: s.email,
        responsable_nom: s.responsable.nom,
        responsable_prenom: s.responsable.prenom,
        responsable_fonction: s.responsable.fonction,
        capacite: s.capacite,
        agrement: s.agrement,
        siret: s.siret,
        statut: s.statut,
        statut_at: s.statut === "VALIDE" ? ctx.now : null,
        created_at: ctx.now,
        updated_at: ctx.now,
      }),
      `NOT EXISTS (SELECT 1 FROM structures WHERE nom = ${sqlString(s.nom)})`,
    ),
  );

/** One ACTIVE account per demo staff member, all with the demo password. */
export const staffSection: Section = async (ctx) => {
  const out: string[] = [];
  for (const s of DEMO.structures) {
    for (const m of s.staff) {
      out.push(
        guardedInsert(
          ctx,
          "staff_users",
          {
            structure_id: structureId(s.key),
            ...literals({
              email: m.email,
              nom: m.nom,
              prenom: m.prenom,
              fonction: m.fonction,
              role: m.role,
              status: "ACTIVE",
              password_hash: await ctx.hashOf(DEMO.staffPassword),
              password_updated_at: ctx.now,
              created_at: ctx.now,
            }),
          },
          `NOT EXISTS (SELECT 1 FROM staff_users WHERE email = ${sqlString(m.email)} AND status != 'DELETED')`,
        ),
      );
    }
  }
  return out;
};

/** Platform super-admins (they belong to no structure). */
export const platformSection: Section = async (ctx) => {
  const out: string[] = [];
  for (const a of DEMO.platformAdmins) {
    out.push(
      guardedInsert(
        ctx,
        "platform_admins",
        literals({ email: a.email, nom: a.nom, password_hash: await ctx.hashOf(a.password), created_at: ctx.now }),
        `NOT EXISTS (SELECT 1 FROM platform_admins WHERE email = ${sqlString(a.email)})`,
      ),
    );
  }
  return out;
};

export const SECTIONS: Section[] = [structuresSection, staffSection, platformSection];

/** The whole seed as SQL; the last statement tells whether this run inserted the demo structure. */
export async function buildSeedSql(now = Date.now()): Promise<string> {
  const ctx: SeedContext = { now, hashOf: hashPassword };
  const statements: string[] = [];
  for (const section of SECTIONS) statements.push(...(await section(ctx)));
  statements.push(
    `SELECT count(*) AS seeded FROM structures WHERE nom = ${sqlString(DEMO_MARKER)} AND created_at = ${now}`,
  );
  return statements.map((s) => `${s};\n`).join("");
}

/** Seeds the local database once. Returns true when data was inserted, false when already there. */
export async function seedDemo(options: { persistTo?: string } = {}): Promise<boolean> {
  const sql = await buildSeedSql();
  const results = await d1Execute({ remote: false, persistTo: options.persistTo }, sql);
  const last = results.at(-1)?.results[0] as { seeded?: number } | undefined;
  return Number(last?.seeded ?? 0) > 0;
}

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv: string[]): { persistTo?: string; quiet: boolean; print: boolean } {
  const out: { persistTo?: string; quiet: boolean; print: boolean } = { quiet: false, print: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--persist-to") out.persistTo = argv[++i];
    else if (a.startsWith("--persist-to=")) out.persistTo = a.slice("--persist-to=".length);
    else if (a === "--quiet") out.quiet = true;
    else if (a === "--print-sql") out.print = true;
    else throw new Error(`Option inconnue : ${a}\nUsage : npx tsx db/seed/demo.ts [--persist-to DIR] [--quiet] [--print-sql]`);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.print) {
      process.stdout.write(await buildSeedSql());
    } else {
      const seeded = await seedDemo({ persistTo: args.persistTo });
      if (!args.quiet) {
        console.log(
          seeded
            ? "Données de démonstration créées."
            : "Données de démonstration déjà présentes : rien à faire.",
        );
      }
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
