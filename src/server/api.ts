import { Hono } from "hono";
import { z } from "zod";
import { addRecipeWorkflow, switchWorkflow } from "../engine/workflows-service.ts";
import { describeIssues } from "../lib/zod-issues.ts";
import { listEvents } from "../store/inbox.ts";
import { listLinksBySubject } from "../store/links.ts";
import { getRun, listRuns, listSteps } from "../store/runs.ts";
import { listWorkflows } from "../store/workflows.ts";
import { apiError } from "./api-error.ts";
import { requireLocalToken } from "./auth.ts";
import { connectionsRoutes } from "./connections-routes.ts";
import type { ServerDeps } from "./deps.ts";
import { sandboxRoutes } from "./sandbox-routes.ts";

const workflowBody = z.object({
  recipe: z.string().min(1),
  sourceConnectionId: z.string().min(1),
  targetConnectionId: z.string().min(1),
  name: z.string().trim().min(1).max(200).optional(),
});
const limitSchema = z.coerce.number().int().min(1).max(500).default(50);
const eventsQuery = z.object({
  app: z.string().optional(),
  status: z.enum(["received", "dispatched", "unroutable"]).optional(),
  limit: limitSchema,
});
const runsQuery = z.object({
  subject: z.string().optional(),
  event: z.string().optional(),
  limit: limitSchema,
});

/** The product API under `/api`; every route needs a local token. */
export function apiRoutes(deps: ServerDeps): Hono {
  const app = new Hono();
  app.use("*", requireLocalToken(deps.db));

  app.route("/connections", connectionsRoutes(deps));

  app.get("/workflows", async (c) => c.json({ workflows: await listWorkflows(deps.db) }));

  app.post("/workflows", async (c) => {
    const body = workflowBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return apiError(c, 400, "invalid_input", describeIssues(body.error));
    const result = await addRecipeWorkflow(deps.core, body.data, "api");
    if (!result.ok) return apiError(c, 400, result.error.code, result.error.message);
    return c.json({ workflow: result.value }, 201);
  });

  for (const [verb, enabled] of [
    ["enable", true],
    ["disable", false],
  ] as const) {
    app.post(`/workflows/:id/${verb}`, async (c) => {
      const result = await switchWorkflow(deps.core, c.req.param("id"), enabled, "api");
      if (!result.ok) return apiError(c, 404, result.error.code, result.error.message);
      return c.json(result.value);
    });
  }

  app.get("/events", async (c) => {
    const query = eventsQuery.safeParse(c.req.query());
    if (!query.success) return apiError(c, 400, "invalid_query", describeIssues(query.error));
    const filter = {
      limit: query.data.limit,
      ...(query.data.app ? { app: query.data.app } : {}),
      ...(query.data.status ? { status: query.data.status } : {}),
    };
    return c.json({ events: await listEvents(deps.db, filter) });
  });

  app.get("/runs", async (c) => {
    const query = runsQuery.safeParse(c.req.query());
    if (!query.success) return apiError(c, 400, "invalid_query", describeIssues(query.error));
    const filter = {
      limit: query.data.limit,
      ...(query.data.subject ? { subjectId: query.data.subject } : {}),
      ...(query.data.event ? { eventId: query.data.event } : {}),
    };
    return c.json({ runs: await listRuns(deps.db, filter) });
  });

  app.get("/runs/:id", async (c) => {
    const run = await getRun(deps.db, c.req.param("id"));
    if (!run) return apiError(c, 404, "not_found", `run ${c.req.param("id")} does not exist`);
    return c.json({ run, steps: await listSteps(deps.db, run.id) });
  });

  app.get("/links", async (c) => {
    const subject = c.req.query("subject");
    if (!subject) return apiError(c, 400, "invalid_query", "subject is required");
    return c.json({ links: await listLinksBySubject(deps.db, subject) });
  });

  app.route("/sandbox", sandboxRoutes(deps));
  return app;
}
