import type { Clock } from "../../../lib/clock.ts";
import { opaqueId } from "../../../lib/ids.ts";
import type { BreakcoldWebhookData, BreakcoldWebhookEventName } from "../webhook-events.ts";
import { signBreakcoldPayload } from "../webhook-signature.ts";
import type { EmulatorState } from "./model.ts";
import type { StoredDelivery } from "./webhook-model.ts";

/** Delays before the 2nd and 3rd attempt (API.md: retries after ~5 s and ~30 s). */
export const RETRY_DELAYS_MS = [5_000, 30_000] as const;
/** Failed attempts in a row after which an endpoint is disabled (API.md). */
export const DISABLE_AFTER_FAILURES = 50;

export interface WebhookDispatcher {
  /** Queues `event` for every enabled endpoint of `workspaceId` subscribed to it; returns at once. */
  emit<E extends BreakcoldWebhookEventName>(
    workspaceId: string,
    event: E,
    data: BreakcoldWebhookData<E>,
  ): void;
  /** Starts every retry whose time has come on the emulator clock; resolves when they finished. */
  runDueRetries(): Promise<number>;
  /** Resolves when every attempt started so far (and any started meanwhile) has finished. */
  settle(): Promise<void>;
}

export interface WebhookDispatcherOptions {
  readonly state: EmulatorState;
  readonly clock: Clock;
  readonly fetch: (request: Request) => Promise<Response>;
  /** Per-attempt timeout, real time. Default: 10 000 (API.md). */
  readonly timeoutMs?: number;
  /** Also start due retries from real timers (unref'd). Default: true. */
  readonly autoRetry?: boolean;
}

/**
 * Delivers Breakcold webhooks: POST of the JSON envelope, signed per attempt with the endpoint's
 * secret over `"${X-Webhook-Timestamp}.${body}"`; any 2xx is success; up to 3 attempts; 50 failed
 * attempts in a row disable the endpoint. Retries are due on the emulator clock, so a test moves
 * the clock and calls `runDueRetries()`. Failures are recorded, never thrown.
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { state, clock } = options;
  const inFlight = new Set<Promise<void>>();
  const track = (work: () => Promise<void>) => {
    // Start after the current API request has answered; a closed store must not crash anything.
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch(() => undefined)
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    return task;
  };

  async function attempt(delivery: StoredDelivery): Promise<void> {
    const endpoint = state.endpoints.get(delivery.endpointId);
    if (!endpoint?.enabled) {
      state.deliveries.put({ ...delivery, status: "failed", lastError: "endpoint disabled" });
      return;
    }
    const timestampSeconds = Math.floor(clock.now() / 1000);
    const rawBody = Buffer.from(delivery.body, "utf8");
    let outcome: { status?: number; error?: string };
    try {
      const response = await options.fetch(
        new Request(delivery.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "Breakcold-Webhooks/1.0",
            "x-webhook-event": delivery.event,
            "x-webhook-delivery-id": delivery.id,
            "x-webhook-timestamp": String(timestampSeconds),
            "x-webhook-signature": signBreakcoldPayload({
              secret: endpoint.secret,
              timestampSeconds,
              rawBody,
            }),
          },
          body: rawBody,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        }),
      );
      await response.body?.cancel();
      outcome = { status: response.status };
    } catch (cause) {
      outcome = { error: cause instanceof Error ? cause.message : String(cause) };
    }
    record(delivery, outcome);
  }

  function record(delivery: StoredDelivery, outcome: { status?: number; error?: string }): void {
    const ok = outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300;
    const endpoint = state.endpoints.get(delivery.endpointId);
    if (!endpoint) {
      state.deliveries.put({ ...delivery, status: "failed", lastError: "endpoint deleted" });
      return;
    }
    const failures = ok ? 0 : endpoint.consecutiveFailures + 1;
    const disable = endpoint.enabled && failures >= DISABLE_AFTER_FAILURES;
    state.endpoints.put({
      ...endpoint,
      consecutiveFailures: failures,
      ...(disable ? { enabled: false, disabledAt: clock.now() } : {}),
    });
    const attempts = delivery.attempts + 1;
    const delay = RETRY_DELAYS_MS[attempts - 1];
    const { nextAttemptAt: _previous, ...rest } = delivery;
    const next: StoredDelivery = { ...rest, attempts };
    if (outcome.status !== undefined) next.lastStatus = outcome.status;
    if (outcome.error !== undefined) next.lastError = outcome.error;
    if (ok) next.status = "succeeded";
    else if (delay === undefined || !endpoint.enabled || disable) next.status = "failed";
    else {
      next.status = "retrying";
      next.nextAttemptAt = clock.now() + delay;
      if (options.autoRetry !== false) setTimeout(runDueSafely, delay).unref();
    }
    state.deliveries.put(next);
  }

  const runDueSafely = () => runDueRetries().catch(() => 0);

  async function runDueRetries(): Promise<number> {
    const now = clock.now();
    const due = state.deliveries
      .where("status", "retrying")
      .filter((delivery) => (delivery.nextAttemptAt ?? 0) <= now);
    const started = due.map((delivery) => {
      const { nextAttemptAt: _due, ...rest } = delivery;
      const sending: StoredDelivery = state.deliveries.put({ ...rest, status: "sending" });
      return track(() => attempt(sending));
    });
    await Promise.all(started);
    return started.length;
  }

  return {
    emit(workspaceId, event, data) {
      const eventId = opaqueId();
      const timestamp = new Date(clock.now()).toISOString();
      const body = JSON.stringify({ eventId, timestamp, workspaceId, event, data });
      for (const endpoint of state.endpoints.where("workspaceId", workspaceId)) {
        if (!endpoint.enabled || !endpoint.events.includes(event)) continue;
        const delivery = state.deliveries.put({
          id: opaqueId(),
          eventId,
          endpointId: endpoint.id,
          event,
          url: endpoint.url,
          body,
          attempts: 0,
          status: "sending",
          createdAt: clock.now(),
        });
        track(() => attempt(delivery));
      }
    },
    runDueRetries: runDueSafely,
    async settle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
