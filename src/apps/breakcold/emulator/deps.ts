import type { Clock } from "../../../lib/clock.ts";
import type { BreakcoldRoute } from "../routes.ts";
import type { EmulatorState, StoredApiKey } from "./model.ts";

/** What every route module needs: the stored state and the clock. */
export interface EmulatorDeps {
  readonly state: EmulatorState;
  readonly clock: Clock;
}

/**
 * Hono environment of the emulator. Middleware added later (rate limits, fault injection) reads
 * `operation` to find the per-operation budget and `apiKey` for the per-key budget.
 */
export interface EmulatorEnv {
  Variables: {
    requestId: string;
    apiKey: StoredApiKey;
    operation: BreakcoldRoute;
  };
}
