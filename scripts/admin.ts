/// <reference types="node" />
/**
 * Operator commands (`npm run admin -- <command> …`), run with Node (tsx), writing through
 * `wrangler d1 execute` on the local state (default) or the production database (--remote).
 *
 *   create-superadmin --email E --nom N [--remote] [--persist-to DIR] [--password-stdin]
 *   reset-staff-password --email E [--remote] [--persist-to DIR] [--password-stdin]
 *
 * The password is read from stdin when it is not a terminal (or with --password-stdin: one line),
 * otherwise prompted twice without echo. It must satisfy the staff password rule.
 */

import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { type Algorithm, hash } from "@node-rs/argon2";
import { PASSWORD_PROBLEM_LABELS, staffPasswordProblems } from "../worker/rules/password-policy";
import { type D1Target, d1Execute, sqlValue } from "./lib/d1";

/** Same parameters as the Worker (worker/auth/password.ts). */
const ARGON2_OPTIONS = {
  algorithm: 2 as Algorithm.Argon2id, // a const enum: absent at runtime
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

const USAGE = `Usage :
  npm run admin -- create-superadmin --email E --nom N [--remote] [--persist-to DIR] [--password-stdin]
  npm run admin -- reset-staff-password --email E [--remote] [--persist-to DIR] [--password-stdin]

Le mot de passe est lu sur l'entrée standard (--password-stdin, ou quand elle n'est pas un terminal),
sinon demandé deux fois sans écho. Sans --remote, la base locale (.wrangler/state) est modifiée.`;

/** Wrong arguments: the message and the usage are printed, exit code 2. */
class UsageError extends Error {}

interface Args {
  command: string;
  email?: string;
  nom?: string;
  remote: boolean;
  persistTo?: string;
  passwordStdin: boolean;
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h") throw new UsageError("");
  const args: Args = { command, remote: false, passwordStdin: false };
  for (let i = 0; i < rest.length; i++) {
    const raw = rest[i]!;
    const [flag, inline] = raw.includes("=") ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)] : [raw, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} attend une valeur.`);
      return v;
    };
    switch (flag) {
      case "--email":
        args.email = value();
        break;
      case "--nom":
        args.nom = value();
        break;
      case "--persist-to":
        args.persistTo = value();
        break;
      case "--remote":
        args.remote = true;
        break;
      case "--local":
        args.remote = false;
        break;
      case "--password-stdin":
        args.passwordStdin = true;
        break;
      default:
        throw new UsageError(`Option inconnue : ${raw}`);
    }
  }
  if (args.remote && args.persistTo) throw new UsageError("--persist-to ne s'emploie pas avec --remote.");
  return args;
}

function normalizeEmail(raw: string | undefined): string {
  const email = (raw ?? "").trim().toLowerCase();
  if (!email) throw new UsageError("--email est obligatoire.");
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new UsageError(`Adresse e-mail invalide : ${raw}`);
  }
  return email;
}

// --- password input -----------------------------------------------------------------------------

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: the trailing newline of `echo` or a file is not part of the password.
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    let muted = false;
    const output = new Writable({
      write(chunk, _encoding, callback) {
        if (!muted) process.stderr.write(chunk);
        callback();
      },
    });
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function readPassword(args: Args): Promise<string> {
  if (args.passwordStdin || !process.stdin.isTTY) return readStdin();
  const first = await promptHidden("Nouveau mot de passe : ");
  const second = await promptHidden("Confirmez le mot de passe : ");
  if (first !== second) throw new Error("Les deux saisies ne correspondent pas.");
  return first;
}

async function newPasswordHash(args: Args): Promise<string> {
  const password = await readPassword(args);
  const problems = staffPasswordProblems(password);
  if (problems.length > 0) {
    throw new Error(problems.map((p) => PASSWORD_PROBLEM_LABELS[p]).join("\n✖ "));
  }
  return hash(password, ARGON2_OPTIONS);
}

// --- commands -------------------------------------------------------------------------------------

function where(target: D1Target): string {
  return target.remote ? "base de production (--remote)" : `base locale (${target.persistTo ?? ".wrangler/state"})`;
}

async function createSuperadmin(args: Args, target: D1Target): Promise<void> {
  const email = normalizeEmail(args.email);
  const nom = (args.nom ?? "").trim();
  if (!nom) throw new UsageError("--nom est obligatoire.");
  if (nom.length > 200) throw new UsageError("--nom : 200 caractères au maximum.");

  const [existing] = await d1Execute(target, `SELECT id FROM platform_admins WHERE email = ${sqlValue(email)}`);
  if (existing?.results.length) throw new Error(`Un super-administrateur existe déjà avec l'adresse ${email}.`);

  const passwordHash = await newPasswordHash(args);
  const now = Date.now();
  const results = await d1Execute(
    target,
    `INSERT INTO platform_admins (email, nom, password_hash, created_at)
       SELECT ${sqlValue(email)}, ${sqlValue(nom)}, ${sqlValue(passwordHash)}, ${now}
       WHERE NOT EXISTS (SELECT 1 FROM platform_admins WHERE email = ${sqlValue(email)});
     SELECT id FROM platform_admins WHERE email = ${sqlValue(email)} AND created_at = ${now};`,
  );
  if (!results.at(-1)?.results.length) throw new Error(`Un super-administrateur existe déjà avec l'adresse ${email}.`);
  console.log(`Super-administrateur créé : ${nom} <${email}> — ${where(target)}.`);
}

