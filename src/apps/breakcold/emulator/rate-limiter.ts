import type { Clock } from "../../../lib/clock.ts";
import type { BreakcoldOperation } from "../routes.ts";

/**
 * Emulator rate-limit settings. Defaults are Breakcold's documented budgets per minute (API.md
 * "Rate limits"); tests shrink them with `windowMs` and `scale` to run in milliseconds.
 */
export interface RateLimitOptions {
  /** Length of each budget's window in ms. Default: 60 000. */
  readonly windowMs?: number;
  /** Multiplies every limit (rounded, at least 1). Default: 1. */
  readonly scale?: number;
  /** Requests per window per organization. Default: 600. */
  readonly organization?: number;
  /** Per workspace. Default: 300. */
  readonly workspace?: number;
  /** Per actor (the user or app a key acts as). Default: 180. */
  readonly actor?: number;
  /** Per API key. Default: 180. */
  readonly key?: number;
  /** Per operation per organization; default: the route table's `perMinute` (tools.json). */
  readonly operations?: { readonly [op in BreakcoldOperation]?: number };
  /** `false` turns rate limiting off. Default: true. */
  readonly enabled?: boolean;
}

/** One budget a request draws from: its kind, whose it is, and its limit per window. */
export interface Budget {
  readonly kind: "organization" | "workspace" | "actor" | "key" | "operation";
  readonly id: string;
  readonly limit: number;
}

export interface RateLimiter {
  /** Every budget a request to `operation` draws from, limits already scaled. */
  budgets(who: {
    organizationId: string;
    workspaceId: string;
    actorUserId: string;
    keyId: string;
    operation: BreakcoldOperation;
    operationLimit: number;
  }): Budget[];
  /**
   * Checks all `budgets` together. When any is spent nothing is counted and the answer says how
   * long until the spent budget with the latest reset frees up; otherwise each counts one.
   */
  take(budgets: readonly Budget[]): { ok: true } | { ok: false; retryAfterMs: number };
  reset(): void;
}

/** Fixed windows aligned to multiples of `windowMs` on the emulator clock. */
export function createRateLimiter(options: RateLimitOptions, clock: Clock): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const scale = options.scale ?? 1;
  const scaled = (limit: number) => Math.max(1, Math.round(limit * scale));
  const counts = new Map<string, { windowStart: number; used: number }>();
  const keyOf = (budget: Budget) => `${budget.kind}:${budget.id}`;
  return {
    budgets: (who) => [
      { kind: "organization", id: who.organizationId, limit: scaled(options.organization ?? 600) },
      { kind: "workspace", id: who.workspaceId, limit: scaled(options.workspace ?? 300) },
      { kind: "actor", id: who.actorUserId, limit: scaled(options.actor ?? 180) },
      { kind: "key", id: who.keyId, limit: scaled(options.key ?? 180) },
      {
        kind: "operation",
        id: `${who.organizationId}:${who.operation}`,
        limit: scaled(options.operations?.[who.operation] ?? who.operationLimit),
      },
    ],
    take(budgets) {
      if (options.enabled === false) return { ok: true };
      const now = clock.now();
      const windowStart = Math.floor(now / windowMs) * windowMs;
      const used = (budget: Budget) => {
        const entry = counts.get(keyOf(budget));
        return entry?.windowStart === windowStart ? entry.used : 0;
      };
      if (budgets.some((budget) => used(budget) >= budget.limit)) {
        return { ok: false, retryAfterMs: windowStart + windowMs - now };
      }
      for (const budget of budgets) {
        counts.set(keyOf(budget), { windowStart, used: used(budget) + 1 });
      }
      return { ok: true };
    },
    reset: () => counts.clear(),
  };
}
