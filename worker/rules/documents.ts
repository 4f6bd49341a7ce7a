/**
 * A domicilié's documents: the kinds a file holds (uploaded pièces and generated letters), who may
 * open each kind, and the files an upload may be. The server decides from the content; the staff
 * form says the same limits before sending.
 */
import { LETTER_PERMISSION, LETTERS } from "./letters";
import type { Permission } from "./permissions";

export const DOCUMENT_KINDS = {
  upload: { label: "Pièce ajoutée", permission: "document.manage" },
  attestation: { label: LETTERS.attestation.label, permission: LETTER_PERMISSION },
  radiation: { label: LETTERS.radiation.label, permission: LETTER_PERMISSION },
} as const satisfies Record<string, { label: string; permission: Permission }>;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_VALUES = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];

/** The permission that opens a document of this kind: uploaded pièces are instructeurs' business. */
export function documentPermission(kind: DocumentKind): Permission {
  return DOCUMENT_KINDS[kind].permission;
}

/** File types accepted for an upload, recognised by their first bytes, and their short names. */
export const DOCUMENT_TYPES = {
  "application/pdf": { label: "PDF", extensions: ["pdf"], magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  "image/png": { label: "PNG", extensions: ["png"], magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  "image/jpeg": { label: "JPG", extensions: ["jpg", "jpeg"], magic: [[0xff, 0xd8, 0xff]] },
} as const;
export type DocumentMime = keyof typeof DOCUMENT_TYPES;

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** A document's name: at least 2 characters (the most is FIELD_MAX.documentLabel). */
export const DOCUMENT_LABEL_MIN = 2;

export const DOCUMENT_MESSAGES = {
  missing: "Fichier : choisissez un fichier.",
  type: "Fichier : seuls les documents PDF, JPG et PNG sont acceptés.",
  tooLarge: "Fichier : 10 Mo au maximum.",
  empty: "Fichier : le fichier est vide.",
  /** The server's answer when the bytes are not what the name says. */
  content: "Fichier : seuls les documents PDF, JPG et PNG sont acceptés (le contenu ne correspond pas).",
} as const;

const extensionOf = (fileName: string) => fileName.split(".").pop()?.toLowerCase() ?? "";

/** What the name and size alone tell against an upload, before its content is read; null when nothing. */
export function uploadProblem(file: { name: string; size: number }): string | null {
  const ext = extensionOf(file.name);
  const known = Object.values(DOCUMENT_TYPES).some((t) => (t.extensions as readonly string[]).includes(ext));
  if (!known) return DOCUMENT_MESSAGES.type;
  if (file.size > DOCUMENT_MAX_BYTES) return DOCUMENT_MESSAGES.tooLarge;
  if (file.size === 0) return DOCUMENT_MESSAGES.empty;
  return null;
}

/** The type the content really is, when it is one we accept and the file name agrees; otherwise null. */
export function sniffDocument(bytes: Uint8Array, fileName: string): DocumentMime | null {
  const ext = extensionOf(fileName);
  for (const [mime, def] of Object.entries(DOCUMENT_TYPES) as [DocumentMime, (typeof DOCUMENT_TYPES)[DocumentMime]][]) {
    const matches = def.magic.some((m) => m.every((b, i) => bytes[i] === b));
    if (matches) return (def.extensions as readonly string[]).includes(ext) ? mime : null;
  }
  return null;
}
