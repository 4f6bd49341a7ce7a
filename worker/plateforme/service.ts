import { eq } from "drizzle-orm";
import { platformAdmins } from "../../db/schema";
import { failureUpdate, resetFailures } from "../auth/lockout";
import { newSession } from "../auth/session";
import { checkPassword } from "../auth/sign-in";
import type { Db } from "../db";
import { AppError } from "../errors";
import { audit } from "../journal/log";

/** Platform operators sign in like staff, with the same lockout. */
export async function signInPlatform(
  db: Db,
  input: { email: string; password: string },
  now: Date,
  ip: string | null,
): Promise<{ token: string }> {
  const admin = await db.query.platformAdmins.findFirst({ where: eq(platformAdmins.email, input.email) });
  const check = await checkPassword(admin, input.password, now);
  if (check !== "ok" || !admin) {
    const entry = audit(db, {
      action: "PLATFORM_LOGIN_FAILED",
      structureId: null,
      actor: admin ? { kind: "platform", id: admin.id, name: admin.nom } : { kind: "anonymous", id: null, name: null },
      details: { email: input.email, reason: check },
      ip,
      at: now,
    });
    if (admin) {
      await db.batch([db.update(platformAdmins).set(failureUpdate(platformAdmins, now)).where(eq(platformAdmins.id, admin.id)), entry]);
    } else {
      await entry;
    }
    throw new AppError("INVALID_CREDENTIALS");
  }
  const session = await newSession(db, "platform", admin.id, null, now);
  await db.batch([
    session.insert,
    db
      .update(platformAdmins)
      .set({ ...resetFailures, lastLoginAt: now })
      .where(eq(platformAdmins.id, admin.id)),
    audit(db, {
      action: "PLATFORM_LOGIN",
      structureId: null,
      actor: { kind: "platform", id: admin.id, name: admin.nom },
      ip,
      at: now,
    }),
  ]);
  return { token: session.token };
}
