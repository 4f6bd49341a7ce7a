import { appRouter } from "../../worker/router";
import type { Meta } from "../../worker/trpc";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation";
  meta: Meta;
}

/** Every procedure of the router, read from the router itself: a new one cannot escape the tests. */
export function allProcedures(): ProcedureInfo[] {
  const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: "query" | "mutation"; meta?: Meta } }> } })._def
    .procedures;
  return Object.entries(procedures).map(([path, p]) => ({ path, type: p._def.type, meta: p._def.meta ?? { audience: "public" } }));
}
