import { randomUUID } from "node:crypto";
import type { Clock } from "../../../lib/clock.ts";
import type { DeliveryRecord } from "./records.ts";
import type { WebhookSigner } from "./signing-keys.ts";
import type { EmulatorState } from "./state.ts";
import type { WebhookEvent } from "./webhook-payloads.ts";

/** What `deliveries()` reports for one delivery; `status` is null while in flight or on error. */
export interface DeliverySummary {
  webhookId: string;
  type: string;
  url: string;
  status: number | null;
  error?: string;
}

/** Sends signed webhook events to the app's one URL without holding up API responses. */
export interface WebhookDispatcher {
  /** Queues `event` for delivery; returns at once. Does nothing when no URL is set. */
  dispatch(event: WebhookEvent): void;
  /** Resolves when every delivery started so far (and any started meanwhile) has finished. */
  settle(): Promise<void>;
  deliveries(): DeliverySummary[];
}

export interface WebhookDispatcherOptions {
  state: EmulatorState;
  clock: Clock;
  signer: WebhookSigner;
  fetch: (req: Request) => Promise<Response>;
}

/**
 * HighLevel delivers every location's events to the one webhook URL of the app (BEHAVIOUR.md
 * "Webhooks"), as flat JSON plus `timestamp` and `webhookId`, signed over the exact body bytes
 * with Ed25519 (`x-ghl-signature`) and RSA-SHA256 (`x-wh-signature`). A failed delivery is
 * recorded, never thrown.
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { state, clock, signer } = options;
  const inFlight = new Set<Promise<void>>();

  async function deliver(record: DeliveryRecord): Promise<void> {
    const bytes = Buffer.from(record.body, "utf8");
    try {
      const signatures = signer.sign(bytes);
      const response = await options.fetch(
        new Request(record.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-ghl-signature": signatures.ed25519,
            "x-wh-signature": signatures.rsa,
          },
          body: bytes,
        }),
      );
      await response.body?.cancel();
      state.deliveries.put({ ...record, status: response.status });
    } catch (cause) {
      state.deliveries.put({
        ...record,
        error: cause instanceof Error ? cause.message : String(cause),
      });
    }
  }

  return {
    dispatch(event) {
      const url = state.webhookSettings.get("app")?.url ?? null;
      if (url === null) return;
      const webhookId = randomUUID();
      const body = JSON.stringify({
        ...event,
        timestamp: new Date(clock.now()).toISOString(),
        webhookId,
      });
      const record = state.deliveries.put({
        id: webhookId,
        type: event.type,
        url,
        body,
        status: null,
      });
      // Deliver after the current request has answered; a closed store must not crash the process.
      const task = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => deliver(record))
        .catch(() => undefined)
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    },
    async settle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    deliveries() {
      return state.deliveries.all().map((r) => ({
        webhookId: r.id,
        type: r.type,
        url: r.url,
        status: r.status,
        ...(r.error === undefined ? {} : { error: r.error }),
      }));
    },
  };
}
