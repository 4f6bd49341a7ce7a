/// <reference types="node" />
/**
 * Mon Ancrage in Arabic, right to left, on a 320 px phone: the language switch, <html lang="ar"
 * dir="rtl">, the Arabic strings of the sign-in page, the first login and the dashboard, dates with
 * Latin digits, French data (phone numbers, the structure's address) kept in their own order inside
 * the right-to-left page, the mirrored layout, and axe-core finding nothing.
 *
 * The portal account is made through the staff HTTP API, as in portail.e2e.test.ts.
 * Screenshots: ANCRAGE_SCREENSHOTS=docs/screenshots writes them there.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { calendarDateIn } from "../../worker/rules/dates";
import { defaultDateFin } from "../../worker/rules/echeance";
import { launchBrowser } from "../support/browser.mjs";
import { etatCivil } from "../support/fixtures";
import { docxText } from "../support/zip.mjs";
import { axeViolations } from "./axe";
import { cookiePair, DEMO, demoStructure, ROOT, trpcMutation, trpcQuery } from "./helpers";

const staffUrl = inject("staffUrl");
const portalUrl = inject("portalUrl");
const UI_TIMEOUT = 15_000;
const SHOTS = process.env.ANCRAGE_SCREENSHOTS ? join(ROOT, process.env.ANCRAGE_SCREENSHOTS) : null;

async function staffCall<T>(cookie: string, kind: "query" | "mutation", path: string, input: unknown): Promise<T> {
  const res = kind === "query" ? await trpcQuery(staffUrl, path, input, { cookie }) : await trpcMutation(staffUrl, path, input, { cookie });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
  return body.result!.data;
}

/** A validated domicilié of Démoville with portal access and mail waiting; the letter's identifiant and temporary password. */
async function portalAccount(): Promise<{ login: string; temporaryPassword: string; customRef: string }> {
  const admin = demoStructure("demoville").staff.find((m) => m.role === "admin")!;
  const signIn = await trpcMutation(staffUrl, "compte.signIn", { email: admin.email, password: DEMO.staffPassword });
  const cookie = cookiePair(signIn, "ancrage_staff")!;
  await staffCall(cookie, "mutation", "portail.updateSettings", { enabled: true, loginUpdatesDernierPassage: false });
  const customRef = `AR-${Math.random().toString(36).slice(2, 7)}`;
  const { id: usagerId } = await staffCall<{ id: number }>(cookie, "mutation", "usagers.create", {
    ...etatCivil,
    civilite: "Mme",
    nom: "Haddad",
    prenom: "Samira",
    dateNaissance: "1979-11-03",
    lieuNaissance: "Oran",
    telephone: "06 12 34 56 78",
    customRef,
  });
  const { usager } = await staffCall<{ usager: { version: number } }>(cookie, "query", "usagers.get", { id: usagerId });
  // "Today" is the structure's day (Paris), whatever the machine's clock says.
  const today = calendarDateIn("Europe/Paris", new Date());
  await staffCall(cookie, "mutation", "usagers.validate", {
    usagerId,
    version: usager.version,
    dateDebut: today,
    dateFin: defaultDateFin(today),
    customRef: null,
  });
  await staffCall(cookie, "mutation", "portail.setPreference", { usagerId, acces: true });
  await staffCall(cookie, "mutation", "courrier.receive", { usagerId, courrier: 2, colis: 1, avis: 1, content: "Lettre de la CAF" });
  const letter = await fetch(`${staffUrl}/fichiers/portail/${usagerId}/lettre`, { headers: { cookie } });
  expect(letter.status).toBe(200);
  const text = await docxText(new Uint8Array(await letter.arrayBuffer()));
  const login = /Identifiant : ([A-Z]{8})/.exec(text)?.[1];
  const temporaryPassword = /Mot de passe temporaire : (\d{8})/.exec(text)?.[1];
  if (!login || !temporaryPassword) throw new Error("identifiant or temporary password not found in the letter");
  return { login, temporaryPassword, customRef };
}

/** Nothing wider than the 320 px screen: no sideways scrolling in either direction. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.body.querySelectorAll("*")].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && (r.left < -1 || r.right > width + 1) && !e.closest(".sr-only, .skip-link");
    });
    return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.map((e) => e.outerHTML.slice(0, 80)) };
  });

/**
 * Where the first and the last `n` characters of `text` are drawn (left edges): in a right-to-left
 * page, French data such as "12 rue …" or "+33 6 …" must still read left to right.
 */
