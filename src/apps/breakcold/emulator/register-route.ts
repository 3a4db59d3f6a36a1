import type { Handler, Hono } from "hono";
import type { BreakcoldRoute } from "../routes.ts";
import { requireScope } from "./auth.ts";
import type { EmulatorEnv } from "./deps.ts";

/**
 * Mounts `handler` at the route-table entry `target`, behind its scope check. Every emulator
 * route goes through here, so per-operation middleware (rate limits, fault injection) is added
 * in one place later.
 */
export function registerRoute(
  app: Hono<EmulatorEnv>,
  target: BreakcoldRoute,
  handler: Handler<EmulatorEnv>,
): void {
  app.on(target.method, target.path, requireScope(target), handler);
}
