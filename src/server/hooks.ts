import { Hono } from "hono";
import type { WebhookKeySet } from "../engine/ingress/highlevel.ts";
import { acceptHighLevelDelivery } from "../engine/ingress/highlevel.ts";
import { assertExhaustive } from "../lib/result.ts";
import { apiError } from "./api-error.ts";
import type { ServerDeps } from "./deps.ts";

/**
 * Webhook ingress. `POST /hooks/highlevel` is the one URL set in the HighLevel app's settings;
 * every location's events arrive here and are routed by `locationId`. Answers 200 once the
 * event is stored (or was seen before), 401 for a bad or missing signature (nothing stored),
 * and 429 when it cannot be stored — HighLevel redelivers only on 429.
 */
export function hookRoutes(deps: ServerDeps, keySets: () => readonly WebhookKeySet[]): Hono {
  const app = new Hono();
  app.post("/highlevel", async (c) => {
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const result = await acceptHighLevelDelivery(
      deps.db,
      { rawBody, headers: c.req.raw.headers },
      keySets(),
      deps.clock.now(),
    );
    if (result.ok) {
      const { event, duplicate } = result.value;
      if (event?.status === "received") deps.wakeWorker();
      if (event?.status === "unroutable") {
        deps.logger.warn("webhook for a location with no connection kept as unroutable", {
          eventId: event.id,
          locationId: event.accountId,
          type: event.type,
        });
      }
      return c.json({ received: true, duplicate, eventId: event?.id ?? null });
    }
    const error = result.error;
    switch (error.code) {
      case "bad_signature":
        deps.logger.warn("webhook rejected", { reason: error.message });
        return apiError(c, 401, "invalid_signature", error.message);
      case "bad_payload":
        return apiError(c, 400, "invalid_payload", error.message);
      case "store_failed":
        deps.logger.error("webhook could not be stored", { reason: error.message });
        return apiError(c, 429, "try_again", "the event could not be stored; redeliver later");
      default:
        return assertExhaustive(error, "unknown delivery error");
    }
  });
  return app;
}
