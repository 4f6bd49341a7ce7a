import { and, eq } from "drizzle-orm";
import { portailAccounts, sessions, structures, usagers } from "../../db/schema";
import { AppError } from "../errors";
import type { Actor } from "../journal/log";
import type { Context } from "../trpc";
import { cookieName, readCookie, sessionCookie } from "./cookies";
import { deleteSession, SESSION_POLICY, type Session, settleSession } from "./session";
import { sha256Hex } from "./token";

/** What portal procedures know about the signed-in domicilié. */
export interface UsagerCaller {
  accountId: number;
  usagerId: number;
  structureId: number;
  timeZone: string;
  actor: Actor;
}

/**
 * The signed-in domicilié: the session, an enabled account, a validated structure whose portal is
 * on — checked on every request, so switching any of them off takes effect at once. Used by every
 * usager procedure and by the portal's file route.
 */
export async function authenticateUsager(ctx: Context): Promise<{ session: Session; usager: UsagerCaller }> {
  const token = readCookie(ctx.req.headers.get("cookie"), cookieName("usager", ctx.secure));
  if (!token) throw new AppError("UNAUTHENTICATED");
  const found = await ctx.db
    .select({
      session: sessions,
      usagerId: portailAccounts.usagerId,
      structureId: portailAccounts.structureId,
      enabled: portailAccounts.enabled,
      nom: usagers.nom,
      prenom: usagers.prenom,
      structure: { timeZone: structures.timeZone, statut: structures.statut, portailEnabled: structures.portailEnabled },
    })
    .from(sessions)
    .innerJoin(portailAccounts, eq(portailAccounts.id, sessions.userId))
    .innerJoin(usagers, eq(usagers.id, portailAccounts.usagerId))
    .innerJoin(structures, eq(structures.id, portailAccounts.structureId))
    .where(and(eq(sessions.id, await sha256Hex(token)), eq(sessions.kind, "usager")))
    .get();
  if (!found) throw new AppError("UNAUTHENTICATED");
  if (!found.enabled || found.structure.statut !== "VALIDE" || !found.structure.portailEnabled) {
    // Account disabled, structure withdrawn, portal switched off: the session ends.
    await deleteSession(ctx.db, found.session.id);
    throw new AppError("UNAUTHENTICATED");
  }
  const session = await settleSession(ctx.db, found.session, ctx.now);
  if (!session) throw new AppError("UNAUTHENTICATED");
  // 30 days sliding: when the server session moved, the cookie moves with it.
  if (!session.shared && session.lastActiveAt.getTime() === ctx.now.getTime()) {
    const maxAge = Math.floor(SESSION_POLICY.usager.absoluteMs / 1000);
    ctx.resHeaders.append("Set-Cookie", sessionCookie(cookieName("usager", ctx.secure), token, ctx.secure, maxAge));
  }
  const accountId = session.userId;
  const usager: UsagerCaller = {
    accountId,
    usagerId: found.usagerId,
    structureId: found.structureId,
    timeZone: found.structure.timeZone,
    actor: { kind: "usager", id: accountId, name: `${found.prenom} ${found.nom}` },
  };
  return { session, usager };
}
