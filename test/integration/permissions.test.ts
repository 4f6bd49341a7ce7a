import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../worker/rules/roles";
import { EXPECTED_PERMISSIONS } from "../fixtures/permissions-expected";
import { allProcedures } from "../support/procedures";
import { type CallResult, call, createStaff, createStructure, ORIGIN, signIn, workerFetch } from "../support/worker-api";

type Permission = keyof typeof EXPECTED_PERMISSIONS;
const allowed = (role: Role, permission: Permission) => (EXPECTED_PERMISSIONS[permission] as readonly Role[]).includes(role);

const procedures = allProcedures();
const staffProcedures = procedures.filter((p) => p.meta.audience === "staff");

/** The downloads outside tRPC, each behind one permission of the table. */
const ROUTES: { path: string; permission: Permission }[] = [
  { path: "/fichiers/export/usagers.csv", permission: "export.data" },
  { path: "/fichiers/documents/1", permission: "usager.letters" },
  { path: "/fichiers/portail/1/lettre", permission: "portail.resetCredentials" },
  { path: "/fichiers/portail/lot?cle=x", permission: "portail.settings" },
];

describe("every procedure is in the permission table", () => {
  it("declares an audience, and staff procedures a permission of the hand-written matrix", () => {
    for (const p of procedures) {
      expect(["public", "staff", "platform", "usager"], p.path).toContain(p.meta.audience);
      if (p.meta.audience === "staff") expect(Object.keys(EXPECTED_PERMISSIONS), p.path).toContain(p.meta.permission);
    }
    expect(staffProcedures.length).toBeGreaterThan(30);
  });

  it("the only public procedures are sign-in, sign-up and the password link", () => {
    expect(
      procedures
        .filter((p) => p.meta.audience === "public")
        .map((p) => p.path)
        .sort(),
    ).toEqual([
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
  it("refuses signed-out callers (401) and the roles B.2 refuses (403), lets the roles it allows through", async () => {
    const s = await createStructure();
    const cookies = Object.fromEntries(
      await Promise.all(ROLES.map(async (r) => [r, await signIn((await createStaff(s.id, r)).email)] as const)),
    ) as Record<Role, string>;
    // Per permission, the calls that got through and the calls refused: each must have both.
    const through = new Map<Permission, number>();
    const refused = new Map<Permission, number>();
    const tally = (map: Map<Permission, number>, permission: Permission) => map.set(permission, (map.get(permission) ?? 0) + 1);
    const check = async (label: string, permission: Permission, run: (cookie?: string) => Promise<number>) => {
      expect(await run(), `${label} signed out`).toBe(401);
      tally(refused, permission);
      for (const role of ROLES) {
        const status = await run(cookies[role]);
        if (allowed(role, permission)) {
          // Past the permission check: answered, or refused for its input or the file's state.
          expect([401, 403], `${label} as ${role}: ${status}`).not.toContain(status);
          tally(through, permission);
        } else {
          expect(status, `${label} as ${role}`).toBe(403);
          tally(refused, permission);
        }
      }
    };
    // Signing out ends the session every later call uses: last.
    const ordered = [...staffProcedures].sort((a, b) => Number(a.path === "compte.signOut") - Number(b.path === "compte.signOut"));
    for (const route of ROUTES) {
      await check(route.path, route.permission, async (cookie) => {
        const res = await workerFetch(new Request(`${ORIGIN}${route.path}`, { headers: cookie ? { cookie } : {} }));
        await res.arrayBuffer();
        return res.status;
      });
    }
    for (const p of ordered) {
      await check(p.path, p.meta.permission as Permission, async (cookie) => {
        const res: CallResult = await call(p.type, p.path, {}, cookie ? { cookie } : {});
        return res.status;
      });
    }
    for (const permission of Object.keys(EXPECTED_PERMISSIONS) as Permission[]) {
      expect(through.get(permission) ?? 0, `${permission}: no call got through`).toBeGreaterThan(0);
      expect(refused.get(permission) ?? 0, `${permission}: no call refused`).toBeGreaterThan(0);
    }
  });

  it("platform procedures refuse staff sessions", async () => {
    const s = await createStructure();
    const admin = await signIn((await createStaff(s.id, "admin")).email);
    for (const p of procedures.filter((x) => x.meta.audience === "platform")) {
      expect((await call(p.type, p.path, {}, { cookie: admin })).status, p.path).toBe(401);
    }
  });
});
