import { Hono } from "hono";
import { testConnection } from "../engine/connection-test.ts";
import { addTokenConnection, removeConnection } from "../engine/connections-service.ts";
import { getConnection, listConnections } from "../store/connections.ts";
import { apiError } from "./api-error.ts";
import type { ServerDeps } from "./deps.ts";

/** `/api/connections`: list, add (token or API key), remove, test. Secrets never leave. */
export function connectionsRoutes(deps: ServerDeps): Hono {
  const app = new Hono();
  const { core } = deps;

  app.get("/", async (c) => c.json({ connections: await listConnections(deps.db) }));

  app.post("/", async (c) => {
    const body = await c.req.json().catch(() => undefined);
    if (body === undefined) return apiError(c, 400, "invalid_input", "body must be JSON");
    const result = await addTokenConnection(core.vault, body, "api", {
      publicUrl: core.config.publicUrl,
    });
    if (!result.ok) return apiError(c, 400, result.error.code, result.error.message);
    return c.json({ connection: result.value }, 201);
  });

  app.get("/:id", async (c) => {
    const connection = await getConnection(deps.db, c.req.param("id"));
    if (!connection) return apiError(c, 404, "not_found", `no connection ${c.req.param("id")}`);
    return c.json({ connection });
  });

  app.delete("/:id", async (c) => {
    const result = await removeConnection(deps.db, core.audit, c.req.param("id"), "api");
    if (!result.ok) return apiError(c, 404, result.error.code, result.error.message);
    return c.json({ removed: result.value.id });
  });

  app.post("/:id/test", async (c) => {
    const connection = await getConnection(deps.db, c.req.param("id"));
    if (!connection) return apiError(c, 404, "not_found", `no connection ${c.req.param("id")}`);
    return c.json({ report: await testConnection(core, connection) });
  });
  return app;
}
