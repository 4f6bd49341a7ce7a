/**
 * Property-based fuzzing of every procedure of the router (staff, portal, platform, public).
 *
 * Every run starts from the same world (one structure, its files, a session of each audience) and
 * from a valid input of the procedure, which fast-check mutates: any field at any depth replaced by
 * arbitrary values (any JSON, unicode, huge numbers, NaN-like strings, out-of-range dates, arrays
 * for objects…), keys removed or added, valid text wrapped in control characters or repeated past
 * its limit; plus wholly arbitrary inputs and bodies that are not JSON. Properties: never a 5xx,
 * always a tRPC answer, nothing written when refused, what an accepted input stores carries no
 * control character (nor U+FFFE / U+FFFF, which no .docx can hold) and can be read back (fiches,
 * list, portal dashboard, CSV export) without a 5xx.
 *
 * Reproducible: a fixed seed by default; a failure prints the procedure's seed, the shrunk input and
 * the answer. FUZZ_RUNS raises the runs per procedure (40), FUZZ_SEED changes the seed.
 */
import { applyD1Migrations, env, reset } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../worker/auth/password";
import { newSession, type SessionKind } from "../../worker/auth/session";
import { createDb } from "../../worker/db";
import { defaultDateFin } from "../../worker/rules/echeance";
import { STRUCTURE_REFUS_MOTIFS } from "../../worker/rules/structure";
import { type A, etatCivil, FIXTURES } from "../support/fixtures";
import { changes, dump, HOSTILE, type Row, restore, rewind, type Snapshot, snapshot } from "../support/hostile";
import { letterOf, todayParis } from "../support/portal";
import { allProcedures, checksPassword, type ProcedureInfo } from "../support/procedures";
import { call, createStaff, createStructure, ORIGIN, PASSWORD, workerFetch } from "../support/worker-api";

const RUNS = Number(env.FUZZ_RUNS || 40);
const SEED = Number(env.FUZZ_SEED || 20260507);

// ---------------------------------------------------------------------------------------------
// The world every run starts from: one structure and its records, built once, put back as saved
// before each procedure and after each mutation that succeeded.

const PLATFORM = { email: "ops@ancrage.local", password: "Plateforme-secret-1" };
const PORTAL_NEW_PASSWORD = "Citron-Jaune-31";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

interface World {
  /** The fixtures' identifiers, all in this world's structure; `usagerId` is a validated file. */
  a: A;
  /** A file still in instruction, for the procedures that decide on one. */
  instruction: { id: number; version: number };
  interactionId: number;
  procurationId: number;
  memberEmail: string;
  portal: { login: string; password: string };
  linkToken: string;
  pendingStructureId: number;
  /** Staff admin, domicilié and platform sessions in one Cookie header: every audience is signed in. */
  cookie: string;
}

let platformHash: Promise<string> | undefined;

async function sessionCookie(kind: SessionKind, userId: number, structureId: number | null): Promise<string> {
  const session = await newSession(createDb(env.DB), kind, userId, structureId, new Date());
  await session.insert;
  return `${{ staff: "ancrage_staff", usager: "ancrage_usager", platform: "ancrage_plateforme" }[kind]}=${session.token}`;
}

async function lastId(table: string): Promise<number> {
  return (await env.DB.prepare(`SELECT max(id) AS id FROM ${table}`).first<{ id: number }>())!.id;
}

