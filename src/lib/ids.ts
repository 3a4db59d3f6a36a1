import { randomBytes, randomInt, randomUUID } from "node:crypto";

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALPHANUM = "abcdefghijklmnopqrstuvwxyz0123456789";

function randomFrom(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** HighLevel-style id: 20 alphanumeric characters (Firebase push-id shape). */
export function firebaseId(): string {
  return randomFrom(ALPHANUM, 20);
}

/** Breakcold-style opaque id: 32 lowercase alphanumeric characters. */
export function opaqueId(): string {
  return randomFrom(LOWER_ALPHANUM, 32);
}

/** Our own row ids: a prefix plus a UUID, so an id says what it names. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID()}`;
}

/** A random secret of `bytes` bytes as base64url. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
