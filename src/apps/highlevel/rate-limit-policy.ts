import type { RateLimitPolicy } from "../../http/governed-fetch.ts";
import type { RateGovernor } from "../../http/rate-governor.ts";

const DAY_MS = 86_400_000;

function header(response: Response, name: string): number | undefined {
  const value = Number(response.headers.get(name));
  return response.headers.has(name) && Number.isFinite(value) ? value : undefined;
}

/**
 * HighLevel: one burst budget (100 per 10 s) and one daily budget (200,000) per app and
 * location. Every answer carries `X-RateLimit-Max`, `-Remaining`, `-Interval-Milliseconds`,
 * `-Limit-Daily` and `-Daily-Remaining`, which replace the documented figures as they arrive.
 * No `Retry-After` is documented: after a 429, wait one interval (BEHAVIOUR.md "Rate limits").
 */
export const highlevelRateLimitPolicy: RateLimitPolicy = {
  budgets: {
    burst: { limit: 100, windowMs: 10_000 },
    daily: { limit: 200_000, windowMs: DAY_MS },
  },
  keysFor: () => ["burst", "daily"],
  observe(governor: RateGovernor, response: Response, now: number) {
    const max = header(response, "x-ratelimit-max");
    const interval = header(response, "x-ratelimit-interval-milliseconds");
    if (max !== undefined && interval !== undefined && max > 0 && interval > 0) {
      governor.define("burst", { limit: max, windowMs: interval });
    }
    const remaining = header(response, "x-ratelimit-remaining");
    if (remaining !== undefined) governor.budget("burst")?.trustServerRemaining(remaining, now);
    const dailyLimit = header(response, "x-ratelimit-limit-daily");
    if (dailyLimit !== undefined && dailyLimit > 0) {
      governor.define("daily", { limit: dailyLimit, windowMs: DAY_MS });
    }
    const dailyRemaining = header(response, "x-ratelimit-daily-remaining");
    if (dailyRemaining !== undefined) {
      governor.budget("daily")?.trustServerRemaining(dailyRemaining, now);
    }
  },
  retryAfterMs(response) {
    return header(response, "x-ratelimit-interval-milliseconds") ?? 10_000;
  },
};
