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

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Algorithm, hash } from "@node-rs/argon2";
import { d1Execute, type SqlScalar, sqlString, sqlValue } from "../../scripts/lib/d1";
import { addDays, type CalendarDate, calendarDateIn, startOfDayInstant } from "../../worker/rules/dates";
import { defaultDateFin, echeanceOf, type TypeDom, type UsagerStatut } from "../../worker/rules/echeance";
import { searchColumns } from "../../worker/rules/search";

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

/** A demo domicilié; days count back from the day of the seed, decisions oldest first. */
export interface DemoUsager {
  civilite: "M." | "Mme";
  nom: string;
  prenom: string;
  surnom?: string | null;
  dateNaissance: string;
  lieuNaissance: string;
  nationalite?: string | null;
  langue?: string | null;
  telephone?: string | null;
  email?: string | null;
  contactByPhone: boolean;
  numeroDistribution?: string | null;
  customRef?: string | null;
  /** E-mail of the demo staff member who follows the file. */
  referent?: string | null;
  ayantsDroit?: { nom: string; prenom: string; dateNaissance: string; lien: "CONJOINT" | "ENFANT" | "PARENT" | "AUTRE" }[];
  decisions: {
    statut: UsagerStatut;
    daysAgo: number;
    motif?: string;
    motifDetails?: string;
    orientation?: string;
    orientationDetails?: string;
  }[];
  /** Step of a file under instruction (default 1, rendez-vous). */
  etape?: number;
  /** A visit that many days ago: the dernier passage. */
  passageDaysAgo?: number;
  /** Mail received and not yet handed over. */
  courrier?: { courrier: number; colis: number; avis: number; daysAgo: number };
  notes?: { message: string; pinned?: boolean; daysAgo: number }[];
}

