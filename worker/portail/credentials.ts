/** Uniform random draws from a CSPRNG (rejection sampling: no modulo bias). */
function randomBelow(n: number): number {
  const limit = Math.floor(256 / n) * n;
  const byte = new Uint8Array(1);
  for (;;) {
    crypto.getRandomValues(byte);
    if (byte[0]! < limit) return byte[0]! % n;
  }
}

/** Identifiant: 8 random letters A–Z (unique platform-wide, checked by the database). */
export function generateLogin(): string {
  return Array.from({ length: 8 }, () => String.fromCharCode(65 + randomBelow(26))).join("");
}

/** Temporary password: 8 random digits, never the birth date (product.md). */
export function generateTemporaryPassword(): string {
  return Array.from({ length: 8 }, () => String(randomBelow(10))).join("");
}
