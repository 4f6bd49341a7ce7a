/// <reference types="node" />
/**
 * Mon Ancrage in Chromium, as the seed tells it: the access letter's identifiant and temporary
 * password, "Connexion", the first-login checklist, the dashboard with the mail the structure
 * registered; then offline (the dashboard from the device), English, sign-out wiping the device,
 * the shared-device mode, the password page, and accessibility checks.
 *
 * The portal account is made through the staff HTTP API (no staff UI): portal on, domicilié created
 * and validated, access "Oui", the .docx letter read for the identifiant and password.
 * Screenshots: ANCRAGE_SCREENSHOTS=docs/screenshots writes phone-size PNGs there.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, launchPersistentBrowser } from "../support/browser.mjs";
import { etatCivil } from "../support/fixtures";
import { docxText } from "../support/zip.mjs";
import { axeViolations } from "./axe";
import { cookiePair, DEMO, demoStructure, ROOT, trpcMutation, trpcQuery } from "./helpers";

const staffUrl = inject("staffUrl");
const portalUrl = inject("portalUrl");
const UI_TIMEOUT = 15_000;
const SHOTS = process.env.ANCRAGE_SCREENSHOTS ? join(ROOT, process.env.ANCRAGE_SCREENSHOTS) : null;

// ---------------------------------------------------------------------------------------------
// Staff side, over HTTP.

async function staffCookie(): Promise<string> {
  const admin = demoStructure("demoville").staff.find((m) => m.role === "admin")!;
  const res = await trpcMutation(staffUrl, "compte.signIn", { email: admin.email, password: DEMO.staffPassword });
  expect(res.status).toBe(200);
  return cookiePair(res, "ancrage_staff")!;
}

async function staffCall<T>(cookie: string, kind: "query" | "mutation", path: string, input: unknown): Promise<T> {
  const res = kind === "query" ? await trpcQuery(staffUrl, path, input, { cookie }) : await trpcMutation(staffUrl, path, input, { cookie });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
  return body.result!.data;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const frDate = (iso: string) => iso.split("-").reverse().join("/");

interface Account {
  usagerId: number;
  customRef: string;
  login: string;
  temporaryPassword: string;
  echeance: string;
}

/** A validated domicilié of Démoville whose domiciliation ends in `daysLeft` days, with portal access. */
async function portalAccount(cookie: string, options: { daysLeft: number; nom: string; prenom: string; mail?: boolean }): Promise<Account> {
  await staffCall(cookie, "mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false });
  const customRef = `PT-${Math.random().toString(36).slice(2, 7)}`;
  const { id: usagerId } = await staffCall<{ id: number }>(cookie, "mutation", "usagers.create", {
    ...etatCivil,
    nom: options.nom,
    prenom: options.prenom,
    dateNaissance: "1980-02-06",
    lieuNaissance: "Lille",
    telephone: "06 06 06 06 06",
    email: "domicilie1@test.com",
    customRef,
  });
  const now = new Date();
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + options.daysLeft));
  const start = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), end.getUTCDate() + 1));
  const { usager } = await staffCall<{ usager: { version: number } }>(cookie, "query", "usagers.get", { id: usagerId });
  await staffCall(cookie, "mutation", "usagers.validate", {
    usagerId,
    version: usager.version,
    dateDebut: isoDay(start),
    dateFin: isoDay(end),
    customRef: null,
  });
  await staffCall(cookie, "mutation", "portail.setPreference", { usagerId, acces: true });

  const letter = await fetch(`${staffUrl}/fichiers/portail/${usagerId}/lettre`, { headers: { cookie } });
  expect(letter.status).toBe(200);
  const text = await docxText(new Uint8Array(await letter.arrayBuffer()));
  const login = /Identifiant : ([A-Z]{8})/.exec(text)?.[1];
  const temporaryPassword = /Mot de passe temporaire : (\d{8})/.exec(text)?.[1];
  expect(login, "identifiant in the letter").toMatch(/^[A-Z]{8}$/);
  expect(temporaryPassword, "temporary password in the letter").toMatch(/^\d{8}$/);

  if (options.mail !== false) {
    await staffCall(cookie, "mutation", "courrier.receive", { usagerId, courrier: 2, colis: 1, avis: 1, content: "Lettre de la CAF" });
  }
  return { usagerId, customRef, login: login!, temporaryPassword: temporaryPassword!, echeance: isoDay(end) };
}

