import Argon2, { Argon2Type } from "@phi-ag/argon2";
import wasm from "@phi-ag/argon2/argon2.wasm";

// OWASP minimum for argon2id; the PHC string also verifies with @node-rs/argon2 in Node tools.
const OPTIONS = { type: Argon2Type.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1, hashLength: 32 };

let instance: Promise<Argon2> | undefined;
// workerd forbids compiling wasm from bytes: the module is imported and instantiated once per isolate.
function argon2(): Promise<Argon2> {
  instance ??= WebAssembly.instantiate(wasm).then((i) => new Argon2(i));
  return instance;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return (await argon2()).hash(password, { ...OPTIONS, salt }).encoded;
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  return (await argon2()).tryVerify(hash, password, Argon2Type.Argon2id).success;
}

let dummyHash: Promise<string> | undefined;
/**
 * Verifies against a throwaway hash, so an unknown login costs the same time as a wrong password
 * and response time does not reveal which accounts exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  await verifyPassword(await dummyHash, password);
  return false;
}
