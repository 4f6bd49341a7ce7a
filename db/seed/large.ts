/// <reference types="node" />
/**
 * Large dataset for benchmarks and tests at scale: one structure, "CCAS de Grandeville"
 * (db/seed/large/grandeville.json, its own staff accounts), filled with N domiciliés and M
 * interactions, deterministic from a seed number (and the day it is generated for).
 *
 *   npx tsx db/seed/large.ts --d1 <sqlite file> [--files 50000] [--interactions 2000000] [--seed 1]
 *   npx tsx db/seed/large.ts [--persist-to .wrangler/state] …      (finds the D1 file itself)
 *   options: --today YYYY-MM-DD (default: today in Paris) · --json (summary on stdout) · --quiet
 *            --check (then verifies counters, links, échéances, dernier passage, search index)
 *
 * Writes straight into the local D1 SQLite file with better-sqlite3 while wrangler is STOPPED
 * (migrations applied; the demo seed is not needed). One transaction, prepared multi-row inserts,
 * journal in memory and no fsync during the load, WAL restored afterwards, then ANALYZE.
 *
 * Rows are built like the Worker builds them: search columns from `searchColumns`, the échéance from
 * `echeanceOf`, decision periods from `defaultDateFin`, days → instants in the structure's timezone
 * with `startOfDayInstant`. Mirror columns of usagers (statut, type_dom, decision_*, echeance,
 * date_premiere_dom, dernier_passage, nb_courrier/nb_colis/nb_avis) agree with the decisions and
 * interactions generated; `--check` recomputes them afterwards with the same rules (large/check.ts).
 *
 * Interaction ids follow time across the whole structure (as in a live database): a file's mail is
 * spread over the table, not stored contiguously, so reads are measured in realistic conditions.
 */

import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { addDays, addMonths, type CalendarDate, calendarDateIn, startOfDayInstant } from "../../worker/rules/dates";
import { defaultDateFin, echeanceOf, type TypeDom, type UsagerStatut } from "../../worker/rules/echeance";
import { normalizeSearch, searchColumns } from "../../worker/rules/search";
import { ENTRETIEN_QUESTIONS } from "../../worker/rules/usager";
import { OPTIMIZE_SEARCH_INDEX, searchKeySql } from "../../worker/usagers/search-index";
import { hashPassword } from "./demo";
import { checkStructure } from "./large/check";
import {
  CONTENTS_IN,
  EMAIL_DOMAINS,
  MOTIF_DETAILS_AUTRE,
  NOTES,
  ORIENTATION_DETAILS,
  ORIGINS,
  type Origin,
  RADIATION_DETAILS_AUTRE,
  SURNOMS,
} from "./large/names";
import { createRng, type Rng } from "./large/random";

const HERE = dirname(fileURLToPath(import.meta.url));

interface LargeStaff {
  email: string;
  prenom: string;
  nom: string;
  role: "admin" | "responsable" | "simple" | "agent" | "facteur";
  fonction: string;
}
export const LARGE: {
  staffPassword: string;
  structure: {
    nom: string;
    type: string;
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
    statut: string;
    optionSurnom: boolean;
  };
  staff: LargeStaff[];
} = JSON.parse(readFileSync(join(HERE, "large", "grandeville.json"), "utf8"));

export interface LargeOptions {
  d1File: string;
  files?: number;
  interactions?: number;
  seed?: number;
  /** The day the data is generated for (the last interactions are the day before). */
  today?: CalendarDate;
  log?: (msg: string) => void;
}

export interface LargeSummary {
  structureId: number;
  structure: string;
  files: number;
  interactions: number;
  decisions: number;
  notes: number;
  procurations: number;
  seed: number;
  today: CalendarDate;
  seconds: number;
  phases: Record<string, number>;
  staff: { email: string; role: string }[];
  staffPassword: string;
}

// ---------------------------------------------------------------------------------------------
// Days and instants

const DAY_MS = 86_400_000;
const dayOf = (date: CalendarDate) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
};
const dateOf = (day: number): CalendarDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Day numbers ↔ instants in the structure's timezone, from rules/dates.ts `startOfDayInstant`
 * (Intl: ~0.2 ms a call). It is asked at 32-day block edges; when both edges have the same UTC
 * offset the whole block has it (offsets change at most once in 32 days: twice a year in Paris),
 * otherwise each day of the block is asked.
 */
function clock(timeZone: string) {
  const exact = new Map<number, number>();
  const offset = (day: number) => {
    let v = exact.get(day);
    if (v === undefined) {
      v = startOfDayInstant(dateOf(day), timeZone).getTime() - day * DAY_MS;
      exact.set(day, v);
    }
    return v;
  };
  const dayStart = (day: number) => {
    const edge = day - (((day % 32) + 32) % 32);
    const a = offset(edge);
    return day * DAY_MS + (a === offset(edge + 32) ? a : offset(day));
  };
  return {
    dayStart,
    /** A moment between 08:00 and 17:30 that day (local time). */
    officeHours: (rng: Rng, day: number) => dayStart(day) + Math.floor((8 * 3600 + rng.next() * 9.5 * 3600) * 1000),
  };
}

/** 1970-01-01 was a Thursday: 0 = Sunday … 6 = Saturday. */
const weekday = (day: number) => (day + 4) % 7;
/** Offices are closed at the week-end: Saturday → Friday, Sunday → Monday (or Friday at the edge). */
function workday(day: number, first: number, last: number): number {
  const w = weekday(day);
  const moved = w === 6 ? day - 1 : w === 0 ? (day + 1 <= last ? day + 1 : day - 2) : day;
  return moved >= first && moved <= last ? moved : day;
}

// ---------------------------------------------------------------------------------------------
// The generated model

const TYPES = ["courrierIn", "colisIn", "recommandeIn", "courrierOut", "colisOut", "recommandeOut", "appel", "visite"] as const;
const T_APPEL = 6;
const T_VISITE = 7;

interface Decision {
  statut: UsagerStatut;
  typeDom: TypeDom;
  dateDebut: CalendarDate | null;
  dateFin: CalendarDate | null;
  motif: string | null;
  motifDetails: string | null;
  orientation: string | null;
  orientationDetails: string | null;
  at: number;
  user: number;
}

interface Note {
  message: string;
  pinned: boolean;
  archivedAt: number | null;
  archivedBy: string | null;
  at: number;
  user: number;
}

interface Mandataire {
  nom: string;
  prenom: string;
  dateNaissance: CalendarDate;
  debut: number;
  fin: number;
  label: string;
}

