import { Hono } from "hono";
import { apiError } from "./api-error.ts";
import type { ServerDeps } from "./deps.ts";

const NO_SANDBOX =
  "the sandbox is not running: a real account is connected, so the bridge started without it; restart it with BRIDGE_SANDBOX=on to keep the emulators";

/**
 * `/api/sandbox`: where the emulators are, and fresh credentials for acting in them as a user
 * would (the demo). Answers 404 when the bridge runs against real accounts.
 */
export function sandboxRoutes(deps: ServerDeps): Hono {
  const app = new Hono();
  app.use("*", async (c, next) => {
    if (!deps.sandbox) return apiError(c, 404, "no_sandbox", NO_SANDBOX);
    return next();
  });
  app.get("/", (c) => c.json({ sandbox: deps.sandbox?.info }));
  app.post("/credentials", (c) => {
    const sandbox = deps.sandbox;
    if (!sandbox) return apiError(c, 404, "no_sandbox", NO_SANDBOX);
    const { highlevel, breakcold } = sandbox.info;
    return c.json({
      highlevel: {
        baseUrl: highlevel.baseUrl,
        locationId: highlevel.locationId,
        token: sandbox.highlevel.control.issuePrivateToken({ locationId: highlevel.locationId }),
      },
      breakcold: {
        baseUrl: breakcold.baseUrl,
        workspaceId: breakcold.workspaceId,
        apiKey: sandbox.breakcold.control.issueApiKey({ workspaceIds: [breakcold.workspaceId] }),
      },
    });
  });
  return app;
}
