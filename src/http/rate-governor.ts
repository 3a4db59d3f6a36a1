import { WindowBudget } from "./window-budget.ts";

/** Priority lanes: a waiting interactive call goes before webhook work, which goes before backfill. */
export type Lane = "interactive" | "webhook" | "backfill";
const LANE_ORDER: Record<Lane, number> = { interactive: 0, webhook: 1, backfill: 2 };

/** A budget's configuration: `limit` requests per `windowMs`. */
export interface BudgetSpec {
  readonly limit: number;
  readonly windowMs: number;
}

/** A granted slot in every budget a request needs; released with the time the answer came. */
export interface Permit {
  release(completedAt?: number): void;
}

interface Waiter {
  readonly lane: Lane;
  readonly seq: number;
  readonly keys: readonly string[];
  readonly grant: (permit: Permit) => void;
  readonly reject: (error: unknown) => void;
}

/** Thrown to a waiter whose signal aborted. */
export class GovernorAbortError extends Error {
  override name = "GovernorAbortError";
}

/**
 * One connection's outbound budgets (several at once for Breakcold: key, workspace, per
 * operation). Requests wait for a slot in every budget they need; waiters are served by lane,
 * then in arrival order. A waiter may pass one stuck ahead of it only if it needs none of the
 * budgets that one is stuck on, so a busy budget never lets a lower lane overtake on it. A
 * small reserve of each budget is kept for the interactive lane.
 */
export class RateGovernor {
  readonly #budgets = new Map<string, WindowBudget>();
  readonly #waiting: Waiter[] = [];
  readonly #now: () => number;
  #seq = 0;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  constructor(budgets: Record<string, BudgetSpec>, now: () => number = Date.now) {
    this.#now = now;
    for (const [key, spec] of Object.entries(budgets)) this.define(key, spec);
  }

  /** Adds or reconfigures a budget (e.g. learned from response headers). */
  define(key: string, spec: BudgetSpec): void {
    const existing = this.#budgets.get(key);
    if (existing) {
      existing.limit = spec.limit;
      existing.windowMs = spec.windowMs;
    } else this.#budgets.set(key, new WindowBudget(spec.limit, spec.windowMs));
    this.#pump();
  }

  budget(key: string): WindowBudget | undefined {
    return this.#budgets.get(key);
  }

  /** Waits for a slot in each named budget (unknown names are ignored). */
  acquire(lane: Lane, keys: readonly string[], signal?: AbortSignal): Promise<Permit> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { lane, seq: this.#seq++, keys, grant: resolve, reject };
      if (signal?.aborted) return reject(new GovernorAbortError("aborted before a slot was free"));
      signal?.addEventListener(
        "abort",
        () => {
          const index = this.#waiting.indexOf(waiter);
          if (index >= 0) {
            this.#waiting.splice(index, 1);
            reject(new GovernorAbortError("aborted while waiting for a rate-limit slot"));
            this.#pump();
          }
        },
        { once: true },
      );
      this.#waiting.push(waiter);
      this.#waiting.sort((a, b) => LANE_ORDER[a.lane] - LANE_ORDER[b.lane] || a.seq - b.seq);
      this.#pump();
    });
  }

  /** Stops sending on the named budgets (all when none named) until `until`. */
  pause(until: number, keys?: readonly string[]): void {
    for (const key of keys ?? [...this.#budgets.keys()]) this.#budgets.get(key)?.pause(until);
    this.#pump();
  }

  /** Slots of a budget kept for the interactive lane. */
  reserved(key: string): number {
    return this.#reserve(key);
  }

  /** Requests waiting now, per lane. */
  waiting(): Record<Lane, number> {
    const counts: Record<Lane, number> = { interactive: 0, webhook: 0, backfill: 0 };
    for (const waiter of this.#waiting) counts[waiter.lane]++;
    return counts;
  }

  #budgetsOf(keys: readonly string[]): WindowBudget[] {
    return keys.map((key) => this.#budgets.get(key)).filter((b): b is WindowBudget => !!b);
  }

  #pump(): void {
    const now = this.#now();
    // Budgets an earlier waiter is stuck on: nobody behind it may take from those.
    const exhausted = new Set<string>();
    for (let i = 0; i < this.#waiting.length; ) {
      const waiter = this.#waiting[i] as Waiter;
      const held = waiter.lane === "interactive" ? 0 : 1;
      const stuck = waiter.keys.filter(
        (key) => exhausted.has(key) || this.#free(key, now) - held * this.#reserve(key) <= 0,
      );
      if (stuck.length > 0) {
        for (const key of stuck) exhausted.add(key);
        i++;
        continue;
      }
      this.#waiting.splice(i, 1);
      this.#grant(waiter);
    }
    this.#schedule(now);
  }

  #free(key: string, now: number): number {
    return this.#budgets.get(key)?.available(now) ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Slots only the interactive lane may take: 1% of the budget (none below 100). Background
   * work never fills the window completely, so a user's call does not wait for it to roll over.
   */
  #reserve(key: string): number {
    const budget = this.#budgets.get(key);
    return budget ? Math.floor(budget.limit * 0.01) : 0;
  }

  #grant(waiter: Waiter): void {
    const budgets = this.#budgetsOf(waiter.keys);
    for (const budget of budgets) budget.take();
    let released = false;
    waiter.grant({
      release: (completedAt = this.#now()) => {
        if (released) return;
        released = true;
        for (const budget of budgets) budget.give(completedAt);
        this.#pump();
      },
    });
  }

  #schedule(now: number): void {
    const times: number[] = [];
    for (const waiter of this.#waiting) {
      const held = waiter.lane === "interactive" ? 0 : 1;
      const next = waiter.keys
        .map((key) => this.#budgets.get(key)?.nextChange(now, 1 + held * this.#reserve(key)))
        .filter((t): t is number => t !== undefined);
      if (next.length > 0) times.push(Math.max(...next));
    }
    if (times.length === 0) return; // waiting on in-flight requests; their release pumps.
    const at = Math.min(...times);
    if (this.#timer && this.#timerAt <= at) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Number.POSITIVE_INFINITY;
        this.#pump();
      },
      Math.max(0, at - now),
    );
  }
}