interface FileGen {
  ref: number;
  customRef: string;
  civilite: "M." | "Mme";
  nom: string;
  prenom: string;
  surnom: string | null;
  dateNaissance: CalendarDate;
  lieuNaissance: string;
  nationalite: string | null;
  langue: string | null;
  telephone: string | null;
  email: string | null;
  contactByPhone: number;
  numeroDistribution: string | null;
  referent: number;
  ayantsDroit: { nom: string; prenom: string; dateNaissance: CalendarDate; lien: string }[];
  entretien: Record<string, string | boolean>;
  decisions: Decision[];
  etape: number;
  rdvAt: number | null;
  rdvUser: number;
  mandataire: Mandataire | null;
  notes: Note[];
  /** Activity: days [spanStart, mailEnd]; passages only up to passEnd; after `radiation`, mail goes back. */
  spanStart: number;
  passEnd: number;
  mailEnd: number;
  radiation: number;
  /** A visit recorded with a renewal request (renouveler sets dernier passage = now). */
  forcedVisit: number | null;
  weight: number;
  count: number;
  nbCourrier: number;
  nbColis: number;
  nbAvis: number;
  dernierPassage: number | null;
}

const STATUT_WEIGHTS: [UsagerStatut, number][] = [
  ["VALIDE", 60],
  ["INSTRUCTION", 10],
  ["ATTENTE_DECISION", 5],
  ["REFUS", 8],
  ["RADIE", 17],
];

/** Staff by job, as indexes into LARGE.staff. */
function staffRoles() {
  const idx = (roles: string[]) => LARGE.staff.flatMap((s, i) => (roles.includes(s.role) ? [i] : []));
  return {
    deciders: idx(["admin", "responsable"]),
    instructeurs: idx(["simple", "responsable"]),
    referents: idx(["admin", "responsable", "simple"]),
    accueil: idx(["agent", "simple"]),
    courrier: idx(["facteur", "agent"]),
    everyone: LARGE.staff.map((_, i) => i),
  };
}

const staffName = (i: number) => `${LARGE.staff[i]!.prenom} ${LARGE.staff[i]!.nom}`;

// ---------------------------------------------------------------------------------------------
// Phase 1: the files (état civil and decision history)

function birthDate(rng: Rng): CalendarDate {
  const decade = rng.weighted([4, 9, 18, 22, 22, 17, 8]);
  const from = 1940 + decade * 10;
  const to = decade === 6 ? 2007 : from + 9;
  const year = rng.int(from, to);
  const start = Date.UTC(year, 0, 1) / DAY_MS;
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
  return dateOf(start + rng.int(0, days - 1));
}

