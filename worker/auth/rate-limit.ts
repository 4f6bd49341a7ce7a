import type { Env } from "../env";

/** The procedures that check a password: each attempt from an address counts against its budget. */
export const SIGN_IN_PATHS = ["compte.signIn", "plateforme.signIn", "monEspace.signIn", "monEspace.firstLogin", "equipe.usePasswordLink"];

const LOOPBACK = new Set(["127.0.0.1", "::1"]);

/**
 * True when this address has used up its sign-in budget. Loopback addresses (local development,
 * the test and benchmark runs on this machine) are not braked; production traffic always carries
 * the client address in cf-connecting-ip.
 */
export async function signInBraked(env: Env, ip: string | null): Promise<boolean> {
  if (!env.SIGNIN_LIMITER || !ip || LOOPBACK.has(ip)) return false;
  const { success } = await env.SIGNIN_LIMITER.limit({ key: `signin:${ip}` });
  return !success;
}
