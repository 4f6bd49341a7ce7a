import { COMMON_PASSWORDS } from "./common-passwords";

export const STAFF_PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type PasswordProblem = "tooShort" | "tooLong" | "common";

export const PASSWORD_PROBLEM_LABELS: Record<PasswordProblem, string> = {
  tooShort: `Le mot de passe doit contenir au moins ${STAFF_PASSWORD_MIN} caractères.`,
  tooLong: `Le mot de passe doit contenir au plus ${PASSWORD_MAX} caractères.`,
  common: "Ce mot de passe est trop courant : choisissez-en un autre.",
};

/** True when the password (compared case-insensitively) is in the shipped common-password list. */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** Staff password rule: long (NIST 800-63B style), not a known common password. */
export function staffPasswordProblems(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < STAFF_PASSWORD_MIN) problems.push("tooShort");
  if (password.length > PASSWORD_MAX) problems.push("tooLong");
  if (isCommonPassword(password)) problems.push("common");
  return problems;
}