const readsLeftToRight = (page: Page, text: string, n = 2) =>
  page.evaluate(
    ({ text, n }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const rect = (from: number, to: number) => {
          const r = document.createRange();
          r.setStart(node!, from);
          r.setEnd(node!, to);
          return r.getBoundingClientRect();
        };
        return rect(at, at + n).left < rect(at + text.length - n, at + text.length).left;
      }
      throw new Error(`text not found: ${text}`);
    },
    { text, n },
  );

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("Mon Ancrage in Arabic", () => {
  it("switches to Arabic right to left, signs in for the first time and shows the dashboard, at 320 px, with no axe violation", async () => {
    const account = await portalAccount();
    const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", viewport: { width: 320, height: 640 } });
    context.setDefaultTimeout(UI_TIMEOUT);
    const page = await context.newPage();
    try {
      await page.goto(`${portalUrl}/`);
      await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
      await page.getByRole("button", { name: "العربية" }).click();

      // The sign-in page: <html lang dir>, the strings, nothing left in French, mirrored.
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar", "rtl"]);
      expect(await page.getByRole("button", { name: "العربية" }).getAttribute("aria-pressed")).toBe("true");
      await page.getByLabel("اسم المستخدم").waitFor();
      await page.getByLabel("كلمة المرور", { exact: true }).waitFor();
      await page.getByLabel("جهاز مشترك (لن يُحفظ أي شيء على هذا الهاتف)").waitFor();
      await page.getByRole("heading", { name: "نسيتم كلمة المرور؟" }).waitFor();
      const signInText = await page.locator("main").innerText();
      for (const fr of ["Connexion", "Votre identifiant", "Mot de passe", "Appareil partagé", "obligatoires"])
        expect(signInText, fr).not.toContain(fr);
      // Right to left: the app's name, the title and the labels start on the right, where the fields end.
      const layout = await page.evaluate(() => {
        const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
        const text = (sel: string) => {
          const r = document.createRange();
          r.selectNodeContents(document.querySelector(sel)!);
          return r.getBoundingClientRect();
        };
        return { brand: box(".brand"), h1: text("main h1"), label: text('label[for="login"]'), input: box("#login") };
      });
      expect(layout.brand.right).toBeGreaterThan(300);
      expect(Math.abs(layout.h1.right - layout.brand.right)).toBeLessThan(2);
      expect(layout.h1.left).toBeGreaterThan(layout.input.left + 20);
      expect(Math.abs(layout.label.right - layout.input.right)).toBeLessThan(2);
      expect(await overflow(page)).toEqual({ scrollWidth: 320, width: 320, wide: [] });
      expect(await axeViolations(page), "axe: sign-in page in Arabic").toEqual([]);
      await shot(page, "connexion-ar-320");

      // The choice is remembered on the device.
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");

      // First login in Arabic: the checklist, then the dashboard.
      await page.getByLabel("اسم المستخدم").fill(account.login.toLowerCase());
      await page.getByLabel("كلمة المرور", { exact: true }).fill(account.temporaryPassword);
      await page.getByRole("button", { name: "تسجيل الدخول", exact: true }).click();
      await page.getByText("هذا أول تسجيل دخول لكم، يرجى اختيار كلمة مرور جديدة:", { exact: true }).waitFor();
      await page.getByLabel("كلمة المرور الجديدة", { exact: true }).fill("abc");
      const unmet = page.locator(".checklist li").filter({ hasText: "8 أحرف على الأقل" });
      expect(await unmet.innerText()).toContain("الشرط غير مستوفى");
      await page.getByLabel("كلمة المرور الجديدة", { exact: true }).fill("Zaytoun-Akhdar-5");
      await page.getByLabel("تأكيد كلمة المرور", { exact: true }).fill("Zaytoun-Akhdar-5");
      for (const li of await page.locator(".checklist li").allInnerTexts()) expect(li).toContain("الشرط مستوفى");
      expect(await axeViolations(page), "axe: first login in Arabic").toEqual([]);
      await page.getByRole("button", { name: "تسجيل الدخول", exact: true }).click();

      // Name and file ID are Latin data between Unicode isolates (FSI … PDI), so they keep their
      // order; the ID has a word joiner after its hyphen, so it is never cut across two lines.
      const shownId = account.customRef.replace("-", "-\u2060");
      await page.getByRole("heading", { level: 1, name: `مرحبًا \u2068Samira HADDAD\u2069 - \u2068${shownId}\u2069!` }).waitFor();
      await page.getByRole("heading", { level: 2, name: "لديكم بريد!" }).waitFor();
      const text = await page.locator("main").innerText();
      for (const ar of [
        "مرحبًا بكم في مساحة متابعة بريدكم",
        "رسالتان (2)",
        "طرد واحد (1)",
        "إشعار بريد مضمون واحد (1)",
        "تفاصيل البريد الذي ينتظركم",
        "Lettre de la CAF",
        "توطينكم",
        "الحالة",
        "ساري",
        "تاريخ الانتهاء",
        "مركز التوطين الخاص بكم",
        "12 rue de la République",
        "+33 6 12 34 56 78",
      ]) {
        expect(text, ar).toContain(ar);
      }
      // Dates: Arabic month names, Latin digits (ar-u-nu-latn), never Arabic-Indic ones.
      expect(text).toMatch(/\d{1,2} [\u0600-\u06FF]+ \d{4}/);
      expect(text).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
      expect(await page.evaluate(() => document.title)).toBe("مساحتي — Mon Ancrage");
      // French data keeps its own order inside the right-to-left page.
      expect(await readsLeftToRight(page, shownId), "file ID").toBe(true);
      expect(await readsLeftToRight(page, "Samira HADDAD"), "name").toBe(true);
      expect(await readsLeftToRight(page, "12 rue de la République"), "structure address").toBe(true);
      expect(await readsLeftToRight(page, "+33 6 12 34 56 78"), "phone number").toBe(true);
      expect(await readsLeftToRight(page, "+33 3 20 00 00 00"), "structure phone number").toBe(true);
      expect(await overflow(page)).toEqual({ scrollWidth: 320, width: 320, wide: [] });
      expect(await axeViolations(page), "axe: dashboard in Arabic").toEqual([]);
      await shot(page, "tableau-de-bord-ar-320");

      // The history, its back link pointing the reading way (→ in right to left).
      await page.getByRole("link", { name: "الاطلاع على سجل البريد والزيارات" }).click();
      await page.getByRole("heading", { level: 1, name: "سجل البريد والزيارات" }).waitFor();
      await page.getByText("استلام رسائل: 2", { exact: true }).waitFor();
      expect(await page.locator(".back a").textContent()).toBe("→ العودة إلى مساحتي");
      expect(await overflow(page)).toEqual({ scrollWidth: 320, width: 320, wide: [] });
      expect(await axeViolations(page), "axe: history in Arabic").toEqual([]);
    } finally {
      await context.close();
    }
  });
});
