import type { BreakcoldRoute } from "../routes.ts";
import type { EmulatorClock } from "./emulator-clock.ts";
import type { FaultBook } from "./faults.ts";
import type { EmulatorState, StoredApiKey } from "./model.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import type { WebhookDispatcher } from "./webhook-dispatcher.ts";

/** What every route module needs: stored state, the settable clock, and the side machinery. */
export interface EmulatorDeps {
  readonly state: EmulatorState;
  readonly clock: EmulatorClock;
  readonly webhooks: WebhookDispatcher;
  readonly limiter: RateLimiter;
  readonly faults: FaultBook;
}

/** Hono environment of the emulator: the request id, the caller's key, the route being served. */
export interface EmulatorEnv {
  Variables: {
    requestId: string;
    apiKey: StoredApiKey;
    operation: BreakcoldRoute;
  };
}
