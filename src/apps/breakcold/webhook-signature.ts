import { createHmac, timingSafeEqual } from "node:crypto";

/** Default allowed distance between `X-Webhook-Timestamp` and now: 5 minutes either way. */
export const DEFAULT_SIGNATURE_TOLERANCE_MS = 5 * 60_000;

/** Input of {@link verifyBreakcoldSignature}. */
export interface VerifyBreakcoldSignatureInput {
  /** The request body exactly as received; re-serialised JSON would not verify. */
  readonly rawBody: Uint8Array;
  readonly headers: { get(name: string): string | null };
  /** The endpoint's signing secret (integration hook `signingSecret`, or from settings). */
  readonly secret: string;
  /** Current time, epoch ms. */
  readonly now: number;
  /** Largest accepted |now − timestamp| in ms. Default: {@link DEFAULT_SIGNATURE_TOLERANCE_MS}. */
  readonly toleranceMs?: number;
}

/** `timestamp` is the signed `X-Webhook-Timestamp` in epoch ms (the header carries seconds). */
export type BreakcoldSignatureCheck =
  | { ok: true; deliveryId: string; event: string; timestamp: number }
  | { ok: false; reason: string };

/**
 * The `X-Webhook-Signature` value for a body: `sha256=` + hex HMAC-SHA256, keyed with the
 * endpoint's secret, of `"${timestampSeconds}.${rawBody}"` (API.md "Outbound webhooks").
 */
export function signBreakcoldPayload(input: {
  secret: string;
  timestampSeconds: number;
  rawBody: Uint8Array;
}): string {
  return `sha256=${hmacHex(input.secret, String(input.timestampSeconds), input.rawBody)}`;
}

/**
 * Verifies a Breakcold webhook over its raw bytes. Fails closed: a missing signature, timestamp,
 * delivery id or event header, a malformed signature, a timestamp further than `toleranceMs`
 * from `now` in either direction (stale replay or clock skew), or a digest mismatch are all
 * `ok: false`. The digest is compared in constant time. Deduplicate on `deliveryId` after this.
 */
export function verifyBreakcoldSignature(
  input: VerifyBreakcoldSignatureInput,
): BreakcoldSignatureCheck {
  const header = (name: string) => input.headers.get(name)?.trim() || undefined;
  const signature = header("x-webhook-signature");
  const timestamp = header("x-webhook-timestamp");
  const deliveryId = header("x-webhook-delivery-id");
  const event = header("x-webhook-event");
  if (!signature) return { ok: false, reason: "missing X-Webhook-Signature" };
  if (!timestamp) return { ok: false, reason: "missing X-Webhook-Timestamp" };
  if (!deliveryId) return { ok: false, reason: "missing X-Webhook-Delivery-Id" };
  if (!event) return { ok: false, reason: "missing X-Webhook-Event" };
  if (input.secret === "") return { ok: false, reason: "no signing secret configured" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed X-Webhook-Timestamp" };
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(signature);
  if (!match?.[1]) return { ok: false, reason: "malformed X-Webhook-Signature" };

  const timestampMs = Number(timestamp) * 1000;
  const tolerance = input.toleranceMs ?? DEFAULT_SIGNATURE_TOLERANCE_MS;
  if (input.now - timestampMs > tolerance) return { ok: false, reason: "timestamp too old" };
  if (timestampMs - input.now > tolerance) return { ok: false, reason: "timestamp in the future" };

  const expected = Buffer.from(hmacHex(input.secret, timestamp, input.rawBody), "hex");
  const given = Buffer.from(match[1], "hex");
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: "signature does not match" };
  return { ok: true, deliveryId, event, timestamp: timestampMs };
}

function hmacHex(secret: string, timestamp: string, rawBody: Uint8Array): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex");
}
