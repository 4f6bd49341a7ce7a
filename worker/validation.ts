import * as z from "zod";
import { fr } from "zod/locales";

// Every message zod produces is French; the fields below add the field's own name.
z.config(fr());

/**
 * Control characters (NUL…) have no place in a name or an address; tabs and line breaks stay. Nor
 * do U+FFFE, U+FFFF and unpaired surrogates: not characters at all, they make the XML of a .docx
 * letter unreadable (and D1 would store a lone surrogate as three U+FFFD).
 */
export const withoutControls = (v: string) =>
  v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");

export const text = (label: string, max: number) =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .overwrite(withoutControls)
    .trim()
    .min(1, `${label} : ce champ est obligatoire.`)
    .max(max, `${label} : ${max} caractères au maximum.`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .overwrite(withoutControls)
    .trim()
    .max(max, `${label} : ${max} caractères au maximum.`)
    .transform((v) => (v === "" ? null : v))
    .nullish()
    .transform((v) => v ?? null);

export const email = (label = "Adresse e-mail") =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .toLowerCase()
    .max(254, `${label} : 254 caractères au maximum.`)
    .pipe(z.email(`${label} : adresse e-mail invalide.`));

export const telephone = (label = "Téléphone") =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .regex(/^(?:\+\d{2,3}\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/, `${label} : numéro de téléphone invalide.`);

export const id = z.number({ error: "Identifiant invalide." }).int().positive().max(Number.MAX_SAFE_INTEGER);

/** Passwords are never trimmed: spaces are legitimate characters. */
export const password = (label = "Mot de passe") =>
  z.string({ error: `${label} : ce champ est obligatoire.` }).min(1, `${label} : ce champ est obligatoire.`).max(1024);

/**
 * For object-level checks: run them even when other fields are invalid, as long as the fields they
 * read are valid, so a form shows every error at once instead of one more on each submit.
 */
export function whenValid(...fields: string[]) {
  return (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    payload.issues.every((i) => !fields.includes(String(i.path?.[0])));
}
