/// <reference types="node" />
/**
 * The access letter as a person sees it once printed (issue "Must show": a rendering check).
 * LibreOffice (Debian's libreoffice-writer-nogui, headless) converts the .docx to PDF, poppler
 * (pdftotext, pdftoppm) reads it back:
 *  - the French letter is ONE A4 page: page 1 holds the identifiant, the password and the
 *    "au minimum une fois tous les trois mois" rule; page 2 is the English panel;
 *  - page 1 of a letter with fixed data, rendered at 50 dpi, is compared loosely with the reference
 *    committed in test/fixtures/portail-letter-page1.png (grey levels averaged over 8×8 blocks, and
 *    the share of ink), so a moved block or a page break shows, a font's antialiasing does not;
 *  - the letter that the server really generates (portail.setPreference, then the download of
 *    /fichiers/portail/<id>/lettre) passes the same page checks.
 * ANCRAGE_UPDATE_FIXTURES=1 rewrites the reference after a deliberate change of the letter.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { portalLettersDocx } from "../../worker/letters/portail";
import type { CalendarDate } from "../../worker/rules/dates";
import { docxText } from "../support/zip.mjs";
import { cookiePair, DEMO, ROOT, trpcMutation, trpcQuery } from "./helpers";

const staffUrl = inject("staffUrl");
const REFERENCE = join(ROOT, "test/fixtures/portail-letter-page1.png");
const UPDATE = process.env.ANCRAGE_UPDATE_FIXTURES === "1";
const TOOLS: [command: string, pkg: string][] = [
  ["soffice", "libreoffice-writer-nogui"],
  ["pdftoppm", "poppler-utils"],
  ["pdftotext", "poppler-utils"],
  ["pdfinfo", "poppler-utils"],
];
/** A4 in PostScript points, as pdfinfo prints it. */
const A4 = { width: 595.3, height: 841.9 };
/**
 * Loose comparison: mean grey difference over 8×8 blocks (0–1) and the ink share's relative gap.
 * Measured here: 0 and 0 for the fixed letter; 0.0024 and 0.4 % for a letter with other data. A
 * missing QR code alone gives about 0.0075 and 24 % less ink; a block moved by a line, more.
 */
const MAX_BLOCK_DIFFERENCE = 0.006;
const MAX_INK_GAP = 0.05;
const MAX_SERVED_BLOCK_DIFFERENCE = 0.008;
const MAX_SERVED_INK_GAP = 0.15;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "ancrage-letter-render-"));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function missingTools(): string[] {
  return TOOLS.filter(([command]) => {
    try {
      execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  }).map(([command, pkg]) => `${command} (${pkg})`);
}

function requireTools() {
  const missing = missingTools();
  if (missing.length > 0) {
    throw new Error(
      `Outils introuvables : ${missing.join(", ")}. Lancez \`bash .ci/run\` : il installe les paquets Debian ` +
        "libreoffice-writer-nogui et poppler-utils dont ce test a besoin (ou apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation).",
    );
  }
}

/** .docx → .pdf with LibreOffice headless, in a profile of its own (no lock shared with anyone). */
function toPdf(docxFiles: string[]): string[] {
  const profile = join(work, "lo-profile");
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, ...docxFiles],
    { stdio: "pipe", timeout: 60_000, env: { ...process.env, HOME: work } },
  );
  return docxFiles.map((f) => f.replace(/\.docx$/, ".pdf"));
}

function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** The text of one page, whitespace collapsed (pdftotext breaks long lines). */
function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

function renderPage1(pdf: string): string {
  const prefix = pdf.replace(/\.pdf$/, "-page");
  execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
  return `${prefix}.png`;
}

interface Grey {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black, 255 = white. */
  pixels: Uint8Array;
}