async function addExpiredProcuration(cookie: string, usagerId: number) {
  const { usager } = await staffCall<{ usager: { version: number } }>(cookie, "query", "usagers.get", { id: usagerId });
  await staffCall(cookie, "mutation", "courrier.saveProcuration", {
    action: "create",
    usagerId,
    version: usager.version,
    procuration: { nom: "Pierre", prenom: "Roger", dateNaissance: "1970-01-01", dateDebut: "2023-01-01", dateFin: "2023-02-06" },
  });
}

/** A structure message shown today on every dashboard of Démoville (deleted at the end of the test). */
async function addStructureMessage(cookie: string): Promise<number> {
  const { id } = await staffCall<{ id: number }>(cookie, "mutation", "portail.saveMessage", {
    id: null,
    titre: "Fermeture exceptionnelle",
    texte: "L'accueil sera fermé le lundi de Pâques.",
    type: "closing",
    dateDebut: isoDay(new Date(Date.now() - 86_400_000)),
    dateFin: isoDay(new Date(Date.now() + 3 * 86_400_000)),
  });
  return id;
}

/** A PDF the staff uploads on the file and shares with the domicilié. */
async function addSharedDocument(cookie: string, usagerId: number, label: string) {
  const fd = new FormData();
  fd.set("usagerId", String(usagerId));
  fd.set("label", label);
  fd.set("shared", "true");
  fd.set("file", new File([new TextEncoder().encode("%PDF-1.4 partagé")], "doc.pdf"));
  const res = await fetch(`${staffUrl}/trpc/documents.upload`, {
    method: "POST",
    headers: { cookie, origin: new URL(staffUrl).origin },
    body: fd,
  });
  expect(res.status).toBe(200);
}

/** First sign-in over HTTP (for the tests that start from a personal password). */
async function choosePassword(account: Account, password: string) {
  const res = await trpcMutation(portalUrl, "monEspace.firstLogin", {
    login: account.login,
    password: account.temporaryPassword,
    nouveau: password,
    confirmation: password,
    appareilPartage: false,
  });
  expect(res.status).toBe(200);
}

// ---------------------------------------------------------------------------------------------
// Browser side.

let browser: Browser;
let staff: string;

beforeAll(async () => {
  browser = await launchBrowser();
  staff = await staffCookie();
});
afterAll(async () => {
  await browser?.close();
});

async function withContext<T>(fn: (ctx: BrowserContext, page: Page) => Promise<T>, options: { width?: number } = {}): Promise<T> {
  const context = await browser.newContext({
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    viewport: { width: options.width ?? 360, height: 740 },
  });
  context.setDefaultTimeout(UI_TIMEOUT);
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  try {
    const result = await fn(context, page);
    expect(cspErrors, "CSP violations").toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Keys of Mon Ancrage's IndexedDB store (idb-keyval's default database). */
function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open("keyval-store");
        open.onupgradeneeded = () => open.result.createObjectStore("keyval");
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("keyval")) return resolve([]);
          const req = db.transaction("keyval", "readonly").objectStore("keyval").getAllKeys();
          req.onsuccess = () => {
            resolve(req.result.map(String));
            db.close();
          };
          req.onerror = () => resolve([]);
        };
        open.onerror = () => resolve([]);
      }),
  );
}

const mainText = (page: Page) => page.locator("main").innerText();

async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: UI_TIMEOUT });
}

