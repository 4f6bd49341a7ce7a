/// <reference types="node" />
/**
 * HTML and formula injection, end to end: a structure, its admin and a domicilié whose every free
 * text holds markup that would run script if it were rendered as HTML (names, comments, notes,
 * ayants droit, procuration, transfer, mail comments, document label, structure message…).
 *
 * In Chromium, on the staff app's list, fiche (every tab), journal, day's mail, structure, team and
 * portal pages, and on Mon Ancrage's dashboard and history: no script ran (`window.__pwned`), no
 * dialog opened, no injected element or handler exists in the DOM, no `javascript:` URL, and the
 * payloads are there as text. The .docx letters (attestation, radiation, portal access) are
 * well-formed XML holding the payloads escaped; the CSV export neutralises cells a spreadsheet
 * would read as formulas.
 *
 * Everything is created in a structure of its own (signed up, validated by the platform), so the
 * demo data other tests rely on is left alone.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, calendarDateIn } from "../../worker/rules/dates";
import { defaultDateFin } from "../../worker/rules/echeance";
import { launchBrowser } from "../support/browser.mjs";
import { etatCivil } from "../support/fixtures";
import { docxText, readZipEntry } from "../support/zip.mjs";
import { cookiePair, DEMO, signInStaffUi, trpcMutation, trpcQuery } from "./helpers";

const staffUrl = inject("staffUrl");
const portalUrl = inject("portalUrl");
const UI_TIMEOUT = 15_000;

/** Each sets window.__pwned if the browser ever treats it as markup or as a URL. */
const P = {
  img: `<img src=x onerror="window.__pwned=1">`,
  script: `<script>window.__pwned=1</script>`,
  svg: `"><svg onload=window.__pwned=1>`,
  js: `javascript:window.__pwned=1`,
  /** Survives the tag stripping below (no closing ">"), and would still open a tag in HTML. */
  unclosed: `<img src=x onerror=window.__pwned=1//`,
} as const;

/**
 * Notes, mail comments and structure messages drop anything shaped like a tag on the way in
 * (usagers/notes.ts, courrier/service.ts, portail/router.ts): what they show is this.
 */
const stripped = (text: string) => text.replace(/<[^>]*>/g, "").trim();
const NOTE = `Note ${P.img} ${P.unclosed}`;
const COURRIER = `Courrier ${P.svg} ${P.unclosed}`;
const VISITE = `Visite ${P.script} ${P.unclosed}`;
const MESSAGE = { titre: `Info ${P.img} fin ${P.unclosed}`, texte: `Texte ${P.script} ${P.js}` };

/** Cells a spreadsheet would evaluate if they reached it as they are. */
const FORMULAS = { nom: `=HYPERLINK("http://exemple.invalid","x")`, prenom: "+1+1", surnom: "-2+3", lieuNaissance: "@SUM(1+1)" };

const today = calendarDateIn("Europe/Paris", new Date());
const unique = Math.random().toString(36).slice(2, 8);
const PORTAL_PASSWORD = "Citron-Jaune-31";

// ---------------------------------------------------------------------------------------------
// The data, created over HTTP.

async function api<T>(base: string, cookie: string, kind: "query" | "mutation", path: string, input?: unknown): Promise<T> {
  const res = kind === "query" ? await trpcQuery(base, path, input, { cookie }) : await trpcMutation(base, path, input, { cookie });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
  return body.result!.data;
}

interface Setup {
  adminEmail: string;
  staff: string;
  usagerId: number;
  /** The domicilié's portal identifiant (personal password: PORTAL_PASSWORD). */
  portalLogin: string;
  portalLetter: Uint8Array;
  attestationId: number;
}

async function staffCall<T>(s: { staff: string }, kind: "query" | "mutation", path: string, input?: unknown) {
  return api<T>(staffUrl, s.staff, kind, path, input);
}

const versionOf = async (s: Setup, id: number) =>
  (await staffCall<{ usager: { version: number } }>(s, "query", "usagers.get", { id })).usager.version;

