import assert from "node:assert/strict";
import { createPublicKey, generateKeyPairSync, sign } from "node:crypto";
import { describe, it } from "node:test";
import { HIGHLEVEL_WEBHOOK_RSA_PUBLIC_KEY, verifyHighLevelSignature } from "./webhook-signature.ts";

const publicKeyEncoding = { type: "spki", format: "pem" } as const;
const privateKeyEncoding = { type: "pkcs8", format: "pem" } as const;
const ed = generateKeyPairSync("ed25519", { publicKeyEncoding, privateKeyEncoding });
const rsa = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding,
  privateKeyEncoding,
});
const body = Buffer.from('{"type":"ContactCreate","locationId":"L","id":"C"}');
const edSig = sign(null, body, ed.privateKey).toString("base64");
const rsaSig = sign("sha256", body, rsa.privateKey).toString("base64");

function headers(values: Record<string, string>) {
  return new Headers(values);
}

describe("verifyHighLevelSignature", () => {
  it("verifies Ed25519 from x-ghl-signature, preferring it over RSA", () => {
    const result = verifyHighLevelSignature({
      rawBody: body,
      headers: headers({ "x-ghl-signature": edSig, "x-wh-signature": "garbage" }),
      ed25519PublicKeyPem: ed.publicKey,
      rsaPublicKeyPem: rsa.publicKey,
    });
    assert.deepEqual(result, { ok: true, scheme: "ed25519" });
  });

  it("uses RSA from x-wh-signature when no Ed25519 key is configured", () => {
    const result = verifyHighLevelSignature({
      rawBody: body,
      headers: headers({ "x-ghl-signature": edSig, "x-wh-signature": rsaSig }),
      rsaPublicKeyPem: rsa.publicKey,
    });
    assert.deepEqual(result, { ok: true, scheme: "rsa" });
  });

  it("does not fall back to RSA when the Ed25519 signature is wrong", () => {
    const result = verifyHighLevelSignature({
      rawBody: body,
      headers: headers({ "x-ghl-signature": rsaSig, "x-wh-signature": rsaSig }),
      ed25519PublicKeyPem: ed.publicKey,
      rsaPublicKeyPem: rsa.publicKey,
    });
    assert.equal(result.ok, false);
  });

  it("fails closed without a usable header and key", () => {
    const onlyGhl = verifyHighLevelSignature({
      rawBody: body,
      headers: headers({ "x-ghl-signature": edSig }),
    });
    assert.equal(onlyGhl.ok, false);
    assert.match(onlyGhl.ok ? "" : onlyGhl.reason, /no Ed25519 public key/);
    const none = verifyHighLevelSignature({
      rawBody: body,
      headers: headers({}),
      ed25519PublicKeyPem: ed.publicKey,
    });
    assert.equal(none.ok, false);
  });

  it("checks x-wh-signature against HighLevel's published key by default", () => {
    const result = verifyHighLevelSignature({
      rawBody: body,
      headers: headers({ "x-wh-signature": rsaSig }),
    });
    assert.deepEqual(result, { ok: false, reason: "rsa signature does not match" });
    const key = createPublicKey(HIGHLEVEL_WEBHOOK_RSA_PUBLIC_KEY);
    assert.equal(key.asymmetricKeyType, "rsa");
    assert.equal(key.asymmetricKeyDetails?.modulusLength, 4096);
  });

  it("reports a malformed key as a failure instead of throwing", () => {
    const result = verifyHighLevelSignature({
      rawBody: body,
      headers: headers({ "x-ghl-signature": edSig }),
      ed25519PublicKeyPem: "not a key",
    });
    assert.equal(result.ok, false);
  });
});
