/**
 * Per-file encryption of everything stored in R2: AES-256-GCM under a key derived (HKDF-SHA-256)
 * per structure from FILES_SECRET. The object's R2 key is bound as additional data, so a file
 * copied to another place or structure does not decrypt.
 */
const IV_BYTES = 12;
const encoder = new TextEncoder();

const keys = new Map<string, Promise<CryptoKey>>();

function structureKey(secret: string, structureId: number): Promise<CryptoKey> {
  const cacheKey = `${structureId}:${secret.length}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = crypto.subtle
      .importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveKey"])
      .then((base) =>
        crypto.subtle.deriveKey(
          { name: "HKDF", hash: "SHA-256", salt: encoder.encode("ancrage/files/v1"), info: encoder.encode(`structure:${structureId}`) },
          base,
          { name: "AES-GCM", length: 256 },
          false,
          ["encrypt", "decrypt"],
        ),
      );
    keys.set(cacheKey, key);
  }
  return key;
}

export function filesSecret(env: { FILES_SECRET?: string }): string {
  if (!env.FILES_SECRET || env.FILES_SECRET.length < 32) {
    throw new Error("FILES_SECRET is missing or too short: set it in .dev.vars or as a Worker secret.");
  }
  return env.FILES_SECRET;
}

export async function encryptFile(secret: string, structureId: number, r2Key: string, data: BufferSource): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await structureKey(secret, structureId);
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(r2Key) }, key, data);
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv, 0);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return out;
}

export async function decryptFile(secret: string, structureId: number, r2Key: string, stored: ArrayBuffer): Promise<ArrayBuffer> {
  const bytes = new Uint8Array(stored);
  const key = await structureKey(secret, structureId);
  return crypto.subtle.decrypt(
    { name: "AES-GCM", iv: bytes.subarray(0, IV_BYTES), additionalData: encoder.encode(r2Key) },
    key,
    bytes.subarray(IV_BYTES),
  );
}

/** Where a domicilié's file lives in R2: always under its structure's prefix. */
export function usagerFileKey(structureId: number, usagerId: number): string {
  return `structures/${structureId}/usagers/${usagerId}/${crypto.randomUUID()}`;
}
