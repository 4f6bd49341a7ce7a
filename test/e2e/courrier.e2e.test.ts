/// <reference types="node" />
/**
 * The mail screens in the browser, as the "Must show" says: on an active file, an agent
 * d'accueil adds a procuration valid today, receives 2 courriers, 1 colis and 1 avis de passage,
 * hands the colis to the mandataire; the fiche then shows 2 courriers and 1 avis waiting and the
 * same dernier passage. Then the "Courrier du jour" desk: part of a name, Enter, Enter, and the
 * fiche's counter has one more courrier; the last operation is deleted and the counter goes back.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, addMonths, calendarDateIn, formatDateFr } from "../../worker/rules/dates";
import { launchBrowser } from "../support/browser.mjs";
import { pageCall, signInStaffUi, withCapturedPage } from "./helpers";

const staffUrl = inject("staffUrl");
const UI_TIMEOUT = 15_000;
const NAME = "M. VASSEUR Timothée";
const today = calendarDateIn("Europe/Paris", new Date());
/** Validated from a month ago: dernier passage starts at that day, so a move to today would show. */
const debut = addDays(today, -30);

let browser: Browser;
let usagerId = 0;
let dernierPassage: string | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const withPage = (name: string, fn: (page: Page) => Promise<void>) => withCapturedPage(browser, `courrier-${name}`, fn);

const signIn = (page: Page, email: string) => signInStaffUi(page, staffUrl, email);

const call = pageCall;

async function storedDernierPassage(page: Page): Promise<string | null> {
  const fiche = await call<{ usager: { dernierPassage: string | null } }>(page, "usagers.get", { id: usagerId }, false);
  return fiche.usager.dernierPassage;
}

/** The number on one of the "Courrier en attente" counters of the Courriers tab. */
async function pendingCounter(page: Page, label: string): Promise<string> {
  const counter = page.locator(".counter").filter({ has: page.locator(".counter__label", { hasText: new RegExp(`^${label}$`) }) });
  return (await counter.locator(".counter__value").innerText()).trim();
}

async function expectPending(page: Page, expected: { Courriers: number; Colis: number; "Avis de passage": number }) {
  await expect
    .poll(
      async () => ({
        Courriers: Number(await pendingCounter(page, "Courriers")),
        Colis: Number(await pendingCounter(page, "Colis")),
        "Avis de passage": Number(await pendingCounter(page, "Avis de passage")),
      }),
      { timeout: UI_TIMEOUT },
    )
    .toEqual(expected);
}