function phone(rng: Rng): string {
  const d = `${rng.chance(0.7) ? 6 : 7}${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
  const pairs = `0${d}`.match(/../g)!;
  const style = rng.next();
  if (style < 0.8) return pairs.join(" ");
  if (style < 0.95) return pairs.join("");
  return `+33 ${d[0]} ${pairs.slice(1).join(" ")}`;
}

const asciiWord = (s: string) => normalizeSearch(s).replace(/[^a-z]/g, "");

function prenomFor(rng: Rng, origin: Origin, male: boolean) {
  return rng.pick(male ? origin.prenomsM : origin.prenomsF);
}

function pickOrigin(rng: Rng): Origin {
  return ORIGINS[rng.weighted(ORIGINS.map((o) => o.weight))]!;
}

function entretienFor(rng: Rng, f: FileGen): Record<string, string | boolean> {
  const e: Record<string, string | boolean> = {};
  const hasConjoint = f.ayantsDroit.some((a) => a.lien === "CONJOINT");
  const hasEnfant = f.ayantsDroit.some((a) => a.lien === "ENFANT");
  const sexe = f.civilite === "Mme" ? "Femme" : "Homme";
  e.typeMenage = hasConjoint
    ? hasEnfant
      ? "Couple avec enfant(s)"
      : "Couple sans enfant"
    : `${sexe} isolé${sexe === "Femme" ? "e" : ""} ${hasEnfant ? "avec enfant(s)" : "sans enfant"}`;
  if (rng.chance(0.8)) e.domiciliation = rng.chance(0.1);
  if (rng.chance(0.7)) {
    e.revenus = rng.chance(0.55);
    if (e.revenus) e.revenusDetail = rng.pick(["RSA", "AAH", "Salaire", "Retraite", "ARE", "Prime d'activité"]);
  }
  if (rng.chance(0.6)) {
    e.orientation = rng.chance(0.4);
    if (e.orientation) e.orientationDetail = rng.pick(["Samu social", "Hôpital", "Association", "Mission locale", "SPIP"]);
  }
  // The answers come from the questionnaire itself (rules/usager.ts), "Autre" left out.
  const choices = (key: "liencommune" | "residence" | "cause" | "raison" | "situationPro") =>
    ENTRETIEN_QUESTIONS[key].choix.filter((c) => c !== "Autre");
  if (rng.chance(0.85)) e.liencommune = rng.pick(choices("liencommune"));
  if (rng.chance(0.85)) e.residence = rng.pick(choices("residence"));
  if (rng.chance(0.7)) e.cause = rng.pick(choices("cause"));
  if (rng.chance(0.8)) e.raison = rng.pick(choices("raison"));
  if (rng.chance(0.5)) {
    e.accompagnement = rng.chance(0.5);
    if (e.accompagnement) e.accompagnementDetail = rng.pick(["CCAS", "Conseil départemental", "Association Le Relais", "CHRS"]);
  }
  if (rng.chance(0.6)) e.situationPro = rng.pick(choices("situationPro"));
  if (rng.chance(0.1)) e.commentaires = "Premier entretien réalisé à l'accueil, pièces à compléter.";
  return e;
}

/** Builds one file's état civil and its decisions; activity windows for the interactions. */
function makeFile(
  rng: Rng,
  ref: number,
  T: number,
  officeHours: (rng: Rng, day: number) => number,
  roles: ReturnType<typeof staffRoles>,
): FileGen {
  const origin = pickOrigin(rng);
  const male = rng.chance(0.62);
  const compound = origin.key === "fr" && rng.chance(0.06);
  const nom = compound ? `${rng.pick(origin.noms)}-${rng.pick(origin.noms)}` : rng.pick(origin.noms);
  const prenom = prenomFor(rng, origin, male);
  const dateNaissance = birthDate(rng);
  // Born abroad: the nationality of the birth country (some naturalised); born in France: French
  // mostly, or the family's nationality.
  const bornInFrance = origin.key === "fr" || rng.chance(0.15);
  const [lieuNaissance, paysNat] = rng.pick(bornInFrance ? ORIGINS[0]!.lieux : origin.lieux).split(":") as [string, string];
  const familyNat = origin.nationalites[rng.weighted(origin.nationalites.map((n) => n[1]))]![0];
  const nat =
    origin.key === "fr" ? familyNat : bornInFrance ? (rng.chance(0.6) ? "Française" : familyNat) : rng.chance(0.88) ? paysNat : "Française";
  const telephone = rng.chance(0.55) ? phone(rng) : null;
  const f: FileGen = {
    ref,
    customRef: rng.chance(0.94) ? String(ref) : `GV-${String(ref).padStart(5, "0")}`,
    civilite: male ? "M." : "Mme",
    nom,
    prenom,
    surnom: null,
    dateNaissance,
    lieuNaissance,
    nationalite: rng.chance(0.9) ? nat : null,
    langue: rng.chance(0.85) ? rng.pick(origin.langues) : null,
    telephone,
    email: null,
    contactByPhone: telephone && rng.chance(0.65) ? 1 : 0,
    numeroDistribution: rng.chance(0.25) ? `Boîte ${rng.int(1, 2500)}` : null,
    referent: rng.chance(0.35) ? rng.pick(roles.referents) : -1,
    ayantsDroit: [],
    entretien: {},
    decisions: [],
    etape: 5,
    rdvAt: null,
    rdvUser: -1,
    mandataire: null,
    notes: [],
    spanStart: T,
    passEnd: T - 1,
    mailEnd: T - 1,
    radiation: -1,
    forcedVisit: null,
    weight: 0,
    count: 0,
    nbCourrier: 0,
    nbColis: 0,
    nbAvis: 0,
    dernierPassage: null,
  };
  if (rng.chance(0.08)) {
    // A nickname, or for some women the nom d'usage.
    f.surnom = !male && origin.key === "fr" && rng.chance(0.5) ? rng.pick(ORIGINS[0]!.noms) : rng.pick(SURNOMS);
  }
  if (rng.chance(0.12)) {
    f.email = `${asciiWord(prenom)}.${asciiWord(nom)}${rng.chance(0.5) ? rng.int(1, 99) : ""}@${rng.pick(EMAIL_DOMAINS)}`;
  }
  if (rng.chance(0.2)) {
    const birthDay = dayOf(dateNaissance);
    const conjoint = rng.chance(0.6);
    if (conjoint) {
      let cDay = birthDay + rng.int(-8 * 365, 8 * 365);
      if (cDay > T - 18 * 365) cDay = T - 18 * 365 - rng.int(0, 5 * 365); // an adult
      f.ayantsDroit.push({
        nom: rng.chance(0.7) ? nom : rng.pick(origin.noms),
        prenom: prenomFor(rng, origin, !male),
        dateNaissance: dateOf(cDay),
        lien: "CONJOINT",
      });
    }
    // Children in the household: minors, born when the parent was 18–45.
    const enfants = conjoint ? rng.weighted([25, 30, 25, 12, 8]) : 1 + rng.weighted([50, 35, 15]);
    const from = Math.max(birthDay + 18 * 365, T - 18 * 365);
    const to = Math.min(birthDay + 45 * 365, T - 30);
    for (let i = 0; i < enfants && from < to; i++) {
      f.ayantsDroit.push({
        nom,
        prenom: prenomFor(rng, origin, rng.chance(0.5)),
        dateNaissance: dateOf(rng.int(from, to)),
        lien: "ENFANT",
      });
    }
    if (rng.chance(0.04)) {
      f.ayantsDroit.push({
        nom,
        prenom: prenomFor(rng, origin, rng.chance(0.5)),
        dateNaissance: dateOf(Math.max(birthDay - rng.int(18, 35) * 365, dayOf("1925-01-01"))),
        lien: "PARENT",
      });
    }
  }

  // ---- decisions
  const decisions = f.decisions;
  let lastAt = 0;
  const decide = (day: number, d: Omit<Decision, "at" | "user">, users: number[]) => {
    const on = Math.min(day, T - 1);
    let at = officeHours(rng, workday(on, on - 2, T - 1));
    if (at <= lastAt) at = lastAt + rng.int(5, 90) * 60_000;
    lastAt = at;
    decisions.push({ ...d, at, user: rng.pick(users) });
    return day;
  };
  const instruct = (day: number, typeDom: TypeDom) =>
    decide(
      day,
      {
        statut: "INSTRUCTION",
        typeDom,
        dateDebut: null,
        dateFin: null,
        motif: null,
        motifDetails: null,
        orientation: null,
        orientationDetails: null,
      },
      roles.instructeurs,
    );
  const submit = (day: number, typeDom: TypeDom) =>
    decide(
      day,
      {
        statut: "ATTENTE_DECISION",
        typeDom,
        dateDebut: null,
        dateFin: null,
        motif: null,
        motifDetails: null,
        orientation: null,
        orientationDetails: null,
      },
      roles.instructeurs,
    );
  const validate = (day: number, typeDom: TypeDom, debut: number, fin: CalendarDate) =>
    decide(
      day,
      {
        statut: "VALIDE",
        typeDom,
        dateDebut: dateOf(debut),
        dateFin: fin,
        motif: null,
        motifDetails: null,
        orientation: null,
        orientationDetails: null,
      },
      roles.deciders,
    );
  const radiate = (day: number, typeDom: TypeDom, motif: string) =>
    decide(
      day,
      {
        statut: "RADIE",
        typeDom,
        dateDebut: dateOf(day),
        dateFin: dateOf(day),
        motif,
        motifDetails: motif === "AUTRE" ? rng.pick(RADIATION_DETAILS_AUTRE) : null,
        orientation: null,
        orientationDetails: null,
      },
      roles.instructeurs,
    );
  const refuse = (day: number, typeDom: TypeDom) => {
    const motif = ["LIEN_COMMUNE", "HORS_AGREMENT", "SATURATION", "AUTRE"][rng.weighted([45, 25, 10, 20])]!;
    const orientation = rng.chance(0.4) ? rng.pick(["ccas", "cias", "asso", "autre"]) : null;
    return decide(
      day,
      {
        statut: "REFUS",
        typeDom,
        dateDebut: dateOf(day),
        dateFin: dateOf(day),
        motif,
        motifDetails: motif === "AUTRE" ? rng.pick(MOTIF_DETAILS_AUTRE) : null,
        orientation,
        orientationDetails: orientation ? rng.pick(ORIENTATION_DETAILS) : null,
      },
      roles.deciders,
    );
  };

  /**
   * `periods` VALIDE periods back to back (some renewals late), the last one starting on
   * `lastStart`; the first is a first request. Returns the last period's start and end.
   */
  const valideChain = (lastStart: number, periods: number) => {
    const starts = [lastStart];
    for (let i = 1; i < periods; i++) {
      const late = rng.chance(0.15) ? rng.int(1, 60) : 0;
      starts.unshift(dayOf(addMonths(dateOf(starts[0]! - late), -12)));
    }
    let fin = "";
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i]!;
      const typeDom: TypeDom = i === 0 ? "PREMIERE_DOM" : "RENOUVELLEMENT";
      // A renewal is asked before the end (or after it when late); a first request weeks before.
      const asked = i === 0 ? s - rng.int(3, 40) : Math.min(s - rng.int(2, 45), s - 1);
      instruct(asked, typeDom);
      if (rng.chance(0.5)) submit(rng.int(asked, s - 1), typeDom);
      const shortPeriod = i === starts.length - 1 && rng.chance(0.04);
      fin = shortPeriod ? addDays(dateOf(s), 182) : defaultDateFin(dateOf(s));
      validate(i === 0 ? s : rng.int(Math.max(asked, s - 20), s), typeDom, s, fin);
    }
    return { start: starts.at(-1)!, fin: dayOf(fin), first: starts[0]! };
  };

  const statut = STATUT_WEIGHTS[rng.weighted(STATUT_WEIGHTS.map((s) => s[1]))]![0];
  const chainLength = () => 1 + rng.weighted([45, 30, 15, 6, 4]);
  const newRequest = (maxAgo: number, minAgo = 1) => instruct(T - rng.int(minAgo, maxAgo), "PREMIERE_DOM");
  /** A file under instruction: new first request or renewal of a running domiciliation. */
  const underInstruction = (renewal: boolean) => {
    if (renewal) {
      valideChain(T - rng.int(300, 420), chainLength());
      const asked = T - rng.int(1, 60);
      instruct(asked, "RENOUVELLEMENT");
      f.forcedVisit = asked;
      return asked;
    }
    return newRequest(120);
  };

  // An old episode (domiciliated, then radiated at the end of the period) before the current one.
  const oldEpisode = rng.chance(0.04);

  if (statut === "VALIDE") {
    if (oldEpisode) {
      // Kept simple: the old period fully precedes the current chain (checked below by ordering).
      const lastStart = T - 1 - rng.int(0, 395);
      const periods = chainLength();
      const firstStart = dayOf(addMonths(dateOf(lastStart), -12 * (periods - 1))) - 60 * periods;
      const oldStart = firstStart - rng.int(450, 900);
      const oldChainStart = oldStart;
      instruct(oldChainStart - rng.int(3, 30), "PREMIERE_DOM");
      const oldFin = defaultDateFin(dateOf(oldChainStart));
      validate(oldChainStart, "PREMIERE_DOM", oldChainStart, oldFin);
      radiate(dayOf(oldFin) + rng.int(10, 60), "PREMIERE_DOM", "FIN_DE_DOMICILIATION");
      valideChain(lastStart, periods);
    } else {
      valideChain(T - 1 - rng.int(0, 395), chainLength());
    }
    f.etape = 5;
  } else if (statut === "INSTRUCTION") {
    const renewal = rng.chance(0.3);
    underInstruction(renewal);
    f.etape = renewal ? rng.weighted([30, 20, 20, 30]) : 1 + rng.weighted([35, 25, 40]);
  } else if (statut === "ATTENTE_DECISION") {
    const renewal = rng.chance(0.25);
    const asked = underInstruction(renewal);
    submit(Math.min(T - 1, asked + rng.int(1, 20)), renewal ? "RENOUVELLEMENT" : "PREMIERE_DOM");
    f.etape = 4;
  } else if (statut === "REFUS") {
    if (rng.chance(0.1)) {
      const { fin } = valideChain(T - rng.int(380, 900), chainLength());
      const asked = fin - rng.int(0, 40);
      instruct(asked, "RENOUVELLEMENT");
      refuse(Math.min(T - 1, asked + rng.int(2, 30)), "RENOUVELLEMENT");
    } else {
      const asked = T - 1 - rng.int(10, 1000);
      instruct(asked, "PREMIERE_DOM");
      if (rng.chance(0.5)) submit(asked + rng.int(1, 5), "PREMIERE_DOM");
      refuse(Math.min(T - 1, asked + rng.int(6, 45)), "PREMIERE_DOM");
    }
    f.etape = 5;
  } else {
    // RADIE: the radiation day first, the history that leads to it second.
    const R = T - 1 - (rng.chance(0.9) ? Math.floor(Math.abs(rng.normal()) * 420) % 1095 : rng.int(1095, 1800));
    f.radiation = R;
    if (rng.chance(0.08)) {
      const asked = R - rng.int(5, 90);
      instruct(asked, "PREMIERE_DOM");
      radiate(R, "PREMIERE_DOM", ["A_SA_DEMANDE", "PLUS_DE_LIEN_COMMUNE", "AUTRE"][rng.weighted([60, 25, 15])]!);
    } else {
      const motif = [
        "FIN_DE_DOMICILIATION",
        "NON_MANIFESTATION_3_MOIS",
        "A_SA_DEMANDE",
        "ENTREE_LOGEMENT",
        "PLUS_DE_LIEN_COMMUNE",
        "NON_RESPECT_REGLEMENT",
        "AUTRE",
      ][rng.weighted([38, 30, 8, 10, 7, 3, 4])]!;
      let lastStart: number;
      if (motif === "FIN_DE_DOMICILIATION") {
        const fin = R - rng.int(1, 75);
        lastStart = dayOf(addMonths(dateOf(fin + 1), -12));
      } else if (motif === "NON_MANIFESTATION_3_MOIS") {
        lastStart = R - rng.int(125, 360);
        f.passEnd = R - rng.int(92, 120);
      } else {
        lastStart = R - rng.int(10, 360);
      }
      const periods = 1 + rng.weighted([55, 28, 12, 5]);
      const { start } = valideChain(lastStart, periods);
      const typeDom: TypeDom = periods > 1 ? "RENOUVELLEMENT" : "PREMIERE_DOM";
      radiate(Math.max(R, start + 1), typeDom, motif);
      if (motif !== "NON_MANIFESTATION_3_MOIS") f.passEnd = R;
    }
    f.mailEnd = Math.min(T - 1, R + (rng.chance(0.6) ? rng.int(0, 120) : 0));
    f.etape = 5;
  }

  // ---- activity window of the interactions
  const first = decisions[0]!.at;
  f.spanStart = Math.floor(first / DAY_MS); // the day the file was opened
  const current = decisions.at(-1)!;
  if (statut === "REFUS") {
    f.passEnd = Math.min(T - 1, dayOf(current.dateFin!) + rng.int(0, 10));
    f.mailEnd = f.passEnd;
  }
  if (statut === "RADIE" && f.passEnd > f.radiation) f.passEnd = f.radiation;

  // ---- rendez-vous of the last instruction
  // (renouveler resets it: etape 0 has none; etape 1 = a meeting planned; from 2 on it took place)
  const lastInstruction = [...decisions].reverse().find((d) => d.statut === "INSTRUCTION")!;
  if (statut === "INSTRUCTION" && f.etape <= 1) {
    if (f.etape === 1 && rng.chance(0.4)) {
      f.rdvAt = officeHours(rng, workday(T + rng.int(1, 20), T, T + 30));
      f.rdvUser = rng.pick(roles.instructeurs);
    }
  } else {
    const limit = current === lastInstruction ? (T - 1) * DAY_MS + 17 * 3600_000 : current.at - 60_000;
    f.rdvAt = Math.max(lastInstruction.at, Math.min(lastInstruction.at + rng.int(0, 6) * DAY_MS, limit));
    f.rdvUser = rng.pick(roles.instructeurs);
  }
  if (f.etape >= 3 || decisions.length > 1) f.entretien = entretienFor(rng, f);

  // ---- procuration (a mandataire who may take the mail)
  const everValide = decisions.some((d) => d.statut === "VALIDE");
  if (everValide && rng.chance(0.12)) {
    const mo = rng.chance(0.7) ? origin : pickOrigin(rng);
    const mMale = rng.chance(0.5);
    const mNom = rng.chance(0.4) ? nom : rng.pick(mo.noms);
    const mPrenom = prenomFor(rng, mo, mMale);
    const debut = rng.int(f.spanStart, Math.max(f.spanStart, Math.min(T - 1, f.passEnd) - 20));
    const fin = debut + rng.int(90, 400);
    f.mandataire = {
      nom: mNom,
      prenom: mPrenom,
      dateNaissance: birthDate(rng),
      debut,
      fin,
      label: `${mPrenom} ${mNom.toLocaleUpperCase("fr-FR")}`,
    };
  }

  // ---- notes
  if (rng.chance(0.04)) {
    const n = 1 + rng.weighted([60, 30, 10]);
    const pinned = rng.chance(0.6) ? rng.int(0, n - 1) : -1;
    let at = first;
    for (let i = 0; i < n; i++) {
      at = Math.min(at + rng.int(1, 120) * DAY_MS, (T - 1) * DAY_MS);
      const archived = i !== pinned && rng.chance(0.15);
      const user = rng.pick(roles.everyone);
      f.notes.push({
        message: rng.pick(NOTES),
        pinned: i === pinned,
        archivedAt: archived ? at + DAY_MS : null,
        archivedBy: archived ? staffName(rng.pick(roles.referents)) : null,
        at,
        user,
      });
    }
  }

  // ---- weight in the interactions (activity days in the last 3 years × how active the person is)
  const windowStart = T - 1095;
  const days = Math.max(0, Math.min(T - 1, f.mailEnd) - Math.max(windowStart, f.spanStart) + 1);
  const intensity = { VALIDE: 1, RADIE: 0.8, INSTRUCTION: 0.6, ATTENTE_DECISION: 0.6, REFUS: 0.2 }[statut];
  f.weight = days * intensity * Math.exp(0.7 * rng.normal());
  return f;
}

/** Exact split of `total` by weight (largest remainders). */
function allocate(files: FileGen[], total: number) {
  let W = 0;
  for (const f of files) W += f.weight;
  if (W === 0 || total === 0) return;
  let given = 0;
  const frac = new Float64Array(files.length);
  files.forEach((f, i) => {
    const exact = (total * f.weight) / W;
    f.count = Math.floor(exact);
    frac[i] = exact - f.count;
    given += f.count;
  });
  const order = Array.from(files.keys()).sort((a, b) => frac[b]! - frac[a]! || a - b);
  for (let k = 0; given < total; k = (k + 1) % order.length) {
    const f = files[order[k]!]!;
    if (f.weight > 0) {
      f.count += 1;
      given += 1;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Phase 2: interactions, in typed arrays (ids are given later, in time order)

class Events {
  usager: Int32Array;
  type: Uint8Array;
  nb: Uint8Array;
  at: Float64Array;
  user: Uint8Array;
  out: Int32Array;
  /** bit 0: returned to sender; bit 1: taken by the mandataire */
  flags: Uint8Array;
  content: Int16Array;
  size = 0;
  constructor(capacity: number) {
    this.usager = new Int32Array(capacity);
    this.type = new Uint8Array(capacity);
    this.nb = new Uint8Array(capacity);
    this.at = new Float64Array(capacity);
    this.user = new Uint8Array(capacity);
    this.out = new Int32Array(capacity).fill(-1);
    this.flags = new Uint8Array(capacity);
    this.content = new Int16Array(capacity).fill(-1);
  }
  add(usager: number, type: number, nb: number, at: number, user: number): number {
    const i = this.size++;
    this.usager[i] = usager;
    this.type[i] = type;
    this.nb[i] = nb;
    this.at[i] = at;
    this.user[i] = user;
    return i;
  }
}

function makeInteractions(
  rng: Rng,
  f: FileGen,
  fileIndex: number,
  ev: Events,
  T: number,
  officeHours: (rng: Rng, day: number) => number,
  dayStart: (day: number) => number,
  roles: ReturnType<typeof staffRoles>,
) {
  const valide = f.decisions.at(-1)!.statut === "VALIDE";
  const floor = valide ? dayStart(dayOf(f.decisions.at(-1)!.dateDebut!)) : 0;
  let passage = 0;
  const pending: number[][] = [[], [], []];
  let c = f.count;
  if (c > 0) {
    const from = Math.max(T - 1095, f.spanStart);
    const to = Math.min(T - 1, f.mailEnd);
    const times = new Float64Array(c);
    let k = 0;
    let forced = -1;
    if (f.forcedVisit !== null && f.forcedVisit >= from && f.forcedVisit <= to) {
      // the renewal request: the decision's own moment, so "dernier passage = now" holds
      forced = [...f.decisions].reverse().find((d) => d.typeDom === "RENOUVELLEMENT" && d.statut === "INSTRUCTION")!.at;
      times[k++] = forced;
    }
    for (; k < c; k++) times[k] = officeHours(rng, workday(rng.int(from, to), from, to));
    times.sort();
    const mailProne = 0.55 + 0.35 * rng.next(); // some people get much mail, others mostly call
    const pickupRate = 0.45 + 0.4 * rng.next();
    const m = f.mandataire;
    for (let j = 0; j < times.length && c > 0; j++) {
      const t = times[j]!;
      const day = Math.floor(t / DAY_MS); // office hours in Paris are the same UTC day
      const canPass = day <= f.passEnd;
      const returned = f.radiation >= 0 && day > f.radiation;
      const hasPending = pending[0]!.length + pending[1]!.length + pending[2]!.length > 0;
      if (t === forced) {
        ev.add(fileIndex, T_VISITE, 0, t, rng.pick(roles.accueil));
        c--;
        if (t > passage) passage = t;
        continue;
      }
      if (hasPending && (canPass || returned) && rng.next() < (returned ? 0.5 : pickupRate)) {
        // Hand-over of everything pending, one "out" per type.
        const viaMandataire = !returned && m !== null && day >= m.debut && day <= m.fin && rng.chance(0.35);
        const user = rng.pick(roles.accueil);
        let at = t;
        for (let type = 0; type < 3 && c > 0; type++) {
          const ins = pending[type]!;
          if (ins.length === 0) continue;
          let nb = 0;
          let content = -1;
          for (const i of ins) {
            nb += ev.nb[i]!;
            if (ev.content[i]! >= 0) content = ev.content[i]!;
          }
          const o = ev.add(fileIndex, type + 3, Math.min(nb, 255), at, user);
          ev.content[o] = content;
          if (returned) ev.flags[o] = 1;
          else if (viaMandataire) ev.flags[o] = 2;
          for (const i of ins) ev.out[i] = o;
          ins.length = 0;
          c--;
          if (!returned && !viaMandataire && at > passage) passage = at;
          at += rng.int(5, 40) * 1000;
        }
        continue;
      }
      if (!canPass || returned || rng.next() < mailProne) {
        const type = rng.weighted([75, 10, 15]);
        const nb = 1 + rng.weighted([60, 22, 10, 5, 3]);
        const i = ev.add(fileIndex, type, nb, t, rng.pick(roles.courrier));
        if (rng.chance(0.12)) ev.content[i] = rng.int(0, CONTENTS_IN.length - 1);
        pending[type]!.push(i);
        c--;
        continue;
      }
      ev.add(fileIndex, rng.chance(0.4) ? T_APPEL : T_VISITE, 0, t, rng.pick(roles.accueil));
      c--;
      if (t > passage) passage = t;
    }
  }
  for (const i of pending[0]!) f.nbCourrier += ev.nb[i]!;
  for (const i of pending[1]!) f.nbColis += ev.nb[i]!;
  for (const i of pending[2]!) f.nbAvis += ev.nb[i]!;
  // Dernier passage (reference B.5.3): the last call, visit or hand-over to the person herself,
  // with the start of the current VALIDE decision as a floor.
  const dp = Math.max(passage, floor);
  f.dernierPassage = dp > 0 ? dp : null;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Multi-row INSERT through two prepared statements (full chunks of `rowsPerStatement` rows, then
 * single rows). `put` one value at a time then `endRow`, or `add` a whole row.
 */
class BulkInsert {
  private one: Database.Statement;
  private many: Database.Statement;
  private buf: unknown[];
  private k = 0;
  private width: number;
  count = 0;
  constructor(db: Database.Database, table: string, cols: string[], rowsPerStatement = 200) {
    this.width = cols.length;
    const row = `(${cols.map(() => "?").join(",")})`;
    const head = `INSERT INTO ${table} (${cols.join(",")}) VALUES `;
    this.one = db.prepare(head + row);
    this.many = db.prepare(head + Array(rowsPerStatement).fill(row).join(","));
    this.buf = new Array(this.width * rowsPerStatement).fill(null);
  }
  put(v: unknown) {
    this.buf[this.k++] = v;
  }
  endRow() {
    this.count++;
    if (this.k === this.buf.length) {
      this.many.run(this.buf);
      this.k = 0;
    }
  }
  add(values: unknown[]) {
    for (const v of values) this.buf[this.k++] = v;
    this.endRow();
  }
  flush() {
    for (let i = 0; i < this.k; i += this.width) this.one.run(this.buf.slice(i, i + this.width));
    this.k = 0;
  }
}

function columnsOf(db: Database.Database, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
}

function nextId(db: Database.Database, table: string): number {
  const seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = ?").get(table) as { seq: number } | undefined;
  const max = db.prepare(`SELECT max(id) AS m FROM ${table}`).get() as { m: number | null };
  return Math.max(seq?.seq ?? 0, max.m ?? 0) + 1;
}

export async function generateLarge(options: LargeOptions): Promise<LargeSummary> {
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  let tPhase = t0;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - tPhase);
    tPhase = now;
    options.log?.(`${name}: ${phases[name]} ms`);
  };
  const N = options.files ?? 50_000;
  const M = options.interactions ?? 2_000_000;
  const seed = options.seed ?? 1;
  const tz = LARGE.structure.timeZone;
  const today = options.today ?? calendarDateIn(tz, new Date());
  const T = dayOf(today);
  if (!Number.isInteger(N) || N < 1) throw new Error("--files : un entier ≥ 1.");
  if (!Number.isInteger(M) || M < 0) throw new Error("--interactions : un entier ≥ 0.");
  if (!existsSync(options.d1File)) throw new Error(`Fichier D1 introuvable : ${options.d1File}`);

  // Argon2id hashes first (the slowest bit of the staff accounts), before the database is touched.
  const hashes = await Promise.all(LARGE.staff.map(() => hashPassword(LARGE.staffPassword)));
  phase("hash");

  const rng = createRng(seed);
  const { officeHours, dayStart } = clock(tz);
  const roles = staffRoles();
  const files: FileGen[] = [];
  for (let ref = 1; ref <= N; ref++) files.push(makeFile(rng, ref, T, officeHours, roles));
  allocate(files, M);
  phase("files");

  const ev = new Events(M);
  for (let i = 0; i < N; i++) makeInteractions(rng, files[i]!, i, ev, T, officeHours, dayStart, roles);
  if (ev.size !== M) throw new Error(`interactions générées : ${ev.size} au lieu de ${M}`);
  // Ids in time order: sort (second, index) packed in one double when it fits, else by comparator.
  const order = new Uint32Array(M);
  let lastSecond = 0;
  for (let i = 0; i < M; i++) lastSecond = Math.max(lastSecond, ev.at[i]! / 1000);
  if (M < 2 ** 22 && lastSecond < 2 ** 31) {
    const keys = new Float64Array(M);
    for (let i = 0; i < M; i++) keys[i] = Math.floor(ev.at[i]! / 1000) * 2 ** 22 + i;
    keys.sort();
    for (let i = 0; i < M; i++) order[i] = keys[i]! % 2 ** 22;
  } else {
    for (let i = 0; i < M; i++) order[i] = i;
    order.sort((a, b) => ev.at[a]! - ev.at[b]! || a - b);
  }
  const rank = new Uint32Array(M);
  for (let p = 0; p < M; p++) rank[order[p]!] = p;
  phase("interactions (mémoire)");

  // ---- the database
  const db = new Database(options.d1File);
  db.pragma("busy_timeout = 2000");
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  for (const t of ["structures", "staff_users", "usagers", "usager_decisions", "usager_notes", "interactions", "usagers_fts"]) {
    if (!tables.has(t)) {
      db.close();
      throw new Error(`Table ${t} absente : appliquez d'abord les migrations (npm run db:migrate:local).`);
    }
  }
  if (db.prepare("SELECT 1 FROM structures WHERE nom = ?").get(LARGE.structure.nom)) {
    db.close();
    throw new Error(`« ${LARGE.structure.nom} » existe déjà dans ${options.d1File} : partez d'un état neuf.`);
  }
  const journal = db.pragma("journal_mode", { simple: true }) as string;
  // Leaving WAL needs the file to ourselves: this fails while wrangler dev (or anything) has it open.
  let mode = "";
  try {
    mode = db.pragma("journal_mode = MEMORY", { simple: true }) as string;
  } catch (error) {
    mode = (error as Error).message;
  }
  if (mode !== "memory") {
    db.close();
    throw new Error(`Base occupée (wrangler dev tourne-t-il encore ?) : ${mode}`);
  }
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -1000000");
  db.pragma("temp_store = MEMORY");
  db.pragma("threads = 2");
  db.pragma("foreign_keys = OFF");
  const withProcurations =
    tables.has("procurations") &&
    ["structure_id", "usager_id", "nom", "prenom", "date_naissance", "date_debut", "date_fin", "created_at"].every((c) =>
      columnsOf(db, "procurations").has(c),
    );

  const nowMs = (T - 1) * DAY_MS + 18 * 3600_000;
  let structureId = 0;
  let decisionCount = 0;
  let noteCount = 0;
  let procurationCount = 0;
  const load = db.transaction(() => {
    const s = LARGE.structure;
    structureId = Number(
      db
        .prepare(
          `INSERT INTO structures (nom, type, adresse, code_postal, ville, departement, time_zone, telephone, email,
             responsable_nom, responsable_prenom, responsable_fonction, capacite, agrement, siret, statut, statut_at,
             option_surnom, last_usager_ref, created_at, updated_at)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
        )
        .run(
          s.nom,
          s.type,
          s.adresse,
          s.codePostal,
          s.ville,
          s.departement,
          s.timeZone,
          s.telephone,
          s.email,
          s.responsable.nom,
          s.responsable.prenom,
          s.responsable.fonction,
          s.capacite,
          s.agrement,
          s.siret,
          s.statut,
          nowMs,
          s.optionSurnom ? 1 : 0,
          N,
          nowMs,
          nowMs,
        ).lastInsertRowid,
    );
    const staffIds = LARGE.staff.map((m, i) =>
      Number(
        db
          .prepare(
            `INSERT INTO staff_users (structure_id, email, nom, prenom, fonction, role, status, password_hash, password_updated_at, created_at)
             VALUES (?,?,?,?,?,?,'ACTIVE',?,?,?)`,
          )
          .run(structureId, m.email, m.nom, m.prenom, m.fonction, m.role, hashes[i], nowMs, nowMs).lastInsertRowid,
      ),
    );

    // The search index is built once after the load, from usagers (~3× faster than the per-row
    // trigger); the trigger is then recreated from its own text in sqlite_master.
    const ftsTrigger = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'usagers_fts_insert'").get() as
      | { sql: string }
      | undefined;
    if (ftsTrigger) db.exec("DROP TRIGGER usagers_fts_insert");
    const usagerBase = nextId(db, "usagers");
    const usagerRows = new BulkInsert(
      db,
      "usagers",
      [
        "id",
        "structure_id",
        "ref",
        "custom_ref",
        "civilite",
        "nom",
        "prenom",
        "surnom",
        "date_naissance",
        "lieu_naissance",
        "nationalite",
        "langue",
        "telephone",
        "email",
        "contact_by_phone",
        "numero_distribution",
        "referent_id",
        "ayants_droit",
        "entretien",
        "statut",
        "type_dom",
        "etape",
        "rdv_at",
        "rdv_user_id",
        "date_premiere_dom",
        "decision_debut",
        "decision_fin",
        "decision_at",
        "echeance",
        "dernier_passage",
        "nb_courrier",
        "nb_colis",
        "nb_avis",
        "search_text",
        "search_nom",
        "search_prenom",
        "version",
        "created_at",
        "updated_at",
      ],
      50,
    );
    const decisionRows = new BulkInsert(db, "usager_decisions", [
      "structure_id",
      "usager_id",
      "statut",
      "type_dom",
      "date_debut",
      "date_fin",
      "motif",
      "motif_details",
      "orientation",
      "orientation_details",
      "created_at",
      "user_id",
      "user_name",
    ]);
    const noteRows = new BulkInsert(
      db,
      "usager_notes",
      [
        "structure_id",
        "usager_id",
        "message",
        "pinned",
        "archived",
        "archived_at",
        "archived_by",
        "created_at",
        "created_by_id",
        "created_by_name",
      ],
      20,
    );
    const procurationRows = withProcurations
      ? new BulkInsert(
          db,
          "procurations",
          ["structure_id", "usager_id", "nom", "prenom", "date_naissance", "date_debut", "date_fin", "created_at"],
          20,
        )
      : null;

    for (let i = 0; i < N; i++) {
      const f = files[i]!;
      const id = usagerBase + i;
      const ds = f.decisions;
      const cur = ds.at(-1)!;
      const newestFirst = [...ds].reverse();
      const ech = echeanceOf(cur.typeDom, newestFirst);
      const firstValide = ds.find((d) => d.statut === "VALIDE");
      const mandataires = f.mandataire ? [f.mandataire] : [];
      const search = searchColumns({ ...f, customRef: f.customRef }, mandataires);
      const updatedAt = Math.max(cur.at, ...f.notes.map((n) => n.at));
      usagerRows.add([
        id,
        structureId,
        f.ref,
        f.customRef,
        f.civilite,
        f.nom,
        f.prenom,
        f.surnom,
        f.dateNaissance,
        f.lieuNaissance,
        f.nationalite,
        f.langue,
        f.telephone,
        f.email,
        f.contactByPhone,
        f.numeroDistribution,
        f.referent >= 0 ? staffIds[f.referent] : null,
        JSON.stringify(f.ayantsDroit),
        JSON.stringify(f.entretien),
        cur.statut,
        cur.typeDom,
        f.etape,
        f.rdvAt,
        f.rdvUser >= 0 ? staffIds[f.rdvUser] : null,
        firstValide?.dateDebut ?? null,
        cur.dateDebut,
        cur.dateFin,
        cur.at,
        ech.active ? ech.date : null,
        f.dernierPassage,
        f.nbCourrier,
        f.nbColis,
        f.nbAvis,
        search.searchText,
        search.searchNom,
        search.searchPrenom,
        1,
        ds[0]!.at,
        updatedAt,
      ]);
      for (const d of ds) {
        decisionRows.add([
          structureId,
          id,
          d.statut,
          d.typeDom,
          d.dateDebut,
          d.dateFin,
          d.motif,
          d.motifDetails,
          d.orientation,
          d.orientationDetails,
          d.at,
          staffIds[d.user],
          staffName(d.user),
        ]);
      }
      for (const n of f.notes) {
        noteRows.add([
          structureId,
          id,
          n.message,
          n.pinned ? 1 : 0,
          n.archivedAt ? 1 : 0,
          n.archivedAt,
          n.archivedBy,
          n.at,
          staffIds[n.user],
          staffName(n.user),
        ]);
      }
      if (procurationRows && f.mandataire) {
        const m = f.mandataire;
        procurationRows.add([
          structureId,
          id,
          m.nom,
          m.prenom,
          m.dateNaissance,
          dateOf(m.debut),
          dateOf(m.fin),
          officeHours(rng, Math.min(m.debut, T - 1)),
        ]);
      }
    }
    usagerRows.flush();
    if (ftsTrigger) {
      db.exec(`INSERT INTO usagers_fts(rowid, search_text) SELECT ${searchKeySql("usagers")}, search_text FROM usagers`);
      db.exec(ftsTrigger.sql);
    }
    decisionRows.flush();
    noteRows.flush();
    procurationRows?.flush();
    decisionCount = decisionRows.count;
    noteCount = noteRows.count;
    procurationCount = procurationRows?.count ?? 0;
    phase("usagers, décisions, notes");

    // The interactions' indexes are rebuilt once at the end (sorting beats 2M random B-tree inserts);
    // their CREATE statements are replayed exactly as the migrations wrote them (sqlite_master.sql).
    const indexes = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions' AND sql IS NOT NULL")
      .all() as { name: string; sql: string }[];
    for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
    const interactionBase = nextId(db, "interactions");
    const rows = new BulkInsert(
      db,
      "interactions",
      [
        "id",
        "structure_id",
        "usager_id",
        "type",
        "nb",
        "content",
        "created_at",
        "user_id",
        "user_name",
        "out_id",
        "mandataire",
        "return_to_sender",
      ],
      400,
    );
    const userNames = LARGE.staff.map((_, i) => staffName(i));
    for (let p = 0; p < M; p++) {
      const i = order[p]!;
      const type = ev.type[i]!;
      const flags = ev.flags[i]!;
      const c = ev.content[i]!;
      let content: string | null = c >= 0 ? CONTENTS_IN[c]! : null;
      let mandataire: string | null = null;
      if (flags & 2) {
        mandataire = files[ev.usager[i]!]!.mandataire!.label;
        content = `${content ? `${content}\n` : ""}Courrier remis au mandataire : ${mandataire}`;
      } else if (flags & 1) {
        content = `Courrier retourné à l'expéditeur${content ? `\n${content}` : ""}`;
      }
      const out = ev.out[i]!;
      const user = ev.user[i]!;
      rows.put(interactionBase + p);
      rows.put(structureId);
      rows.put(usagerBase + ev.usager[i]!);
      rows.put(TYPES[type]);
      rows.put(ev.nb[i]!);
      rows.put(content);
      rows.put(ev.at[i]!);
      rows.put(staffIds[user]);
      rows.put(userNames[user]);
      rows.put(out >= 0 ? interactionBase + rank[out]! : null);
      rows.put(mandataire);
      rows.put(flags & 1);
      rows.endRow();
    }
    rows.flush();
    phase("interactions (écriture)");
    for (const ix of indexes) db.exec(ix.sql);
    phase("interactions (index)");
  });
  try {
    load();
    db.pragma("foreign_keys = ON");
    // The search index as the Worker's nightly cron leaves it (one segment).
    db.exec(OPTIMIZE_SEARCH_INDEX);
    // Statistics for the planner, as D1's `PRAGMA optimize` gathers them: sqlite_stat1 only (this
    // better-sqlite3 build also writes sqlite_stat4, which workerd's SQLite does not use).
    db.exec("ANALYZE");
    db.exec("DROP TABLE IF EXISTS sqlite_stat4");
    phase("analyze");
  } finally {
    // A failed load was rolled back as a whole; either way the file gets its journal mode back.
    db.pragma(`journal_mode = ${journal}`);
    db.close();
  }
  phase("close");
  // The load ran without fsync: the file goes to disk now, once. Left to the kernel's writeback,
  // its hundreds of MB were written while wrangler dev served it, and the first checkpoint of the
  // Worker's D1 waited ~150 ms for them (the benchmark measured both in its rounds).
  const fd = openSync(options.d1File, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  phase("sync");

  return {
    structureId,
    structure: LARGE.structure.nom,
    files: N,
    interactions: M,
    decisions: decisionCount,
    notes: noteCount,
    procurations: procurationCount,
    seed,
    today,
    seconds: (performance.now() - t0) / 1000,
    phases,
    staff: LARGE.staff.map((s) => ({ email: s.email, role: s.role })),
    staffPassword: LARGE.staffPassword,
  };
}