export interface DemoData {
  staffPassword: string;
  roleLabels: Record<Role, string>;
  structures: DemoStructure[];
  platformAdmins: { email: string; nom: string; password: string }[];
  /** Demo domiciliés by structure key. */
  usagers?: Record<string, DemoUsager[] | string>;
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
export function guardedInsert(ctx: SeedContext, table: string, row: Record<string, string>, extraCondition?: string): string {
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

const staffByEmail = (email: string) => {
  for (const s of DEMO.structures) {
    const m = s.staff.find((x) => x.email === email);
    if (m) return m;
  }
  throw new Error(`Membre de démonstration inconnu : ${email}`);
};
const staffIdSql = (email: string) =>
  `(SELECT id FROM staff_users WHERE email = ${sqlString(email)} AND status != 'DELETED' ORDER BY id LIMIT 1)`;

const AUDIT_OF: Record<UsagerStatut, string> = {
  INSTRUCTION: "USAGER_RENEWAL",
  ATTENTE_DECISION: "USAGER_SUBMITTED",
  VALIDE: "USAGER_VALIDATED",
  REFUS: "USAGER_REFUSED",
  RADIE: "USAGER_RADIATED",
};
const ETAPE_OF: Record<UsagerStatut, number> = { INSTRUCTION: 1, ATTENTE_DECISION: 4, VALIDE: 5, REFUS: 5, RADIE: 5 };

/**
 * Demo domiciliés, built like the Worker builds them: ref 1..N and the structure's counter at N,
 * the decision history with the file's mirror of the last one (statut, dates, échéance from
 * rules/echeance.ts), search columns from rules/search.ts, pending mail as interaction rows,
 * dernier passage = the last visit (never before the start of the current domiciliation).
 */
export const usagersSection: Section = (ctx) => {
  const out: string[] = [];
  for (const [key, list] of Object.entries(DEMO.usagers ?? {})) {
    if (typeof list === "string") continue; // "$comment"
    const structure = DEMO.structures.find((x) => x.key === key);
    if (!structure) throw new Error(`Structure de démonstration inconnue : ${key}`);
    const sid = structureId(key);
    const tz = structure.timeZone;
    const today = calendarDateIn(tz, new Date(ctx.now));
    const dayOf = (daysAgo: number): CalendarDate => addDays(today, -daysAgo);
    /** An instant on that day (9:00 + hours there), never later than the seed itself. */
    const at = (daysAgo: number, hour = 9) =>
      Math.min(startOfDayInstant(dayOf(daysAgo), tz).getTime() + hour * 3_600_000, ctx.now - 60_000);

    list.forEach((u, index) => {
      const ref = index + 1;
      const customRef = u.customRef ?? String(ref);
      const usagerId = `(SELECT id FROM usagers WHERE structure_id = ${sid} AND ref = ${ref})`;
      const ayantsDroit = u.ayantsDroit ?? [];

      // Decisions, oldest first, as the Worker records them (rules/echeance.ts for the dates).
      let typeDom: TypeDom = "PREMIERE_DOM";
      const decisions = u.decisions.map((d, i) => {
        if (d.statut === "INSTRUCTION" && i > 0) typeDom = u.decisions[i - 1]!.statut === "VALIDE" ? "RENOUVELLEMENT" : "PREMIERE_DOM";
        const day = dayOf(d.daysAgo);
        const dates =
          d.statut === "VALIDE"
            ? { dateDebut: day, dateFin: defaultDateFin(day) }
            : d.statut === "REFUS" || d.statut === "RADIE"
              ? { dateDebut: day, dateFin: day }
              : { dateDebut: null, dateFin: null };
        const decider = d.statut === "VALIDE" || d.statut === "REFUS" ? "gestionnaire@demoville.fr" : "instructeur@demoville.fr";
        return { ...d, ...dates, typeDom, createdAt: at(d.daysAgo, 10 + i), decider };
      });
      const last = decisions[decisions.length - 1]!;
      const ech = echeanceOf(last.typeDom, [...decisions].reverse());
      const lastValide = [...decisions].reverse().find((d) => d.statut === "VALIDE");
      const floor = lastValide?.dateDebut ? startOfDayInstant(lastValide.dateDebut, tz).getTime() : null;
      const passage = u.passageDaysAgo !== undefined ? at(u.passageDaysAgo, 11) : null;
      const candidates = [passage, floor].filter((x): x is number => x !== null);
      const dernierPassage = candidates.length > 0 ? Math.max(...candidates) : null;
      const etape = last.statut === "INSTRUCTION" ? (u.etape ?? 1) : ETAPE_OF[last.statut];
      const mail = u.courrier ?? { courrier: 0, colis: 0, avis: 0, daysAgo: 0 };
      const search = searchColumns({
        nom: u.nom,
        prenom: u.prenom,
        surnom: u.surnom ?? null,
        customRef,
        dateNaissance: u.dateNaissance,
        telephone: u.telephone ?? null,
        ayantsDroit,
      });

      out.push(
        guardedInsert(
          ctx,
          "usagers",
          {
            structure_id: sid,
            referent_id: u.referent ? staffIdSql(u.referent) : "NULL",
            rdv_user_id: last.statut === "INSTRUCTION" && etape >= 2 ? staffIdSql("instructeur@demoville.fr") : "NULL",
            ...literals({
              ref,
              custom_ref: customRef,
              civilite: u.civilite,
              nom: u.nom,
              prenom: u.prenom,
              surnom: u.surnom ?? null,
              date_naissance: u.dateNaissance,
              lieu_naissance: u.lieuNaissance,
              nationalite: u.nationalite ?? null,
              langue: u.langue ?? null,
              telephone: u.telephone ?? null,
              email: u.email ?? null,
              contact_by_phone: u.contactByPhone,
              numero_distribution: u.numeroDistribution ?? null,
              ayants_droit: JSON.stringify(ayantsDroit),
              entretien: "{}",
              statut: last.statut,
              type_dom: last.typeDom,
              etape,
              rdv_at: last.statut === "INSTRUCTION" && etape >= 2 ? last.createdAt + 60_000 : null,
              date_premiere_dom: decisions.find((d) => d.statut === "VALIDE")?.dateDebut ?? null,
              decision_debut: last.dateDebut,
              decision_fin: last.dateFin,
              decision_at: last.createdAt,
              echeance: ech.active ? ech.date : null,
              dernier_passage: dernierPassage,
              nb_courrier: mail.courrier,
              nb_colis: mail.colis,
              nb_avis: mail.avis,
              search_text: search.searchText,
              search_nom: search.searchNom,
              search_prenom: search.searchPrenom,
              version: 1,
              created_at: decisions[0]!.createdAt,
              updated_at: last.createdAt,
            }),
          },
          `NOT EXISTS (SELECT 1 FROM usagers WHERE structure_id = ${sid} AND ref = ${ref})`,
        ),
      );

      decisions.forEach((d, i) => {
        const decider = staffByEmail(d.decider);
        out.push(
          guardedInsert(ctx, "usager_decisions", {
            structure_id: sid,
            usager_id: usagerId,
            user_id: staffIdSql(d.decider),
            ...literals({
              statut: d.statut,
              type_dom: d.typeDom,
              date_debut: d.dateDebut,
              date_fin: d.dateFin,
              motif: d.motif ?? null,
              motif_details: d.motifDetails ?? null,
              orientation: d.orientation ?? null,
              orientation_details: d.orientationDetails ?? null,
              created_at: d.createdAt,
              user_name: `${decider.prenom} ${decider.nom}`,
            }),
          }),
        );
        const details = Object.fromEntries(
          Object.entries({
            statut: d.statut,
            typeDom: d.typeDom,
            dateDebut: d.dateDebut,
            dateFin: d.dateFin,
            motif: d.motif,
            motifDetails: d.motifDetails,
            orientation: d.orientation,
            orientationDetails: d.orientationDetails,
          }).filter(([, v]) => v !== undefined && v !== null),
        );
        out.push(
          guardedInsert(ctx, "audit_log", {
            structure_id: sid,
            actor_id: staffIdSql(d.decider),
            target_id: `CAST(${usagerId} AS TEXT)`,
            ...literals({
              at: d.createdAt,
              actor_kind: "staff",
              actor_name: `${decider.prenom} ${decider.nom}`,
              action: i === 0 ? "USAGER_CREATED" : AUDIT_OF[d.statut],
              target_type: "usager",
              details: i === 0 ? null : JSON.stringify(details),
              ip: null,
            }),
          }),
        );
      });

      const agent = "agent@demoville.fr";
      const agentName = `${staffByEmail(agent).prenom} ${staffByEmail(agent).nom}`;
      const interaction = (type: string, nb: number, createdAt: number, content: string | null) =>
        guardedInsert(ctx, "interactions", {
          structure_id: sid,
          usager_id: usagerId,
          user_id: staffIdSql(agent),
          ...literals({ type, nb, content, created_at: createdAt, user_name: agentName, return_to_sender: false }),
        });
      if (passage !== null) out.push(interaction("visite", 0, passage, null));
      const mailAt = at(mail.daysAgo, 8);
      if (mail.courrier > 0) out.push(interaction("courrierIn", mail.courrier, mailAt, null));
      if (mail.colis > 0) out.push(interaction("colisIn", mail.colis, mailAt, "Colis volumineux, rangé à l'accueil."));
      if (mail.avis > 0) out.push(interaction("recommandeIn", mail.avis, mailAt, null));

      for (const note of u.notes ?? []) {
        const author = staffByEmail("instructeur@demoville.fr");
        out.push(
          guardedInsert(ctx, "usager_notes", {
            structure_id: sid,
            usager_id: usagerId,
            created_by_id: staffIdSql(author.email),
            ...literals({
              message: note.message,
              pinned: note.pinned ?? false,
              archived: false,
              created_at: at(note.daysAgo, 14),
              created_by_name: `${author.prenom} ${author.nom}`,
            }),
          }),
        );
      }
    });

    // The counter the next created file continues from (refs are never reused).
    out.push(`UPDATE structures SET last_usager_ref = ${list.length} WHERE id = ${sid} AND ${guard(ctx)}`);
  }
  return out;
};

export const SECTIONS: Section[] = [structuresSection, staffSection, platformSection, usagersSection];

/** The whole seed as SQL; the last statement tells whether this run inserted the demo structure. */
export async function buildSeedSql(now = Date.now()): Promise<string> {
  const ctx: SeedContext = { now, hashOf: hashPassword };
  const statements: string[] = [];
  for (const section of SECTIONS) statements.push(...(await section(ctx)));
  statements.push(`SELECT count(*) AS seeded FROM structures WHERE nom = ${sqlString(DEMO_MARKER)} AND created_at = ${now}`);
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
        console.log(seeded ? "Données de démonstration créées." : "Données de démonstration déjà présentes : rien à faire.");
      }
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
