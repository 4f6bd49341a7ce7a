/**
 * The portal's password rules, the seed's checklist word for word. The portal app shows them live;
 * the server enforces them all, plus the common-password list and 128 characters at most.
 */
export const PORTAIL_PASSWORD_RULES = [
  { key: "different", label: "Est différent du mot de passe temporaire", test: (pw: string, temp: string) => pw.length > 0 && pw !== temp },
  { key: "length", label: "Au moins 8 caractères", test: (pw: string) => [...pw].length >= 8 },
  { key: "digit", label: "Au moins 1 chiffre", test: (pw: string) => /\d/.test(pw) },
  { key: "upper", label: "Au moins une lettre en majuscule", test: (pw: string) => /\p{Lu}/u.test(pw) },
  { key: "lower", label: "Au moins une lettre en minuscule", test: (pw: string) => /\p{Ll}/u.test(pw) },
] as const;

export type PortailPasswordRule = (typeof PORTAIL_PASSWORD_RULES)[number]["key"];

/** The rules a new password breaks, by key (empty when it is acceptable). */
export function portailPasswordProblems(pw: string, temporary: string): PortailPasswordRule[] {
  return PORTAIL_PASSWORD_RULES.filter((r) => !r.test(pw, temporary)).map((r) => r.key);
}

export const PORTAIL_PASSWORD_MAX = 128;

/** Identifiant: 8 letters, typed in any case. */
export function normalizeLogin(value: string): string {
  return value.trim().toUpperCase();
}
