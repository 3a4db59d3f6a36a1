import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { sha256Hex } from "../lib/hash.ts";
import { checkKey, type KeyRing, VaultError } from "./aes-gcm.ts";

/** Name of the key file in the data directory. */
export const KEY_FILE = "master.key";

const keyFileSchema = z.object({
  current: z.string(),
  keys: z.record(z.string(), z.string()),
});

/** Where the key ring came from: a key file the vault may rewrite, or the environment. */
export type KeyRingSource =
  | { readonly kind: "file"; readonly path: string; readonly ring: KeyRing }
  | { readonly kind: "env"; readonly ring: KeyRing };

/** Decodes a 32-byte key given as 64 hex digits or base64/base64url. */
export function decodeKey(text: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, "hex")
    : Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) {
    throw new VaultError(
      "BRIDGE_MASTER_KEY must be 32 bytes as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)",
    );
  }
  return key;
}

/** A fresh key id: the date and a random suffix, so ids never repeat. */
export function newKeyId(now = new Date()): string {
  return `k${now.toISOString().slice(0, 10).replace(/-/g, "")}-${randomBytes(4).toString("hex")}`;
}

/** The id under which an environment-provided key seals values: derived from the key itself. */
export function envKeyId(key: Buffer): string {
  return `env-${sha256Hex(key).slice(0, 12)}`;
}

/** Writes the key file atomically with mode 0600. */
export function writeKeyFile(path: string, ring: KeyRing): void {
  const keys: Record<string, string> = {};
  for (const [id, key] of ring.keys) keys[id] = key.toString("base64");
  const temp = `${path}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ current: ring.currentKeyId, keys }, null, 2)}\n`, {
    mode: 0o600,
  });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

/** Reads and checks a key file (owner-only mode, 32-byte keys, current key present). */
export function readKeyFile(path: string): KeyRing {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new VaultError(
      `${path} is readable by others (mode ${mode.toString(8)}); run: chmod 600 ${path}`,
    );
  }
  const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new VaultError(`${path} is not a contact-bridge key file`);
  const keys = new Map<string, Buffer>();
  for (const [id, text] of Object.entries(parsed.data.keys)) {
    const key = Buffer.from(text, "base64");
    checkKey(id, key);
    keys.set(id, key);
  }
  if (!keys.has(parsed.data.current)) {
    throw new VaultError(`${path}: current key ${parsed.data.current} is missing`);
  }
  return { currentKeyId: parsed.data.current, keys };
}

/**
 * The master key ring: `BRIDGE_MASTER_KEY` when set, else `<dataDir>/master.key`, generated
 * with mode 0600 on first run. There is no keyless mode: secrets are never stored in clear.
 */
export function loadKeyRing(
  dataDir: string,
  masterKey: string | undefined,
  options: { mustExist?: boolean } = {},
): KeyRingSource {
  if (masterKey) {
    const key = decodeKey(masterKey);
    const id = envKeyId(key);
    return { kind: "env", ring: { currentKeyId: id, keys: new Map([[id, key]]) } };
  }
  const path = join(dataDir, KEY_FILE);
  if (existsSync(path)) return { kind: "file", path, ring: readKeyFile(path) };
  if (options.mustExist) {
    // Secrets were sealed before: a fresh key would not open them, so never make one here.
    throw new VaultError(
      `${path} is missing but this data directory holds encrypted secrets: restore the key file from your backup, or set BRIDGE_MASTER_KEY`,
    );
  }
  const id = newKeyId();
  const ring = { currentKeyId: id, keys: new Map([[id, randomBytes(32)]]) };
  writeKeyFile(path, ring);
  return { kind: "file", path, ring };
}
