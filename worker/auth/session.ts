import { and, eq } from "drizzle-orm";
import { sessions } from "../../db/schema";
import type { Db } from "../db";
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

/** "Appareil partagé": the portal session of a shared phone is short and never slides. */
export const SHARED_DEVICE_POLICY = { absoluteMs: 12 * HOUR, idleMs: HOUR, sliding: false };

export function policyOf(session: { kind: SessionKind; shared: boolean }) {
  return session.shared ? SHARED_DEVICE_POLICY : SESSION_POLICY[session.kind];
}

/** Activity is written at most once a minute: validation stays a single read on most requests. */
const TOUCH_EVERY_MS = 60_000;

export type Session = typeof sessions.$inferSelect;

/** Returns the cookie token and the insert to batch with the rest of the sign-in. */
export async function newSession(db: Db, kind: SessionKind, userId: number, structureId: number | null, now: Date, shared = false) {
  const token = generateToken();
  const id = await sha256Hex(token);
  const insert = db.insert(sessions).values({
    id,
    kind,
    userId,
    structureId,
    createdAt: now,
    lastActiveAt: now,
    expiresAt: new Date(now.getTime() + policyOf({ kind, shared }).absoluteMs),
    shared,
  });
  return { token, id, insert };
}

/** What to do with a session found for a token: refuse it, refresh its activity, or use it as is. */
export function sessionVerdict(session: Session, now: Date): "expired" | "touch" | "ok" {
  const policy = policyOf(session);
  const t = now.getTime();
  if (t >= session.expiresAt.getTime() || t - session.lastActiveAt.getTime() >= policy.idleMs) return "expired";
  return t - session.lastActiveAt.getTime() >= TOUCH_EVERY_MS ? "touch" : "ok";
}

/** The activity update for a session in use ("sliding" kinds also move their expiry). */
export function touchSession(db: Db, session: Session, now: Date) {
  const policy = policyOf(session);
  const expiresAt = policy.sliding ? new Date(now.getTime() + policy.absoluteMs) : session.expiresAt;
  return { expiresAt, update: db.update(sessions).set({ lastActiveAt: now, expiresAt }).where(eq(sessions.id, session.id)) };
}

/** The live session for this token, or null; expired sessions are removed on sight. */
export async function validateSession(db: Db, kind: SessionKind, token: string, now: Date): Promise<Session | null> {
  const id = await sha256Hex(token);
  const session = await db.query.sessions.findFirst({
    where: and(eq(sessions.id, id), eq(sessions.kind, kind)),
  });
  return session ? settleSession(db, session, now) : null;
}

/** Applies the verdict: deletes an expired session, records activity, returns what is still valid. */
export async function settleSession(db: Db, session: Session, now: Date): Promise<Session | null> {
  const verdict = sessionVerdict(session, now);
  if (verdict === "expired") {
    await db.delete(sessions).where(eq(sessions.id, session.id));
    return null;
  }
  if (verdict === "touch") {
    const { expiresAt, update } = touchSession(db, session, now);
    await update;
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
