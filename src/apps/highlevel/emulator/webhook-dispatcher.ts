import { randomUUID } from "node:crypto";
import type { Clock } from "../../../lib/clock.ts";
import type { DeliveryRecord } from "./records.ts";
import type { SignatureScheme, WebhookSigner } from "./signing-keys.ts";
import type { EmulatorState } from "./state.ts";
import type { WebhookEvent } from "./webhook-payloads.ts";
import { webhookTargets } from "./webhook-targets.ts";

/** What `deliveries()` reports for one delivery; `status` is null while in flight or on error. */
export interface DeliverySummary {
  webhookId: string;
  type: string;
  url: string;
  status: number | null;
  error?: string;
  /** Attempts made so far (1 + redeliveries). */
  attempts: number;
  /** When the next redelivery is due (emulator clock, epoch ms), or null. */
  nextAttemptAt: number | null;
}

/** Sends signed webhook events without holding up API responses. */
export interface WebhookDispatcher {
  /** Queues `event` for every target URL; returns at once. Does nothing when there is none. */
  dispatch(event: WebhookEvent, options?: { appId?: string }): void;
  /** Resolves when every delivery started so far (and any started meanwhile) has finished. */
  settle(): Promise<void>;
  /** Resends every delivery whose 429 redelivery is due on the emulator clock; returns how many. */
  runDueRedeliveries(): Promise<number>;
  deliveries(): DeliverySummary[];
}

/** HighLevel's redelivery policy: only after a 429, up to 6 times, about 10 minutes apart. */
export interface RedeliveryPolicy {
  readonly maxRedeliveries: number;
  readonly intervalMs: number;
  /** Up to this much is added at random to each interval. */
  readonly jitterMs: number;
}

export const HIGHLEVEL_REDELIVERY: RedeliveryPolicy = {
  maxRedeliveries: 6,
  intervalMs: 10 * 60_000,
  jitterMs: 60_000,
};

export interface WebhookDispatcherOptions {
  state: EmulatorState;
  clock: Clock;
  signer: WebhookSigner;
  fetch: (req: Request) => Promise<Response>;
  /** Default both; real HighLevel sends Ed25519 only after 2026-07-01 (BEHAVIOUR.md). */
  signatureSchemes?: readonly SignatureScheme[];
  redelivery?: RedeliveryPolicy;
  random?: () => number;
}

const HEADER: Record<SignatureScheme, string> = {
  ed25519: "x-ghl-signature",
  rsa: "x-wh-signature",
};

/**
 * Delivers flat JSON events plus `timestamp` and `webhookId`, signed over the exact body bytes
 * with Ed25519 (`x-ghl-signature`) and/or RSA-SHA256 (`x-wh-signature`). A receiver answering
 * 429 gets the same bytes again (original `timestamp`) when `runDueRedeliveries` runs after the
 * interval; any other failure loses the event, as on HighLevel (BEHAVIOUR.md "Webhooks").
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { state, clock, signer } = options;
  const schemes = options.signatureSchemes ?? ["ed25519", "rsa"];
  const policy = options.redelivery ?? HIGHLEVEL_REDELIVERY;
  const random = options.random ?? Math.random;
  const inFlight = new Set<Promise<void>>();

  async function deliver(record: DeliveryRecord): Promise<void> {
    const bytes = Buffer.from(record.body, "utf8");
    const attempts = (record.attempts ?? 0) + 1;
    try {
      const signatures = signer.sign(bytes);
      const headers: Record<string, string> = { "content-type": "application/json" };
      for (const scheme of schemes) headers[HEADER[scheme]] = signatures[scheme];
      const response = await options.fetch(
        new Request(record.url, { method: "POST", headers, body: bytes }),
      );
      await response.body?.cancel();
      const retry = response.status === 429 && attempts <= policy.maxRedeliveries;
      const { error: _cleared, ...rest } = record;
      state.deliveries.put({
        ...rest,
        status: response.status,
        attempts,
        nextAttemptAt: retry
          ? clock.now() + policy.intervalMs + Math.floor(random() * policy.jitterMs)
          : null,
      });
    } catch (cause) {
      state.deliveries.put({
        ...record,
        attempts,
        nextAttemptAt: null,
        error: cause instanceof Error ? cause.message : String(cause),
      });
    }
  }

  function track(task: Promise<void>) {
    const tracked = task.catch(() => undefined).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  }

  return {
    dispatch(event, dispatchOptions = {}) {
      const timestamp = new Date(clock.now()).toISOString();
      for (const url of webhookTargets(state, event, dispatchOptions.appId)) {
        const webhookId = randomUUID();
        const body = JSON.stringify({ ...event, timestamp, webhookId });
        const record = state.deliveries.put({
          id: webhookId,
          type: event.type,
          url,
          body,
          status: null,
          attempts: 0,
          nextAttemptAt: null,
        });
        // Deliver after the current request has answered; a closed store must not crash the process.
        track(new Promise<void>((resolve) => setImmediate(resolve)).then(() => deliver(record)));
      }
    },
    async settle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async runDueRedeliveries() {
      const now = clock.now();
      const due = state.deliveries
        .all()
        .filter((r) => typeof r.nextAttemptAt === "number" && r.nextAttemptAt <= now);
      for (const record of due) {
        state.deliveries.put({ ...record, nextAttemptAt: null });
        await track(deliver(record));
      }
      return due.length;
    },
    deliveries() {
      return state.deliveries.all().map((r) => ({
        webhookId: r.id,
        type: r.type,
        url: r.url,
        status: r.status,
        ...(r.error === undefined ? {} : { error: r.error }),
        attempts: r.attempts ?? (r.status === null && r.error === undefined ? 0 : 1),
        nextAttemptAt: r.nextAttemptAt ?? null,
      }));
    },
  };
}
