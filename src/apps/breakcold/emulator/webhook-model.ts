import type { BreakcoldWebhookEventName } from "../webhook-events.ts";

/**
 * A webhook endpoint of a workspace: created through `POST /integration-hooks` (`source: "hook"`)
 * or "in Breakcold's settings" (`control.addWebhookEndpoint`, `source: "settings"`). The signing
 * secret is kept in plaintext because the emulator must sign with it.
 */
export interface StoredEndpoint {
  id: string;
  workspaceId: string;
  url: string;
  events: BreakcoldWebhookEventName[];
  secret: string;
  source: "hook" | "settings";
  enabled: boolean;
  /** Failed attempts since the last success; 50 disable the endpoint (API.md). */
  consecutiveFailures: number;
  disabledAt?: number;
  createdAt: number;
}

/**
 * One event's delivery to one endpoint, across its attempts. `id` is the
 * `X-Webhook-Delivery-Id`, the same on every attempt so receivers can deduplicate.
 * `sending` while an attempt is in flight; `retrying` with `nextAttemptAt` between attempts.
 */
export interface StoredDelivery {
  id: string;
  eventId: string;
  endpointId: string;
  event: BreakcoldWebhookEventName;
  url: string;
  /** The exact JSON body sent on every attempt. */
  body: string;
  attempts: number;
  status: "sending" | "retrying" | "succeeded" | "failed";
  nextAttemptAt?: number;
  lastStatus?: number;
  lastError?: string;
  createdAt: number;
}
