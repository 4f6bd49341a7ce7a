/// <reference types="node" />
/**
 * The staff app's accessibility in Chromium (issue 16): axe-core on every page of the app (each
 * route of web-staff/src/main.tsx, each tab of a fiche, forms showing their errors) and on every
 * dialog, with 0 violations; each dialog takes the focus when it opens and gives it back to its
 * button on Escape. Then keyboard-only walkthroughs of the reception dialog and of the decision
 * dialogs (validate, refuse, radiate): Tab, Shift+Tab, Enter, Space and Escape only, the focus
 * kept inside each dialog, and what the agent sees afterwards (the mail counters, the new statut).
 *
 * The files used are created through the API from the signed-in page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, calendarDateIn } from "../../worker/rules/dates";
import { defaultDateFin } from "../../worker/rules/echeance";
import { launchBrowser } from "../support/browser.mjs";
import { axeViolations } from "./axe";
import { DEMO, pageCall, ROOT, signInStaffUi, withCapturedPage } from "./helpers";

const staffUrl = inject("staffUrl");
const UI_TIMEOUT = 15_000;
const today = calendarDateIn("Europe/Paris", new Date());

/** The pages of the staff app: the leaf routes of main.tsx (a route with children is a layout). */
const ROUTES = [...readFileSync(join(ROOT, "web-staff/src/main.tsx"), "utf8").matchAll(/<Route path="([^"]+)" component=\{\w+\} \/>/g)].map(
  (m) => m[1]!,
);

/** The route that shows `pathname`, ranked as the router does: static, then with parameters, then the catch-all. */
function routeOf(pathname: string): string {
  const exact = ROUTES.find((r) => r === pathname);
  if (exact) return exact;
  const withParams = ROUTES.find((r) => r.includes("/:") && new RegExp(`^${r.replace(/:[^/]+/g, "[^/]+")}$`).test(pathname));
  return withParams ?? ROUTES.find((r) => r.startsWith("*"))!;
}

interface Scan {
  kind: "page" | "dialog";
  route: string;
  label: string;
  violations: string[];
}
const scans: Scan[] = [];

/** Violations recorded since `from` (an index in `scans`), each prefixed with where it was found. */
const violationsSince = (from: number) => scans.slice(from).flatMap((s) => s.violations.map((v) => `${s.label} — ${v}`));

/** Nothing left loading: lists and forms fetch after the heading shows. */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator(".loading:visible, [aria-busy='true']:visible").count(), { timeout: UI_TIMEOUT }).toBe(0);
}

async function scanPage(page: Page, label: string): Promise<void> {
  await settled(page);
  scans.push({ kind: "page", route: routeOf(new URL(page.url()).pathname), label, violations: await axeViolations(page) });
}

/** What has the keyboard focus, seen from the page. */
const focusState = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    return {
      inDialog: Boolean(el?.closest("dialog[open]")),
      name: el ? (el.getAttribute("aria-label") ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? "").trim() : "",
      tag: el?.tagName ?? "",
      ring: Boolean(style && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2),
    };
  });

const hasFocus = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/**
 * Opens a dialog with a click on `opener`, checks the focus moved into it, scans the page with the
 * dialog open, closes it with Escape and checks the focus is back on `opener`.
 */