/** A minimal PNG reader (8-bit grey, grey+alpha, RGB or RGBA, not interlaced: what pdftoppm writes). */
function readPng(file: string): Grey {
  const data = readFileSync(file);
  expect(data.subarray(0, 8).toString("hex"), `${file} is a PNG`).toBe("89504e470d0a1a0a");
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let p = 8; p < data.length; ) {
    const length = data.readUInt32BE(p);
    const type = data.toString("latin1", p + 4, p + 8);
    const body = data.subarray(p + 8, p + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colorType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType as 0 | 2 | 4 | 6] ?? 0;
      if (depth !== 8 || channels === 0 || interlace !== 0)
        throw new Error(`${file}: PNG format not handled (depth ${depth}, color type ${colorType})`);
    } else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    p += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? rows[y * stride + x - channels]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? rows[(y - 1) * stride + x - channels]! : 0;
      let value = line[x]!;
      if (filter === 1) value += left;
      else if (filter === 2) value += up;
      else if (filter === 3) value += (left + up) >> 1;
      else if (filter === 4) {
        const base = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(base - left), Math.abs(base - up), Math.abs(base - upLeft)];
        value += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      rows[y * stride + x] = value & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const o = i * channels;
    pixels[i] = channels >= 3 ? Math.round(0.299 * rows[o]! + 0.587 * rows[o + 1]! + 0.114 * rows[o + 2]!) : rows[o]!;
  }
  return { width, height, pixels };
}

/** The mean grey of each block×block square, 0–1. */
function blocks(image: Grey, block: number): number[] {
  const out: number[] = [];
  for (let by = 0; by + block <= image.height; by += block) {
    for (let bx = 0; bx + block <= image.width; bx += block) {
      let sum = 0;
      for (let y = by; y < by + block; y++) for (let x = bx; x < bx + block; x++) sum += image.pixels[y * image.width + x]!;
      out.push(sum / (block * block * 255));
    }
  }
  return out;
}

/** The share of pixels darker than mid-grey. */
function inkShare(image: Grey): number {
  let ink = 0;
  for (const v of image.pixels) if (v < 128) ink++;
  return ink / image.pixels.length;
}

function blockDifference(image: Grey, reference: Grey): number {
  const a = blocks(image, 8);
  const b = blocks(reference, 8);
  return a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
}

function inkGap(image: Grey, referenceInk: number): number {
  return Math.abs(inkShare(image) - referenceInk) / referenceInk;
}

/** The page checks every letter must pass: one A4 page in French, then the English panel. */
function checkPages(pdf: string, letter: { login: string; temporaryPassword: string }) {
  const info = pdfInfo(pdf);
  expect(info.pages, "French page + English panel").toBe(2);
  expect(info.width).toBeCloseTo(A4.width, 0);
  expect(info.height).toBeCloseTo(A4.height, 0);
  const page1 = pageText(pdf, 1);
  for (const text of [
    "Objet : Accès à votre espace domicilié",
    `Identifiant : ${letter.login}`,
    `Mot de passe temporaire : ${letter.temporaryPassword}`,
    "NOTES : vous devrez choisir un nouveau mot de passe lors de votre première connexion.",
    "SIGNATURE",
    "ALLER SUR SON ESPACE USAGER SUR INTERNET",
    "vous devez obligatoirement vous présenter au minimum une fois tous les trois mois au service de la Domiciliation.",
  ]) {
    expect(page1, `page 1: ${text}`).toContain(text);
  }
  expect(page1).not.toContain("GO ON YOUR INTERNET USER SPACE");
  const page2 = pageText(pdf, 2);
  for (const text of [
    "GO ON YOUR INTERNET USER SPACE",
    "1. Enter your login",
    "you must necessarily come at least once every three months to the Domiciliation department.",
  ]) {
    expect(page2, `page 2: ${text}`).toContain(text);
  }
  expect(page2).not.toContain("Identifiant");
}

/** The seed's letter, with fixed data so that its rendering can be compared with the reference. */
const FIXED = {
  structure: {
    nom: "CCAS de Démoville",
    adresse: "12 rue de la République",
    complementAdresse: null,
    codePostal: "59000",
    ville: "Démoville",
  },
  usager: { prenom: "jean", nom: "test", customRef: "01" },
  portalUrl: "https://mon.ancrage.example/",
  login: "VBEDLPIM",
  temporaryPassword: "10484654",
  date: "2023-02-06" as CalendarDate,
};