async function signInPersonal(page: Page, account: Account, password: string, shared = false) {
  await page.goto(`${portalUrl}/`);
  await page.getByLabel("Votre identifiant").fill(account.login.toLowerCase());
  await page.getByLabel("Votre mot de passe", { exact: true }).fill(password);
  if (shared) await page.getByLabel("Appareil partagé (ne rien garder sur ce téléphone)").check();
  await page.getByRole("button", { name: "Connexion", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: /^Bonjour / }).waitFor();
}

/**
 * Our own accessibility checks, beside axe-core (below): names of every control (from the
 * accessibility tree), labels, lang, one h1, no skipped heading level, landmarks, unique ids,
 * existing aria targets, touch target sizes, text contrast (WCAG AA), no horizontal scroll.
 */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const tree = await page.ariaSnapshot();
  for (const line of tree.split("\n")) {
    if (/^\s*- (textbox|checkbox|button|link|img|combobox|radio)\b(?!\s*")/.test(line)) problems.push(`unnamed control: ${line.trim()}`);
  }
  problems.push(
    ...(await page.evaluate(() => {
      const out: string[] = [];
      const doc = document;
      if (!doc.documentElement.lang) out.push("html has no lang");
      if (doc.querySelectorAll("h1").length !== 1) out.push(`${doc.querySelectorAll("h1").length} h1`);
      let last = 0;
      for (const h of doc.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
        const level = Number(h.tagName[1]);
        if (last && level > last + 1) out.push(`heading level skipped before "${h.textContent}"`);
        last = level;
      }
      for (const sel of ["header", "main", "footer"]) if (!doc.querySelector(sel)) out.push(`no <${sel}> landmark`);
      const ids = [...doc.querySelectorAll("[id]")].map((e) => e.id);
      for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) out.push(`duplicate id ${id}`);
      for (const el of doc.querySelectorAll("[aria-describedby], [aria-labelledby], [aria-controls]")) {
        for (const attr of ["aria-describedby", "aria-labelledby", "aria-controls"]) {
          for (const id of (el.getAttribute(attr) ?? "").split(/\s+/).filter(Boolean)) {
            if (!doc.getElementById(id)) out.push(`${attr} → missing #${id}`);
          }
        }
      }
      for (const input of doc.querySelectorAll("input")) {
        if (!input.labels?.length && !input.getAttribute("aria-label")) out.push(`input #${input.id} has no label`);
      }
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
      };
      for (const el of doc.querySelectorAll("button, input, .account a, .back a")) {
        if (!visible(el)) continue;
        const r = el.getBoundingClientRect();
        const min = el instanceof HTMLInputElement && el.type === "checkbox" ? 24 : 44;
        if (r.height < min || r.width < min)
          out.push(`small target ${el.outerHTML.slice(0, 60)} (${Math.round(r.width)}×${Math.round(r.height)})`);
      }
      // Contrast of every visible text node against the first opaque background behind it.
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3]! > 0.99)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || !visible(el) || el.closest(".sr-only, [aria-hidden='true']")) continue;
        const style = getComputedStyle(el);
        const fg = rgb(style.color).slice(0, 3);
        const [l1, l2] = [lum(fg), lum(background(el))].sort((a, b) => b - a) as [number, number];
        const ratio = (l1 + 0.05) / (l2 + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) out.push(`contrast ${ratio.toFixed(2)} for "${n.textContent.trim().slice(0, 40)}"`);
      }
      if (doc.documentElement.scrollWidth > window.innerWidth)
        out.push(`horizontal scroll: ${doc.documentElement.scrollWidth} > ${window.innerWidth}`);
      return out;
    })),
  );
  return problems;
}

const SEED_RULES = [
  "Est différent du mot de passe temporaire",
  "Au moins 8 caractères",
  "Au moins 1 chiffre",
  "Au moins une lettre en majuscule",
  "Au moins une lettre en minuscule",
];

