import { and, eq } from "drizzle-orm";
import { sessions, staffUsers, structures } from "../../db/schema";
import { AppError } from "../errors";
import type { Actor } from "../journal/log";
import { can, type Permission } from "../rules/permissions";
import type { Role } from "../rules/roles";
import type { Context } from "../trpc";
import { cookieName, readCookie } from "./cookies";
import { deleteSession, settleSession } from "./session";
import { sha256Hex } from "./token";

/** What domain services receive about the staff member calling them. */
export interface StaffCtx {
  id: number;
  structureId: number;
  timeZone: string;
  actor: Actor;
}

export interface StaffCaller {
  id: number;
  structureId: number;
  role: Role;
  nom: string;
  prenom: string;
  email: string;
  /** The structure's timezone: "today" for échéances and dates is a day there. */
  timeZone: string;
}

/**
 * The signed-in staff member, if they hold `permission` in the one permission table; otherwise an
 * AppError. Read from the database on every request, so a blocked account, a withdrawn structure
 * or a new role takes effect at once. Used by every staff procedure and by the file routes.
 */
export async function authenticateStaff(ctx: Context, permission: Permission) {
  const token = readCookie(ctx.req.headers.get("cookie"), cookieName("staff", ctx.secure));
  if (!token) throw new AppError("UNAUTHENTICATED");
  const found = await ctx.db
    .select({
      session: sessions,
      staff: {
        id: staffUsers.id,
        structureId: staffUsers.structureId,
        role: staffUsers.role,
        nom: staffUsers.nom,
        prenom: staffUsers.prenom,
        email: staffUsers.email,
        status: staffUsers.status,
      },
      structure: { timeZone: structures.timeZone, statut: structures.statut },
    })
    .from(sessions)
    .innerJoin(staffUsers, eq(staffUsers.id, sessions.userId))
    .innerJoin(structures, eq(structures.id, staffUsers.structureId))
    .where(and(eq(sessions.id, await sha256Hex(token)), eq(sessions.kind, "staff")))
    .get();
  if (!found) throw new AppError("UNAUTHENTICATED");
  if (found.staff.status !== "ACTIVE" || found.structure.statut !== "VALIDE") {
    // Blocked or deleted account, withdrawn structure: the session ends.
    await deleteSession(ctx.db, found.session.id);
    throw new AppError("UNAUTHENTICATED");
  }
  const session = await settleSession(ctx.db, found.session, ctx.now);
  if (!session) throw new AppError("UNAUTHENTICATED");
  const { status: _status, ...member } = found.staff;
  const staff: StaffCaller = { ...member, timeZone: found.structure.timeZone };
  if (!can(staff.role, permission)) throw new AppError("FORBIDDEN");
  const actor: Actor = { kind: "staff", id: staff.id, name: `${staff.prenom} ${staff.nom}` };
  const caller: StaffCtx = { id: staff.id, structureId: staff.structureId, timeZone: staff.timeZone, actor };
  return { session, staff, actor, caller };
}
