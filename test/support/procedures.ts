import { appRouter } from "../../worker/router";
import type { Meta } from "../../worker/trpc";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation";
  meta: Meta;
}

/** Every procedure of the router, read from the router itself: a new one cannot escape the tests. */
export function allProcedures(): ProcedureInfo[] {
  const procedures = (
    appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: "query" | "mutation"; meta?: Meta } }> } }
  )._def.procedures;
  return Object.entries(procedures).map(([path, p]) => ({ path, type: p._def.type, meta: p._def.meta ?? { audience: "public" } }));
}

/**
 * Procedures that check a password: a refusal may count the failure on the account and journal it
 * (lockout, reference A.6), the only writes a refusal may make. Sign-ins, plus the two changes of
 * password that check the current one.
 */
export function checksPassword(p: ProcedureInfo): boolean {
  return p.meta.brake === "signIn" || p.path === "compte.changePassword" || p.path === "monEspace.changePassword";
}
