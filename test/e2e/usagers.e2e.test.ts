/// <reference types="node" />
/**
 * The domiciliés screens in the browser, as the "Must show" says: an instructeur creates
 * "Éloïse Martin-Dupré", holds the rendez-vous and submits; a gestionnaire validates with the
 * default dates, finds her in "Actifs" by typing "eloise", radiates her with a motive, renews.
 * Then the Courriers tab, a PDF upload, and a .exe renamed .pdf refused with the French message.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { calendarDateIn, formatDateFr } from "../../worker/rules/dates";
import { defaultDateFin } from "../../worker/rules/echeance";
import { launchBrowser } from "../support/browser.mjs";
import { signInStaffUi, withCapturedPage } from "./helpers";

const staffUrl = inject("staffUrl");
const NAME = "Mme MARTIN-DUPRÉ Éloïse";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const withPage = (name: string, fn: (page: Page) => Promise<void>) =>
  withCapturedPage(browser, `usagers-${name}`, fn, { acceptDownloads: true });

const signIn = (page: Page, email: string) => signInStaffUi(page, staffUrl, email);

/** The status badge beside the name in the fiche's header. */
function headerStatus(page: Page, label: string) {
  return page.locator(".fiche-header").getByText(label, { exact: true });
}

describe("domiciliés in the browser", () => {
  let ficheUrl = "";

  it("an instructeur creates Éloïse Martin-Dupré, holds the rendez-vous now and submits the request", async () => {
    await withPage("creation", async (page) => {
      await signIn(page, "instructeur@demoville.fr");
      await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Domiciliés" }).click();
      await page.getByRole("heading", { level: 1, name: "Domiciliés" }).waitFor();
      await page.getByRole("link", { name: "Nouveau domicilié" }).click();
      await page.getByRole("heading", { level: 1, name: "Nouveau domicilié" }).waitFor();

      await page.getByLabel("Madame", { exact: true }).check();
      await page.getByLabel("Nom", { exact: true }).fill("Martin-Dupré");
      await page.getByLabel("Prénom", { exact: true }).fill("Éloïse");
      await page.getByLabel("Date de naissance", { exact: true }).fill("12/04/1988");
      await page.getByLabel("Lieu de naissance", { exact: true }).fill("Lyon");
      await page.getByRole("button", { name: "Créer le dossier" }).click();

      // A possible duplicate (same nom and prénom) asks for a confirmation first.
      const created = page.waitForURL(/\/usagers\/\d+$/);
      const again = page.getByRole("button", { name: "Créer quand même" });
      await Promise.race([created, again.waitFor()]);
      if (await again.isVisible()) await again.click();
      await created;
      ficheUrl = page.url();

      await page.getByRole("heading", { level: 1, name: new RegExp(`^${NAME} - \\d+$`) }).waitFor();
      await headerStatus(page, "Instruction").waitFor();
      for (const tab of ["Vue d'ensemble", "Courriers", "Dossier", "Documents", "Historique"]) {
        await page.getByRole("tab", { name: tab, exact: true }).waitFor();
      }

      // Rendez-vous "maintenant", then submit.
      await page.getByLabel("Maintenant", { exact: true }).check();
      await page.getByRole("button", { name: "Enregistrer le rendez-vous" }).click();
      await page.getByText("Rendez-vous enregistré : l'entretien peut commencer.").waitFor();
      await page.getByRole("button", { name: "Soumettre la demande" }).click();
      await page.getByText(/^Demande soumise/).waitFor();
      await headerStatus(page, "À valider").waitFor();
      // An instructeur cannot decide: the gestionnaire is invited to.
      await page.getByText("La personne référente dans votre structure est invitée à statuer.").waitFor();
      expect(await page.getByRole("button", { name: "Valider", exact: true }).count()).toBe(0);
    });
  });

  it("a gestionnaire validates with the default dates, finds her in « Actifs » by typing « eloise », radiates and renews", async () => {
    expect(ficheUrl).not.toBe("");
    await withPage("decisions", async (page) => {
      await signIn(page, "gestionnaire@demoville.fr");
      await page.goto(ficheUrl);
      await headerStatus(page, "À valider").waitFor();

      // Validation: today → today + 1 year − 1 day, pre-filled.
      await page.getByRole("button", { name: "Valider", exact: true }).click();
      const validation = page.getByRole("dialog", { name: "Valider la domiciliation" });
      await validation.waitFor();
      const today = calendarDateIn("Europe/Paris", new Date());
      expect(await validation.getByLabel("Date de début", { exact: true }).inputValue()).toBe(formatDateFr(today));
      expect(await validation.getByLabel("Date de fin", { exact: true }).inputValue()).toBe(formatDateFr(defaultDateFin(today)));
      await validation.getByRole("button", { name: "Valider la domiciliation" }).click();
      await page.getByText(/^Domiciliation acceptée du /).waitFor();
      await headerStatus(page, "Actif").waitFor();

      // The list: "Actifs" tab, then "eloise" finds "Éloïse" (accents and case ignored).
      await page.getByRole("link", { name: "Retour à la liste des domiciliés" }).click();
      await page.getByRole("heading", { level: 1, name: "Domiciliés" }).waitFor();
      await page.getByRole("tab", { name: /^Actifs/ }).click();
      await page.waitForURL((url) => url.searchParams.get("onglet") === "ACTIFS");
      const searched = page.waitForResponse(
        (r) => r.url().includes("usagers.list") && decodeURIComponent(r.url()).includes('"q":"eloise"') && r.ok(),
      );
      await page.getByLabel("Rechercher un domicilié").fill("eloise");
      await page.waitForURL((url) => url.searchParams.get("q") === "eloise");
      await searched;
      await page.getByText("Recherche en cours…").waitFor({ state: "hidden" });
      const result = page.getByRole("link", { name: NAME, exact: true });
      await result.waitFor();
      // Every row shown is an active file matching the search.
      const rows = page.locator("table.table--usagers tbody tr");
      for (const row of await rows.all()) {
        expect(await row.getByText("Actif", { exact: true }).count()).toBe(1);
        expect((await row.innerText()).toLowerCase()).toMatch(/[ée]lo[ïi]se/);
      }

      // Radiation with a legal motive.
      await result.click();
      await page.getByRole("heading", { level: 1, name: new RegExp(`^${NAME}`) }).waitFor();
      await page.getByRole("button", { name: "Radier le domicilié" }).click();
      const radiation = page.getByRole("dialog");
      await radiation.getByText("La radiation doit être notifiée par écrit").waitFor();
      expect(await radiation.getByLabel("Date de radiation", { exact: true }).inputValue()).toBe(formatDateFr(today));
      await radiation.getByLabel("Motif de la radiation").selectOption({ label: "À sa demande" });
      await radiation.getByRole("button", { name: "Radier le domicilié" }).click();
      await page.getByText(/^Le domicilié est radié/).waitFor();
      await headerStatus(page, "Radié").waitFor();
      await page.locator(".details").getByText("Radié", { exact: true }).waitFor();

      // The radiation letter is generated and downloaded (.docx).
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Courrier de radiation" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);

      // Renewal: the file is back under instruction.
      await page.getByRole("button", { name: "Demande de renouvellement" }).click();
      const renewal = page.getByRole("dialog", { name: "Demande de renouvellement" });
      await renewal.waitFor();
      await renewal.getByRole("button", { name: "Confirmer la demande" }).click();
      await page.getByText(/^Demande de renouvellement enregistrée/).waitFor();
      await headerStatus(page, "Instruction").waitFor();
      await page.getByText(/^Instruction du dossier/).waitFor();

      // The history tab tells the story from the audit data.
      await page.getByRole("tab", { name: "Historique", exact: true }).click();
      const history = page.getByRole("tabpanel");
      await history.getByRole("cell", { name: "Radiation", exact: true }).waitFor();
      await history.getByRole("cell", { name: "Domiciliation acceptée", exact: true }).waitFor();
      await history.getByRole("cell", { name: "Demande de renouvellement", exact: true }).waitFor();
    });
  });

  it("shows the Courriers tab, uploads a small PDF and refuses a .exe renamed .pdf with a French message", async () => {
    expect(ficheUrl).not.toBe("");
    await withPage("documents", async (page) => {
      await signIn(page, "gestionnaire@demoville.fr");
      await page.goto(ficheUrl);
      await page.getByRole("heading", { level: 1, name: new RegExp(`^${NAME}`) }).waitFor();

      await page.getByRole("tab", { name: "Courriers", exact: true }).click();
      await page.getByRole("heading", { name: "Historique des courriers et passages" }).waitFor();
      await page.getByRole("heading", { name: "Courrier en attente" }).waitFor();

      await page.getByRole("tab", { name: "Documents", exact: true }).click();
      await page.getByRole("heading", { name: "Ajouter un document" }).waitFor();
      const table = page.getByRole("region", { name: "Documents" });
      // The radiation letter generated earlier is archived here.
      await table.getByRole("rowheader", { name: /^Courrier de radiation du / }).waitFor();

      // A small, real PDF.
      const pdf = Buffer.from(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
      );
      await page
        .getByLabel("Fichier", { exact: true })
        .setInputFiles({ name: "justificatif.pdf", mimeType: "application/pdf", buffer: pdf });
      await page.getByLabel("Nom du document", { exact: true }).fill("Justificatif de ressources");
      await page.getByRole("button", { name: "Ajouter le document" }).click();
      await page.getByText("« Justificatif de ressources » est ajouté aux documents.").waitFor();
      await table.getByRole("rowheader", { name: /^Justificatif de ressources/ }).waitFor();
      await table.getByRole("link", { name: "Télécharger Justificatif de ressources" }).waitFor();

      // A Windows executable renamed .pdf: the server reads the content and refuses it.
      const exe = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), Buffer.alloc(256, 0)]);
      await page.getByLabel("Fichier", { exact: true }).setInputFiles({ name: "facture.pdf", mimeType: "application/pdf", buffer: exe });
      await page.getByLabel("Nom du document", { exact: true }).fill("Facture");
      await page.getByRole("button", { name: "Ajouter le document" }).click();
      const refusal = "Fichier : seuls les documents PDF, JPG et PNG sont acceptés (le contenu ne correspond pas).";
      await page.locator(".field-error").getByText(refusal).waitFor();
      await page.getByRole("alert").getByText("Certains champs sont invalides : vérifiez le formulaire.").waitFor();
      expect(await table.getByRole("rowheader", { name: /^Facture/ }).count()).toBe(0);

      // Nothing was stored: the list from the server has only the PDF.
      await page.getByRole("tab", { name: "Historique", exact: true }).click();
      await page.getByRole("tab", { name: "Documents", exact: true }).click();
      await table.getByRole("rowheader", { name: /^Justificatif de ressources/ }).waitFor();
      expect(await table.getByRole("rowheader", { name: /^Facture/ }).count()).toBe(0);
    });
  });

  it("an agent d'accueil edits the contact details only, and a bad number is named beside its field", async () => {
    await withPage("contact-agent", async (page) => {
      await signIn(page, "agent@demoville.fr");
      await page.goto(ficheUrl);
      await page.getByRole("tab", { name: "Dossier", exact: true }).click();
      await page.getByRole("heading", { name: "Contact", exact: true }).waitFor();
      expect(await page.getByRole("button", { name: "Enregistrer l'état civil" }).count()).toBe(0);
      const phone = page.getByLabel("Téléphone mobile", { exact: true });
      await phone.fill("12");
      await page.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
      await expect.poll(() => phone.getAttribute("aria-invalid")).toBe("true");
      await phone.fill("07 12 34 56 78");
      await page.getByLabel("Oui", { exact: true }).check();
      await page.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
      await page.getByText("Coordonnées enregistrées.").waitFor();
      await page.reload();
      await page.getByRole("tab", { name: "Dossier", exact: true }).click();
      await expect.poll(() => page.getByLabel("Téléphone mobile", { exact: true }).inputValue()).toBe("07 12 34 56 78");
    });
  });
});
