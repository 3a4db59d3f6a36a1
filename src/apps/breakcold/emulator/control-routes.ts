import type { Hono } from "hono";
import { z } from "zod";
import { ApiError, parseInput } from "./api-error.ts";
import type { BreakcoldEmulatorControl } from "./control.ts";
import type { EmulatorEnv } from "./deps.ts";
import { faultRuleSchema } from "./faults.ts";
import { readJsonObject } from "./request-input.ts";

/** Where the emulator's own control routes live, outside Breakcold's `/api/v1`. */
export const CONTROL_BASE = "/_emulator";

const clockInput = z.union([
  z.object({ now: z.number().int() }),
  z.object({ advanceMs: z.number().int() }),
]);

/**
 * Mounts the HTTP twin of the control surface, for a sandbox reached over a socket:
 * - `GET /_emulator/clock` → `{now}`; `POST` `{now}` or `{advanceMs}` → `{now}`
 * - `GET /_emulator/faults` → `{data}`; `POST` a fault rule → 201 `{fault}`;
 *   `DELETE /_emulator/faults` (all) and `DELETE /_emulator/faults/:id` → 204
 * - `POST /_emulator/rate-limits/reset` → 204
 * - `GET /_emulator/webhooks/deliveries` → `{data}`;
 *   `POST /_emulator/webhooks/run-due-retries` → `{started}` once they finished
 * These need no key: they exist only in the emulator. Bad input is a 400 envelope.
 */
export function registerControlRoutes(
  app: Hono<EmulatorEnv>,
  control: BreakcoldEmulatorControl,
): void {
  const at = (path: string) => CONTROL_BASE + path;

  app.get(at("/clock"), (c) => c.json({ now: control.now() }));
  app.post(at("/clock"), async (c) => {
    const input = parseInput(clockInput, await readJsonObject(c));
    if ("now" in input) control.setTime(input.now);
    else control.advanceTime(input.advanceMs);
    return c.json({ now: control.now() });
  });

  app.get(at("/faults"), (c) => c.json({ data: control.faults() }));
  app.post(at("/faults"), async (c) => {
    const rule = parseInput(faultRuleSchema, await readJsonObject(c));
    return c.json({ fault: control.injectFault(rule) }, 201);
  });
  app.delete(at("/faults"), (c) => {
    control.clearFaults();
    return c.body(null, 204);
  });
  app.delete(at("/faults/:id"), (c) => {
    const id = c.req.param("id") ?? "";
    if (!control.removeFault(id)) throw new ApiError("not_found", `Fault ${id} not found`);
    return c.body(null, 204);
  });

  app.post(at("/rate-limits/reset"), (c) => {
    control.resetRateLimits();
    return c.body(null, 204);
  });

  app.get(at("/webhooks/deliveries"), (c) => c.json({ data: control.deliveries() }));
  app.post(at("/webhooks/run-due-retries"), async (c) =>
    c.json({ started: await control.runDueWebhookRetries() }),
  );
}
