/// <reference types="node" />
/**
 * "Supprimer le dossier" in the browser (reference B.4.6): a file created through the API, its
 * fiche opened by the gestionnaire, the dialog reached and dismissed with the keyboard, then the
 * deletion confirmed; the list says so and no longer finds the person.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser.mjs";
import { etatCivil } from "../support/fixtures";
import { cookiePair, DEMO, signInStaffUi, trpcMutation } from "./helpers";

const staffUrl = inject("staffUrl");
const UI_TIMEOUT = 15_000;
const GESTIONNAIRE = "gestionnaire@demoville.fr";
const NAME = "M. EFFAÇABLE Octave";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A file of Demoville created through the API, as the gestionnaire. */
async function createFile(): Promise<number> {
  const signIn = await trpcMutation(staffUrl, "compte.signIn", { email: GESTIONNAIRE, password: DEMO.staffPassword });
  expect(signIn.status).toBe(200);
  const cookie = cookiePair(signIn, "ancrage_staff")!;
  const created = await trpcMutation(staffUrl, "usagers.create", { ...etatCivil, nom: "Effaçable", prenom: "Octave" }, { cookie });
  expect(created.status).toBe(200);
  return ((await created.json()) as { result: { data: { id: number } } }).result.data.id;
}

const isFocused = (page: Page, name: string) =>
  page.getByRole("button", { name, exact: true }).evaluate((el) => el === document.activeElement);

describe("deleting a file in the browser", () => {
  it("a gestionnaire deletes a file from its « Dossier » tab; the list no longer shows it", async () => {
    const id = await createFile();
    const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
    context.setDefaultTimeout(UI_TIMEOUT);
    const page = await context.newPage();
    try {
      await signInStaffUi(page, staffUrl, GESTIONNAIRE);
      await page.goto(`${staffUrl}/usagers/${id}?onglet=dossier`);
      await page.getByRole("heading", { level: 1, name: new RegExp(`^${NAME} - \\d+$`) }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Zone sensible" }).waitFor();

      // Keyboard: Enter opens the dialog on « Annuler » (the harmless choice), Escape closes it.
      const open = page.getByRole("button", { name: "Supprimer le dossier", exact: true });
      await open.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: `Supprimer définitivement le dossier de ${NAME} ?` });
      await dialog.waitFor();
      await dialog.getByText("courriers, notes, documents, procurations et accès au portail").waitFor();
      await dialog.getByText("préférez la radiation").waitFor();
      expect(await isFocused(page, "Annuler")).toBe(true);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      expect(await isFocused(page, "Supprimer le dossier")).toBe(true);

      await open.click();
      await dialog.getByRole("button", { name: "Supprimer définitivement" }).click();
      await page.waitForURL((url) => url.pathname === "/usagers");
      // As after any navigation the focus is on the content, which the message heads.
      await page
        .locator("#contenu")
        .getByRole("status")
        .filter({ hasText: `Dossier de ${NAME} supprimé.` })
        .waitFor();
      await page.waitForFunction(() => document.activeElement?.id === "contenu");

      const searched = page.waitForResponse(
        (r) => r.url().includes("usagers.list") && decodeURIComponent(r.url()).includes('"q":"effacable"') && r.ok(),
      );
      await page.getByLabel("Rechercher un domicilié").fill("effacable");
      await searched;
      await page.getByText("Aucun domicilié ne correspond à votre recherche.").waitFor();
      expect(await page.getByRole("link", { name: NAME, exact: true }).count()).toBe(0);
    } catch (error) {
      const file = join(tmpdir(), "ancrage-e2e-usager-suppression.png");
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      if (error instanceof Error) error.message += `\n(capture : ${file}, page : ${page.url()})`;
      throw error;
    } finally {
      await context.close();
    }
  });
});