async function resetStaffPassword(args: Args, target: D1Target): Promise<void> {
  const email = normalizeEmail(args.email);
  const [found] = await d1Execute(
    target,
    `SELECT id, structure_id, prenom, nom, status FROM staff_users WHERE email = ${sqlValue(email)} AND status != 'DELETED'`,
  );
  const user = found?.results[0] as { id: number; structure_id: number; prenom: string; nom: string; status: string } | undefined;
  if (!user) throw new Error(`Aucun compte d'équipe actif ou en attente avec l'adresse ${email}.`);

  const passwordHash = await newPasswordHash(args);
  const now = Date.now();
  const id = Number(user.id);
  const details = JSON.stringify({ email, source: "ligne de commande" });
  // One batch: new hash, lockout cleared, every session ended, pending reset links spent, audit entry.
  await d1Execute(
    target,
    `UPDATE staff_users SET password_hash = ${sqlValue(passwordHash)}, password_updated_at = ${now},
       recent_failures = '[]', locked_until = NULL
     WHERE id = ${id};
     DELETE FROM sessions WHERE kind = 'staff' AND user_id = ${id};
     UPDATE staff_tokens SET used_at = ${now} WHERE user_id = ${id} AND purpose = 'reset' AND used_at IS NULL;
     INSERT INTO audit_log (at, structure_id, actor_kind, actor_id, actor_name, action, target_type, target_id, details, ip)
     VALUES (${now}, ${Number(user.structure_id)}, 'system', NULL, 'Administration Ancrage', 'STAFF_PASSWORD_RESET',
       'staff', ${sqlValue(String(id))}, ${sqlValue(details)}, NULL);`,
  );
  const statusNote = user.status === "ACTIVE" ? "" : ` (statut inchangé : ${user.status})`;
  console.log(
    `Mot de passe réinitialisé pour ${user.prenom} ${user.nom} <${email}>${statusNote} : sessions fermées, ` +
      `blocage levé — ${where(target)}.`,
  );
}

// --- main -----------------------------------------------------------------------------------------

try {
  const args = parseArgs(process.argv.slice(2));
  const target: D1Target = { remote: args.remote, persistTo: args.persistTo };
  if (args.command === "create-superadmin") await createSuperadmin(args, target);
  else if (args.command === "reset-staff-password") await resetStaffPassword(args, target);
  else throw new UsageError(`Commande inconnue : ${args.command}`);
} catch (error) {
  if (error instanceof UsageError) {
    if (error.message) console.error(`✖ ${error.message}\n`);
    console.error(USAGE);
    process.exit(2);
  }
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