/** Signs up a structure with hostile names, has the platform validate it, signs its admin in. */
async function structureWithHostileNames(): Promise<{ adminEmail: string; staff: string }> {
  const adminEmail = `admin-injection-${unique}@example.fr`;
  const register = await trpcMutation(staffUrl, "structures.register", {
    structure: {
      nom: `CCAS ${P.svg}`,
      type: "ccas",
      adresse: `1 rue ${P.img}`,
      complementAdresse: P.script,
      codePostal: "59000",
      ville: `Lille ${P.js}`,
      telephone: "03 20 00 00 00",
      email: `ccas-injection-${unique}@example.fr`,
      responsable: { nom: P.img, prenom: P.svg, fonction: P.script },
      capacite: 100,
      agrement: null,
      pasDeSiret: true,
      siret: null,
      adresseCourrier: null,
    },
    admin: { nom: `Admin ${P.img}`, prenom: P.svg, email: adminEmail, fonction: "Directeur", password: DEMO.staffPassword },
    acceptCgu: true,
  });
  expect(register.status, await register.clone().text()).toBe(200);

  const operator = DEMO.platformAdmins[0]!;
  const signedIn = await trpcMutation(staffUrl, "plateforme.signIn", { email: operator.email, password: operator.password });
  const platform = cookiePair(signedIn, "ancrage_plateforme")!;
  const pending = await api<{ id: number; adminEmail: string }[]>(staffUrl, platform, "query", "plateforme.structures", {
    statut: "EN_ATTENTE",
  });
  const mine = pending.find((p) => p.adminEmail === adminEmail)!;
  await api(staffUrl, platform, "mutation", "plateforme.validate", { id: mine.id });

  const res = await trpcMutation(staffUrl, "compte.signIn", { email: adminEmail, password: DEMO.staffPassword });
  expect(res.status).toBe(200);
  return { adminEmail, staff: cookiePair(res, "ancrage_staff")! };
}