async function scanDialog(page: Page, opener: Locator, name: string | RegExp): Promise<void> {
  await opener.click();
  const dialog = page.getByRole("dialog", { name });
  await dialog.waitFor();
  await settled(page);
  const label = `dialog « ${String(name)} »`;
  expect((await focusState(page)).inDialog, `${label}: focus inside on opening`).toBe(true);
  scans.push({ kind: "dialog", route: routeOf(new URL(page.url()).pathname), label, violations: await axeViolations(page) });
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  expect(await hasFocus(opener), `${label}: focus back on its button after Escape`).toBe(true);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const withPage = (name: string, fn: (page: Page) => Promise<void>) => withCapturedPage(browser, `staff-a11y-${name}`, fn);

const call = pageCall;

async function createUsager(page: Page, nom: string, prenom: string): Promise<number> {
  const { id } = await call<{ id: number }>(page, "usagers.create", {
    civilite: "Mme",
    nom,
    prenom,
    dateNaissance: "1984-05-09",
    lieuNaissance: "Rouen",
    contactByPhone: false,
    ayantsDroit: [],
  });
  return id;
}

const version = async (page: Page, id: number) =>
  (await call<{ usager: { version: number } }>(page, "usagers.get", { id }, false)).usager.version;

async function validateUsager(page: Page, usagerId: number): Promise<void> {
  const debut = addDays(today, -30);
  await call(page, "usagers.validate", {
    usagerId,
    version: await version(page, usagerId),
    dateDebut: debut,
    dateFin: defaultDateFin(debut),
  });
}

/** The statut badge beside the name in the fiche's header. */
const headerStatut = (page: Page) => page.locator(".fiche-header [class*='badge']").first();

/** The number on one of the "Courrier en attente" counters of the Courriers tab. */
async function pendingCounter(page: Page, label: string): Promise<number> {
  const counter = page.locator(".counter").filter({ has: page.locator(".counter__label", { hasText: new RegExp(`^${label}$`) }) });
  return Number((await counter.locator(".counter__value").innerText()).trim());
}

describe("staff app accessibility: axe on every page and dialog", () => {
  it("the public pages: sign-in, sign-up, invitation link, platform, not found", async () => {
    const from = scans.length;
    await withPage("public", async (page) => {
      await page.goto(`${staffUrl}/connexion`);
      await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
      await scanPage(page, "Connexion");
      await page.getByLabel("Adresse e-mail").fill("personne@demoville.fr");
      await page.getByLabel("Mot de passe", { exact: true }).fill("pas-le-bon");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByRole("alert").waitFor();
      await scanPage(page, "Connexion, refusée");

      await page.goto(`${staffUrl}/inscription`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await scanPage(page, "Inscription");
      await page.locator("form button[type=submit]").last().click();
      await page.locator(".field-error").first().waitFor();
      await scanPage(page, "Inscription, erreurs");

      await page.goto(`${staffUrl}/invitation`);
      await page.getByRole("heading", { level: 1, name: "Lien non valide" }).waitFor();
      await scanPage(page, "Invitation sans lien");
      await page.goto(`${staffUrl}/invitation#pas-un-jeton`);
      await page.getByRole("alert").waitFor();
      await scanPage(page, "Invitation, lien non valide");

      await page.goto(`${staffUrl}/une-page-qui-n-existe-pas`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await scanPage(page, "Page introuvable");

      await page.goto(`${staffUrl}/plateforme`);
      await page.getByRole("heading", { level: 1, name: "Espace plateforme" }).waitFor();
      await scanPage(page, "Plateforme, connexion");
      const operator = DEMO.platformAdmins[0]!;
      await page.getByLabel("Adresse e-mail").fill(operator.email);
      await page.getByLabel("Mot de passe", { exact: true }).fill(operator.password);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByRole("tablist", { name: "Statut des structures" }).waitFor();
      await scanPage(page, "Plateforme, structures en attente");
      const pending = page.getByRole("row").filter({ hasText: "CIAS du Val Paisible" });
      await scanDialog(page, pending.getByRole("button", { name: /^Valider/ }), /^Valider la structure/);
      await scanDialog(page, pending.getByRole("button", { name: /^Refuser/ }), /^Refuser la structure/);
      for (const tab of await page.getByRole("tab").all()) {
        if ((await tab.getAttribute("aria-selected")) === "true") continue;
        await tab.click();
        await scanPage(page, `Plateforme, onglet ${await tab.innerText()}`);
      }
    });
    expect(violationsSince(from)).toEqual([]);
  });

  it("an invitation link to choose a password", async () => {
    const from = scans.length;
    await withPage("invitation", async (page) => {
      await signInStaffUi(page, staffUrl, "admin@demoville.fr");
      const { link } = await call<{ link: string }>(page, "equipe.invite", {
        nom: "Roux",
        prenom: "Camille",
        email: `camille.roux.${Date.now()}@demoville.fr`,
        fonction: "Agent d'accueil",
        role: "agent",
      });
      await page.context().clearCookies();
      await page.goto(link);
      await page.getByLabel("Mot de passe", { exact: true }).waitFor();
      await scanPage(page, "Invitation, choix du mot de passe");
      await page.locator("form button[type=submit]").click();
      await page.getByRole("alert").waitFor();
      await scanPage(page, "Invitation, erreurs");
    });
    expect(violationsSince(from)).toEqual([]);
  });

  it("the signed-in pages and their dialogs, as an administrator", async () => {
    const from = scans.length;
    await withPage("staff", async (page) => {
      await signInStaffUi(page, staffUrl, "admin@demoville.fr");

      // A file in every state the fiche shows differently, with something in every section.
      await call(page, "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false });
      const actif = await createUsager(page, "Lemaire", "Odile");
      await validateUsager(page, actif);
      await call(page, "courrier.receive", { usagerId: actif, courrier: 2, colis: 0, avis: 1, content: "Lettre de la CPAM" });
      await call(page, "courrier.saveProcuration", {
        action: "create",
        usagerId: actif,
        version: await version(page, actif),
        procuration: { nom: "Lemaire", prenom: "Bruno", dateNaissance: "1980-01-02", dateDebut: today, dateFin: addDays(today, 100) },
      });
      await call(page, "courrier.saveTransfert", {
        usagerId: actif,
        version: await version(page, actif),
        transfert: { nom: "Foyer Les Tilleuls", adresse: "3 rue des Tilleuls, 76000 Rouen", dateDebut: today, dateFin: addDays(today, 60) },
      });
      await call(page, "usagers.addNote", { usagerId: actif, message: "Préfère être appelée le matin." });
      await call(page, "documents.generateLetter", { usagerId: actif, kind: "attestation" });
      await call(page, "portail.setPreference", { usagerId: actif, acces: true });
      const instruction = await createUsager(page, "Perrin", "Maëlle");
      const radie = await createUsager(page, "Garcia", "Lina");
      await validateUsager(page, radie);
      await call(page, "usagers.radiate", { usagerId: radie, version: await version(page, radie), date: today, motif: "A_SA_DEMANDE" });
      const refuse = await createUsager(page, "Schmitt", "Anaïs");
      await call(page, "usagers.refuse", { usagerId: refuse, version: await version(page, refuse), date: today, motif: "LIEN_COMMUNE" });
      await call(page, "portail.saveMessage", {
        titre: "Fermeture exceptionnelle",
        texte: "L'accueil est fermé le 14 juillet.",
        type: "closing",
        dateDebut: today,
      });

      const nav = page.getByRole("navigation", { name: "Navigation principale" });
      await scanPage(page, "Accueil");

      // The list, a selection, its bulk actions and the reception from a row.
      await nav.getByRole("link", { name: "Domiciliés" }).click();
      await page.getByRole("heading", { level: 1, name: "Domiciliés" }).waitFor();
      await scanPage(page, "Domiciliés");
      // Searched for, so that the row shows whatever other tests added to the list.
      await page.getByLabel("Rechercher un domicilié").fill("lemaire odile");
      const row = page.getByRole("row").filter({ hasText: "LEMAIRE Odile" });
      await row.waitFor();
      await scanPage(page, "Domiciliés, recherche");
      await scanDialog(page, row.getByRole("button", { name: /^Nouveaux courriers pour/ }), "Nouveaux courriers");
      await row.getByRole("checkbox").check();
      await page.getByRole("region", { name: "Actions sur la sélection" }).waitFor();
      await scanPage(page, "Domiciliés, sélection");
      await scanDialog(page, page.getByRole("button", { name: "Assigner un référent" }), /^Assigner un référent à/);
      await scanDialog(page, page.getByRole("button", { name: "Radier", exact: true }), /^Radier /);
      await page.getByRole("button", { name: "Annuler la sélection" }).click();

      await page.getByRole("link", { name: "Nouveau domicilié" }).click();
      await page.getByRole("heading", { level: 1, name: "Nouveau domicilié" }).waitFor();
      await scanPage(page, "Nouveau domicilié");
      await page.getByRole("button", { name: "Créer le dossier" }).click();
      await page.locator(".field-error").first().waitFor();
      await scanPage(page, "Nouveau domicilié, erreurs");

      // A fiche in instruction: the request's steps, validation and refusal.
      await page.goto(`${staffUrl}/usagers/${instruction}`);
      await page.getByRole("heading", { level: 1, name: /PERRIN Maëlle/ }).waitFor();
      await scanPage(page, "Fiche en instruction");
      await page.getByLabel("À une date").check();
      await scanPage(page, "Fiche en instruction, rendez-vous à une date");
      await scanDialog(page, page.getByRole("button", { name: "Valider", exact: true }), "Valider la domiciliation");
      await scanDialog(page, page.getByRole("button", { name: "Refuser", exact: true }), "Refuser la demande");
      await scanDialog(page, page.getByRole("button", { name: "Radier le domicilié" }), /^Radier /);

      // A radié (mail still accepted, NPAI offered) and a refused file.
      await page.goto(`${staffUrl}/usagers/${radie}`);
      await page.getByRole("heading", { level: 1, name: /GARCIA Lina/ }).waitFor();
      await scanPage(page, "Fiche radiée");
      await page.getByRole("tab", { name: "Courriers" }).click();
      await page.getByRole("heading", { name: "Procurations (5 maximum)" }).waitFor();
      await scanPage(page, "Fiche radiée, Courriers");
      await page.goto(`${staffUrl}/usagers/${refuse}`);
      await page.getByRole("heading", { level: 1, name: /SCHMITT Anaïs/ }).waitFor();
      await scanPage(page, "Fiche refusée");

      // An active file: every tab and every dialog.
      await page.goto(`${staffUrl}/usagers/${actif}`);
      await page.getByRole("heading", { level: 1, name: /LEMAIRE Odile/ }).waitFor();
      await scanPage(page, "Fiche active, Vue d'ensemble");
      await scanDialog(page, page.getByRole("button", { name: "Demande de renouvellement" }), "Demande de renouvellement");
      await scanDialog(page, page.getByRole("button", { name: "Radier le domicilié" }), /^Radier /);
      await scanDialog(page, page.getByRole("button", { name: "Annuler la dernière décision" }), "Annuler la dernière décision ?");
      await scanDialog(page, page.getByRole("button", { name: "Supprimer la note" }), "Supprimer cette note ?");

      await page.getByRole("tab", { name: "Courriers" }).click();
      await page.getByRole("heading", { name: "Procurations (5 maximum)" }).waitFor();
      await scanPage(page, "Fiche active, Courriers");
      for (const [button, dialog] of [
        ["Nouveaux courriers", "Nouveaux courriers"],
        ["Distribuer les courriers", "Distribuer les courriers"],
        ["Appel", "Enregistrer un appel"],
        ["Visite", "Enregistrer une visite"],
        ["Supprimer la dernière opération", "Supprimer la dernière opération ?"],
        ["Ajouter une procuration", "Ajouter une procuration"],
        [/^Modifier la procuration/, "Modifier la procuration"],
        [/^Supprimer la procuration/, "Supprimer la procuration ?"],
        ["Modifier le transfert", "Modifier le transfert du courrier"],
        [/^Supprimer le transfert/, "Supprimer le transfert du courrier ?"],
      ] as const) {
        await scanDialog(page, page.getByRole("button", { name: button, exact: typeof button === "string" }), dialog);
      }
      // The portal access: its form, then the dialogs its two risky choices ask for.
      await page.getByRole("button", { name: "Modifier les préférences" }).click();
      await page.getByLabel("Ré-initialiser le mot de passe temporaire du domicilié").check();
      await scanPage(page, "Fiche active, Courriers, accès au portail");
      const savePreferences = page.getByRole("button", { name: "Enregistrer les préférences" });
      await scanDialog(page, savePreferences, "Ré-initialiser le mot de passe temporaire ?");
      await page.getByRole("group", { name: "Le demandeur souhaite-t-il avoir accès au portail usager ?" }).getByLabel("Non").check();
      await scanDialog(page, savePreferences, "Fermer l'accès au portail usager ?");

      await page.getByRole("tab", { name: "Dossier" }).click();
      await page.getByRole("button", { name: "Enregistrer l'état civil" }).waitFor();
      await scanPage(page, "Fiche active, Dossier");
      await scanDialog(page, page.getByRole("button", { name: "Supprimer le dossier" }), /^Supprimer définitivement le dossier/);

      await page.getByRole("tab", { name: "Documents" }).click();
      await page.getByRole("button", { name: "Ajouter le document" }).waitFor();
      await scanPage(page, "Fiche active, Documents");
      await scanDialog(page, page.getByRole("button", { name: /^Renommer/ }).first(), "Renommer le document");
      await scanDialog(page, page.getByRole("button", { name: /^Supprimer/ }).first(), /^Supprimer « /);

      await page.getByRole("tab", { name: "Historique" }).click();
      await page.getByRole("heading", { name: "Historique du dossier" }).waitFor();
      await scanPage(page, "Fiche active, Historique");

      await nav.getByRole("link", { name: "Courrier du jour" }).click();
      await page.getByRole("heading", { level: 1, name: "Courrier du jour" }).waitFor();
      await scanPage(page, "Courrier du jour");
      await page.getByRole("combobox", { name: "Nom, prénom ou ID" }).fill("lemai");
      await page.getByRole("option", { name: /LEMAIRE Odile/ }).click();
      await page.getByRole("heading", { level: 2, name: /LEMAIRE Odile/ }).waitFor();
      await scanPage(page, "Courrier du jour, domicilié choisi");

      await nav.getByRole("link", { name: "Structure" }).click();
      await page.getByRole("heading", { level: 1 }).waitFor();
      await scanPage(page, "Structure");

      await nav.getByRole("link", { name: "Portail usager" }).click();
      await page.getByRole("heading", { level: 1, name: "Portail usager" }).waitFor();
      await scanPage(page, "Portail, paramètres");
      await page.getByRole("group", { name: "Activer le portail usager" }).getByLabel("Non").check();
      await scanDialog(page, page.getByRole("button", { name: "Enregistrer les modifications" }), "Désactiver le portail usager ?");
      await page.getByRole("tab", { name: "Comptes du portail" }).click();
      await page.getByRole("button", { name: "Créer les comptes de tous les domiciliés actifs" }).waitFor();
      await scanPage(page, "Portail, comptes");
      await scanDialog(
        page,
        page.getByRole("button", { name: "Créer les comptes de tous les domiciliés actifs" }),
        "Créer les comptes de tous les domiciliés actifs ?",
      );
      await page.getByRole("tab", { name: "Messages aux domiciliés" }).click();
      await page.getByRole("heading", { name: "Fermeture exceptionnelle" }).waitFor();
      await scanPage(page, "Portail, messages");
      await scanDialog(page, page.getByRole("button", { name: /^Supprimer le message/ }), "Supprimer ce message ?");
      await page.getByRole("button", { name: "Nouveau message" }).click();
      await scanPage(page, "Portail, nouveau message");

      await nav.getByRole("link", { name: "Équipe" }).click();
      await page.getByRole("heading", { level: 1 }).waitFor();
      await scanPage(page, "Équipe");
      await scanDialog(page, page.getByRole("button", { name: /^Modifier le rôle de/ }).first(), /^Modifier le rôle de/);
      await scanDialog(page, page.getByRole("button", { name: /^Bloquer/ }).first(), /^Bloquer le compte de/);
      await scanDialog(page, page.getByRole("button", { name: /^Supprimer/ }).first(), /^Supprimer le compte de/);
      await page
        .getByRole("button", { name: /^Nouveau lien pour/ })
        .first()
        .click();
      await page.getByLabel("Lien à transmettre").waitFor();
      await scanPage(page, "Équipe, lien émis");

      await nav.getByRole("link", { name: "Journal" }).click();
      await page.getByRole("heading", { level: 1, name: "Journal" }).waitFor();
      await scanPage(page, "Journal");

      await nav.getByRole("link", { name: "Mon compte" }).click();
      await page.getByRole("heading", { level: 1 }).waitFor();
      await scanPage(page, "Mon compte");
      await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
      await page.getByRole("alert").first().waitFor();
      await scanPage(page, "Mon compte, erreurs");
    });
    expect(violationsSince(from)).toEqual([]);
  });

  it("covers every route of the staff app and reports the figures", () => {
    const pages = scans.filter((s) => s.kind === "page");
    const dialogs = scans.filter((s) => s.kind === "dialog");
    console.log(
      `AXE staff: ${ROUTES.length} routes, ${pages.length} pages scanned, ${dialogs.length} dialogs scanned, ${scans.flatMap((s) => s.violations).length} violations`,
    );
    // The pattern still finds main.tsx's routes (a rewritten router must not make this pass empty).
    expect(ROUTES.length).toBeGreaterThan(10);
    expect(ROUTES.filter((r) => !pages.some((s) => s.route === r))).toEqual([]);
  });
});

describe("staff app accessibility: keyboard only", () => {
  /**
   * Presses `key` until the focus is on `target`, as a keyboard user would look for a control;
   * fails after `max` presses.
   */
  async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab", max = 60): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await hasFocus(target)) return;
      await page.keyboard.press(key);
    }
    throw new Error(`${key} ×${max}: focus never reached ${target}`);
  }

  /**
   * From the focused control of an open dialog, a full round of Tab then one of Shift+Tab: each
   * must come back to where it started, never leaving the dialog, each control showing its ring.
   */
  async function expectFocusTrapped(page: Page): Promise<void> {
    await page.evaluate(() => ((window as unknown as { start: Element | null }).start = document.activeElement));
    for (const key of ["Tab", "Shift+Tab"]) {
      const round: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press(key);
        const f = await focusState(page);
        round.push((f.name || f.tag).slice(0, 40));
        expect(f.inDialog, `${key} n° ${i + 1} left the dialog (${round.join(" → ")})`).toBe(true);
        expect(f.ring, `no visible focus on « ${f.name} »`).toBe(true);
        if (await page.evaluate(() => document.activeElement === (window as unknown as { start: Element | null }).start)) break;
      }
      expect(
        await page.evaluate(() => document.activeElement === (window as unknown as { start: Element | null }).start),
        `${key}: ${round.join(" → ")}`,
      ).toBe(true);
      expect(round.length).toBeGreaterThan(2);
    }
  }

  /** Enter or Space on the focused opener: the dialog opens with the focus inside; Escape closes it and the focus is back. */
  async function openThenEscape(page: Page, opener: Locator, dialog: Locator, key: "Enter" | "Space"): Promise<void> {
    await page.keyboard.press(key);
    await dialog.waitFor();
    expect((await focusState(page)).inDialog, "focus inside the dialog on opening").toBe(true);
    await expectFocusTrapped(page);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await hasFocus(opener), "focus back on the button that opened the dialog").toBe(true);
  }

  it("registers 2 courriers and 1 colis from the fiche with the keyboard only", async () => {
    await withPage("clavier-reception", async (page) => {
      await signInStaffUi(page, staffUrl, "gestionnaire@demoville.fr");
      const usagerId = await createUsager(page, "Caron", "Inès");
      await validateUsager(page, usagerId);
      await page.context().clearCookies();
      await signInStaffUi(page, staffUrl, "agent@demoville.fr");
      await page.goto(`${staffUrl}/usagers/${usagerId}`);
      await page.getByRole("heading", { level: 1, name: /CARON Inès/ }).waitFor();

      // The fiche's tabs: Tab onto the selected one, the arrow moves to "Courriers".
      await tabTo(page, page.getByRole("tab", { name: "Vue d'ensemble" }));
      await page.keyboard.press("ArrowRight");
      await page.getByRole("heading", { name: "Procurations (5 maximum)" }).waitFor();
      const opener = page.getByRole("button", { name: "Nouveaux courriers" });
      await tabTo(page, opener);
      const dialog = page.getByRole("dialog", { name: "Nouveaux courriers" });
      await openThenEscape(page, opener, dialog, "Enter");
      await page.getByText("Aucun courrier en attente.").waitFor();

      await page.keyboard.press("Space");
      await dialog.waitFor();
      // The number of courriers has the focus, its 1 selected: typing replaces it.
      expect(await hasFocus(dialog.getByLabel("Courriers", { exact: true }))).toBe(true);
      await page.keyboard.type("2");
      await tabTo(page, dialog.getByRole("button", { name: "Ajouter un colis" }));
      await page.keyboard.press("Enter");
      await tabTo(page, dialog.getByLabel("Informations importantes concernant les courriers (1000 caractères maximum)"));
      await page.keyboard.type("Recommandé de la CAF");
      await tabTo(page, dialog.getByRole("button", { name: "Enregistrer", exact: true }));
      await page.keyboard.press("Enter");
      await dialog.waitFor({ state: "hidden" });

      const result = page.getByRole("status").filter({ hasText: "2 courriers et 1 colis enregistrés." });
      await result.waitFor();
      expect(await hasFocus(result), "focus on the result once the dialog is closed").toBe(true);
      await expect.poll(async () => [await pendingCounter(page, "Courriers"), await pendingCounter(page, "Colis")]).toEqual([2, 1]);
    });
  });

  it("validates, radiates and refuses with the keyboard only", async () => {
    await withPage("clavier-decisions", async (page) => {
      await signInStaffUi(page, staffUrl, "gestionnaire@demoville.fr");
      const first = await createUsager(page, "Marchand", "Rose");
      const second = await createUsager(page, "Colin", "Yasmine");

      // Validation: Tab to "Valider", Enter; Escape changes nothing; Enter on the dialog's button validates.
      await page.goto(`${staffUrl}/usagers/${first}`);
      await page.getByRole("heading", { level: 1, name: /MARCHAND Rose/ }).waitFor();
      const valider = page.getByRole("button", { name: "Valider", exact: true });
      await tabTo(page, valider);
      const validation = page.getByRole("dialog", { name: "Valider la domiciliation" });
      await openThenEscape(page, valider, validation, "Enter");
      expect(await headerStatut(page).innerText()).toBe("Instruction");
      await page.keyboard.press("Enter");
      await validation.waitFor();
      await tabTo(page, validation.getByRole("button", { name: "Valider la domiciliation" }));
      await page.keyboard.press("Enter");
      await validation.waitFor({ state: "hidden" });
      const accepted = page.getByRole("status").filter({ hasText: /^Domiciliation acceptée du / });
      await accepted.waitFor();
      expect(await hasFocus(accepted)).toBe(true);
      await expect.poll(() => headerStatut(page).innerText()).toBe("Actif");

      // Radiation: back up to the header's button with Shift+Tab, Space; a motive chosen with the arrow.
      const radier = page.getByRole("button", { name: "Radier le domicilié" });
      await tabTo(page, radier, "Shift+Tab");
      const radiation = page.getByRole("dialog", { name: "Radier Mme MARCHAND Rose ?" });
      await openThenEscape(page, radier, radiation, "Space");
      expect(await headerStatut(page).innerText()).toBe("Actif");
      await page.keyboard.press("Space");
      await radiation.waitFor();
      await tabTo(page, radiation.getByLabel("Motif de la radiation"));
      await page.keyboard.press("ArrowDown");
      await tabTo(page, radiation.getByRole("button", { name: "Radier le domicilié" }));
      await page.keyboard.press("Enter");
      await radiation.waitFor({ state: "hidden" });
      const radiated = page.getByRole("status").filter({ hasText: /^Le domicilié est radié\./ });
      await radiated.waitFor();
      expect(await hasFocus(radiated)).toBe(true);
      await expect.poll(() => headerStatut(page).innerText()).toBe("Radié");

      // Refusal: Tab to "Refuser", Enter; a motive; Enter on "Refuser la demande".
      await page.goto(`${staffUrl}/usagers/${second}`);
      await page.getByRole("heading", { level: 1, name: /COLIN Yasmine/ }).waitFor();
      const refuser = page.getByRole("button", { name: "Refuser", exact: true });
      await tabTo(page, refuser);
      const refus = page.getByRole("dialog", { name: "Refuser la demande" });
      await openThenEscape(page, refuser, refus, "Enter");
      expect(await headerStatut(page).innerText()).toBe("Instruction");
      await page.keyboard.press("Enter");
      await refus.waitFor();
      await tabTo(page, refus.getByLabel("Motif du refus"));
      await page.keyboard.press("ArrowDown");
      await tabTo(page, refus.getByRole("button", { name: "Refuser la demande" }));
      await page.keyboard.press("Enter");
      await refus.waitFor({ state: "hidden" });
      const refused = page.getByRole("status").filter({ hasText: /^Demande refusée\./ });
      await refused.waitFor();
      expect(await hasFocus(refused)).toBe(true);
      await expect.poll(() => headerStatut(page).innerText()).toBe("Refusé");
    });
  });
});
