import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import {
  acceptBreakcoldDelivery,
  type BreakcoldDeliveryError,
} from "../engine/ingress/breakcold.ts";
import { acceptHighLevelDelivery, type WebhookKeySet } from "../engine/ingress/highlevel.ts";
import type { Result } from "../lib/result.ts";
import { assertExhaustive } from "../lib/result.ts";
import type { InboxEvent } from "../store/inbox.ts";
import { apiError } from "./api-error.ts";
import type { ServerDeps } from "./deps.ts";

/** Largest webhook body accepted; real HighLevel and Breakcold events are a few kilobytes. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

type Outcome = Result<
  { event: InboxEvent | undefined; duplicate: boolean },
  BreakcoldDeliveryError
>;

/**
 * Maps an ingress outcome to the answer the sender understands: 200 once stored (or seen
 * before), 401 for a bad or missing signature (nothing stored), 404 for an unknown endpoint,
 * and 429 when the event cannot be stored — HighLevel redelivers only on 429.
 */
function answer(deps: ServerDeps, c: Context, app: string, result: Outcome) {
  if (result.ok) {
    const { event, duplicate } = result.value;
    if (event?.status === "received") deps.wakeWorker();
    if (event?.status === "unroutable") {
      deps.logger.warn("webhook for an account with no connection kept as unroutable", {
        app,
        eventId: event.id,
        accountId: event.accountId,
        type: event.type,
      });
    }
    return c.json({ received: true, duplicate, eventId: event?.id ?? null });
  }
  const error = result.error;
  switch (error.code) {
    case "bad_signature":
      deps.logger.warn("webhook rejected", { app, reason: error.message });
      return apiError(c, 401, "invalid_signature", error.message);
    case "bad_payload":
      return apiError(c, 400, "invalid_payload", error.message);
    case "unknown_connection":
      return apiError(c, 404, "not_found", error.message);
    case "store_failed":
      deps.logger.error("webhook could not be stored", { app, reason: error.message });
      return apiError(c, 429, "try_again", "the event could not be stored; redeliver later");
    default:
      return assertExhaustive(error, "unknown delivery error");
  }
}

/**
 * Webhook ingress. `POST /hooks/highlevel` is the one URL set in the HighLevel app's settings
 * (every location's events, routed by `locationId`); `POST /hooks/breakcold/:connectionId` is
 * the endpoint configured in one Breakcold workspace.
 */
export function hookRoutes(deps: ServerDeps, keySets: () => readonly WebhookKeySet[]): Hono {
  const app = new Hono();
  // The endpoints are public: refuse oversized bodies before reading them into memory.
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_WEBHOOK_BYTES,
      onError: (c) =>
        apiError(c, 413, "too_large", `webhook bodies are limited to ${MAX_WEBHOOK_BYTES} bytes`),
    }),
  );
  app.post("/highlevel", async (c) => {
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const delivery = { rawBody, headers: c.req.raw.headers };
    const result = await acceptHighLevelDelivery(deps.db, delivery, keySets(), deps.clock.now());
    return answer(deps, c, "highlevel", result);
  });
  app.post("/breakcold/:connectionId", async (c) => {
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const delivery = {
      connectionId: c.req.param("connectionId"),
      rawBody,
      headers: c.req.raw.headers,
    };
    const result = await acceptBreakcoldDelivery(
      deps.db,
      deps.core.vault,
      delivery,
      deps.clock.now(),
    );
    return answer(deps, c, "breakcold", result);
  });
  return app;
}