async function createData(): Promise<Setup> {
  const { adminEmail, staff } = await structureWithHostileNames();
  const s = { staff };
  await staffCall(s, "mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false });
  await staffCall(s, "mutation", "equipe.invite", {
    nom: P.script,
    prenom: P.img,
    email: `membre-${unique}@example.fr`,
    fonction: "Autre",
    fonctionDetail: P.svg,
    role: "simple",
  });
  // The referent shown on the file is the admin, whose own names are hostile (an invited member is not active yet).
  const referentId = (await staffCall<{ id: number }>(s, "query", "compte.me")).id;

  const { id: usagerId } = await staffCall<{ id: number }>(s, "mutation", "usagers.create", {
    ...etatCivil,
    nom: `Dupont ${P.img}`,
    // U+FFFE is no XML character: kept, it would make every letter of this person unreadable.
    prenom: `Jean\ufffe ${P.svg}`,
    surnom: P.script,
    dateNaissance: "1980-02-06",
    lieuNaissance: `Lille ${P.js}`,
    nationalite: P.img,
    langue: P.svg,
    numeroDistribution: P.js,
    referentId,
    customRef: P.img,
    ayantsDroit: [{ nom: P.script, prenom: P.img, dateNaissance: "2015-05-05", lien: "ENFANT" }],
  });
  const setup: Setup = { adminEmail, staff, usagerId, portalLogin: "", portalLetter: new Uint8Array(), attestationId: 0 };
  await staffCall(s, "mutation", "usagers.updateEntretien", {
    usagerId,
    version: await versionOf(setup, usagerId),
    entretien: { revenus: true, revenusDetail: P.img, rattachement: P.js, commentaires: `Commentaire ${P.script} ${P.svg}` },
  });
  await staffCall(s, "mutation", "usagers.validate", {
    usagerId,
    version: await versionOf(setup, usagerId),
    dateDebut: today,
    dateFin: defaultDateFin(today),
    customRef: null,
  });
  await staffCall(s, "mutation", "usagers.addNote", { usagerId, message: NOTE });
  await staffCall(s, "mutation", "courrier.receive", { usagerId, courrier: 1, colis: 0, avis: 0, content: COURRIER });
  await staffCall(s, "mutation", "courrier.presence", { usagerId, type: "visite", content: VISITE });
  await staffCall(s, "mutation", "courrier.saveProcuration", {
    action: "create",
    usagerId,
    version: await versionOf(setup, usagerId),
    procuration: { nom: P.img, prenom: P.svg, dateNaissance: "1970-01-01", dateDebut: today, dateFin: addDays(today, 30) },
  });
  await staffCall(s, "mutation", "courrier.saveTransfert", {
    usagerId,
    version: await versionOf(setup, usagerId),
    transfert: { nom: P.script, adresse: `12 rue ${P.img}`, dateDebut: today, dateFin: addDays(today, 30) },
  });
  const fd = new FormData();
  fd.set("usagerId", String(usagerId));
  fd.set("label", `Doc ${P.svg}`);
  fd.set("shared", "true");
  fd.set("file", new File([new TextEncoder().encode("%PDF-1.4 injection")], "doc.pdf"));
  const upload = await fetch(`${staffUrl}/trpc/documents.upload`, {
    method: "POST",
    headers: { cookie: staff, origin: new URL(staffUrl).origin },
    body: fd,
  });
  expect(upload.status).toBe(200);
  await staffCall(s, "mutation", "portail.saveMessage", {
    id: null,
    titre: MESSAGE.titre,
    texte: MESSAGE.texte,
    type: "general",
    dateDebut: today,
    dateFin: null,
  });
  setup.attestationId = (await staffCall<{ id: number }>(s, "mutation", "documents.generateLetter", { usagerId, kind: "attestation" })).id;

  await staffCall(s, "mutation", "portail.setPreference", { usagerId, acces: true });
  setup.portalLetter = await download(setup, `/fichiers/portail/${usagerId}/lettre`);
  const text = await docxText(setup.portalLetter);
  const login = /Identifiant : ([A-Z]{8})/.exec(text)![1]!;
  const temporary = /Mot de passe temporaire : (\d{8})/.exec(text)![1]!;
  const first = await trpcMutation(portalUrl, "monEspace.firstLogin", {
    login,
    password: temporary,
    nouveau: PORTAL_PASSWORD,
    confirmation: PORTAL_PASSWORD,
    appareilPartage: false,
  });
  expect(first.status).toBe(200);
  setup.portalLogin = login;

  for (const [field, value] of Object.entries(FORMULAS)) {
    await staffCall(s, "mutation", "usagers.create", {
      ...etatCivil,
      civilite: "Mme",
      nom: "Formule",
      dateNaissance: "1990-01-01",
      lieuNaissance: "Douai",
      [field]: value,
    });
  }
  return setup;
}

async function download(s: Setup, path: string): Promise<Uint8Array> {
  const res = await fetch(`${staffUrl}${path}`, { headers: { cookie: s.staff } });
  expect(res.status, path).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

// ---------------------------------------------------------------------------------------------
// Checks in the page.

/** Traces of an injection: a script that ran, event-handler attributes, injected elements, script URLs. */
function injectionTraces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) out.push("window.__pwned is set: a payload ran");
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) out.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
        if (/^\s*javascript:/i.test(attr.value) && /^(href|src|action|formaction|xlink:href|data)$/i.test(attr.name))
          out.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
      }
    }
    for (const img of document.querySelectorAll("img")) if (img.getAttribute("src")?.trim().toLowerCase() === "x") out.push("<img src=x>");
    for (const script of document.querySelectorAll("script"))
      if (script.textContent?.includes("__pwned")) out.push("<script>…__pwned…</script>");
    for (const el of document.querySelectorAll("iframe, object, embed")) out.push(`<${el.tagName.toLowerCase()}>`);
    return out;
  });
}