async function serverLetter(): Promise<{ bytes: Uint8Array; login: string; temporaryPassword: string }> {
  const signIn = await trpcMutation(staffUrl, "compte.signIn", { email: "admin@demoville.fr", password: DEMO.staffPassword });
  expect(signIn.status).toBe(200);
  const cookie = cookiePair(signIn, "ancrage_staff")!;
  const call = async <T>(res: Promise<Response>, path: string): Promise<T> => {
    const r = await res;
    const body = (await r.json()) as { result?: { data: T }; error?: unknown };
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(body.error)}`);
    return body.result!.data;
  };
  const settings = await call<{ enabled: boolean; loginUpdatesDernierPassage: boolean }>(
    trpcQuery(staffUrl, "portail.settings", undefined, { cookie }),
    "portail.settings",
  );
  if (!settings.enabled) {
    await call(trpcMutation(staffUrl, "portail.updateSettings", { ...settings, enabled: true }, { cookie }), "portail.updateSettings");
  }
  // The last active file by name (the seed's browser test takes the first ones).
  const list = await call<{ rows: { id: number }[] }>(
    trpcQuery(staffUrl, "usagers.list", { tab: "ACTIFS", sort: "nom", order: "desc" }, { cookie }),
    "usagers.list",
  );
  const usagerId = list.rows[0]!.id;
  await call(
    trpcMutation(staffUrl, "portail.setPreference", { usagerId, acces: true, reinitialiser: true }, { cookie }),
    "portail.setPreference",
  );
  const res = await fetch(`${staffUrl}/fichiers/portail/${usagerId}/lettre`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = await docxText(bytes);
  return {
    bytes,
    login: /Identifiant : ([A-Z]{8})/.exec(text)![1]!,
    temporaryPassword: /Mot de passe temporaire : (\d{8})/.exec(text)![1]!,
  };
}

describe("the access letter, printed (LibreOffice → PDF → PNG)", () => {
  it("LibreOffice and poppler are installed (bash .ci/run installs them)", () => {
    requireTools();
  });

  it("the French letter is one A4 page, the English panel the next; page 1 looks like the reference", async () => {
    requireTools();
    const fixedDocx = join(work, "fixe.docx");
    writeFileSync(fixedDocx, await portalLettersDocx([FIXED]));
    const generated = await serverLetter();
    const serverDocx = join(work, "serveur.docx");
    writeFileSync(serverDocx, generated.bytes);

    const [fixedPdf, serverPdf] = toPdf([fixedDocx, serverDocx]);
    checkPages(fixedPdf!, FIXED);
    checkPages(serverPdf!, generated);

    const page = readPng(renderPage1(fixedPdf!));
    const served = readPng(renderPage1(serverPdf!));
    if (UPDATE) {
      mkdirSync(join(ROOT, "test/fixtures"), { recursive: true });
      writeFileSync(REFERENCE, readFileSync(renderPage1(fixedPdf!)));
    }
    const reference = readPng(REFERENCE);
    expect([page.width, page.height], "page size at 50 dpi").toEqual([reference.width, reference.height]);

    const referenceInk = inkShare(reference);
    expect(blockDifference(page, reference), "mean difference of 8×8 blocks with the reference").toBeLessThan(MAX_BLOCK_DIFFERENCE);
    expect(inkGap(page, referenceInk), `ink ${inkShare(page).toFixed(4)} vs ${referenceInk.toFixed(4)}`).toBeLessThan(MAX_INK_GAP);
    // The server's letter has another name, address, date, identifiant and QR code: the same layout.
    expect([served.width, served.height]).toEqual([reference.width, reference.height]);
    expect(blockDifference(served, reference), "server's letter: 8×8 blocks").toBeLessThan(MAX_SERVED_BLOCK_DIFFERENCE);
    expect(inkGap(served, referenceInk), "server's letter: ink").toBeLessThan(MAX_SERVED_INK_GAP);
  });
});
