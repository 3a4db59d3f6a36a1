import { z } from "zod";
import { opaqueId } from "../../../lib/ids.ts";
import { breakcoldRoutes } from "../routes.ts";

const operation = z.enum(Object.keys(breakcoldRoutes) as [keyof typeof breakcoldRoutes]);

/**
 * A scripted fault. `operation` limits it to one route-table entry (default: every API route);
 * `times` to that many matching requests (default: until cleared).
 * - `status`: answer `status` with the error envelope instead of running the route.
 * - `rate_limit`: answer 429 `rate_limited` with `Retry-After` and `retryAfterMs` (default 1000).
 * - `latency`: wait `ms` (real time) and then go on; combines with the other kinds.
 * - `drop`: close the connection without an answer (in-process fetch rejects like a reset).
 */
export const faultRuleSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("status"),
    status: z.number().int().min(400).max(599),
    message: z.string().optional(),
    operation: operation.optional(),
    times: z.number().int().min(1).optional(),
  }),
  z.object({
    kind: z.literal("rate_limit"),
    retryAfterMs: z.number().int().min(0).optional(),
    operation: operation.optional(),
    times: z.number().int().min(1).optional(),
  }),
  z.object({
    kind: z.literal("latency"),
    ms: z.number().int().min(0).max(120_000),
    operation: operation.optional(),
    times: z.number().int().min(1).optional(),
  }),
  z.object({
    kind: z.literal("drop"),
    operation: operation.optional(),
    times: z.number().int().min(1).optional(),
  }),
]);
export type FaultRule = z.output<typeof faultRuleSchema>;

/** An active fault: its rule, its id (to remove it) and how many more requests it will hit. */
export interface ActiveFault {
  readonly id: string;
  readonly rule: FaultRule;
  /** `null` while unlimited. */
  remaining: number | null;
}

/** The emulator's scripted faults, in memory (they are test scaffolding, not API state). */
export interface FaultBook {
  /** Adds a rule; throws a zod error for an invalid one. */
  add(rule: FaultRule): ActiveFault;
  remove(id: string): boolean;
  clear(): void;
  list(): ActiveFault[];
  /**
   * The faults that hit a request to `operation`, each counted once: every matching latency
   * rule, then the first matching terminal rule (status, rate_limit or drop), if any.
   */
  take(operation: string): { latencyMs: number; terminal?: FaultRule };
}

export function createFaultBook(): FaultBook {
  let faults: ActiveFault[] = [];
  const use = (fault: ActiveFault) => {
    if (fault.remaining !== null) fault.remaining -= 1;
    if (fault.remaining === 0) faults = faults.filter((f) => f !== fault);
  };
  return {
    add(rule) {
      const parsed = faultRuleSchema.parse(rule);
      const fault: ActiveFault = { id: opaqueId(), rule: parsed, remaining: parsed.times ?? null };
      faults.push(fault);
      return fault;
    },
    remove(id) {
      const before = faults.length;
      faults = faults.filter((fault) => fault.id !== id);
      return faults.length < before;
    },
    clear() {
      faults = [];
    },
    list: () => faults.map((fault) => ({ ...fault })),
    take(op) {
      const matching = faults.filter(
        (f) => f.rule.operation === undefined || f.rule.operation === op,
      );
      let latencyMs = 0;
      for (const fault of matching.filter((f) => f.rule.kind === "latency")) {
        latencyMs += fault.rule.kind === "latency" ? fault.rule.ms : 0;
        use(fault);
      }
      const terminal = matching.find((f) => f.rule.kind !== "latency");
      if (terminal) use(terminal);
      return terminal ? { latencyMs, terminal: terminal.rule } : { latencyMs };
    },
  };
}
