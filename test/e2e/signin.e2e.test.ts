/// <reference types="node" />
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser.mjs";
import { DEMO, demoStructure } from "./helpers";

const staffUrl = inject("staffUrl");
const UI_TIMEOUT = 15_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  context.setDefaultTimeout(UI_TIMEOUT);
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${staffUrl}/connexion`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

async function visibleCount(locator: Locator): Promise<number> {
  let n = 0;
  for (const one of await locator.all()) if (await one.isVisible()) n++;
  return n;
}

const ACCESS: Record<string, { equipe: boolean; journal: boolean }> = {
  admin: { equipe: true, journal: true },
  responsable: { equipe: true, journal: false },
  simple: { equipe: false, journal: false },
  agent: { equipe: false, journal: false },
  facteur: { equipe: false, journal: false },
};

describe("staff sign-in in the browser", () => {
  for (const member of demoStructure("demoville").staff) {
    const label = DEMO.roleLabels[member.role];
    it(`${member.email} signs in as ${label}, sees the right menu, signs out`, async () => {
      await withPage(async (page) => {
        await signIn(page, member.email, DEMO.staffPassword);

        // The header shows who is signed in; the navigation is rendered with it.
        await page.locator("header").getByText(`${member.prenom} ${member.nom} — ${label}`).waitFor();
        expect(new URL(page.url()).pathname).not.toBe("/connexion");

        const nav = page.getByRole("navigation");
        const access = ACCESS[member.role]!;
        for (const [name, allowed] of [
          ["Équipe", access.equipe],
          ["Journal", access.journal],
        ] as const) {
          const link = nav.getByRole("link", { name, exact: true });
          if (allowed) await link.first().waitFor();
          expect(await visibleCount(link), `lien « ${name} » dans la navigation`).toBe(allowed ? 1 : 0);
        }

        await page
          .getByRole("button", { name: "Se déconnecter" })
          .or(page.getByRole("link", { name: "Se déconnecter" }))
          .first()
          .click();
        await page.waitForURL((url) => url.pathname === "/connexion");
        await page.getByRole("button", { name: "Se connecter" }).waitFor();
        // The server-side session is gone too, not only the page.
        expect(await page.evaluate(async () => (await fetch("/trpc/compte.me")).status)).toBe(401);
      });
    });
  }

  it("a wrong password shows an error and stays on /connexion", async () => {
    // Another structure's admin: the failed attempt does not count against the accounts used elsewhere.
    const member = demoStructure("abri").staff[0]!;
    await withPage(async (page) => {
      await signIn(page, member.email, "Mauvais-mot-de-passe-0");
      const alert = page.getByRole("alert").filter({ hasText: /\S/ });
      await alert.first().waitFor();
      expect(await alert.first().textContent()).toMatch(/incorrect/i);
      expect(new URL(page.url()).pathname).toBe("/connexion");
    });
  });
});
