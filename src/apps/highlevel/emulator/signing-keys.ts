import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import type { SigningKeyPairs } from "./records.ts";
import type { EmulatorState } from "./state.ts";

/** `ed25519` → `x-ghl-signature` (current), `rsa` → `x-wh-signature` (legacy). */
export type SignatureScheme = "ed25519" | "rsa";

/** Signs webhook bodies the way HighLevel does, with key pairs persisted in the DocStore. */
export interface WebhookSigner {
  /** SPKI PEM public keys, for receivers to verify with. */
  publicKeys(): { ed25519: string; rsa: string };
  /** Base64 signatures of exactly `body`: Ed25519 (`x-ghl-signature`), RSA-SHA256 PKCS#1 v1.5 (`x-wh-signature`). */
  sign(body: Uint8Array): { ed25519: string; rsa: string };
}

function generatePairs(): SigningKeyPairs {
  const publicKeyEncoding = { type: "spki", format: "pem" } as const;
  const privateKeyEncoding = { type: "pkcs8", format: "pem" } as const;
  const ed = generateKeyPairSync("ed25519", { publicKeyEncoding, privateKeyEncoding });
  const rsa = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding,
    privateKeyEncoding,
  });
  return {
    id: "webhook",
    ed25519PrivatePem: ed.privateKey,
    ed25519PublicPem: ed.publicKey,
    rsaPrivatePem: rsa.privateKey,
    rsaPublicPem: rsa.publicKey,
  };
}

/**
 * The emulator's webhook signer. Key pairs are generated on first use (not at start, since RSA
 * generation takes a noticeable moment) and stored, so a reopened store signs with the same keys.
 */
export function createWebhookSigner(state: EmulatorState): WebhookSigner {
  let cached: { pairs: SigningKeyPairs; ed25519: KeyObject; rsa: KeyObject } | undefined;
  const load = () => {
    if (cached) return cached;
    const pairs = state.signingKeys.get("webhook") ?? state.signingKeys.put(generatePairs());
    cached = {
      pairs,
      ed25519: createPrivateKey(pairs.ed25519PrivatePem),
      rsa: createPrivateKey(pairs.rsaPrivatePem),
    };
    return cached;
  };
  return {
    publicKeys() {
      const { pairs } = load();
      return { ed25519: pairs.ed25519PublicPem, rsa: pairs.rsaPublicPem };
    },
    sign(body) {
      const keys = load();
      return {
        ed25519: sign(null, body, keys.ed25519).toString("base64"),
        rsa: sign("sha256", body, keys.rsa).toString("base64"),
      };
    },
  };
}
