import { describe, expect, it } from "vitest";
import { can, PERMISSIONS } from "../../worker/rules/permissions";
import { ROLES } from "../../worker/rules/roles";
import { allProcedures } from "../support/procedures";
import { call, createStaff, createStructure, signIn } from "../support/worker-api";

const procedures = allProcedures();
const staffProcedures = procedures.filter((p) => p.meta.audience === "staff");

describe("every procedure is in the permission table", () => {
  it("declares an audience, and staff procedures a permission of the one table", () => {
    for (const p of procedures) {
      expect(["public", "staff", "platform", "usager"], p.path).toContain(p.meta.audience);
      if (p.meta.audience === "staff") expect(Object.keys(PERMISSIONS), p.path).toContain(p.meta.permission);
    }
    expect(staffProcedures.length).toBeGreaterThan(30);
  });

  it("the only public procedures are sign-in, sign-up and the password link", () => {
    expect(procedures.filter((p) => p.meta.audience === "public").map((p) => p.path).sort()).toEqual([
      "compte.signIn",
      "equipe.describeLink",
      "equipe.usePasswordLink",
      "monEspace.firstLogin",
      "monEspace.signIn",
      "plateforme.signIn",
      "structures.register",
    ]);
  });
});

describe("role × procedure", () => {
  it("refuses signed-out callers (401) and every role the table does not allow (403)", async () => {
    const s = await createStructure();
    const cookies = Object.fromEntries(
      await Promise.all(ROLES.map(async (r) => [r, await signIn((await createStaff(s.id, r)).email)] as const)),
    );
    let refused = 0;
    for (const p of staffProcedures) {
      const anonymous = await call(p.type, p.path, {});
      expect(anonymous.status, `${p.path} signed out`).toBe(401);
      for (const role of ROLES) {
        if (can(role, p.meta.permission!)) continue;
        const res = await call(p.type, p.path, {}, { cookie: cookies[role] });
        expect(res.status, `${p.path} as ${role}`).toBe(403);
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(40);
  });

  it("platform procedures refuse staff sessions", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    for (const p of procedures.filter((x) => x.meta.audience === "platform")) {
      expect((await call(p.type, p.path, {}, { cookie: admin })).status, p.path).toBe(401);
    }
  });
});
