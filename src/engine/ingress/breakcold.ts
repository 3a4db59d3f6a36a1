import { parseBreakcoldWebhook } from "../../apps/breakcold/webhook-events.ts";
import { verifyBreakcoldSignature } from "../../apps/breakcold/webhook-signature.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { getConnection } from "../../store/connections.ts";
import type { Db } from "../../store/database.ts";
import type { Vault } from "../../vault/vault.ts";
import type { DeliveryAccepted, DeliveryError } from "./highlevel.ts";
import { storeEvent } from "./store-event.ts";

export interface BreakcoldDelivery {
  readonly connectionId: string;
  readonly rawBody: Uint8Array;
  readonly headers: { get(name: string): string | null };
}

export type BreakcoldDeliveryError =
  | DeliveryError
  | { readonly code: "unknown_connection"; readonly message: string };

/**
 * Accepts one Breakcold webhook for a connection: verifies `X-Webhook-Signature` (HMAC-SHA256
 * over `timestamp.body`) with the connection's signing secret — failing closed when none is
 * set — rejects timestamps outside the window, and stores the event keyed by
 * `X-Webhook-Delivery-Id` (a redelivery is a no-op).
 */
export async function acceptBreakcoldDelivery(
  db: Db,
  vault: Vault,
  delivery: BreakcoldDelivery,
  now: number,
): Promise<Result<Omit<DeliveryAccepted, "scheme">, BreakcoldDeliveryError>> {
  const connection = await getConnection(db, delivery.connectionId);
  if (connection?.app !== "breakcold") {
    return err({
      code: "unknown_connection",
      message: `no Breakcold connection ${delivery.connectionId}`,
    });
  }
  const secret = (await vault.credentials(connection.id)).webhookSecret;
  if (!secret) {
    return err({
      code: "bad_signature",
      message: `connection ${connection.id} has no webhook signing secret (connections add breakcold … --webhook-secret)`,
    });
  }
  const verified = verifyBreakcoldSignature({
    rawBody: delivery.rawBody,
    headers: delivery.headers,
    secret,
    now,
  });
  if (!verified.ok) return err({ code: "bad_signature", message: verified.reason });
  const parsed = parseBreakcoldWebhook(delivery.rawBody);
  if (!parsed.ok) return err({ code: "bad_payload", message: parsed.error.message });
  const envelope = parsed.value;
  try {
    const event = await storeEvent(
      db,
      {
        app: "breakcold",
        connectionId: connection.id,
        deliveryId: verified.deliveryId,
        type: envelope.event,
        accountId: envelope.workspaceId,
        status: "received",
        payload: envelope as unknown as Record<string, unknown>,
        signatureScheme: "hmac-sha256",
        eventTime: envelope.timestamp,
      },
      now,
    );
    return ok({ event, duplicate: event === undefined });
  } catch (error) {
    return err({ code: "store_failed", message: String(error) });
  }
}