async function ok<T>(res: Promise<{ status: number; data?: T; error?: unknown }>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`world set-up: ${r.status} ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** Builds the world through the API, once (sessions are inserted directly: no argon2 sign-in). */
async function buildWorld(): Promise<World> {
  platformHash ??= hashPassword(PLATFORM.password);
  await env.DB.prepare("INSERT INTO platform_admins (email, nom, password_hash) VALUES (?, ?, ?)")
    .bind(PLATFORM.email, "Ops", await platformHash)
    .run();
  const platformId = await lastId("platform_admins");

  const s = await createStructure();
  const admin = await createStaff(s.id, "admin");
  const member = await createStaff(s.id, "simple");
  const staff = await sessionCookie("staff", admin.id, s.id);
  const as = { cookie: staff };
  await ok(call("mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: true }, as));

  const valide = (await ok(call<{ id: number }>("mutation", "usagers.create", { ...etatCivil, nom: "Valide", prenom: "Fuzz" }, as))).id;
  await ok(
    call(
      "mutation",
      "usagers.validate",
      { usagerId: valide, version: 1, dateDebut: todayParis(), dateFin: defaultDateFin(todayParis()), customRef: null },
      as,
    ),
  );
  const instructionId = (
    await ok(call<{ id: number }>("mutation", "usagers.create", { ...etatCivil, nom: "Instruction", prenom: "Fuzz" }, as))
  ).id;
  await ok(call("mutation", "usagers.addNote", { usagerId: valide, message: "Note de départ" }, as));
  await ok(call("mutation", "courrier.receive", { usagerId: valide, courrier: 2, colis: 1 }, as));
  const procuration = {
    nom: "Martin",
    prenom: "Paul",
    dateNaissance: "1970-01-01",
    dateDebut: todayParis(),
    dateFin: defaultDateFin(todayParis()),
  };
  const afterMail = (await env.DB.prepare("SELECT version FROM usagers WHERE id = ?").bind(valide).first<{ version: number }>())!.version;
  await ok(call("mutation", "courrier.saveProcuration", { action: "create", usagerId: valide, version: afterMail, procuration }, as));
  await ok(
    call(
      "mutation",
      "portail.saveMessage",
      { id: null, titre: "Fermeture", texte: "Fermé le lundi.", type: "general", dateDebut: todayParis(), dateFin: null },
      as,
    ),
  );
  const documentId = (await ok(call<{ id: number }>("mutation", "documents.generateLetter", { usagerId: valide, kind: "attestation" }, as)))
    .id;
  await ok(call("mutation", "portail.setPreference", { usagerId: valide, acces: true }, as));
  const letter = await letterOf(staff, valide);
  const link = await ok(call<{ link: string }>("mutation", "equipe.issueLink", { userId: member.id }, as));
  const pending = await createStructure("EN_ATTENTE");
  const version = (await env.DB.prepare("SELECT version FROM usagers WHERE id = ?").bind(valide).first<{ version: number }>())!.version;

  return {
    a: {
      structureId: s.id,
      usagerId: valide,
      memberId: member.id,
      noteId: await lastId("usager_notes"),
      documentId,
      messageId: await lastId("structure_messages"),
      version,
    },
    instruction: { id: instructionId, version: 1 },
    interactionId: await lastId("interactions"),
    procurationId: await lastId("procurations"),
    memberEmail: member.email,
    portal: { login: letter.login, password: letter.password },
    linkToken: link.link.split("#")[1]!,
    pendingStructureId: pending.id,
    cookie: [
      staff,
      await sessionCookie("usager", await lastId("portail_accounts"), s.id),
      await sessionCookie("platform", platformId, null),
    ].join("; "),
  };
}

/** The world as built, database rows and R2 objects, to start each procedure from. */
interface Saved {
  world: World;
  rows: Snapshot;
  /** The rows without their volatile columns, to tell whether a procedure changed anything. */
  clean: Snapshot;
  files: { key: string; body: ArrayBuffer; options: R2PutOptions }[];
}

async function save(): Promise<Saved> {
  const world = await buildWorld();
  const files = await Promise.all(
    (await env.FILES.list()).objects.map(async ({ key }) => {
      const object = (await env.FILES.get(key))!;
      return {
        key,
        body: await object.arrayBuffer(),
        options: { httpMetadata: object.httpMetadata, customMetadata: object.customMetadata },
      };
    }),
  );
  return { world, rows: await dump(), clean: await snapshot(), files };
}

function putFiles(saved: Saved) {
  return Promise.all(saved.files.map((f) => env.FILES.put(f.key, f.body, f.options)));
}

/**
 * Every procedure starts from the saved world: D1 and R2 are emptied and the world put back,
 * unless the previous procedure left the database as saved (queries, refusals).
 */
async function freshWorld(saved: Saved, left: Snapshot | undefined): Promise<World> {
  if (!left || changes(saved.clean, left).length > 0) {
    await reset();
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    await restore(saved.rows);
    await putFiles(saved);
  }
  return saved.world;
}

// ---------------------------------------------------------------------------------------------
// A valid input for every procedure: the staff fixtures, with these overrides and the others.

const structureInfo = {
  nom: "CCAS de Fuzz",
  type: "ccas",
  adresse: "3 place de l'Église",
  complementAdresse: null,
  codePostal: "59000",
  ville: "Lille",
  telephone: "03 20 00 00 00",
  email: "ccas@fuzz.fr",
  responsable: { nom: "Payet", prenom: "Marie", fonction: "Directrice" },
  capacite: 250,
  agrement: null,
  pasDeSiret: false,
  siret: "73282932000074",
  adresseCourrier: { adresse: "BP 12", codePostal: "59001", ville: "Lille" },
};

/** Every field filled, an ayant droit included: mutations reach each of them, at every depth. */
const etatCivilComplet = {
  ...etatCivil,
  surnom: "Jojo",
  nationalite: "Française",
  langue: "Français",
  telephone: "06 12 34 56 78",
  email: "jean.isole@exemple.fr",
  contactByPhone: true,
  numeroDistribution: "BP 12",
  customRef: "F-001",
  ayantsDroit: [{ nom: "Isolé", prenom: "Léa", dateNaissance: "2015-05-05", lien: "ENFANT" }],
};
const entretienComplet = {
  domiciliation: false,
  revenus: true,
  revenusDetail: "RSA",
  liencommune: "Familial",
  liencommuneDetail: "Sœur à Lille",
  rattachement: "Lille",
  commentaires: "Suivi régulier.",
};

/** Files still in instruction are what these procedures act on. */
const ON_INSTRUCTION = new Set(["usagers.setRendezVous", "usagers.setEtape", "usagers.submit", "usagers.validate", "usagers.refuse"]);

const VALID: Record<string, (w: World) => unknown> = {
  // Where the isolation fixture is refused by design, or leaves fields out.
  "compte.changePassword": () => ({ current: PASSWORD, next: "Un-autre-secret-2026" }),
  "structures.update": () => structureInfo,
  "usagers.create": () => etatCivilComplet,
  "usagers.updateEtatCivil": (w) => ({ usagerId: w.a.usagerId, version: w.a.version, etatCivil: etatCivilComplet }),
  "usagers.updateContact": (w) => ({
    usagerId: w.a.usagerId,
    version: w.a.version,
    contact: { telephone: "06 12 34 56 78", email: "jean.isole@exemple.fr", contactByPhone: true },
  }),
  "usagers.updateEntretien": (w) => ({ usagerId: w.a.usagerId, version: w.a.version, entretien: entretienComplet }),
  "courrier.receive": (w) => ({ usagerId: w.a.usagerId, courrier: 1, colis: 2, avis: 0, content: "Lettre de la CAF" }),
  "courrier.presence": (w) => ({ usagerId: w.a.usagerId, type: "visite", content: "Passé à l'accueil" }),
  "courrier.deleteLast": (w) => ({ usagerId: w.a.usagerId, interactionId: w.interactionId }),
  "documents.upload": (w) => ({ usagerId: String(w.a.usagerId), label: "Pièce d'identité", shared: "false", file: PDF }),
  // Public procedures.
  "compte.signIn": (w) => ({ email: w.memberEmail, password: PASSWORD }),
  "structures.register": () => ({
    structure: structureInfo,
    admin: { nom: "Payet", prenom: "Marie", email: "marie.payet@fuzz.fr", fonction: "Directeur de CCAS", password: "Un-vrai-secret-2026" },
    acceptCgu: true,
  }),
  "equipe.describeLink": (w) => ({ token: w.linkToken }),
  "equipe.usePasswordLink": (w) => ({ token: w.linkToken, password: "Un-nouveau-secret-2026" }),
  "monEspace.signIn": (w) => ({ login: w.portal.login, password: w.portal.password, appareilPartage: false }),
  "monEspace.firstLogin": (w) => ({
    login: w.portal.login,
    password: w.portal.password,
    nouveau: PORTAL_NEW_PASSWORD,
    confirmation: PORTAL_NEW_PASSWORD,
    appareilPartage: false,
  }),
  "plateforme.signIn": () => PLATFORM,
  // The domicilié's side.
  "monEspace.signOut": () => undefined,
  "monEspace.changePassword": (w) => ({ current: w.portal.password, next: PORTAL_NEW_PASSWORD, confirmation: PORTAL_NEW_PASSWORD }),
  "monEspace.dashboard": () => undefined,
  "monEspace.history": () => ({}),
  "monEspace.documents": () => undefined,
  // Platform operators.
  "plateforme.signOut": () => undefined,
  "plateforme.me": () => undefined,
  "plateforme.structures": () => ({ statut: "EN_ATTENTE" }),
  "plateforme.validate": (w) => ({ id: w.pendingStructureId }),
  "plateforme.refuse": (w) => ({ id: w.pendingStructureId, motif: STRUCTURE_REFUS_MOTIFS[0] }),
};

/** More valid inputs where the schema is a union or has optional parts: each branch gets mutated too. */
const VARIANTS: Record<string, (w: World) => unknown[]> = {
  "usagers.setRendezVous": (w) => [
    {
      usagerId: w.instruction.id,
      version: w.instruction.version,
      rdv: { maintenant: false, at: new Date(Date.now() + 7 * 86_400_000).toISOString(), userId: w.a.memberId },
    },
  ],
  "usagers.refuse": (w) => [
    {
      usagerId: w.instruction.id,
      version: w.instruction.version,
      date: "2026-01-01",
      motif: "AUTRE",
      motifDetails: "Hors du territoire de la commune",
      orientation: "ccas",
      orientationDetails: "CCAS de Roubaix",
    },
  ],
  "usagers.radiate": (w) => [
    { usagerId: w.a.usagerId, version: w.a.version, date: "2026-01-01", motif: "AUTRE", motifDetails: "Départ à l'étranger" },
  ],
  "usagers.validate": (w) => [
    { usagerId: w.instruction.id, version: w.instruction.version, dateDebut: "2026-01-01", dateFin: "2026-12-31", customRef: "F-002" },
  ],
  "courrier.distribute": (w) => [
    { usagerId: w.a.usagerId, types: ["courrierIn", "colisIn"], to: { kind: "mandataire", procurationId: w.procurationId } },
    { usagerId: w.a.usagerId, types: ["courrierIn"], to: { kind: "retour" } },
  ],
  "courrier.saveProcuration": (w) => [
    {
      action: "update",
      usagerId: w.a.usagerId,
      version: w.a.version,
      id: w.procurationId,
      procuration: { nom: "Martin", prenom: "Paule", dateNaissance: "1971-02-02", dateDebut: "2026-01-01", dateFin: "2026-12-31" },
    },
    { action: "delete", usagerId: w.a.usagerId, version: w.a.version, id: w.procurationId },
  ],
  "courrier.saveTransfert": (w) => [
    {
      usagerId: w.a.usagerId,
      version: w.a.version,
      transfert: { nom: "Foyer du Nord", adresse: "12 rue de la Gare, 59000 Lille", dateDebut: "2026-01-01", dateFin: "2026-12-31" },
    },
  ],
  "usagers.list": () => [
    {
      tab: "ACTIFS",
      q: "val",
      passage: "PLUS_2_MOIS",
      echeance: "MOINS_60_JOURS",
      radieDepuis: null,
      courrier: true,
      referentId: "AUCUN",
      sort: "echeance",
      order: "desc",
      page: 2,
    },
  ],
};

/** The valid inputs each run of a procedure starts from (one at least), or undefined when it has none. */
function validInputs(path: string): ((w: World) => unknown[]) | undefined {
  const variants = (w: World) => VARIANTS[path]?.(w) ?? [];
  if (VALID[path]) return (w) => [VALID[path]!(w), ...variants(w)];
  const fixture = FIXTURES[path];
  if (!fixture) return undefined;
  return (w) => [
    fixture.input(ON_INSTRUCTION.has(path) ? { ...w.a, usagerId: w.instruction.id, version: w.instruction.version } : w.a),
    ...variants(w),
  ];
}

// ---------------------------------------------------------------------------------------------
// Mutations: generated as plans (which node, what to do), applied to the valid input of the moment.

type Json = unknown;
type Path = (string | number)[];

const isNode = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === "object" && v !== null && !(v instanceof Uint8Array);

function pathsOf(v: Json, at: Path = []): Path[] {
  if (!isNode(v)) return [at];
  const children = Array.isArray(v) ? v.map((c, i) => pathsOf(c, [...at, i])) : Object.entries(v).map(([k, c]) => pathsOf(c, [...at, k]));
  return [at, ...children.flat()];
}

function getAt(v: Json, path: Path): Json {
  return path.reduce<Json>((node, k) => (isNode(node) ? (node as Record<string | number, unknown>)[k] : undefined), v);
}

/** A copy of `v` with `path` set to `value` (own keys only: "__proto__" stays a plain key), or removed. */
function setAt(v: Json, path: Path, value: Json, remove = false): Json {
  if (path.length === 0) return value;
  const [k, ...rest] = path;
  if (Array.isArray(v)) {
    const copy = [...v];
    if (remove && rest.length === 0) copy.splice(k as number, 1);
    else copy[k as number] = setAt(v[k as number], rest, value, remove);
    return copy;
  }
  const obj = v as Record<string, unknown>;
  if (remove && rest.length === 0) {
    const { [k as string]: _, ...others } = obj;
    return others;
  }
  return { ...obj, [k as string]: setAt(obj[k as string], rest, value, remove) };
}

const CONTROL_AND_ODD = [
  "\u0000",
  "\u0007",
  "\u0008",
  "\u001b",
  "\u007f",
  "\u202e",
  "\u200b",
  "\ufeff",
  "\ud800",
  "\udfff",
  "\ufffe",
  "\uffff",
  " ",
  "\t",
  "\n",
  "\r\n",
  "\u00a0",
  "\u2028",
];

/** Values that replace a node: anything at all, with weight on what breaks parsers and databases. */
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary", minLength: 1000, maxLength: 5000 }),
  fc.constantFrom(...HOSTILE),
  fc.constantFrom(
    null,
    undefined,
    -1,
    0,
    -0,
    0.5,
    1e308,
    -1e308,
    2 ** 31,
    2 ** 53,
    2 ** 64,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
  fc.constantFrom("NaN", "Infinity", "-0", "1e309", "0x10", "1_000", "١٢٣", "１２３", "null", "undefined", "true", "[]", "{}", "__proto__"),
  fc.constantFrom(
    "0000-00-00",
    "0000-01-01",
    "1899-12-31",
    "1900-01-01",
    "2026-02-29",
    "2026-02-30",
    "2026-13-01",
    "9999-12-31",
    "+275760-09-13",
    "-000001-01-01",
    "2026-1-1",
    "2026-01-01T00:00:00Z",
    "31/12/2026",
    "2026-01-01\u0000",
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
);

type Mutation =
  | { kind: "replace"; at: number; value: Json }
  | { kind: "remove"; at: number }
  | { kind: "addKey"; at: number; key: string; value: Json }
  | { kind: "wrap"; at: number }
  | { kind: "edges"; at: number; before: string; after: string }
  | { kind: "repeat"; at: number; times: number }
  | { kind: "number"; at: number; value: number };

const odd = fc.oneof(fc.constantFrom(...CONTROL_AND_ODD), fc.string({ unit: "binary", maxLength: 3 }));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: anyValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("addKey" as const),
      at: fc.nat(),
      key: fc.oneof(
        fc.constantFrom("__proto__", "constructor", "prototype", "id", "structureId", "role", "statut", "version", "toString"),
        fc.string(),
      ),
      value: anyValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("wrap" as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("edges" as const), at: fc.nat(), before: odd, after: odd }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), times: fc.integer({ min: 2, max: 3000 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("number" as const),
      at: fc.nat(),
      value: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(-1e6, 1e6, 2 ** 31, 2 ** 53, 0.5, -0.5), fc.double({ noNaN: true })),
    }),
  },
);

/** The node a mutation works on, among those of the right kind in the current input. */
function pick(v: Json, at: number, keep: (node: Json, path: Path) => boolean): Path | undefined {
  const candidates = pathsOf(v).filter((p) => keep(getAt(v, p), p));
  return candidates.length === 0 ? undefined : candidates[at % candidates.length];
}

function applyMutation(v: Json, m: Mutation): Json {
  switch (m.kind) {
    case "replace": {
      const p = pick(v, m.at, () => true);
      return p ? setAt(v, p, m.value) : v;
    }
    case "remove": {
      const p = pick(v, m.at, (_, path) => path.length > 0);
      return p ? setAt(v, p, undefined, true) : v;
    }
    case "addKey": {
      const p = pick(v, m.at, (node) => isNode(node) && !Array.isArray(node));
      return p ? setAt(v, p, { ...(getAt(v, p) as object), [m.key]: m.value }) : v;
    }
    case "wrap": {
      const p = pick(v, m.at, () => true);
      return p ? setAt(v, p, [getAt(v, p)]) : v;
    }
    case "edges": {
      const p = pick(v, m.at, (node) => typeof node === "string");
      return p ? setAt(v, p, m.before + (getAt(v, p) as string) + m.after) : v;
    }
    case "repeat": {
      const p = pick(v, m.at, (node) => typeof node === "string");
      if (!p) return v;
      // Just past any length limit, without building strings of gigabytes from a long one.
      const text = getAt(v, p) as string;
      return setAt(v, p, text.repeat(Math.min(m.times, Math.ceil(20_000 / Math.max(text.length, 1)))));
    }
    case "number": {
      const p = pick(v, m.at, (node) => typeof node === "number");
      return p ? setAt(v, p, (getAt(v, p) as number) + m.value) : v;
    }
  }
}

/** What one run sends: the valid input mutated, a wholly arbitrary input, or a body that is not JSON. */
type Plan = { kind: "mutated"; from: number; mutations: Mutation[] } | { kind: "arbitrary"; input: Json } | { kind: "raw"; text: string };
const plan: fc.Arbitrary<Plan> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("mutated" as const),
      from: fc.nat(),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("arbitrary" as const), input: anyValue }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("raw" as const),
      text: fc.oneof(
        fc.string({ unit: "binary" }),
        fc.constantFrom("{", "[1,", '{"a":', "\u0000", "undefined", "NaN", '{"__proto__":{"admin":true}}'),
      ),
    }),
  },
);

// ---------------------------------------------------------------------------------------------
// Sending and judging one request.

interface Answer {
  status: number;
  body: { result?: { data: unknown }; error?: { message: unknown; data?: { code?: unknown; httpStatus?: unknown } } } | undefined;
  text: string;
}

const BOUNDARY = "----ancrage-fuzz-7MA4YWxkTrZu0gW";

/**
 * documents.upload takes a multipart form. Written by hand, as any client may: the field names are
 * the fuzzer's too (FormData itself refuses some, e.g. a trailing backslash), escaped as browsers
 * do (quote and line breaks percent-encoded).
 */
function multipartOf(input: Record<string, unknown>): Blob {
  const name = (k: string) => k.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const parts: BlobPart[] = [];
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (v instanceof Uint8Array) {
      parts.push(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name(k)}"; filename="piece.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        new Uint8Array(v),
        "\r\n",
      );
    } else {
      parts.push(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name(k)}"\r\n\r\n${typeof v === "string" ? v : JSON.stringify(v)}\r\n`,
      );
    }
  }
  parts.push(`--${BOUNDARY}--\r\n`);
  return new Blob(parts);
}

