import { describe, expect, it } from "vitest";
import { allowedFrom, canUndo, mayDo } from "./decisions";

describe("decision transitions", () => {
  it("a request is submitted only while in instruction", () => {
    expect(allowedFrom("soumettre", "INSTRUCTION")).toBe(true);
    expect(allowedFrom("soumettre", "ATTENTE_DECISION")).toBe(false);
    expect(allowedFrom("soumettre", "VALIDE")).toBe(false);
  });
  it("a gestionnaire validates or refuses a request in instruction or waiting, never a decided file", () => {
    for (const action of ["valider", "refuser"] as const) {
      expect(mayDo("responsable", action, "INSTRUCTION")).toBe(true);
      expect(mayDo("responsable", action, "ATTENTE_DECISION")).toBe(true);
      expect(mayDo("responsable", action, "VALIDE")).toBe(false);
      expect(mayDo("responsable", action, "REFUS")).toBe(false);
      expect(mayDo("responsable", action, "RADIE")).toBe(false);
    }
  });
  it("an instructeur submits but does not statue", () => {
    expect(mayDo("simple", "soumettre", "INSTRUCTION")).toBe(true);
    expect(mayDo("simple", "valider", "ATTENTE_DECISION")).toBe(false);
    expect(mayDo("simple", "refuser", "INSTRUCTION")).toBe(false);
  });
  it("an instructeur radiates an active file or a pending request, not a refused or radiated one", () => {
    expect(mayDo("simple", "radier", "VALIDE")).toBe(true);
    expect(mayDo("simple", "radier", "INSTRUCTION")).toBe(true);
    expect(mayDo("simple", "radier", "ATTENTE_DECISION")).toBe(true);
    expect(mayDo("simple", "radier", "REFUS")).toBe(false);
    expect(mayDo("simple", "radier", "RADIE")).toBe(false);
  });
  it("a renewal is asked for an active, refused or radiated file, not for a request under way", () => {
    expect(mayDo("simple", "renouveler", "VALIDE")).toBe(true);
    expect(mayDo("simple", "renouveler", "REFUS")).toBe(true);
    expect(mayDo("simple", "renouveler", "RADIE")).toBe(true);
    expect(mayDo("simple", "renouveler", "INSTRUCTION")).toBe(false);
    expect(mayDo("simple", "renouveler", "ATTENTE_DECISION")).toBe(false);
  });
  it("the agent d'accueil and the facteur take no decision at all", () => {
    for (const role of ["agent", "facteur"] as const) {
      expect(mayDo(role, "soumettre", "INSTRUCTION")).toBe(false);
      expect(mayDo(role, "valider", "ATTENTE_DECISION")).toBe(false);
      expect(mayDo(role, "radier", "VALIDE")).toBe(false);
      expect(mayDo(role, "renouveler", "RADIE")).toBe(false);
    }
  });
  it("the last decision is undone only when an earlier one can be restored", () => {
    expect(canUndo(0)).toBe(false);
    expect(canUndo(1)).toBe(false);
    expect(canUndo(2)).toBe(true);
  });
});