// ---------------------------------------------------------------------------------------------
// Command line

/** The D1 file of the `DB` binding under a wrangler persist dir (as test/support/server.mjs finds it). */
export function findD1File(persistDir: string): string | null {
  const dir = join(persistDir, "v3", "d1", "miniflare-D1DatabaseObject");
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  return file ? join(dir, file) : null;
}

const USAGE =
  "Usage : npx tsx db/seed/large.ts [--d1 FICHIER.sqlite | --persist-to DIR] [--files N] [--interactions M] [--seed S] [--today AAAA-MM-JJ] [--json] [--quiet] [--verbose] [--check]";

function parseArgs(argv: string[]) {
  const out = {
    d1: undefined as string | undefined,
    persistTo: undefined as string | undefined,
    files: 50_000,
    interactions: 2_000_000,
    seed: 1,
    today: undefined as string | undefined,
    json: false,
    quiet: false,
    verbose: false,
    check: false,
  };
  let interactionsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} : valeur manquante.\n${USAGE}`);
      return v;
    };
    const int = () => {
      const v = Number(value().replaceAll("_", ""));
      if (!Number.isInteger(v) || v < 0) throw new Error(`${flag} : un entier positif est attendu.`);
      return v;
    };
    if (flag === "--d1") out.d1 = value();
    else if (flag === "--persist-to") out.persistTo = value();
    else if (flag === "--files") out.files = int();
    else if (flag === "--interactions") {
      out.interactions = int();
      interactionsGiven = true;
    } else if (flag === "--seed") out.seed = int();
    else if (flag === "--today") out.today = value();
    else if (flag === "--json") out.json = true;
    else if (flag === "--quiet") out.quiet = true;
    else if (flag === "--verbose") out.verbose = true;
    else if (flag === "--check") out.check = true;
    else if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Option inconnue : ${flag}\n${USAGE}`);
  }
  // 40 interactions per file unless told otherwise (50,000 → 2,000,000).
  if (!interactionsGiven) out.interactions = out.files * 40;
  if (out.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(out.today)) throw new Error("--today : AAAA-MM-JJ attendu.");
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const d1File = args.d1 ?? findD1File(resolve(args.persistTo ?? ".wrangler/state"));
    if (!d1File)
      throw new Error(`Aucune base D1 locale sous ${args.persistTo ?? ".wrangler/state"} : lancez d'abord npm run db:migrate:local.`);
    const summary = await generateLarge({
      d1File: resolve(d1File),
      files: args.files,
      interactions: args.interactions,
      seed: args.seed,
      today: args.today,
      log: args.verbose ? (m) => console.error(`[large] ${m}`) : undefined,
    });
    if (args.json) console.log(JSON.stringify(summary));
    else if (!args.quiet) {
      const n = (x: number) => x.toLocaleString("fr-FR");
      console.log(
        `${summary.structure} : ${n(summary.files)} domiciliés, ${n(summary.interactions)} interactions, ` +
          `${n(summary.decisions)} décisions en ${summary.seconds.toFixed(1).replace(".", ",")} s ` +
          `(graine ${summary.seed}, jour ${summary.today}). Comptes : ${summary.staff.map((s) => s.email).join(", ")} — mot de passe ${summary.staffPassword}`,
      );
    }
    if (args.check) {
      const t = performance.now();
      const problems = checkStructure(resolve(d1File), summary.structureId);
      if (problems.length > 0) throw new Error(`Vérification : ${problems.join(" ; ")}`);
      console.error(`Vérification : cohérent (${((performance.now() - t) / 1000).toFixed(1)} s).`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
