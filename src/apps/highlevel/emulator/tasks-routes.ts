import { Hono } from "hono";
import { firebaseId } from "../../../lib/ids.ts";
import { loadContact } from "./contact-access.ts";
import { hlError, hlUnprocessable } from "./hl-errors.ts";
import { operationGuard } from "./operation-guard.ts";
import type { Task } from "./records.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import { isoNow, type RouteDeps } from "./route-deps.ts";
import { taskCreateEvent } from "./webhook-payloads.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A task as HighLevel answers it (TaskSchema). */
export function taskView(task: Task): Record<string, unknown> {
  const { locationId: _location, dateAdded: _added, ...view } = task;
  return view;
}

/** `GET`/`POST /contacts/:contactId/tasks` (create 201 `{task}`) and `GET .../tasks/:taskId`. */
export function tasksRoutes(deps: RouteDeps): Hono<EmulatorEnv> {
  const { state } = deps;
  const app = new Hono<EmulatorEnv>();

  app.get("/contacts/:contactId/tasks", operationGuard("get-all-tasks"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    return c.json({ tasks: state.tasks.where("contactId", contact.id).map(taskView) });
  });

  app.post("/contacts/:contactId/tasks", operationGuard("create-task"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    const body = c.get("body");
    const dueDate = String(body.dueDate);
    const due = Date.parse(dueDate);
    if (!ISO_DATE.test(dueDate) || Number.isNaN(due)) {
      return hlUnprocessable(c, ["dueDate must be a valid ISO 8601 date string"]);
    }
    const task: Task = {
      id: firebaseId(),
      locationId: contact.locationId,
      contactId: contact.id,
      title: String(body.title),
      dueDate: new Date(due).toISOString(),
      completed: body.completed === true,
      dateAdded: isoNow(deps),
    };
    if (typeof body.body === "string") task.body = body.body;
    if (typeof body.assignedTo === "string") task.assignedTo = body.assignedTo;
    state.tasks.put(task);
    deps.webhooks.dispatch(taskCreateEvent(task));
    return c.json({ task: taskView(task) }, 201);
  });

  app.get("/contacts/:contactId/tasks/:taskId", operationGuard("get-task"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    const id = c.req.param("taskId");
    const task = state.tasks.get(id);
    if (!task || task.contactId !== contact.id)
      return hlError(c, 400, `Task with id ${id} not found`);
    return c.json({ task: taskView(task) });
  });

  return app;
}
