import { describe, expect, it } from "vitest";
import { can, PERMISSIONS } from "./permissions";
import { ROLES } from "./roles";

// The capability matrix of reference B.2, column by column: Facteur, Agent, Instructeur, Gestionnaire, Admin.
const MATRIX: Record<string, string> = {
  "equipe.manage": "----x",
  "equipe.list": "---xx",
  "structure.edit": "----x",
  "structure.settings": "----x",
  "portail.settings": "----x",
  "export.data": "---xx",
  "structure.read": "xxxxx",
  "usager.instruct": "--xxx",
  "usager.decide": "---xx",
  "usager.radiate": "--xxx",
  "note.add": "xxxxx",
  "note.manage": "--xxx",
  "courrier.register": "xxxxx",
  "document.manage": "--xxx",
  "portail.resetCredentials": "-xxxx",
  "usager.delete": "---xx",
};

describe("permission table", () => {
  it("matches the reference capability matrix", () => {
    for (const [permission, row] of Object.entries(MATRIX)) {
      const expected = ROLES.filter((_, i) => row[i] === "x");
      expect(ROLES.filter((r) => can(r, permission as keyof typeof PERMISSIONS)), permission).toEqual(expected);
    }
  });
  it("gives every role its own account", () => {
    for (const r of ROLES) expect(can(r, "compte.self")).toBe(true);
  });
});
