import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { type Clock, systemClock } from "../../../lib/clock.ts";
import { opaqueId } from "../../../lib/ids.ts";
import type { DocStore } from "../../../store/doc-store.ts";
import { ApiError, errorBody, errorHeaders } from "./api-error.ts";
import { authenticate } from "./auth.ts";
import { type BreakcoldEmulatorControl, createControl } from "./control.ts";
import { registerControlRoutes } from "./control-routes.ts";
import { registerCustomActivityRoutes } from "./custom-activity-routes.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";
import { createEmulatorClock } from "./emulator-clock.ts";
import { createFaultBook } from "./faults.ts";
import { registerFieldRoutes } from "./field-routes.ts";
import { registerHookRoutes } from "./hooks-routes.ts";
import { registerMetadataRoutes } from "./metadata-routes.ts";
import { openState } from "./model.ts";
import { registerNoteRoutes } from "./notes-routes.ts";
import { createRateLimiter, type RateLimitOptions } from "./rate-limiter.ts";
import { registerRecordRoutes } from "./records-routes.ts";
import { API_BASE, DroppedConnection } from "./register-route.ts";
import { registerTaskRoutes } from "./tasks-routes.ts";
import { createWebhookDispatcher } from "./webhook-dispatcher.ts";

export type {
  BreakcoldEmulatorControl,
  DeliverySummary,
  WebhookEndpointSummary,
} from "./control.ts";
export type { ActiveFault, FaultRule } from "./faults.ts";
export type { RateLimitOptions } from "./rate-limiter.ts";

export interface BreakcoldEmulatorOptions {
  /** All API state (workspaces, objects, fields, views, records, notes, tasks, key hashes,
   * webhook endpoints and deliveries) lives here. Faults and rate-limit counts are in memory. */
  docs: DocStore;
  /** Base of the emulator clock (times, key expiry, rate windows, retries). Default: system. */
  clock?: Clock;
  /** Delivers webhooks. Default: global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Rate-limit budgets and window. Default: Breakcold's documented per-minute budgets. */
  rateLimits?: RateLimitOptions;
  /** Per-attempt webhook timeout in ms (real time). Default: 10 000. */
  webhookTimeoutMs?: number;
  /** Also run due webhook retries from real timers. Default: true. */
  autoRetryWebhooks?: boolean;
}

export interface BreakcoldEmulator {
  /** API under `/api/v1`, control under `/_emulator`; mount with `app.route(prefix, emulator.app)`. */
  app: Hono<EmulatorEnv>;
  /** In-process fetch handler: pass it to the client as `fetch`, no socket needed. A `drop`
   * fault rejects it with a `TypeError`, as a reset connection rejects fetch. */
  fetch: (req: Request) => Promise<Response>;
  control: BreakcoldEmulatorControl;
}

const DROPPED = "x-emulator-dropped";

/** Largest request body the emulator reads (Breakcold documents none; 5 MiB is generous). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * A faithful local Breakcold API v1: every operation of API.md's table, Bearer keys with scopes,
 * workspace limits and expiry, the `{"error": {code, message, requestId}}` envelope, opaque ids,
 * epoch-ms times, cursor pagination, archive-not-delete, saved views, all five rate budgets with
 * 429 + `Retry-After`, signed webhooks with retries, and scripted faults on a settable clock.
 * Routes come from `routes.ts`.
 *
 * @example
 * const emulator = createBreakcoldEmulator({ docs: DocStore.open(":memory:") });
 * const workspace = emulator.control.createWorkspace();
 * const apiKey = emulator.control.issueApiKey({ workspaceIds: [workspace.id] });
 * const client = createBreakcoldClient({ baseUrl: "http://bc.test/api/v1", apiKey, fetch: emulator.fetch });
 */

export function createBreakcoldEmulator(opts: BreakcoldEmulatorOptions): BreakcoldEmulator {
  const state = openState(opts.docs);
  const clock = createEmulatorClock(opts.clock ?? systemClock);
  const deps: EmulatorDeps = {
    state,
    clock,
    faults: createFaultBook(),
    limiter: createRateLimiter(opts.rateLimits ?? {}, clock),
    webhooks: createWebhookDispatcher({
      state,
      clock,
      fetch: opts.fetch ?? ((request) => fetch(request)),
      ...(opts.webhookTimeoutMs === undefined ? {} : { timeoutMs: opts.webhookTimeoutMs }),
      ...(opts.autoRetryWebhooks === undefined ? {} : { autoRetry: opts.autoRetryWebhooks }),
    }),
  };
  const control = createControl(deps);
  const app = new Hono<EmulatorEnv>();

  app.use("*", async (c, next) => {
    const requestId = opaqueId();
    c.set("requestId", requestId);
    c.header("x-request-id", requestId);
    await next();
  });
  // Real servers cap request bodies; reading an unbounded one would exhaust memory.
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.json(
          {
            error: {
              code: "payload_too_large",
              message: `request body exceeds ${MAX_BODY_BYTES} bytes`,
              requestId: c.get("requestId"),
            },
          },
          413,
        ),
    }),
  );
  registerControlRoutes(app, control);
  app.use(`${API_BASE}/*`, authenticate(deps));
  for (const register of [
    registerMetadataRoutes,
    registerFieldRoutes,
    registerRecordRoutes,
    registerCustomActivityRoutes,
    registerNoteRoutes,
    registerTaskRoutes,
    registerHookRoutes,
  ]) {
    register(app, deps);
  }

  app.notFound((c) => {
    const error = new ApiError("not_found", `No route ${c.req.method} ${c.req.path}`);
    return c.json(errorBody(error, c.get("requestId") ?? opaqueId()), 404);
  });
  app.onError((cause, c) => {
    if (cause instanceof DroppedConnection) {
      // Over a socket (@hono/node-server) really drop it; in-process, `fetch` below rejects.
      (
        c.env as { incoming?: { socket?: { destroy(): void } } } | undefined
      )?.incoming?.socket?.destroy();
      return c.body(null, 502, { [DROPPED]: "1" });
    }
    const error =
      cause instanceof ApiError ? cause : new ApiError("internal_error", "Internal server error");
    return c.json(
      errorBody(error, c.get("requestId") ?? opaqueId()),
      error.status,
      errorHeaders(error),
    );
  });

  const fetchHandler = async (request: Request) => {
    const response = await untilAborted(app.fetch(request), request.signal);
    if (response.headers.has(DROPPED)) {
      throw new TypeError("fetch failed", { cause: new Error("socket hang up (emulator fault)") });
    }
    return response;
  };
  return { app, fetch: fetchHandler, control };
}

/** Rejects with the signal's reason once it aborts, as fetch does when its request is aborted. */
function untilAborted(
  answer: Response | Promise<Response>,
  signal: AbortSignal,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    Promise.resolve(answer)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener("abort", onAbort));
  });
}
