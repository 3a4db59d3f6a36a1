import type { Context, MiddlewareHandler } from "hono";
import type { Clock } from "../../../lib/clock.ts";
import type { TokenGrant } from "./records.ts";

/** At most `max` requests per fixed window of `intervalMs`. */
export interface RateWindow {
  readonly max: number;
  readonly intervalMs: number;
}

/** HighLevel's two budgets per app and resource (docs/oauth/Faqs.md, BEHAVIOUR.md "Rate limits"). */
export interface RateLimits {
  readonly burst: RateWindow;
  readonly daily: RateWindow;
}

/** 100 requests per 10 s and 200,000 per day, per marketplace app per location (or company). */
export const HIGHLEVEL_RATE_LIMITS: RateLimits = {
  burst: { max: 100, intervalMs: 10_000 },
  daily: { max: 200_000, intervalMs: 86_400_000 },
};

interface Counter {
  start: number;
  count: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** The five `X-RateLimit-*` headers HighLevel sends on every response. */
  readonly headers: Record<string, string>;
}

export interface RateLimiter {
  /** Counts one request for `key` unless a window is exhausted (a refused request is not counted). */
  take(key: string): RateDecision;
}

function roll(counters: Map<string, Counter>, key: string, now: number, window: RateWindow) {
  let counter = counters.get(key);
  if (!counter || now >= counter.start + window.intervalMs) {
    counter = { start: now, count: 0 };
    counters.set(key, counter);
  }
  return counter;
}

/**
 * Fixed-window counters on the emulator clock, kept in memory (a restart forgets them, as a
 * new day would). Burst exhaustion and daily exhaustion answer the same 429 (BEHAVIOUR.md).
 */
export function createRateLimiter(limits: RateLimits, clock: Clock): RateLimiter {
  const burst = new Map<string, Counter>();
  const daily = new Map<string, Counter>();
  return {
    take(key) {
      const now = clock.now();
      const b = roll(burst, key, now, limits.burst);
      const d = roll(daily, key, now, limits.daily);
      const allowed = b.count < limits.burst.max && d.count < limits.daily.max;
      if (allowed) {
        b.count += 1;
        d.count += 1;
      }
      return {
        allowed,
        headers: {
          "X-RateLimit-Limit-Daily": String(limits.daily.max),
          "X-RateLimit-Daily-Remaining": String(Math.max(0, limits.daily.max - d.count)),
          "X-RateLimit-Interval-Milliseconds": String(limits.burst.intervalMs),
          "X-RateLimit-Max": String(limits.burst.max),
          "X-RateLimit-Remaining": String(Math.max(0, limits.burst.max - b.count)),
        },
      };
    },
  };
}

/**
 * The budget a grant draws from: the marketplace app (client id) or, for a private token, its
 * integration, per location or company.
 */
export function rateKey(grant: TokenGrant): string {
  const app = grant.clientId ? `app:${grant.clientId}` : `pit:${grant.integrationId ?? grant.id}`;
  return `${app}|${grant.locationId ?? `company:${grant.companyId ?? "-"}`}`;
}

/** Applies the limiter to an authenticated request and stamps the headers on its response. */
export function rateLimit(
  limiter: RateLimiter,
  grantOf: (c: Context) => TokenGrant,
): MiddlewareHandler {
  return async (c, next) => {
    const decision = limiter.take(rateKey(grantOf(c)));
    if (!decision.allowed) {
      return c.json({ statusCode: 429, message: "Too Many Requests" }, 429, decision.headers);
    }
    await next();
    for (const [name, value] of Object.entries(decision.headers)) c.res.headers.set(name, value);
    return c.res;
  };
}
