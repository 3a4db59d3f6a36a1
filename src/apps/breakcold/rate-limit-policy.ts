import type { RateLimitPolicy } from "../../http/governed-fetch.ts";
import { breakcoldRoutes } from "./routes.ts";

const MINUTE = 60_000;

const perOperation: Record<string, { limit: number; windowMs: number }> = {};
for (const route of Object.values(breakcoldRoutes)) {
  perOperation[`op:${route.operation}`] = { limit: route.perMinute, windowMs: MINUTE };
}

/**
 * Breakcold sends no budget headers, so the documented budgets are the starting point and all
 * apply at once (API.md "Rate limits"): key 180/min, workspace 300/min, organization 600/min,
 * and each operation's own per-minute figure from `tools.json`. A 429 says how long to wait in
 * `Retry-After` (seconds) and/or the body's `retryAfterMs`.
 */
export const breakcoldRateLimitPolicy: RateLimitPolicy = {
  budgets: {
    organization: { limit: 600, windowMs: MINUTE },
    workspace: { limit: 300, windowMs: MINUTE },
    key: { limit: 180, windowMs: MINUTE },
    ...perOperation,
  },
  keysFor: (operationId) => [
    "organization",
    "workspace",
    "key",
    ...(operationId ? [`op:${operationId}`] : []),
  ],
  observe() {
    // No budget headers on successful answers: nothing to learn until a 429.
  },
  retryAfterMs(response, body) {
    try {
      const parsed = JSON.parse(body) as { error?: { retryAfterMs?: unknown } };
      const ms = Number(parsed.error?.retryAfterMs);
      if (Number.isFinite(ms) && ms > 0) return ms;
    } catch {
      // Not JSON: fall back to the header.
    }
    const seconds = Number(response.headers.get("retry-after"));
    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : MINUTE;
  },
};
