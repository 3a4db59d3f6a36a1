import { verifyHighLevelSignature } from "../../apps/highlevel/webhook-signature.ts";
import { sha256Hex } from "../../lib/hash.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { findConnectionByAccount } from "../../store/connections.ts";
import type { Db } from "../../store/database.ts";
import type { InboxEvent } from "../../store/inbox.ts";
import { storeEvent } from "./store-event.ts";

/** Public keys that webhook signatures are checked against; several sets may be trusted. */
export interface WebhookKeySet {
  readonly ed25519?: string;
  readonly rsa?: string;
}

export type DeliveryError =
  | { readonly code: "bad_signature"; readonly message: string }
  | { readonly code: "bad_payload"; readonly message: string }
  | { readonly code: "store_failed"; readonly message: string };

export interface DeliveryAccepted {
  /** The stored event, or undefined when this `webhookId` was seen before (a no-op). */
  readonly event: InboxEvent | undefined;
  readonly duplicate: boolean;
  readonly scheme: "ed25519" | "rsa";
}

export interface HighLevelDelivery {
  readonly rawBody: Uint8Array;
  readonly headers: { get(name: string): string | null };
}

function verify(delivery: HighLevelDelivery, keySets: readonly WebhookKeySet[]) {
  let reason = "no HighLevel webhook public key is configured";
  for (const keys of keySets) {
    const result = verifyHighLevelSignature({
      rawBody: delivery.rawBody,
      headers: delivery.headers,
      ...(keys.ed25519 ? { ed25519PublicKeyPem: keys.ed25519 } : {}),
      ...(keys.rsa ? { rsaPublicKeyPem: keys.rsa } : {}),
    });
    if (result.ok) return result;
    reason = result.reason;
  }
  return { ok: false as const, reason };
}

function parse(rawBody: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(rawBody).toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Accepts one Marketplace webhook delivery: verifies the signature over the raw bytes (fails
 * closed), routes it by `locationId` to its connection (kept as `unroutable` when none
 * matches), and stores it in the inbox keyed by `webhookId` together with its dispatch job.
 * The payload's `timestamp` is not checked for age: HighLevel retries resend the original
 * payload up to ~70 minutes later, so signature + unseen `webhookId` is the replay guard.
 */
export async function acceptHighLevelDelivery(
  db: Db,
  delivery: HighLevelDelivery,
  keySets: readonly WebhookKeySet[],
  now: number,
): Promise<Result<DeliveryAccepted, DeliveryError>> {
  const verified = verify(delivery, keySets);
  if (!verified.ok) return err({ code: "bad_signature", message: verified.reason });
  const payload = parse(delivery.rawBody);
  if (!payload) return err({ code: "bad_payload", message: "body is not a JSON object" });
  const type = typeof payload.type === "string" ? payload.type : undefined;
  if (!type) return err({ code: "bad_payload", message: "body has no event type" });
  const locationId = typeof payload.locationId === "string" ? payload.locationId : null;
  // Signed deliveries carry a webhookId; the body hash keeps an id-less one idempotent too.
  const deliveryId =
    typeof payload.webhookId === "string" && payload.webhookId.length > 0
      ? payload.webhookId
      : `sha256:${sha256Hex(delivery.rawBody)}`;
  try {
    const connection = locationId
      ? await findConnectionByAccount(db, "highlevel", locationId)
      : undefined;
    const event = await storeEvent(
      db,
      {
        app: "highlevel",
        connectionId: connection?.id ?? null,
        deliveryId,
        type,
        accountId: locationId,
        status: connection ? "received" : "unroutable",
        payload,
        signatureScheme: verified.scheme,
        eventTime: typeof payload.timestamp === "string" ? payload.timestamp : null,
      },
      now,
    );
    return ok({ event, duplicate: event === undefined, scheme: verified.scheme });
  } catch (error) {
    return err({ code: "store_failed", message: String(error) });
  }
}
