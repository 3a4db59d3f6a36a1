import type { Clock } from "../../../lib/clock.ts";
import type { EmulatorState } from "./state.ts";
import type { WebhookDispatcher } from "./webhook-dispatcher.ts";

/** What every route module needs: the stored state, the time, and the webhook sender. */
export interface RouteDeps {
  readonly state: EmulatorState;
  readonly clock: Clock;
  readonly webhooks: WebhookDispatcher;
}

/** The clock's time as HighLevel's ISO timestamp. */
export function isoNow(deps: RouteDeps): string {
  return new Date(deps.clock.now()).toISOString();
}