async function send(p: ProcedureInfo, input: Json, raw: string | null, cookie: string): Promise<Answer> {
  const headers: Record<string, string> = { cookie };
  let req: Request;
  if (p.type === "query") {
    const json = raw ?? (input === undefined ? null : JSON.stringify(input));
    req = new Request(`${ORIGIN}/trpc/${p.path}${json === null ? "" : `?input=${encodeURIComponent(json)}`}`, { headers });
  } else if (p.path === "documents.upload" && raw === null && isNode(input) && !Array.isArray(input)) {
    const body = multipartOf(input);
    req = new Request(`${ORIGIN}/trpc/${p.path}`, {
      method: "POST",
      headers: {
        ...headers,
        origin: ORIGIN,
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        "content-length": String(body.size),
      },
      body,
    });
  } else {
    const body = raw ?? (input === undefined ? undefined : JSON.stringify(input));
    req = new Request(`${ORIGIN}/trpc/${p.path}`, {
      method: "POST",
      headers: { ...headers, origin: ORIGIN, "content-type": "application/json" },
      body,
    });
  }
  const res = await workerFetch(req);
  const text = await res.text();
  let body: Answer["body"];
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

/** A refused password check counts the failure on the account and journals it: the only writes allowed. */
const LOCKOUT_COLUMNS = ["recent_failures", "locked_until"];
const SIGN_IN_BOOKKEEPING = { staff_users: LOCKOUT_COLUMNS, platform_admins: LOCKOUT_COLUMNS, portail_accounts: LOCKOUT_COLUMNS };
const isFailedSignInEntry = (table: string, row: Row) =>
  table === "audit_log" && /_LOGIN_FAILED$|_PASSWORD_CHANGE_FAILED$|_LOCKED$/.test(String(row.action));

/** C0 controls but tab and line breaks, DEL and the noncharacters: what normalisation strips from stored text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;
/** A string value holding a control character, JSON columns included (parsed, then walked). */
function controlIn(value: unknown): string | undefined {
  if (typeof value === "string") {
    if (CONTROL.test(value)) return value;
    if (/^[[{]/.test(value)) {
      try {
        return controlIn(JSON.parse(value));
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
  if (isNode(value))
    for (const v of Object.values(value)) {
      const found = controlIn(v);
      if (found !== undefined) return found;
    }
  return undefined;
}

function describeInput(input: Json, raw: string | null): string {
  const text = raw ?? JSON.stringify(input) ?? "undefined";
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

/**
 * One request, judged: never a 5xx, a tRPC answer, no write when refused, clean text when stored.
 * `before` is the database as the previous request left it, when nothing ran since.
 */
async function check(p: ProcedureInfo, input: Json, raw: string | null, cookie: string, known?: Snapshot) {
  const before = known ?? (await snapshot());
  const res = await send(p, input, raw, cookie);
  const after = await snapshot();
  const what = `${p.path} ← ${describeInput(input, raw)}\n→ ${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, what).toBeLessThan(500);
  expect(res.body, `not a tRPC answer: ${what}`).toBeTypeOf("object");
  if (res.status === 200) {
    expect(res.body, what).toHaveProperty("result");
  } else {
    const error = res.body!.error;
    expect(error?.message, what).toBeTypeOf("string");
    expect(error?.data?.httpStatus, what).toBe(res.status);
    expect(String(error?.message), `internal detail leaked: ${what}`).not.toMatch(/SQLITE|D1_|drizzle|\bat \S+\.[jt]s:/i);
  }
  if (res.status >= 400) {
    const ignore = checksPassword(p) ? SIGN_IN_BOOKKEEPING : {};
    const written = changes(before, after, ignore)
      .map((c) => ({ ...c, added: c.added.filter((row) => !(checksPassword(p) && isFailedSignInEntry(c.table, row))) }))
      .filter((c) => c.added.length > 0 || c.removed.length > 0);
    expect(written, `wrote after refusing: ${what}`).toEqual([]);
  }
  for (const c of changes(before, after)) {
    for (const row of c.added) {
      const dirty = controlIn(row);
      expect(dirty, `control character or noncharacter stored in ${c.table}: ${JSON.stringify(dirty)}\n${what}`).toBeUndefined();
    }
  }
  return { status: res.status, after };
}

/**
 * What reads stored data back (the fiches, the list, the portal dashboard, the CSV export, which
 * formats every date): after an accepted mutation, none may fail on what it stored.
 */
async function readBack(p: ProcedureInfo, input: Json, w: World) {
  const query = (path: string): ProcedureInfo => ({ path, type: "query", meta: { audience: "staff" } });
  const reads: [string, () => Promise<{ status: number; text: string }>][] = [
    ["usagers.get (validated file)", () => send(query("usagers.get"), { id: w.a.usagerId }, null, w.cookie)],
    ["usagers.get (file in instruction)", () => send(query("usagers.get"), { id: w.instruction.id }, null, w.cookie)],
    ["usagers.list", () => send(query("usagers.list"), {}, null, w.cookie)],
    ["monEspace.dashboard", () => send(query("monEspace.dashboard"), undefined, null, w.cookie)],
    [
      "export CSV",
      async () => {
        const res = await workerFetch(new Request(`${ORIGIN}/fichiers/export/usagers.csv`, { headers: { cookie: w.cookie } }));
        return { status: res.status, text: await res.text() };
      },
    ],
  ];
  for (const [name, read] of reads) {
    const { status, text } = await read();
    expect(status, `${name} after ${p.path} accepted ${describeInput(input, null)}\n→ ${status} ${text.slice(0, 300)}`).toBeLessThan(500);
  }
}

// ---------------------------------------------------------------------------------------------

const procedures = allProcedures();
const tally = { procedures: 0, inputs: 0, accepted: 0 };
/** Procedures none of whose mutated inputs was accepted: their success paths went unfuzzed. */
const neverAccepted: string[] = [];

function seedOf(path: string): number {
  let h = SEED;
  for (const ch of path) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

describe("fuzzing every procedure's input", () => {
  let saved: Saved;
  /** The database as the previous procedure left it. */
  let left: Snapshot | undefined;
  beforeAll(async () => {
    expect(procedures.length).toBeGreaterThan(60);
    saved = await save();
    left = saved.clean;
  });

  it.each(procedures.map((p) => [p.path, p] as const))("%s", async (_path, p) => {
    const valid = validInputs(p.path);
    expect(valid, `${p.path}: no valid input to fuzz from — add one to VALID or to the fixtures`).toBeDefined();
    const world = await freshWorld(saved, left);
    const templates = valid!(world);
    let last: Snapshot | undefined;
    let accepted = 0;
    const judge = async (input: Json, raw: string | null = null) => {
      let verdict: Awaited<ReturnType<typeof check>>;
      try {
        verdict = await check(p, input, raw, world.cookie, last);
      } catch (error) {
        // fast-check shrinks a failure by running smaller inputs: from the world as saved too.
        await rewind(saved.rows, await snapshot());
        await putFiles(saved);
        last = undefined;
        throw error;
      }
      const { status, after } = verdict;
      last = after;
      if (status === 200) accepted += 1;
      if (status === 200 && p.type === "mutation") {
        await readBack(p, raw ?? input, world);
        // Every run starts from the world as saved: a validation, a sign-out or a first login
        // succeeds once, and the runs after it would only meet "not in this state".
        await rewind(saved.rows, after);
        await putFiles(saved);
        last = await snapshot();
        expect(
          changes(saved.clean, last).filter((c) => c.table !== "audit_log"),
          "the world as saved, after a rewind",
        ).toEqual([]);
      }
      return status;
    };

    // The starting points are valid: without it, mutations would only ever meet the validation.
    for (const template of templates) {
      expect(await judge(template), `${p.path}: the valid input was refused as invalid: ${describeInput(template, null)}`).not.toBe(400);
    }

    let runs = 0;
    accepted = 0;
    await fc.assert(
      fc.asyncProperty(plan, async (pl) => {
        runs += 1;
        if (pl.kind === "raw") await judge(undefined, pl.text);
        else await judge(pl.kind === "arbitrary" ? pl.input : pl.mutations.reduce(applyMutation, templates[pl.from % templates.length]));
      }),
      { numRuns: RUNS, seed: seedOf(p.path) },
    );
    left = last ?? (await snapshot());
    tally.procedures += 1;
    tally.inputs += runs + templates.length;
    tally.accepted += accepted;
    if (accepted === 0) neverAccepted.push(p.path);
  });

  it("fuzzed every procedure", () => {
    console.log(
      `fuzz: ${tally.procedures} procedures, ${tally.inputs} inputs, ${tally.accepted} accepted (FUZZ_RUNS=${RUNS}, FUZZ_SEED=${SEED})`,
    );
    if (neverAccepted.length > 0) console.log(`fuzz: no mutated input accepted for ${neverAccepted.join(", ")}`);
    expect(tally.procedures).toBe(procedures.length);
  });
});
