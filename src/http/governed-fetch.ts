import type { BudgetSpec, Lane, RateGovernor } from "./rate-governor.ts";
import type { FetchLike } from "./transport.ts";

/** How one app's budgets work: which exist, which a request uses, what answers teach. */
export interface RateLimitPolicy {
  /** Budgets a new connection starts with (documented figures, corrected as answers come). */
  readonly budgets: Readonly<Record<string, BudgetSpec>>;
  /** Budgets one request draws on, by its catalogued operation id (undefined when unknown). */
  keysFor(operationId: string | undefined): readonly string[];
  /** Learns from any answer (budget headers). */
  observe(governor: RateGovernor, response: Response, now: number): void;
  /** How long to hold off after a 429 answer, from its headers or body. */
  retryAfterMs(response: Response, body: string): number;
}

export interface GovernedFetchOptions {
  readonly lane: Lane;
  /** The request's operation id, for per-operation budgets. */
  readonly operationOf: (request: Request) => string | undefined;
  /** 429 answers absorbed (wait, then resend) before the 429 is passed on. Default 4. */
  readonly max429Retries?: number;
  readonly now?: () => number;
  /** Told about every 429 (for metrics and benchmarks). */
  readonly on429?: (request: Request) => void;
}

/**
 * Wraps fetch so every request waits for a slot in its connection's budgets and teaches the
 * governor from the answer. A 429 pauses the budgets for as long as the server asks, then the
 * request is sent again: a rate limit is the governor's business, not the caller's.
 */
export function governedFetch(
  inner: FetchLike,
  governor: RateGovernor,
  policy: RateLimitPolicy,
  options: GovernedFetchOptions,
): FetchLike {
  const now = options.now ?? Date.now;
  const maxRetries = options.max429Retries ?? 4;
  return async (request) => {
    const keys = policy.keysFor(options.operationOf(request));
    for (let attempt = 0; ; attempt++) {
      const permit = await governor.acquire(options.lane, keys, request.signal);
      let response: Response;
      try {
        response = await inner(request.clone());
      } catch (error) {
        permit.release(now());
        throw error;
      }
      permit.release(now());
      policy.observe(governor, response, now());
      if (response.status !== 429) return response;
      options.on429?.(request);
      const body = await response.clone().text();
      governor.pause(now() + policy.retryAfterMs(response, body), keys);
      if (attempt >= maxRetries) return response;
    }
  };
}