/** What the page shows: its rendered text and the values of its form fields, one line each. */
function shownText(): string {
  const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")].map((field) => field.value);
  return [document.body.innerText, ...values].join("\n");
}

const normalised = (text: string) => text.replace(/\s+/g, " ").toLowerCase();

/** Waits until each text is visible on the page (as text, whatever its case and spacing), then looks for traces. */
async function expectTextNotMarkup(page: Page, where: string, texts: string[]) {
  const deadline = Date.now() + UI_TIMEOUT;
  for (const text of texts) {
    for (;;) {
      const shown = await page.evaluate(shownText);
      if (normalised(shown).includes(normalised(text))) break;
      if (Date.now() > deadline) throw new Error(`${where}: "${text}" is not shown as text. The page shows:\n${shown.slice(0, 3000)}`);
      await page.waitForTimeout(100);
    }
  }
  expect(await injectionTraces(page), where).toEqual([]);
}

let browser: Browser;
let setup: Setup;

beforeAll(async () => {
  browser = await launchBrowser();
  setup = await createData();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage(fn: (page: Page, context: BrowserContext) => Promise<void>) {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  context.setDefaultTimeout(UI_TIMEOUT);
  const page = await context.newPage();
  // A dialog would be a payload running (alert, confirm): count it, and never let it block the page.
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await fn(page, context);
    expect(dialogs, "dialogs opened").toEqual([]);
  } finally {
    await context.close();
  }
}

describe("hostile text in the apps", () => {
  it("the staff app shows it as text on the list, every tab of the fiche, the journal, the day's mail, the structure, the team and the portal pages", async () => {
    await withPage(async (page) => {
      await signInStaffUi(page, staffUrl, setup.adminEmail);
      await expectTextNotMarkup(page, "accueil", [P.svg]);

      await page.goto(`${staffUrl}/usagers`);
      await expectTextNotMarkup(page, "liste", [`Dupont ${P.img}`, `Jean ${P.svg}`]);

      const fiche = `${staffUrl}/usagers/${setup.usagerId}`;
      await page.goto(fiche);
      await expectTextNotMarkup(page, "fiche, vue d'ensemble", [`Dupont ${P.img}`, stripped(NOTE)]);
      await page.goto(`${fiche}?onglet=courriers`);
      await expectTextNotMarkup(page, "fiche, courriers", [stripped(COURRIER), stripped(VISITE), `12 rue ${P.img}`]);
      await page.goto(`${fiche}?onglet=dossier`);
      await expectTextNotMarkup(page, "fiche, dossier", [P.script, `Lille ${P.js}`, P.js, `Commentaire ${P.script} ${P.svg}`]);
      await page.goto(`${fiche}?onglet=documents`);
      await expectTextNotMarkup(page, "fiche, documents", [`Doc ${P.svg}`]);
      await page.goto(`${fiche}?onglet=historique`);
      await expectTextNotMarkup(page, "fiche, historique", [`Dupont ${P.img}`]);

      await page.goto(`${staffUrl}/journal`);
      await expectTextNotMarkup(page, "journal", [`${P.svg} Admin ${P.img}`]);
      await page.goto(`${staffUrl}/courrier`);
      await page.getByRole("combobox", { name: "Nom, prénom ou ID" }).fill("Dupont");
      await expectTextNotMarkup(page, "courrier du jour, recherche", [`Dupont ${P.img}`]);
      await page.goto(`${staffUrl}/structure`);
      await expectTextNotMarkup(page, "structure", [`CCAS ${P.svg}`, `1 rue ${P.img}`, P.script]);
      await page.goto(`${staffUrl}/equipe`);
      await expectTextNotMarkup(page, "équipe", [P.script]);
      await page.goto(`${staffUrl}/portail`);
      await page.getByRole("tab", { name: "Comptes du portail" }).click();
      await expectTextNotMarkup(page, "portail, comptes", [`Dupont ${P.img}`]);
      await page.getByRole("tab", { name: "Messages aux domiciliés" }).click();
      await expectTextNotMarkup(page, "portail, messages", [stripped(MESSAGE.titre), stripped(MESSAGE.texte)]);
    });
  });

  it("Mon Ancrage shows it as text on the dashboard and the history", async () => {
    await withPage(async (page) => {
      await page.goto(`${portalUrl}/`);
      await page.getByLabel("Votre identifiant").fill(setup.portalLogin);
      await page.getByLabel("Votre mot de passe", { exact: true }).fill(PORTAL_PASSWORD);
      await page.getByRole("button", { name: "Connexion", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: /^Bonjour / }).waitFor();
      await expectTextNotMarkup(page, "tableau de bord", [
        `Jean ${P.svg}`,
        `CCAS ${P.svg}`,
        `1 rue ${P.img}`,
        `Doc ${P.svg}`,
        stripped(MESSAGE.titre),
        stripped(MESSAGE.texte),
      ]);
      await page.goto(`${portalUrl}/historique`);
      await expectTextNotMarkup(page, "historique", [stripped(COURRIER)]);
    });
  });
});

describe("hostile text in the files", () => {
  /** document.xml parsed by Chromium's strict XML parser: well-formed, and the payloads only as text. */
  async function expectEscapedDocx(bytes: Uint8Array, what: string, texts: string[]) {
    const xml = await readZipEntry(bytes, "word/document.xml");
    expect(xml, what).toBeTruthy();
    const page = await browser.newPage();
    try {
      const parsed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, "application/xml");
        return {
          errors: doc.getElementsByTagName("parsererror").length,
          foreign: [...doc.getElementsByTagName("*")].filter((el) => /^(img|script|svg|iframe)$/i.test(el.localName)).length,
          text: [...doc.getElementsByTagName("w:t")].map((t) => t.textContent).join(""),
        };
      }, xml!);
      expect(parsed.errors, `${what}: word/document.xml is not well-formed`).toBe(0);
      expect(parsed.foreign, `${what}: markup from the data became elements`).toBe(0);
      for (const text of texts) expect(parsed.text, what).toContain(text);
    } finally {
      await page.close();
    }
    expect(xml, what).toMatch(/&lt;(img|svg|script)/i);
    expect(xml, what).not.toMatch(/<(img|script|svg)\b/i);
  }

  it("the attestation postale and the portal access letter hold the payloads escaped", async () => {
    await expectEscapedDocx(await download(setup, `/fichiers/documents/${setup.attestationId}`), "attestation postale", [
      `DUPONT ${P.img.toUpperCase()}`,
      `CCAS ${P.svg}`,
      `1 rue ${P.img}`,
    ]);
    await expectEscapedDocx(setup.portalLetter, "lettre d'accès au portail", [`Jean ${P.svg}`, `CCAS ${P.svg}`]);
  });

  it("the courrier de radiation holds the payloads escaped", async () => {
    const motif = `Départ ${P.img}`;
    await staffCall(setup, "mutation", "usagers.radiate", {
      usagerId: setup.usagerId,
      version: await versionOf(setup, setup.usagerId),
      date: today,
      motif: "AUTRE",
      motifDetails: motif,
    });
    const { id } = await staffCall<{ id: number }>(setup, "mutation", "documents.generateLetter", {
      usagerId: setup.usagerId,
      kind: "radiation",
    });
    await expectEscapedDocx(await download(setup, `/fichiers/documents/${id}`), "courrier de radiation", [motif, `CCAS ${P.svg}`]);
  });

  it("the CSV export neutralises every cell a spreadsheet would run as a formula", async () => {
    const bytes = await download(setup, "/fichiers/export/usagers.csv?onglet=TOUS");
    const rows = parseCsv(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
    const cells = rows.flat();
    for (const value of Object.values(FORMULAS)) expect(cells, value).toContain(`'${value}`);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain(P.img);
  });
});

/** RFC 4180 with ";" as the export writes it: quoted cells, doubled quotes, CRLF between rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length > 0) rows.push([...row, cell]);
  return rows;
}
