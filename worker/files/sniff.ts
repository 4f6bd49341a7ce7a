/** File types accepted for a domicilié's documents, recognised by their first bytes (reference B.7). */
export const DOCUMENT_TYPES = {
  "application/pdf": { extensions: ["pdf"], magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  "image/png": { extensions: ["png"], magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  "image/jpeg": { extensions: ["jpg", "jpeg"], magic: [[0xff, 0xd8, 0xff]] },
} as const;
export type DocumentMime = keyof typeof DOCUMENT_TYPES;

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The type the content really is, when it is one we accept and the file name agrees; otherwise null. */
export function sniffDocument(bytes: Uint8Array, fileName: string): DocumentMime | null {
  const ext = fileName.split(".").pop()?.toLowerCase() ?? "";
  for (const [mime, def] of Object.entries(DOCUMENT_TYPES) as [DocumentMime, (typeof DOCUMENT_TYPES)[DocumentMime]][]) {
    const matches = def.magic.some((m) => m.every((b, i) => bytes[i] === b));
    if (matches) return (def.extensions as readonly string[]).includes(ext) ? mime : null;
  }
  return null;
}
