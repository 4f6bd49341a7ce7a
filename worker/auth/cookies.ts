import type { SessionKind } from "./session";

const BASE_NAMES: Record<SessionKind, string> = {
  staff: "ancrage_staff",
  platform: "ancrage_plateforme",
  usager: "ancrage_usager",
};

/** `__Host-` binds the cookie to the exact origin over https (no Domain, Path=/, Secure). */
export function cookieName(kind: SessionKind, secure: boolean): string {
  return secure ? `__Host-${BASE_NAMES[kind]}` : BASE_NAMES[kind];
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** maxAgeSeconds undefined = a browser-session cookie (used for "appareil partagé"). */
export function sessionCookie(name: string, token: string, secure: boolean, maxAgeSeconds?: number): string {
  const parts = [`${name}=${token}`, "Path=/", "HttpOnly", "SameSite=Strict"];
  if (secure) parts.push("Secure");
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  return parts.join("; ");
}

export function clearCookie(name: string, secure: boolean): string {
  return sessionCookie(name, "", secure, 0);
}
