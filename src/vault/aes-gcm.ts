import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { SecretCipher } from "../lib/secret-cipher.ts";

const PREFIX = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Thrown when a sealed value does not open: wrong key, wrong row, or tampered bytes. */
export class VaultError extends Error {
  override name = "VaultError";
}

/** A key ring: the key to seal with, and every key that may open older values. */
export interface KeyRing {
  readonly currentKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

export function checkKey(keyId: string, key: Buffer): void {
  if (key.length !== KEY_BYTES) {
    throw new VaultError(`key ${keyId} must be ${KEY_BYTES} bytes, got ${key.length}`);
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(keyId)) throw new VaultError(`bad key id: ${keyId}`);
}

/**
 * AES-256-GCM with a random 96-bit nonce per value and the row id as associated data. Sealed
 * form: `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts), so the key id travels with the
 * value and keys can rotate.
 */
export function createAesGcmCipher(ring: KeyRing): SecretCipher {
  for (const [keyId, key] of ring.keys) checkKey(keyId, key);
  if (!ring.keys.has(ring.currentKeyId)) {
    throw new VaultError(`current key ${ring.currentKeyId} is not in the key ring`);
  }
  return {
    seal(associatedData, plaintext) {
      const key = ring.keys.get(ring.currentKeyId) as Buffer;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(associatedData, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"));
      return [PREFIX, ring.currentKeyId, ...parts].join(":");
    },
    open(associatedData, sealed) {
      const [prefix, keyId, iv, tag, body, ...rest] = sealed.split(":");
      if (prefix !== PREFIX || !keyId || !iv || !tag || body === undefined || rest.length > 0) {
        throw new VaultError("value is not sealed by this vault");
      }
      const key = ring.keys.get(keyId);
      if (!key) throw new VaultError(`value was sealed with key ${keyId}, which is not configured`);
      const tagBytes = Buffer.from(tag, "base64url");
      const ivBytes = Buffer.from(iv, "base64url");
      if (tagBytes.length !== TAG_BYTES || ivBytes.length !== IV_BYTES) {
        throw new VaultError("sealed value is malformed");
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, ivBytes, {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(Buffer.from(associatedData, "utf8"));
        decipher.setAuthTag(tagBytes);
        const out = Buffer.concat([
          decipher.update(Buffer.from(body, "base64url")),
          decipher.final(),
        ]);
        return out.toString("utf8");
      } catch {
        throw new VaultError(
          `sealed value does not open with key ${keyId} (wrong key, row or data)`,
        );
      }
    },
    keyIdOf(sealed) {
      const [prefix, keyId] = sealed.split(":");
      return prefix === PREFIX ? keyId : undefined;
    },
  };
}
