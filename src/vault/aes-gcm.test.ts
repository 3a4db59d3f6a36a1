import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { createAesGcmCipher, VaultError } from "./aes-gcm.ts";

const k1 = randomBytes(32);
const k2 = randomBytes(32);

test("seals with a random nonce and opens only for the same row", () => {
  const cipher = createAesGcmCipher({ currentKeyId: "k1", keys: new Map([["k1", k1]]) });
  const a = cipher.seal("conn_1", "pit-secret");
  const b = cipher.seal("conn_1", "pit-secret");
  assert.notEqual(a, b, "a fresh nonce each time");
  assert.ok(!a.includes("pit-secret"));
  assert.equal(cipher.keyIdOf(a), "k1");
  assert.equal(cipher.open("conn_1", a), "pit-secret");
  assert.throws(() => cipher.open("conn_2", a), VaultError, "row id is associated data");
});

test("a tampered value or a wrong key does not open", () => {
  const cipher = createAesGcmCipher({ currentKeyId: "k1", keys: new Map([["k1", k1]]) });
  const sealed = cipher.seal("row", "secret");
  const parts = sealed.split(":");
  const body = Buffer.from(parts[4] ?? "", "base64url");
  body[0] = (body[0] ?? 0) ^ 1;
  parts[4] = body.toString("base64url");
  assert.throws(() => cipher.open("row", parts.join(":")), VaultError);
  const other = createAesGcmCipher({ currentKeyId: "k1", keys: new Map([["k1", k2]]) });
  assert.throws(() => other.open("row", sealed), /does not open/);
});

test("a ring opens old values and seals with the current key", () => {
  const old = createAesGcmCipher({ currentKeyId: "k1", keys: new Map([["k1", k1]]) });
  const sealed = old.seal("row", "secret");
  const ring = createAesGcmCipher({
    currentKeyId: "k2",
    keys: new Map([
      ["k1", k1],
      ["k2", k2],
    ]),
  });
  assert.equal(ring.open("row", sealed), "secret");
  assert.equal(ring.keyIdOf(ring.seal("row", "secret")), "k2");
});

test("keys must be 32 bytes", () => {
  assert.throws(
    () => createAesGcmCipher({ currentKeyId: "k", keys: new Map([["k", randomBytes(16)]]) }),
    /32 bytes/,
  );
});
