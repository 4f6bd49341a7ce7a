import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, createStaff, createStructure, signIn } from "../../test/support/worker-api";
import { createDb } from "../db";
import { audit } from "./log";

describe("audit log", () => {
  it("refuses UPDATE and DELETE at the database level", async () => {
    const s = await createStructure();
    const u = await createStaff(s.id, "admin");
    await signIn(u.email);
    const n = await env.DB.prepare("SELECT count(*) AS n FROM audit_log").first<{ n: number }>();
    expect(n!.n).toBeGreaterThan(0);
    await expect(env.DB.prepare("UPDATE audit_log SET action = 'X'").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM audit_log").run()).rejects.toThrow(/append-only/);
    const after = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'X'").first<{ n: number }>();
    expect(after!.n).toBe(0);
  });

  it("shows the admin their own structure's journal only, newest first, paginated", async () => {
    const a = await createStructure();
    const b = await createStructure();
    const adminA = await createStaff(a.id, "admin");
    const simpleA = await createStaff(a.id, "simple");
    const adminB = await createStaff(b.id, "admin");
    const db = createDb(env.DB);
    const actor = { kind: "staff" as const, id: adminA.id, name: "Test" };
    await db.batch(
      Array.from({ length: 60 }, (_, i) =>
        audit(db, {
          action: "STAFF_ROLE_CHANGED",
          structureId: a.id,
          actor,
          target: { type: "staff", id: simpleA.id },
          details: { i },
          at: new Date(),
        }),
      ) as [ReturnType<typeof audit>, ...ReturnType<typeof audit>[]],
    );
    await signIn(adminB.email);
    const cookie = await signIn(adminA.email);
    const page1 = await call<{ entries: { id: number; action: string }[]; nextBefore: number | null }>(
      "query",
      "journal.list",
      {},
      { cookie },
    );
    expect(page1.data!.entries).toHaveLength(50);
    expect(page1.data!.entries[0]!.action).toBe("STAFF_LOGIN");
    const ids = page1.data!.entries.map((e) => e.id);
    expect([...ids].sort((x, y) => y - x)).toEqual(ids);
    const page2 = await call<{ entries: { id: number }[]; nextBefore: number | null }>(
      "query",
      "journal.list",
      { before: page1.data!.nextBefore },
      { cookie },
    );
    expect(page2.data!.entries).toHaveLength(11);
    expect(page2.data!.nextBefore).toBeNull();
    expect(page2.data!.entries[0]!.id).toBeLessThan(ids[ids.length - 1]!);
    const all = [...ids, ...page2.data!.entries.map((e) => e.id)];
    const structureIds = await env.DB.prepare(`SELECT DISTINCT structure_id FROM audit_log WHERE id IN (${all.join(",")})`).all();
    expect(structureIds.results).toEqual([{ structure_id: a.id }]);
  });
});
