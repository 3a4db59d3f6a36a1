import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { sql } from "kysely";
import type { WebhookKeySet } from "../engine/ingress/highlevel.ts";
import { apiRoutes } from "./api.ts";
import { apiError } from "./api-error.ts";
import type { ServerDeps } from "./deps.ts";
import { hookRoutes } from "./hooks.ts";
import { oauthRoutes } from "./oauth-routes.ts";
import { SANDBOX_PATHS } from "./sandbox.ts";

/** The bridge's HTTP surface: health, webhook ingress, product API, and the sandbox emulators. */
export function createServerApp(deps: ServerDeps, keySets: () => readonly WebhookKeySet[]): Hono {
  const app = new Hono();
  app.get("/healthz", async (c) => {
    try {
      await sql`SELECT 1`.execute(deps.db);
      return c.json({ status: "ok", database: "ok", sandbox: deps.sandbox !== undefined });
    } catch (error) {
      return c.json({ status: "error", database: String(error) }, 503);
    }
  });
  app.route("/hooks", hookRoutes(deps, keySets));
  app.route("/", oauthRoutes(deps.core));
  // The product API takes small JSON bodies; refuse big ones before reading them.
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: 256 * 1024,
      onError: (c) => apiError(c, 413, "too_large", "request bodies are limited to 256 KiB"),
    }),
  );
  app.route("/api", apiRoutes(deps));
  const sandbox = deps.sandbox;
  if (sandbox) {
    // The emulators answer with their own bodies and status codes, as the real servers do.
    const forward = (c: Context) => sandbox.handle(c.req.raw) ?? c.notFound();
    app.all(`${SANDBOX_PATHS.highlevel}/*`, forward);
    app.all(`${SANDBOX_PATHS.breakcold}/*`, forward);
  }
  app.notFound((c) => apiError(c, 404, "not_found", `no route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    deps.logger.error("unhandled error", { path: c.req.path, error: error.message });
    return apiError(c, 500, "internal", "internal error");
  });
  return app;
}