describe("courrier in the browser", () => {
  it("a gestionnaire opens an active file for Timothée Vasseur, validated from a month ago", async () => {
    await withPage("setup", async (page) => {
      await signIn(page, "gestionnaire@demoville.fr");
      const created = await call<{ id: number }>(
        page,
        "usagers.create",
        {
          civilite: "M.",
          nom: "Vasseur",
          prenom: "Timothée",
          dateNaissance: "1979-03-02",
          lieuNaissance: "Amiens",
          contactByPhone: false,
          ayantsDroit: [],
        },
        true,
      );
      usagerId = created.id;
      await call(page, "usagers.validate", { usagerId, version: 1, dateDebut: debut, dateFin: addDays(addMonths(debut, 12), -1) }, true);
      dernierPassage = await storedDernierPassage(page);
      expect(dernierPassage).not.toBeNull();
    });
  });

  it("an agent adds a procuration, receives 2 courriers, 1 colis, 1 avis and hands the colis to the mandataire", async () => {
    expect(usagerId).toBeGreaterThan(0);
    await withPage("remise", async (page) => {
      await signIn(page, "agent@demoville.fr");
      await page.goto(`${staffUrl}/usagers/${usagerId}?onglet=courriers`);
      await page.getByRole("heading", { level: 1, name: new RegExp(`^${NAME}`) }).waitFor();

      // A procuration valid from today for a year.
      await page.getByRole("heading", { name: "Procurations (5 maximum)" }).waitFor();
      await page.getByText("Aucune procuration.").waitFor();
      await page.getByRole("button", { name: "Ajouter une procuration" }).click();
      const proc = page.getByRole("dialog", { name: "Ajouter une procuration" });
      await proc.waitFor();
      await proc.getByLabel("Nom du mandataire", { exact: true }).fill("Garnier");
      await proc.getByLabel("Prénom du mandataire", { exact: true }).fill("Lucie");
      await proc.getByLabel("Date de naissance", { exact: true }).fill("14/07/1985");
      expect(await proc.getByLabel("Date de début", { exact: true }).inputValue()).toBe(formatDateFr(today));
      await proc.getByLabel("Date de fin", { exact: true }).fill(formatDateFr(addDays(addMonths(today, 12), -1)));
      await proc.getByRole("button", { name: "Ajouter la procuration" }).click();
      await page.getByText(/^Procuration ajoutée : Lucie GARNIER/).waitFor();
      const procurations = page.getByRole("region", { name: "Procurations (5 maximum)" });
      await procurations.getByText("Lucie GARNIER", { exact: true }).waitFor();
      await procurations.getByText("Active", { exact: true }).waitFor();

      // Reception: 1 courrier by default, + once, + colis, + avis de passage.
      await page.getByRole("button", { name: "Nouveaux courriers" }).click();
      const reception = page.getByRole("dialog", { name: "Nouveaux courriers" });
      await reception.waitFor();
      expect(await reception.getByLabel("Courriers", { exact: true }).inputValue()).toBe("1");
      await reception.getByRole("button", { name: "Ajouter un courrier" }).click();
      await reception.getByRole("button", { name: "Ajouter un colis" }).click();
      await reception.getByRole("button", { name: "Ajouter un avis de passage" }).click();
      await reception.getByLabel("Informations importantes concernant les courriers (1000 caractères maximum)").fill("Colis fragile");
      await reception.getByRole("button", { name: "Enregistrer", exact: true }).click();
      await page.getByText("2 courriers, 1 colis et 1 avis de passage enregistrés.").waitFor();
      await expectPending(page, { Courriers: 2, Colis: 1, "Avis de passage": 1 });

      // Hand-over of the colis alone, to the mandataire.
      await page.getByRole("button", { name: "Distribuer les courriers" }).click();
      const remise = page.getByRole("dialog", { name: "Distribuer les courriers" });
      await remise.getByLabel("2 courriers", { exact: true }).waitFor();
      await remise.getByText("Colis fragile").first().waitFor();
      await remise.getByLabel("2 courriers", { exact: true }).uncheck();
      await remise.getByLabel("1 avis de passage", { exact: true }).uncheck();
      expect(await remise.getByLabel("1 colis", { exact: true }).isChecked()).toBe(true);
      await remise.getByLabel(/^Mandataire : Lucie GARNIER/).check();
      await remise.getByRole("button", { name: "Distribuer", exact: true }).click();
      await page.getByText(/^1 colis remis au mandataire Lucie GARNIER\./).waitFor();

      // 2 courriers and 1 avis still wait; dernier passage did not move.
      await expectPending(page, { Courriers: 2, Colis: 0, "Avis de passage": 1 });
      await page.getByRole("cell", { name: /Courrier remis au mandataire : Lucie GARNIER/ }).waitFor();
      expect(await storedDernierPassage(page)).toBe(dernierPassage);
      await page.getByRole("tab", { name: "Vue d'ensemble", exact: true }).click();
      await page.locator(".mail-waiting").getByText("2 courriers, 1 avis de passage").waitFor();
      const passage = page.locator(".details__row").filter({ hasText: "Dernier passage" });
      expect((await passage.locator("dd").innerText()).trim()).toBe(formatDateFr(debut));
    });
  });

  it("the « Courrier du jour » desk: part of the name, Enter, Enter, and the fiche counts one more courrier", async () => {
    expect(usagerId).toBeGreaterThan(0);
    await withPage("courrier-du-jour", async (page) => {
      await signIn(page, "agent@demoville.fr");
      await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Courrier du jour" }).click();
      await page.getByRole("heading", { level: 1, name: "Courrier du jour" }).waitFor();
      const search = page.getByRole("combobox", { name: "Nom, prénom ou ID" });
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("courrier-jour-recherche");

      await page.keyboard.type("vasse");
      await page.getByRole("option", { name: new RegExp(`^${NAME}`) }).waitFor();
      expect(await search.getAttribute("aria-expanded")).toBe("true");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 2, name: NAME }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("courrier-jour-courrier");
      expect(await page.getByLabel("Courriers", { exact: true }).inputValue()).toBe("1");
      await page.keyboard.press("Enter");

      await page.getByRole("status").getByText(`1 courrier enregistré pour ${NAME}`).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("courrier-jour-recherche");
      expect(await search.inputValue()).toBe("");
      const session = page.getByRole("region", { name: "Enregistré aujourd'hui sur ce poste" });
      await session.getByRole("link", { name: NAME }).click();

      await page.getByRole("heading", { level: 1, name: new RegExp(`^${NAME}`) }).waitFor();
      await expectPending(page, { Courriers: 3, Colis: 0, "Avis de passage": 1 });

      // The last operation (this reception) is deleted: the counter goes back, dernier passage stays.
      await page.getByRole("button", { name: "Supprimer la dernière opération" }).click();
      const suppression = page.getByRole("dialog", { name: "Supprimer la dernière opération ?" });
      await suppression.getByText("1 courrier ne sera plus compté en attente.").waitFor();
      await suppression.getByRole("button", { name: "Supprimer", exact: true }).click();
      await page.getByText(/^Opération supprimée : « Courrier enregistré »/).waitFor();
      await expectPending(page, { Courriers: 2, Colis: 0, "Avis de passage": 1 });
      expect(await storedDernierPassage(page)).toBe(dernierPassage);

      // One-click reception from the list row.
      await page.goto(`${staffUrl}/usagers?q=vasseur`);
      await page.getByRole("button", { name: /^Nouveaux courriers pour M\. VASSEUR Timothée/ }).click();
      await page.getByRole("dialog", { name: "Nouveaux courriers" }).getByRole("button", { name: "Enregistrer", exact: true }).click();
      await page
        .getByRole("row", { name: /VASSEUR Timothée/ })
        .getByText("3 courriers")
        .waitFor();
    });
  });
});
