import * as z from "zod";
import { fr } from "zod/locales";
import { FIELD_MAX } from "./rules/fields";

// Every message zod produces is French; the fields below add the field's own name.
z.config(fr());

/**
 * Control characters (NUL…) have no place in a name or an address; tabs and line breaks stay. Nor
 * do U+FFFE, U+FFFF and unpaired surrogates: not characters at all, they make the XML of a .docx
 * letter unreadable (and D1 would store a lone surrogate as three U+FFFD).
 */
export const withoutControls = (v: string) =>
  v.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is this function's job.
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "",
  );

/**
 * Plain text only: markup is dropped rather than escaped, so nothing typed into a note, a mail
 * comment or a portal message renders as HTML on a staff screen, on the portal or in a letter.
 */
const withoutMarkup = (v: string) => v.replace(/<[^>]*>/g, "");
const plain = (v: string) => withoutMarkup(withoutControls(v));

const required = (label: string, max: number, clean: (v: string) => string) =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .overwrite(clean)
    .trim()
    .min(1, `${label} : ce champ est obligatoire.`)
    .max(max, `${label} : ${max} caractères au maximum.`);

const optional = (label: string, max: number, clean: (v: string) => string) =>
  z
    .string()
    .overwrite(clean)
    .trim()
    .max(max, `${label} : ${max} caractères au maximum.`)
    .transform((v) => (v === "" ? null : v))
    .nullish()
    .transform((v) => v ?? null);

export const text = (label: string, max: number) => required(label, max, withoutControls);
export const optionalText = (label: string, max: number) => optional(label, max, withoutControls);
/** A text whose markup is dropped before it is checked: "<b></b>" is empty, hence missing. */
export const plainText = (label: string, max: number) => required(label, max, plain);
export const optionalPlainText = (label: string, max: number) => optional(label, max, plain);

export const email = (label = "Adresse e-mail") =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .toLowerCase()
    .max(FIELD_MAX.email, `${label} : ${FIELD_MAX.email} caractères au maximum.`)
    .pipe(z.email(`${label} : adresse e-mail invalide.`));

export const telephone = (label = "Téléphone") =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .regex(/^(?:\+\d{2,3}\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/, `${label} : numéro de téléphone invalide.`);

export const id = z.number({ error: "Identifiant invalide." }).int().positive().max(Number.MAX_SAFE_INTEGER);

/** Passwords are never trimmed: spaces are legitimate characters. */
export const password = (label = "Mot de passe") =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .min(1, `${label} : ce champ est obligatoire.`)
    .max(1024);

/**
 * For object-level checks: run them even when other fields are invalid, as long as the fields they
 * read are valid, so a form shows every error at once instead of one more on each submit.
 */
export function whenValid(...fields: string[]) {
  return (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    payload.issues.every((i) => !fields.includes(String(i.path?.[0])));
}
