import { isLocked } from "./lockout";
import { verifyAgainstDummy, verifyPassword } from "./password";

export type PasswordCheck = "ok" | "wrong" | "locked" | "unknown";

/**
 * Checks a password for an account that may not exist. Every branch runs one argon2 verification,
 * so the answer time does not tell an unknown login from a wrong password or a locked account.
 */
export async function checkPassword(
  account: { passwordHash: string | null; lockedUntil: Date | null } | undefined,
  password: string,
  now: Date,
): Promise<PasswordCheck> {
  if (!account?.passwordHash) return verifyAgainstDummy(password).then(() => "unknown");
  if (isLocked(account.lockedUntil, now)) return verifyAgainstDummy(password).then(() => "locked");
  return (await verifyPassword(account.passwordHash, password)) ? "ok" : "wrong";
}
