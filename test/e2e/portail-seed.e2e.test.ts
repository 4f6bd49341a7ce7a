/// <reference types="node" />
/**
 * The seed (the help page of the portal) played end to end in Chromium, staff side and portal side:
 *  1. the admin turns the portal on in "Paramètres du portail" (Oui, "Enregistrer les modifications");
 *  2. an instructeur opens an active demo domicilié, tab "Courriers", "Modifier les préférences" →
 *     "Oui" → "Enregistrer les préférences": the Word document downloads at once; the test reads its
 *     identifiant and temporary password and decodes its QR code (zbarimg) to <portal>/?login=<id>;
 *  3. on the portal: "Connexion", the first-login form refuses a weak password and the temporary one,
 *     accepts a good one, and the dashboard says "Bonjour";
 *  4. back on staff: "Ré-initialiser le mot de passe temporaire du domicilié" (confirmed), a new
 *     document; the personal password no longer opens the portal.
 * Then: "Non" closes the access (confirmed), "Oui" reopens it; the facteur sees the section read-only;
 * "Comptes du portail" creates every account at once; turning the portal off is confirmed.
 * Screenshots: ANCRAGE_SCREENSHOTS=<dir> writes the staff screens there.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser.mjs";
import { etatCivil } from "../support/fixtures";
import { docxText, readZipBytes, zipEntryNames } from "../support/zip.mjs";
import { cookiePair, DEMO, demoStructure, ROOT, signInStaffUi, trpcMutation, trpcQuery } from "./helpers";

const staffUrl = inject("staffUrl");
const portalUrl = inject("portalUrl");
const UI_TIMEOUT = 15_000;
const SHOTS = process.env.ANCRAGE_SCREENSHOTS ? join(ROOT, process.env.ANCRAGE_SCREENSHOTS) : null;
const LETTER_DOWNLOADED =
  "Le document Word avec l'identifiant et le mot de passe temporaire a été téléchargé : imprimez-le et remettez-le au domicilié.";
const PERSONAL_PASSWORD = "Boite-Aux-Lettres-72";

let browser: Browser;
let work: string;
beforeAll(async () => {
  browser = await launchBrowser();
  work = mkdtempSync(join(tmpdir(), "ancrage-portail-seed-"));
});
afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** A fresh browser context; on failure the page is saved as a screenshot, named in the error. */
async function withPage<T>(name: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", acceptDownloads: true });
  context.setDefaultTimeout(UI_TIMEOUT);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  try {
    const result = await fn(page);
    expect(pageErrors, "uncaught errors in the page").toEqual([]);
    return result;
  } catch (error) {
    if (error instanceof Error && pageErrors.length > 0) error.message += `\n(erreurs de la page : ${pageErrors.join(" | ")})`;
    const file = join(tmpdir(), `ancrage-e2e-portail-${name}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    if (error instanceof Error) error.message += `\n(capture : ${file}, page : ${page.url()})`;
    throw error;
  } finally {
    await context.close();
  }
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const signInStaff = (page: Page, email: string) => signInStaffUi(page, staffUrl, email);

async function staffCookie(email: string): Promise<string> {
  const res = await trpcMutation(staffUrl, "compte.signIn", { email, password: DEMO.staffPassword });
  expect(res.status, `sign-in of ${email}`).toBe(200);
  return cookiePair(res, "ancrage_staff")!;
}

async function staffCall<T>(cookie: string, kind: "query" | "mutation", path: string, input?: unknown): Promise<T> {
  const res = kind === "query" ? await trpcQuery(staffUrl, path, input, { cookie }) : await trpcMutation(staffUrl, path, input, { cookie });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
  return body.result!.data;
}

interface Letter {
  bytes: Uint8Array;
  text: string;
  login: string;
  temporaryPassword: string;
}

/** docxText gives the runs as written in the XML: "d&apos;accès" reads "d'accès". */
function unescapeXml(text: string): string {
  const entities: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&" };
  return text.replace(/&(?:lt|gt|quot|apos|amp);/g, (e) => entities[e]!);
}

/** The downloaded .docx: its identifiant and temporary password, as the domicilié reads them. */
async function readLetter(download: Download): Promise<Letter> {
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const bytes = new Uint8Array(readFileSync(await download.path()));
  const text = unescapeXml(await docxText(bytes));
  const login = /Identifiant : ([A-Z]{8})/.exec(text)?.[1];
  const temporaryPassword = /Mot de passe temporaire : (\d{8})/.exec(text)?.[1];
  expect(login, `identifiant in the letter: ${text.slice(0, 400)}`).toMatch(/^[A-Z]{8}$/);
  expect(temporaryPassword, "temporary password in the letter").toMatch(/^\d{8}$/);
  return { bytes, text, login: login!, temporaryPassword: temporaryPassword! };
}

/** Decodes the letter's QR code (the PNG under word/media/) with zbarimg (Debian zbar-tools). */
async function decodeQr(letter: Letter): Promise<string> {
  const pngs = zipEntryNames(letter.bytes).filter((n) => n.startsWith("word/media/") && n.endsWith(".png"));
  expect(pngs, "one QR image in word/media").toHaveLength(1);
  const file = join(work, `qr-${letter.login}.png`);
  writeFileSync(file, (await readZipBytes(letter.bytes, pngs[0]!))!);
  try {
    return execFileSync("zbarimg", ["--raw", "-q", file], { encoding: "utf8" }).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error("zbarimg est introuvable : lancez `bash .ci/run` (il installe le paquet Debian zbar-tools).");
    }
    throw error;
  }
}

/** Clicks a control that starts a download and returns that download. */
async function downloadOf(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return download;
}

/** The value shown beside a label of the section's read view. */
function detail(page: Page, label: string) {
  return portalSection(page)
    .locator(".details__row")
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator("dd");
}

function portalSection(page: Page) {
  return page.getByRole("region", { name: "Accès au portail usager" });
}

/** An active domicilié of Démoville with no portal account yet (the demo seed has 11 active files). */
async function activeWithoutAccount(): Promise<{ id: number; customRef: string }> {
  const cookie = await staffCookie("instructeur@demoville.fr");
  const list = await staffCall<{ rows: { id: number; customRef: string; statut: string }[] }>(cookie, "query", "usagers.list", {
    tab: "ACTIFS",
    sort: "nom",
    order: "asc",
  });
  for (const row of list.rows) {
    const { account } = await staffCall<{ account: unknown }>(cookie, "query", "portail.account", { usagerId: row.id });
    if (account === null) return row;
  }
  throw new Error("no active domicilié without a portal account in CCAS de Démoville");
}

// ---------------------------------------------------------------------------------------------
// The seed, step by step

describe("the seed: portal access from the staff side to the domicilié's first login", () => {
  let usager: { id: number; customRef: string };
  let first: Letter;

  it("step 1 — the admin turns the portal on in « Paramètres du portail »", async () => {
    await withPage("parametres", async (page) => {
      await signInStaff(page, "admin@demoville.fr");
      await page.goto(`${staffUrl}/portail`);
      await page.getByRole("heading", { level: 1, name: "Portail usager" }).waitFor();
      expect(await page.getByRole("tab", { name: "Paramètres du portail" }).getAttribute("aria-selected")).toBe("true");
      await page.getByRole("tab", { name: "Comptes du portail" }).waitFor();
      const activer = page.getByRole("group", { name: "Activer le portail usager" });
      const passage = page.getByRole("group", { name: "Mettre à jour la date de dernier passage lors de la connexion au portail" });
      await activer.waitFor();
      // Access is then given file by file: the page says so.
      expect(await page.locator("main").innerText()).toContain("dossier par dossier");

      await passage
        .getByText("Choisissez ensuite si vous souhaitez que la connexion au portail mette, ou non, à jour la date de dernier passage.")
        .waitFor();
      await activer.getByLabel("Oui", { exact: true }).check();
      await passage.getByLabel("Oui", { exact: true }).check();
      await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
      await page.getByRole("status").filter({ hasText: "Les paramètres du portail ont été enregistrés." }).waitFor();
      await shot(page, "portail-parametres");

      // Saved: a reload shows the same choices.
      await page.reload();
      await expect.poll(() => activer.getByLabel("Oui", { exact: true }).isChecked()).toBe(true);
      expect(await passage.getByLabel("Oui", { exact: true }).isChecked()).toBe(true);
    });
  });

  it("« Messages aux domiciliés »: the admin writes a message, edits it, deletes it (confirmed)", async () => {
    await withPage("messages", async (page) => {
      await signInStaff(page, "admin@demoville.fr");
      await page.goto(`${staffUrl}/portail?onglet=messages`);
      expect(await page.getByRole("tab", { name: "Messages aux domiciliés" }).getAttribute("aria-selected")).toBe("true");
      await page.getByRole("heading", { level: 2, name: "Messages aux domiciliés" }).waitFor();
      await page.getByRole("button", { name: "Nouveau message" }).click();
      await page.getByRole("button", { name: "Enregistrer le message" }).click();
      await page.locator(".field-error").filter({ hasText: "Type de message : choisissez un type." }).waitFor();
      await page.getByLabel("Titre").fill("Horaires d'été");
      await page.getByLabel("Type de message").selectOption("opening-hours");
      await page.getByRole("textbox", { name: /^Message/ }).fill("Ouvert de 9 h à 12 h du 1er juillet au 31 août.");
      await page.getByRole("button", { name: "Enregistrer le message" }).click();
      await page.getByRole("status").filter({ hasText: "Le message a été enregistré" }).waitFor();
      const item = page.locator(".portal-message").filter({ hasText: "Horaires d'été" });
      await item.getByText("Affiché aujourd'hui").waitFor();
      expect(await item.innerText()).toContain("Horaires d'ouverture");
      await shot(page, "portail-messages");

      await item.getByRole("button", { name: "Modifier le message « Horaires d'été »" }).click();
      await page.getByLabel("Titre").fill("Horaires d'été 2026");
      await page.getByRole("button", { name: "Enregistrer le message" }).click();
      await page.getByRole("status").filter({ hasText: "Le message a été modifié." }).waitFor();
      const edited = page.locator(".portal-message").filter({ hasText: "Horaires d'été 2026" });
      await edited.getByRole("button", { name: "Supprimer le message « Horaires d'été 2026 »" }).click();
      await page.getByRole("dialog").getByText("Il ne pourra pas être récupéré.").waitFor();
      await page.getByRole("dialog").getByRole("button", { name: "Supprimer le message" }).click();
      await page.getByRole("status").filter({ hasText: "a été supprimé." }).waitFor();
      await expect.poll(() => page.locator(".portal-message").filter({ hasText: "Horaires d'été" }).count()).toBe(0);
    });
  });
  it("step 2 — an instructeur opens a file, tab « Courriers »: « Modifier les préférences », « Oui », « Enregistrer les préférences »; the Word document downloads", async () => {
    usager = await activeWithoutAccount();
    await withPage("preferences", async (page) => {
      await signInStaff(page, "instructeur@demoville.fr");
      await page.goto(`${staffUrl}/usagers/${usager.id}`);
      await page.getByRole("tab", { name: "Courriers", exact: true }).click();
      const section = portalSection(page);
      await section.getByRole("heading", { level: 2, name: "Accès au portail usager" }).waitFor();
      expect(await detail(page, "Accès au portail créé").innerText()).toBe("Non");

      await section.getByRole("button", { name: "Modifier les préférences" }).click();
      const question = section.getByRole("group", { name: "Le demandeur souhaite-t-il avoir accès au portail usager ?" });
      await question.getByLabel("Oui", { exact: true }).check();
      await section.getByRole("button", { name: "Annuler les modifications" }).waitFor();
      // No account yet: nothing to re-initialise.
      expect(await section.getByLabel("Ré-initialiser le mot de passe temporaire du domicilié").count()).toBe(0);
      await shot(page, "portail-preferences");

      const download = await downloadOf(page, () => section.getByRole("button", { name: "Enregistrer les préférences" }).click());
      first = await readLetter(download);
      await section.getByRole("status").filter({ hasText: LETTER_DOWNLOADED }).waitFor();

      // The read view: account created, not yet activated, the identifiant of the letter.
      expect(await detail(page, "Accès au portail créé").innerText()).toBe("Oui");
      expect(await detail(page, "Compte activé par le domicilié").innerText()).toBe("Non");
      expect(await detail(page, "Identifiant du domicilié").innerText()).toBe(first.login);
      expect(await detail(page, "Date de dernière connexion").innerText()).toBe("Jamais connecté");
      await section.getByRole("link", { name: "Télécharger à nouveau le document" }).waitFor();
      await shot(page, "portail-acces-cree");

      // "Télécharger à nouveau le document": the same letter.
      const again = await readLetter(
        await downloadOf(page, () => section.getByRole("link", { name: "Télécharger à nouveau le document" }).click()),
      );
      expect([again.login, again.temporaryPassword]).toEqual([first.login, first.temporaryPassword]);
    });

    // The letter, as the seed shows it.
    for (const text of [
      "Objet : Accès à votre espace domicilié",
      "Voici les informations d'accès à votre espace domicilié.",
      "ou scannez le QR code avec votre téléphone",
      "NOTES : vous devrez choisir un nouveau mot de passe lors de votre première connexion.",
      "SIGNATURE",
      "au minimum une fois tous les trois mois",
      usager.customRef,
    ]) {
      expect(first.text, text).toContain(text);
    }
    expect(await decodeQr(first)).toBe(`${portalUrl}/?login=${first.login}`);
  });

  it("step 3 — on the portal: first login refuses a weak and the temporary password, accepts a good one, « Bonjour »", async () => {
    expect(first, "the letter of step 2").toBeDefined();
    await withPage("premiere-connexion", async (page) => {
      // The QR code's link: the identifiant is pre-filled.
      await page.goto(`${portalUrl}/?login=${first.login}`);
      await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
      expect(await page.getByLabel("Votre identifiant").inputValue()).toBe(first.login);
      await page.getByLabel("Votre identifiant").fill(first.login.toLowerCase());
      await page.getByLabel("Votre mot de passe", { exact: true }).fill(first.temporaryPassword);
      await page.getByRole("button", { name: "Connexion", exact: true }).click();
      await page.getByText("C'est votre première connexion, veuillez choisir un nouveau mot de passe:", { exact: true }).waitFor();

      const nouveau = page.getByLabel("Nouveau mot de passe", { exact: true });
      const confirmation = page.getByLabel("Confirmation du mot de passe", { exact: true });
      const submit = page.getByRole("button", { name: "Connexion", exact: true });

      // Weak: refused by the server, rule by rule.
      await nouveau.fill("boitepostale");
      await confirmation.fill("boitepostale");
      await submit.click();
      await page.getByText(/^Le mot de passe ne respecte pas la règle : au moins 1 chiffre\.$/).waitFor();

      // The temporary password itself: refused.
      await nouveau.fill(first.temporaryPassword);
      await confirmation.fill(first.temporaryPassword);
      await submit.click();
      await page
        .getByText("Le mot de passe ne respecte pas la règle : est différent du mot de passe temporaire.", { exact: true })
        .waitFor();

      // A good one: the dashboard.
      await nouveau.fill(PERSONAL_PASSWORD);
      await confirmation.fill(PERSONAL_PASSWORD);
      await submit.click();
      await page
        .getByRole("heading", { level: 1, name: new RegExp(`^Bonjour .* - ${usager.customRef.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} !$`) })
        .waitFor();
    });
  });

  it("step 4 — staff re-initialises the temporary password (confirmed, new document): the personal password no longer works", async () => {
    expect(first, "the letter of step 2").toBeDefined();
    let second: Letter | undefined;
    await withPage("reinitialisation", async (page) => {
      await signInStaff(page, "instructeur@demoville.fr");
      await page.goto(`${staffUrl}/usagers/${usager.id}?onglet=courriers`);
      const section = portalSection(page);
      await section.getByRole("heading", { level: 2, name: "Accès au portail usager" }).waitFor();
      // The domicilié chose a password: activated, one login in the history, the letter is gone.
      expect(await detail(page, "Compte activé par le domicilié").innerText()).toBe("Oui");
      expect(await detail(page, "Date de dernière connexion").innerText()).not.toBe("Jamais connecté");
      expect(await section.getByRole("link", { name: "Télécharger à nouveau le document" }).count()).toBe(0);
      await section.getByText("Voir l'historique des connexions").click();
      expect(await section.locator(".portail-logins li").count()).toBe(1);

      await section.getByRole("button", { name: "Modifier les préférences" }).click();
      const question = section.getByRole("group", { name: "Le demandeur souhaite-t-il avoir accès au portail usager ?" });
      expect(await question.getByLabel("Oui", { exact: true }).isChecked()).toBe(true);
      await section.getByLabel("Ré-initialiser le mot de passe temporaire du domicilié").check();
      await shot(page, "portail-reinitialiser");
      await section.getByRole("button", { name: "Enregistrer les préférences" }).click();

      // The confirmation says what happens to the old password and to the document.
      const dialog = page.getByRole("dialog", { name: "Ré-initialiser le mot de passe temporaire ?" });
      await dialog.waitFor();
      const said = await dialog.innerText();
      expect(said).toContain("L'ancien mot de passe du domicilié ne fonctionnera plus");
      expect(said).toContain("remettre de nouveau au domicilié");
      second = await readLetter(
        await downloadOf(page, () => dialog.getByRole("button", { name: "Ré-initialiser le mot de passe" }).click()),
      );
      await section.getByRole("status").filter({ hasText: LETTER_DOWNLOADED }).waitFor();
      expect(await detail(page, "Compte activé par le domicilié").innerText()).toBe("Non");
      await section.getByRole("link", { name: "Télécharger à nouveau le document" }).waitFor();
    });
    expect(second!.login).toBe(first.login);
    expect(await decodeQr(second!)).toBe(`${portalUrl}/?login=${first.login}`);

    await withPage("ancien-mot-de-passe", async (page) => {
      await page.goto(`${portalUrl}/`);
      await page.getByLabel("Votre identifiant").fill(first.login);
      await page.getByLabel("Votre mot de passe", { exact: true }).fill(PERSONAL_PASSWORD);
      await page.getByRole("button", { name: "Connexion", exact: true }).click();
      await page.getByRole("alert").filter({ hasText: "Identifiant ou mot de passe incorrect" }).waitFor();
      // The new temporary password leads to the first-login form again.
      await page.getByLabel("Votre mot de passe", { exact: true }).fill(second!.temporaryPassword);
      await page.getByRole("button", { name: "Connexion", exact: true }).click();
      await page.getByText("C'est votre première connexion, veuillez choisir un nouveau mot de passe:", { exact: true }).waitFor();
    });
  });

  it("« Non » closes the access at once (confirmed); « Oui » again reopens it with a new document", async () => {
    expect(first, "the letter of step 2").toBeDefined();
    let reopened: Letter | undefined;
    await withPage("fermeture", async (page) => {
      await signInStaff(page, "instructeur@demoville.fr");
      await page.goto(`${staffUrl}/usagers/${usager.id}?onglet=courriers`);
      const section = portalSection(page);
      await section.getByRole("button", { name: "Modifier les préférences" }).click();
      const question = section.getByRole("group", { name: "Le demandeur souhaite-t-il avoir accès au portail usager ?" });
      await question.getByLabel("Non", { exact: true }).check();
      await section.getByRole("button", { name: "Enregistrer les préférences" }).click();
      const dialog = page.getByRole("dialog", { name: "Fermer l'accès au portail usager ?" });
      expect(await dialog.innerText()).toContain("perd l'accès à son portail immédiatement");
      await dialog.getByRole("button", { name: "Fermer l'accès" }).click();
      await section
        .getByRole("status")
        .filter({ hasText: "L'accès au portail est fermé : le domicilié ne peut plus se connecter." })
        .waitFor();
      expect(await detail(page, "Accès au portail ouvert").innerText()).toBe("Non : le domicilié ne peut pas se connecter");
      expect(await section.getByRole("link", { name: "Télécharger à nouveau le document" }).count()).toBe(0);

      await section.getByRole("button", { name: "Modifier les préférences" }).click();
      await question.getByLabel("Oui", { exact: true }).check();
      reopened = await readLetter(
        await downloadOf(page, () => section.getByRole("button", { name: "Enregistrer les préférences" }).click()),
      );
      await section.getByRole("status").filter({ hasText: LETTER_DOWNLOADED }).waitFor();
      expect(await detail(page, "Accès au portail ouvert").innerText()).toBe("Oui");
    });
    expect(reopened!.login).toBe(first.login);
  });

  it("the facteur sees the section read-only: no « Modifier les préférences », no document", async () => {
    expect(usager, "the file of step 2").toBeDefined();
    await withPage("facteur", async (page) => {
      await signInStaff(page, "facteur@demoville.fr");
      await page.goto(`${staffUrl}/usagers/${usager.id}?onglet=courriers`);
      const section = portalSection(page);
      await section.getByRole("heading", { level: 2, name: "Accès au portail usager" }).waitFor();
      expect(await detail(page, "Identifiant du domicilié").innerText()).toBe(first.login);
      expect(await section.getByRole("button", { name: "Modifier les préférences" }).count()).toBe(0);
      expect(await section.getByRole("link", { name: "Télécharger à nouveau le document" }).count()).toBe(0);
      // And the page of the settings is not theirs.
      await page.goto(`${staffUrl}/portail`);
      await page.getByText("Vous n'avez pas les droits pour accéder à cette page.").waitFor();
    });
  });
});

describe("« Comptes du portail »: the accounts list and the creation for every active domicilié", () => {
  it("creates the accounts of every active domicilié of a structure, with progress and one merged document", async () => {
    // A structure of its own (the demo "Association Abri Solidaire"), so no other test's files move.
    const admin = demoStructure("abri").staff.find((m) => m.role === "admin")!;
    const cookie = await staffCookie(admin.email);
    for (const [nom, prenom] of [
      ["Lefèvre", "Nadia"],
      ["Okafor", "Samuel"],
    ]) {
      const { id } = await staffCall<{ id: number }>(cookie, "mutation", "usagers.create", {
        ...etatCivil,
        nom,
        prenom,
        dateNaissance: "1985-03-04",
        lieuNaissance: "Nantes",
      });
      const { usager } = await staffCall<{ usager: { version: number } }>(cookie, "query", "usagers.get", { id });
      const today = new Date().toISOString().slice(0, 10);
      const end = new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);
      await staffCall(cookie, "mutation", "usagers.validate", {
        usagerId: id,
        version: usager.version,
        dateDebut: today,
        dateFin: end,
        customRef: null,
      });
    }
    const before = await staffCall<{ comptes: number; actifs: number }>(cookie, "query", "portail.accounts", { page: 1 });
    expect(before.actifs).toBeGreaterThanOrEqual(2);

    await withPage("comptes", async (page) => {
      await signInStaff(page, admin.email);
      await page.goto(`${staffUrl}/portail?onglet=comptes`);
      await page.getByRole("heading", { level: 2, name: "Comptes du portail" }).waitFor();
      const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
      const counter = (comptes: number, actifs: number) =>
        `${plural(comptes, "compte", "comptes")} / ${plural(actifs, "domicilié actif", "domiciliés actifs")}`;
      await page.getByText(counter(before.comptes, before.actifs), { exact: true }).waitFor();

      // The portal is off in this structure: the page says where to turn it on.
      const bulk = page.getByRole("button", { name: "Créer les comptes de tous les domiciliés actifs" });
      if ((await bulk.count()) === 0) {
        await page.getByRole("button", { name: "Paramètres du portail" }).click();
        await page.getByRole("group", { name: "Activer le portail usager" }).getByLabel("Oui", { exact: true }).check();
        await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
        await page.getByRole("status").filter({ hasText: "Les paramètres du portail ont été enregistrés." }).waitFor();
        await page.getByRole("tab", { name: "Comptes du portail" }).click();
      }
      await bulk.click();
      const dialog = page.getByRole("dialog", { name: "Créer les comptes de tous les domiciliés actifs ?" });
      expect(await dialog.innerText()).toContain("Cette opération peut prendre plusieurs minutes");
      const toCreate = before.actifs - before.comptes;
      const download = await downloadOf(page, () => dialog.getByRole("button", { name: "Créer les comptes" }).click());
      await page.getByText(`${plural(toCreate, "compte créé", "comptes créés")}, 0 restant`, { exact: true }).waitFor();
      expect(await page.locator(".bulk-progress progress").getAttribute("value")).toBe(String(toCreate));
      await page
        .getByRole("status")
        .filter({ hasText: /^Création terminée/ })
        .waitFor();
      await page.getByText(counter(before.actifs, before.actifs), { exact: true }).waitFor();
      await shot(page, "portail-comptes");

      // The table: one row per account, none activated yet.
      const rows = page.locator("table tbody tr");
      expect(await rows.count()).toBe(before.actifs);
      for (const head of ["Nom", "Prénom", "ID", "Identifiant", "Statut", "Dernière connexion"]) {
        await page.getByRole("columnheader", { name: head, exact: true }).waitFor();
      }
      expect(await rows.filter({ hasText: "Non activé" }).count()).toBe(before.actifs);

      // One merged document: one letter per created account.
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const text = await docxText(new Uint8Array(readFileSync(await download.path())));
      expect(text.match(/Identifiant : [A-Z]{8}/g)).toHaveLength(toCreate);
      expect(text).toContain("Nadia Lefèvre");

      // Turning the portal off is confirmed first: every login of the structure stops at once.
      await page.getByRole("tab", { name: "Paramètres du portail" }).click();
      await page.getByRole("group", { name: "Activer le portail usager" }).getByLabel("Non", { exact: true }).check();
      await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
      const off = page.getByRole("dialog", { name: "Désactiver le portail usager ?" });
      expect(await off.innerText()).toContain("Plus aucun domicilié de la structure ne pourra se connecter au portail");
      await off.getByRole("button", { name: "Désactiver le portail" }).click();
      await page.getByRole("status").filter({ hasText: "Le portail usager est désactivé" }).waitFor();
      await page.getByRole("tab", { name: "Comptes du portail" }).click();
      await page.getByText("Le portail usager est désactivé pour votre structure").waitFor();
      expect(await bulk.count()).toBe(0);
    });
  });
});
