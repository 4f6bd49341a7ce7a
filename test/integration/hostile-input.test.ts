import { beforeAll, describe, expect, it } from "vitest";
import { type A, etatCivil, FIXTURES } from "../support/fixtures";
import { counts, HOSTILE } from "../support/hostile";
import { allProcedures, checksPassword } from "../support/procedures";
import { call, createStaff, createStructure, signIn } from "../support/worker-api";

describe("hostile input on every staff procedure", () => {
  let a: A;
  let cookie: string;
  beforeAll(async () => {
    const s = await createStructure();
    cookie = await signIn((await createStaff(s.id, "admin")).email);
    const u = await call<{ id: number }>("mutation", "usagers.create", { ...etatCivil, nom: "Cible", prenom: "Test" }, { cookie });
    const member = await createStaff(s.id, "simple");
    a = { structureId: s.id, usagerId: u.data!.id, memberId: member.id, noteId: 1, documentId: 1, messageId: 1, version: 1 };
  });

  const procedures = allProcedures().filter(
    (p) => p.meta.audience === "staff" && p.path !== "compte.signOut" && p.path !== "documents.upload",
  );

  it.each(procedures.map((p) => [p.path, p] as const))("%s never answers 500, and writes nothing when it refuses", async (_path, p) => {
    const template = FIXTURES[p.path]?.input(a);
    const variants: unknown[] = [...HOSTILE];
    if (template && typeof template === "object") {
      for (const key of Object.keys(template as object)) {
        for (const value of HOSTILE) variants.push({ ...(template as object), [key]: value });
      }
    }
    for (const input of variants) {
      const before = p.type === "mutation" ? await counts() : null;
      const res = await call(p.type, p.path, input, { cookie });
      expect(res.status, `${p.path} ${JSON.stringify(input).slice(0, 120)}`).not.toBe(500);
      if (before && res.status >= 400) {
        const after = await counts();
        // A wrong current password is journaled (lockout, A.6): the one row a refusal may add.
        if (checksPassword(p)) after.audit_log = before.audit_log;
        expect(after, `${p.path} wrote after refusing`).toEqual(before);
      }
    }
  });
});
