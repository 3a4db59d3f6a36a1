import { setTimeout as sleep } from "node:timers/promises";
import type { Handler, Hono, MiddlewareHandler } from "hono";
import type { BreakcoldOperation, BreakcoldRoute } from "../routes.ts";
import { ApiError, codeForStatus, rateLimited } from "./api-error.ts";
import { requireScope } from "./auth.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";

/** Where the API lives inside the emulator app (Breakcold's base URL path). */
export const API_BASE = "/api/v1";

/** Thrown by a `drop` fault; the app turns it into a closed connection. */
export class DroppedConnection extends Error {
  override name = "DroppedConnection";
}

/**
 * Mounts `handler` at the route-table entry `target` under {@link API_BASE}, behind, in order:
 * scripted faults, the rate limits (all budgets at once) and the scope check. Every emulator
 * API route goes through here.
 */
export function registerRoute(
  app: Hono<EmulatorEnv>,
  deps: EmulatorDeps,
  target: BreakcoldRoute,
  handler: Handler<EmulatorEnv>,
): void {
  app.on(
    target.method,
    API_BASE + target.path,
    injectFaults(deps, target),
    rateLimit(deps, target),
    requireScope(target),
    handler,
  );
}

function injectFaults(deps: EmulatorDeps, target: BreakcoldRoute): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const { latencyMs, terminal } = deps.faults.take(target.operation);
    // The wait ends early when the caller gives up, as a real connection would be torn down.
    if (latencyMs > 0) await sleep(latencyMs, undefined, { signal: c.req.raw.signal });
    switch (terminal?.kind) {
      case undefined:
        return next();
      case "drop":
        throw new DroppedConnection(`fault: ${target.operation} dropped`);
      case "rate_limit":
        throw rateLimited(terminal.retryAfterMs ?? 1000);
      case "status":
        throw new ApiError(
          codeForStatus(terminal.status),
          terminal.message ?? `Injected fault: ${terminal.status}`,
          { status: terminal.status as 500 },
        );
    }
  };
}

/**
 * Draws one request from every budget (API.md "Rate limits"). The workspace budget is the one of
 * the `workspaceId` query parameter when the key may use it, else the key's first workspace.
 */
function rateLimit(deps: EmulatorDeps, target: BreakcoldRoute): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const key = c.get("apiKey");
    const named = c.req.query("workspaceId");
    const workspaceId =
      named !== undefined && key.workspaceIds.includes(named) ? named : (key.workspaceIds[0] ?? "");
    const verdict = deps.limiter.take(
      deps.limiter.budgets({
        organizationId: key.organizationId,
        workspaceId,
        actorUserId: key.actorUserId,
        keyId: key.id,
        operation: target.operation as BreakcoldOperation,
        operationLimit: target.perMinute,
      }),
    );
    if (!verdict.ok) throw rateLimited(verdict.retryAfterMs);
    await next();
  };
}