/** The checklist line of a rule: ✓ and "règle respectée" for screen readers, or ✗. */
async function ruleState(page: Page, label: string): Promise<"ok" | "ko"> {
  const item = page.locator(".checklist li").filter({ hasText: label });
  const text = await item.innerText();
  if (text.includes("✓") && text.includes("(règle respectée)")) return "ok";
  if (text.includes("✗") && text.includes("(règle non respectée)")) return "ko";
  throw new Error(`unexpected checklist line: ${text}`);
}

describe("Mon Ancrage, the seed's scenario", () => {
  it("QR login pre-filled, first login refuses weak and temporary passwords, then the dashboard; offline; English; sign-out wipes the device", async () => {
    const account = await portalAccount(staff, { daysLeft: 30, nom: "Jean", prenom: "Test" });
    await addExpiredProcuration(staff, account.usagerId);
    const messageId = await addStructureMessage(staff);
    await addSharedDocument(staff, account.usagerId, "Attestation de domiciliation");
    await staffCall(staff, "mutation", "courrier.presence", { usagerId: account.usagerId, type: "visite", content: null });

    await withContext(async (context, page) => {
      // The letter's QR code: <portal>/?login=ABCDEFGH (typed in any case).
      await page.goto(`${portalUrl}/?login=${account.login.toLowerCase()}`);
      await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
      expect(await page.getByLabel("Votre identifiant").inputValue()).toBe(account.login);
      await page.getByLabel("Votre mot de passe", { exact: true }).waitFor();
      await page.getByLabel("Appareil partagé (ne rien garder sur ce téléphone)").waitFor();
      await page.getByRole("heading", { name: "Mot de passe oublié ?" }).waitFor();
      expect(await mainText(page)).toMatch(/jamais envoyés par e-mail ni par SMS/);
      expect(await accessibilityProblems(page), "sign-in page").toEqual([]);
      expect(await axeViolations(page), "axe: sign-in page").toEqual([]);
      await waitForServiceWorker(page);
      await shot(page, "connexion");

      // A wrong password: the server's generic message, announced (role=alert).
      await page.getByLabel("Votre mot de passe", { exact: true }).fill("00000000");
      await page.getByRole("button", { name: "Connexion", exact: true }).click();
      await page.getByRole("alert").filter({ hasText: "Identifiant ou mot de passe incorrect" }).waitFor();

      // Temporary password → "C'est votre première connexion…".
      await page.getByLabel("Votre mot de passe", { exact: true }).fill(account.temporaryPassword);
      await page.getByRole("button", { name: "Connexion", exact: true }).click();
      await page.getByText("C'est votre première connexion, veuillez choisir un nouveau mot de passe:", { exact: true }).waitFor();
      expect(await page.getByLabel("Votre identifiant").inputValue()).toBe(account.login);
      await page.getByLabel("Nouveau mot de passe", { exact: true }).waitFor();
      await page.getByLabel("Confirmation du mot de passe", { exact: true }).waitFor();
      for (const rule of SEED_RULES) await page.locator(".checklist li").filter({ hasText: rule }).waitFor();
      await page.getByRole("button", { name: "Annuler", exact: true }).waitFor();

      // "Annuler" goes back to "Connexion"; the temporary password again brings the form back.
      await page.getByRole("button", { name: "Annuler", exact: true }).click();
      await page.getByLabel("Votre mot de passe", { exact: true }).fill(account.temporaryPassword);
      await page.getByRole("button", { name: "Connexion", exact: true }).click();
      await page.getByLabel("Nouveau mot de passe", { exact: true }).waitFor();

      // Weak: the live checklist says which rules fail; the server refuses it too.
      await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("abcdefg");
      expect(await ruleState(page, "Au moins 8 caractères")).toBe("ko");
      expect(await ruleState(page, "Au moins 1 chiffre")).toBe("ko");
      expect(await ruleState(page, "Au moins une lettre en minuscule")).toBe("ok");
      await page.getByLabel("Confirmation du mot de passe", { exact: true }).fill("abcdefg");
      await page.getByRole("button", { name: "Connexion", exact: true }).click();
      await page.locator(".field-error").filter({ hasText: "Le mot de passe ne respecte pas la règle : au moins 8 caractères." }).waitFor();
      await page.getByRole("alert").filter({ hasText: "Certains champs sont invalides" }).waitFor();

      // Equal to the temporary password: refused, by the checklist and by the server.
      await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(account.temporaryPassword);
      await page.getByLabel("Confirmation du mot de passe", { exact: true }).fill(account.temporaryPassword);
      expect(await ruleState(page, "Est différent du mot de passe temporaire")).toBe("ko");
      await page.getByRole("button", { name: "Connexion", exact: true }).click();
      await page.locator(".field-error").filter({ hasText: "est différent du mot de passe temporaire" }).waitFor();
      expect(await accessibilityProblems(page), "first-login form").toEqual([]);
      expect(await axeViolations(page), "axe: first-login form").toEqual([]);
      await shot(page, "premiere-connexion-refus");

      // A good one: every rule ✓, then the dashboard in ONE request.
      const good = "Portail-Ancrage-7";
      await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(good);
      await page.getByLabel("Confirmation du mot de passe", { exact: true }).fill(good);
      for (const rule of SEED_RULES) expect(await ruleState(page, rule), rule).toBe("ok");
      await shot(page, "premiere-connexion");
      const dashboardRequests: string[] = [];
      page.on("request", (r) => {
        if (r.url().includes("/trpc/") && r.url().includes("monEspace.dashboard")) dashboardRequests.push(r.url());
      });
      await page.getByRole("button", { name: "Connexion", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: `Bonjour Test JEAN - ${account.customRef} !` }).waitFor();
      await page.getByText("Vous avez du courrier !", { exact: true }).waitFor();
      const text = await mainText(page);
      for (const label of [
        "Bienvenue dans votre espace de suivi de courrier",
        "Vous pouvez le récupérer dans votre centre de domiciliation",
        "2 courriers",
        "1 colis",
        "1 avis de passage",
        "Lettre de la CAF",
        "Transfert et procurations",
        "La procuration au nom de Roger PIERRE a expiré le 06/02/2023",
        "Votre domiciliation",
        `Attention, votre domiciliation expire le ${frDate(account.echeance)}`,
        "Votre dossier",
        "Statut",
        "Actif",
        "Échéance",
        frDate(account.echeance),
        "Dernier passage",
        "Vos informations",
        "Test Jean",
        "+33 6 06 06 06 06",
        "domicilie1@test.com",
        "Votre centre de domiciliation",
        "Message(s) de votre structure",
        "Fermeture exceptionnelle",
        "L'accueil sera fermé le lundi de Pâques.",
        "Documents partagés par votre structure",
        "Attestation de domiciliation",
      ]) {
        expect(text, label).toContain(label);
      }
      // The structure's messages come first.
      expect(text.indexOf("Fermeture exceptionnelle")).toBeLessThan(text.indexOf("Vous avez du courrier !"));
      expect(dashboardRequests).toHaveLength(1);
      expect(await accessibilityProblems(page), "dashboard").toEqual([]);
      expect(await axeViolations(page), "axe: dashboard").toEqual([]);
      await shot(page, "tableau-de-bord");

      // The shared document downloads with the domicilié's session.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Télécharger : Attestation de domiciliation" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("Attestation de domiciliation.pdf");

      // The history: every interaction, newest first.
      await page.getByRole("link", { name: "Consultez le détail des interactions" }).click();
      await page.getByRole("heading", { level: 1, name: "Historique des interactions" }).waitFor();
      await page.getByText("Passage", { exact: true }).waitFor();
      const history = await page.locator(".history li").allInnerTexts();
      expect(await page.locator(".history__what").allInnerTexts()).toEqual([
        "Passage",
        "1 avis de passage enregistré",
        "1 colis enregistré",
        "2 courriers enregistrés",
      ]);
      expect(history[3]).toContain("Lettre de la CAF");
      expect(await accessibilityProblems(page), "history").toEqual([]);
      expect(await axeViolations(page), "axe: history").toEqual([]);
      await shot(page, "historique");
      await page.getByRole("link", { name: "Retour à mon espace" }).click();
      await page.getByText("Vous avez du courrier !", { exact: true }).waitFor();
      await staffCall(staff, "mutation", "portail.deleteMessage", { id: messageId });

      // Kept on the device for this account.
      await expect.poll(() => storedKeys(page)).toEqual(expect.arrayContaining(["compte", `tableau:${account.login}`]));

      // Offline: the shell from the service worker, the dashboard from IndexedDB, the banner.
      await waitForServiceWorker(page);
      await context.setOffline(true);
      await page.reload();
      const banner = page
        .getByRole("status")
        .filter({ hasText: /^⚠ Hors ligne — dernière mise à jour le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/ });
      await banner.waitFor();
      await page.getByText("Vous avez du courrier !", { exact: true }).waitFor();
      expect(await mainText(page)).toContain("2 courriers");
      await shot(page, "hors-ligne");

      // English: the visible strings change, <html lang> follows, and the choice is remembered.
      await page.getByRole("button", { name: "English" }).click();
      await page.getByText("You have mail!", { exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      const english = await page.locator("body").innerText();
      for (const en of [
        "2 letters",
        "1 parcel",
        "1 delivery notice",
        "Offline — last updated on",
        "Your file",
        "Sign out",
        "Change my password",
      ]) {
        expect(english, en).toContain(en);
      }
      for (const fr of [
        "Vous avez du courrier",
        "Bienvenue",
        "Transfert et procurations",
        "Votre dossier",
        "Statut",
        "Échéance",
        "Dernier passage",
        "Vos informations",
        "Hors ligne",
        "Se déconnecter",
        "Aller au contenu",
        "courriers",
        "a expiré le",
      ]) {
        expect(english, fr).not.toContain(fr);
      }
      await shot(page, "hors-ligne-en");
      await page.reload();
      await page.getByText("You have mail!", { exact: true }).waitFor();
      await page.getByRole("button", { name: "Français" }).click();
      await page.getByText("Vous avez du courrier !", { exact: true }).waitFor();

      // Sign-out while offline: the device is wiped at once; the server is told at the next start.
      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
      await page.getByText("Vous êtes déconnecté. Rien n'est gardé sur cet appareil.").waitFor();
      expect(await storedKeys(page)).toEqual([]);
      await context.setOffline(false);
      await page.reload();
      await expect.poll(() => page.evaluate(() => localStorage.getItem("ancrage.deconnexion"))).toBeNull();
      expect(await page.evaluate(async () => (await fetch("/trpc/monEspace.dashboard")).status)).toBe(401);
      expect(await storedKeys(page)).toEqual([]);
    });
  });
});

describe("Mon Ancrage, other paths", () => {
  it("a shared device keeps nothing: no dashboard in IndexedDB, nothing shown offline", async () => {
    const account = await portalAccount(staff, { daysLeft: 200, nom: "Martin", prenom: "Lina", mail: false });
    await choosePassword(account, "Appareil-Partage-1");
    await withContext(async (context, page) => {
      await signInPersonal(page, account, "Appareil-Partage-1", true);
      await page.getByText("Vous n'avez pas de courrier en attente.", { exact: true }).waitFor();
      expect(await mainText(page)).toContain("Appareil partagé : rien n'est gardé sur ce téléphone.");
      expect(await mainText(page)).not.toContain("Attention, votre domiciliation expire");
      expect(await storedKeys(page)).toEqual([]);
      expect(await page.evaluate(() => localStorage.getItem("ancrage.session"))).toBeNull();
      await waitForServiceWorker(page);
      await context.setOffline(true);
      await page.reload();
      await page.getByRole("alert").filter({ hasText: "Vous êtes hors ligne et rien n'est enregistré sur cet appareil." }).waitFor();
      expect(await mainText(page)).not.toContain("Lina");
      await context.setOffline(false);
      await page.getByRole("button", { name: "Réessayer" }).click();
      await page.getByRole("heading", { level: 1, name: /^Bonjour Lina MARTIN/ }).waitFor();
      // Signing out online ends the server session.
      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
      expect(await page.evaluate(async () => (await fetch("/trpc/monEspace.dashboard")).status)).toBe(401);
    });
  });

  it("changes the password: the checklist compares with the current one, the server checks the current one", async () => {
    const account = await portalAccount(staff, { daysLeft: 10, nom: "Durand", prenom: "Amina", mail: false });
    await choosePassword(account, "Ancien-Passe-1");
    await withContext(
      async (_context, page) => {
        await signInPersonal(page, account, "Ancien-Passe-1");
        expect(await mainText(page)).toContain(`Attention, votre domiciliation expire le ${frDate(account.echeance)}`);
        expect(await page.locator(".callout--danger").count()).toBe(1);
        expect(await accessibilityProblems(page), "dashboard at 320 px").toEqual([]);
        await shot(page, "tableau-de-bord-320");

        await page.getByRole("link", { name: "Changer mon mot de passe" }).click();
        await page.getByRole("heading", { level: 1, name: "Changer mon mot de passe" }).waitFor();
        await page.getByLabel("Mot de passe actuel", { exact: true }).fill("Ancien-Passe-1");
        await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("Ancien-Passe-1");
        expect(await ruleState(page, "Est différent du mot de passe actuel")).toBe("ko");
        await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("Nouveau-Passe-2");
        expect(await ruleState(page, "Est différent du mot de passe actuel")).toBe("ok");
        expect(await accessibilityProblems(page), "password page at 320 px").toEqual([]);

        await page.getByLabel("Mot de passe actuel", { exact: true }).fill("Pas-Le-Bon-3");
        await page.getByLabel("Confirmation du mot de passe", { exact: true }).fill("Nouveau-Passe-2");
        await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
        await page.locator(".field-error").filter({ hasText: "Le mot de passe actuel est incorrect." }).waitFor();

        await page.getByLabel("Mot de passe actuel", { exact: true }).fill("Ancien-Passe-1");
        await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
        await page.getByRole("status").filter({ hasText: "Votre mot de passe a été modifié." }).waitFor();

        await page.getByRole("button", { name: "Se déconnecter" }).click();
        await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
        expect(await storedKeys(page)).toEqual([]);
        await signInPersonal(page, account, "Nouveau-Passe-2");
      },
      { width: 320 },
    );
  });

  it("the sign-in page is complete in English and right-to-left in Arabic", async () => {
    await withContext(async (_context, page) => {
      await page.goto(`${portalUrl}/`);
      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      const text = await page.locator("body").innerText();
      for (const fr of [
        "Connexion",
        "Votre identifiant",
        "Votre mot de passe",
        "Appareil partagé",
        "Mot de passe oublié",
        "obligatoires",
        "Afficher",
      ]) {
        expect(text, fr).not.toContain(fr);
      }
      await page.getByLabel("Your login").waitFor();
      await page.getByLabel("Shared device (keep nothing on this phone)").waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.getByRole("button", { name: "العربية" }).click();
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar", "rtl"]);
      expect(await accessibilityProblems(page)).toEqual([]);
      await shot(page, "connexion-ar");
      await page.getByRole("button", { name: "Français" }).click();
      await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    });
  });

  it("is installable: manifest, icons and a service worker that controls the page (Chromium's own check)", async () => {
    const context = await launchPersistentBrowser({ locale: "fr-FR" });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${portalUrl}/`);
      await waitForServiceWorker(page);
      const manifest = (await (await fetch(`${portalUrl}/manifest.webmanifest`)).json()) as { name: string; icons: { sizes: string }[] };
      expect(manifest.name).toBe("Mon Ancrage");
      expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
