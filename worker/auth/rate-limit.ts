import type { Env } from "../env";

/**
 * Per-IP brakes, each a Workers rate-limit binding (wrangler.toml). A procedure names the brake it
 * passes through in its meta (trpc.ts), so every URL that reaches it is braked the same way.
 */
export const BRAKES = {
  /** Every procedure that checks a password or a secret link. */
  signIn: { binding: "SIGNIN_LIMITER", error: "SIGN_IN_BRAKED" },
  /** Public sign-up of a structure. */
  signUp: { binding: "SIGNUP_LIMITER", error: "SIGN_UP_BRAKED" },
} as const;
export type Brake = keyof typeof BRAKES;

const LOOPBACK = new Set(["127.0.0.1", "::1"]);

/** The 8 groups of an IPv6 address (`::` expanded, a trailing dotted IPv4 read as two groups), or null. */
function ipv6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase().replace(/%.*$/, "");
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const b = v4.slice(1).map(Number);
    if (b.some((x) => x > 255)) return null;
    text = `${text.slice(0, v4.index)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<string>(Math.max(missing, 0)).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

/**
 * What a brake counts by: an IPv4 address as is, an IPv6 address by its /64 (one subscriber gets a
 * whole /64 and can pick any address in it). An IPv4-mapped IPv6 address counts as its IPv4.
 */
export function ipKey(ip: string): string {
  if (!ip.includes(":")) return ip;
  const groups = ipv6Groups(ip);
  if (!groups) return ip;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/**
 * True when this address has used up the brake's budget. Loopback addresses (local development,
 * the test and benchmark runs on this machine) are not braked; production traffic always carries
 * the client address in cf-connecting-ip.
 */
export async function braked(env: Env, brake: Brake, ip: string | null): Promise<boolean> {
  const limiter = env[BRAKES[brake].binding];
  if (!limiter || !ip || LOOPBACK.has(ip)) return false;
  const { success } = await limiter.limit({ key: `${brake}:${ipKey(ip)}` });
  return !success;
}
