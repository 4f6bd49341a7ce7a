/// <reference types="node" />
/** axe-core in the browser tests of both apps. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The rule sets Ancrage holds itself to: WCAG 2.1 A and AA (RGAA 4.1's basis) and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] as const;

/**
 * axe-core's violations on the page as it is now, one line each: "rule-id: targets". The pages'
 * CSP forbids inline scripts, so the library is evaluated through the DevTools protocol (not
 * subject to the page's CSP) rather than added as a <script>.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async (tags) => {
      type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[]; passes: unknown[] };
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<Result> } }).axe;
      const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      // No passing rule at all would mean axe checked nothing.
      if (result.passes.length === 0) return ["axe ran no rule"];
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
    },
    [...AXE_TAGS],
  );
}
