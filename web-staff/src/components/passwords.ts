import { STAFF_PASSWORD_MIN } from "../../../worker/rules/password-policy";

export const PASSWORD_HINT = `${STAFF_PASSWORD_MIN} caractères au minimum. Une phrase de plusieurs mots est facile à retenir.`;

/** The confirmation is the browser's business only: the server never receives it. */
export function passwordMismatch(password: string, confirmation: string, path: string): Record<string, string> {
  return password === confirmation ? {} : { [path]: "Les deux mots de passe ne correspondent pas." };
}
