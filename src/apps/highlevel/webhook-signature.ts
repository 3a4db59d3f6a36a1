import { createPublicKey, verify } from "node:crypto";
import { HIGHLEVEL_WEBHOOK_RSA_PUBLIC_KEY } from "./webhook-public-key.ts";

export { HIGHLEVEL_WEBHOOK_RSA_PUBLIC_KEY } from "./webhook-public-key.ts";

export interface VerifyHighLevelSignatureInput {
  /** The request body exactly as received; re-serialised JSON would not verify. */
  rawBody: Uint8Array;
  headers: { get(name: string): string | null };
  /** SPKI PEM for `x-ghl-signature`. No default: HighLevel does not publish it in the docs. */
  ed25519PublicKeyPem?: string;
  /** SPKI PEM for `x-wh-signature`. Default: `HIGHLEVEL_WEBHOOK_RSA_PUBLIC_KEY`. */
  rsaPublicKeyPem?: string;
}

export type SignatureCheck =
  | { ok: true; scheme: "ed25519" | "rsa" }
  | { ok: false; reason: string };

function check(
  scheme: "ed25519" | "rsa",
  body: Uint8Array,
  signature: string,
  pem: string,
): SignatureCheck {
  try {
    const key = createPublicKey(pem);
    const sig = Buffer.from(signature, "base64");
    const valid = verify(scheme === "ed25519" ? null : "sha256", body, key, sig);
    return valid
      ? { ok: true, scheme }
      : { ok: false, reason: `${scheme} signature does not match` };
  } catch (cause) {
    return { ok: false, reason: `${scheme} signature could not be checked: ${String(cause)}` };
  }
}

/**
 * Verifies a HighLevel Marketplace webhook over its raw bytes. Prefers the current Ed25519
 * scheme (`x-ghl-signature`) when that header and its key are present, else the legacy
 * RSA-SHA256 one (`x-wh-signature`, BEHAVIOUR.md "Webhooks"). Fails closed: no usable header and
 * key pair is a failure, and a failing Ed25519 check does not fall back to RSA.
 */
export function verifyHighLevelSignature(input: VerifyHighLevelSignatureInput): SignatureCheck {
  const ghl = input.headers.get("x-ghl-signature");
  const wh = input.headers.get("x-wh-signature");
  if (ghl && input.ed25519PublicKeyPem) {
    return check("ed25519", input.rawBody, ghl, input.ed25519PublicKeyPem);
  }
  if (wh) {
    return check(
      "rsa",
      input.rawBody,
      wh,
      input.rsaPublicKeyPem ?? HIGHLEVEL_WEBHOOK_RSA_PUBLIC_KEY,
    );
  }
  if (ghl)
    return { ok: false, reason: "x-ghl-signature present but no Ed25519 public key is configured" };
  return { ok: false, reason: "no x-ghl-signature or x-wh-signature header" };
}
