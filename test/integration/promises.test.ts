import { describe, expect, it } from "vitest";

/**
 * Labels must not promise what does not exist: Ancrage sends no SMS yet (reference B.9 is not
 * built) and fills no Cerfa yet. Every line of the two apps and of the Worker that speaks of SMS or
 * Cerfa is one of the sentences below, so a new promise is read, and made true, before it ships.
 */
const sources = import.meta.glob(
  ["../../web-staff/src/**/*.{ts,tsx}", "../../web-usager/src/**/*.{ts,tsx}", "../../worker/**/*.ts", "!../../worker/**/*.test.ts"],
  {
    query: "?raw",
    import: "default",
    eager: true,
  },
) as Record<string, string>;

const ALLOWED = [
  // What is recorded: the person's consent, nothing sent.
  "Accepte de recevoir des SMS",
  "L'accord du domicilié est enregistré ; Ancrage n'envoie encore aucun SMS.",
  "Consentement SMS : répondez Oui ou Non.",
  // A true statement of the portal.
  "Vos identifiants ne sont jamais envoyés par e-mail ni par SMS.",
];

/** The lines a user may read: comments left out. */
function spokenLines(text: string): string[] {
  return text.split("\n").filter((l) => /\bSMS\b|cerfa/i.test(l) && !/^\s*(\/\/|\*|\/\*)/.test(l));
}

describe("labels that promise what does not exist", () => {
  it("read the sources of both apps and the Worker", () => {
    const files = Object.keys(sources);
    expect(files.some((f) => f.includes("web-staff/src/components/usager/etat-civil/EtatCivilForm.tsx"))).toBe(true);
    expect(files.some((f) => f.includes("web-usager/src/i18n/fr.ts"))).toBe(true);
    expect(files.some((f) => f.includes("worker/usagers/schemas.ts"))).toBe(true);
  });

  it("say nothing of SMS but the consent and that none is sent, and nothing of Cerfa attestations", () => {
    const promises = Object.entries(sources).flatMap(([file, text]) =>
      spokenLines(text)
        .filter((l) => !ALLOWED.some((sentence) => l.includes(sentence)))
        .map((l) => `${file.replace(/^(\.\.\/)+/, "")}: ${l.trim()}`),
    );
    expect(promises).toEqual([]);
  });
});
