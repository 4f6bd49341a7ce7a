import { and, eq } from "drizzle-orm";
import type { Db } from "../db";
import { sessions } from "../../db/schema";
import { generateToken, sha256Hex } from "./token";

export type SessionKind = "staff" | "platform" | "usager";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Lifetimes per kind of user (product.md): staff 12 h absolute / 1 h idle; domicilié 30 days sliding. */
export const SESSION_POLICY: Record<SessionKind, { absoluteMs: number; idleMs: number; sliding: boolean }> = {
  staff: { absoluteMs: 12 * HOUR, idleMs: HOUR, sliding: false },
  platform: { absoluteMs: 12 * HOUR, idleMs: HOUR, sliding: false },
  usager: { absoluteMs: 30 * DAY, idleMs: 30 * DAY, sliding: true },
};

/** Activity is written at most once a minute: validation stays a single read on most requests. */
const TOUCH_EVERY_MS = 60_000;

export type Session = typeof sessions.$inferSelect;

/** Returns the cookie token and the insert to batch with the rest of the sign-in. */
export async function newSession(
  db: Db,
  kind: SessionKind,
  userId: number,
  structureId: number | null,
  now: Date,
) {
  const token = generateToken();
  const id = await sha256Hex(token);
  const insert = db.insert(sessions).values({
    id,
    kind,
    userId,
    structureId,
    createdAt: now,
    lastActiveAt: now,
    expiresAt: new Date(now.getTime() + SESSION_POLICY[kind].absoluteMs),
  });
  return { token, id, insert };
}

/** The live session for this token, or null; expired sessions are removed on sight. */
export async function validateSession(
  db: Db,
  kind: SessionKind,
  token: string,
  now: Date,
): Promise<Session | null> {
  const id = await sha256Hex(token);
  const session = await db.query.sessions.findFirst({
    where: and(eq(sessions.id, id), eq(sessions.kind, kind)),
  });
  if (!session) return null;
  const policy = SESSION_POLICY[kind];
  const t = now.getTime();
  if (t >= session.expiresAt.getTime() || t - session.lastActiveAt.getTime() >= policy.idleMs) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (t - session.lastActiveAt.getTime() >= TOUCH_EVERY_MS) {
    const expiresAt = policy.sliding ? new Date(t + policy.absoluteMs) : session.expiresAt;
    await db.update(sessions).set({ lastActiveAt: now, expiresAt }).where(eq(sessions.id, id));
    return { ...session, lastActiveAt: now, expiresAt };
  }
  return session;
}

export function deleteSession(db: Db, id: string) {
  return db.delete(sessions).where(eq(sessions.id, id));
}

export function deleteUserSessions(db: Db, kind: SessionKind, userId: number) {
  return db.delete(sessions).where(and(eq(sessions.kind, kind), eq(sessions.userId, userId)));
}
