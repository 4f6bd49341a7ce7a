import { eq } from "drizzle-orm";
import { platformAdmins } from "../../db/schema";
import { AppError } from "../errors";
import type { Actor } from "../journal/log";
import type { Context } from "../trpc";
import { cookieName, readCookie } from "./cookies";
import { validateSession } from "./session";

/** The signed-in platform operator (validation of structures). */
export async function authenticatePlatform(ctx: Context) {
  const token = readCookie(ctx.req.headers.get("cookie"), cookieName("platform", ctx.secure));
  const session = token ? await validateSession(ctx.db, "platform", token, ctx.now) : null;
  const platformAdmin = session ? await ctx.db.query.platformAdmins.findFirst({ where: eq(platformAdmins.id, session.userId) }) : undefined;
  if (!session || !platformAdmin) throw new AppError("UNAUTHENTICATED");
  const actor: Actor = { kind: "platform", id: platformAdmin.id, name: platformAdmin.nom };
  return { session, platformAdmin, actor };
}
