import type { Context } from "hono";
import { Hono } from "hono";
import { firebaseId } from "../../../lib/ids.ts";
import { loadContact } from "./contact-access.ts";
import { hlError, hlUnprocessable } from "./hl-errors.ts";
import { operationGuard } from "./operation-guard.ts";
import type { Contact, Task } from "./records.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import { isoNow, type RouteDeps } from "./route-deps.ts";
import { taskEvent } from "./webhook-payloads.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `dueDate` as HighLevel stores it (ISO with milliseconds), or undefined when not ISO-8601. */
function parseDueDate(raw: unknown): string | undefined {
  const text = String(raw);
  const due = Date.parse(text);
  return ISO_DATE.test(text) && !Number.isNaN(due) ? new Date(due).toISOString() : undefined;
}

/** A task as HighLevel answers it (TaskSchema). */
export function taskView(task: Task): Record<string, unknown> {
  const { locationId: _location, dateAdded: _added, dateUpdated: _updated, ...view } = task;
  return view;
}

/**
 * Tasks of a contact: list, create (201), get, update, complete and delete (`succeded`). A task
 * turning completed sends `TaskComplete`; there is no TaskUpdate event (BEHAVIOUR.md).
 */
export function tasksRoutes(deps: RouteDeps): Hono<EmulatorEnv> {
  const { state } = deps;
  const app = new Hono<EmulatorEnv>();
  const find = (c: Context<EmulatorEnv>): { contact: Contact; task: Task } | Response => {
    const contact = loadContact(c, state, c.req.param("contactId") ?? "");
    if (contact instanceof Response) return contact;
    const id = c.req.param("taskId") ?? "";
    const task = state.tasks.get(id);
    if (!task || task.contactId !== contact.id)
      return hlError(c, 400, `Task with id ${id} not found`);
    return { contact, task };
  };
  const save = (before: Task, after: Task) => {
    state.tasks.put(after);
    if (!before.completed && after.completed)
      deps.webhooks.dispatch(taskEvent("TaskComplete", after));
    return after;
  };

  app.get("/contacts/:contactId/tasks", operationGuard("get-all-tasks"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    return c.json({ tasks: state.tasks.where("contactId", contact.id).map(taskView) });
  });

  app.post("/contacts/:contactId/tasks", operationGuard("create-task"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    const body = c.get("body");
    const dueDate = parseDueDate(body.dueDate);
    if (!dueDate) return hlUnprocessable(c, ["dueDate must be a valid ISO 8601 date string"]);
    const now = isoNow(deps);
    const task: Task = {
      id: firebaseId(),
      locationId: contact.locationId,
      contactId: contact.id,
      title: String(body.title),
      dueDate,
      completed: body.completed === true,
      dateAdded: now,
      dateUpdated: now,
    };
    if (typeof body.body === "string") task.body = body.body;
    if (typeof body.assignedTo === "string") task.assignedTo = body.assignedTo;
    state.tasks.put(task);
    deps.webhooks.dispatch(taskEvent("TaskCreate", task));
    return c.json({ task: taskView(task) }, 201);
  });

  app.get("/contacts/:contactId/tasks/:taskId", operationGuard("get-task"), (c) => {
    const found = find(c);
    return found instanceof Response ? found : c.json({ task: taskView(found.task) });
  });

  app.put(
    "/contacts/:contactId/tasks/:taskId/completed",
    operationGuard("update-task-completed"),
    (c) => {
      const found = find(c);
      if (found instanceof Response) return found;
      const completed = c.get("body").completed === true;
      const task = save(found.task, { ...found.task, completed, dateUpdated: isoNow(deps) });
      return c.json({ task: taskView(task) });
    },
  );

  app.put("/contacts/:contactId/tasks/:taskId", operationGuard("update-task"), (c) => {
    const found = find(c);
    if (found instanceof Response) return found;
    const body = c.get("body");
    const next: Task = { ...found.task, dateUpdated: isoNow(deps) };
    if (body.dueDate !== undefined) {
      const dueDate = parseDueDate(body.dueDate);
      if (!dueDate) return hlUnprocessable(c, ["dueDate must be a valid ISO 8601 date string"]);
      next.dueDate = dueDate;
    }
    if (typeof body.title === "string") next.title = body.title;
    if (typeof body.body === "string") next.body = body.body;
    if (typeof body.assignedTo === "string") next.assignedTo = body.assignedTo;
    if (typeof body.completed === "boolean") next.completed = body.completed;
    return c.json({ task: taskView(save(found.task, next)) });
  });

  app.delete("/contacts/:contactId/tasks/:taskId", operationGuard("delete-task"), (c) => {
    const found = find(c);
    if (found instanceof Response) return found;
    state.tasks.delete(found.task.id);
    deps.webhooks.dispatch(taskEvent("TaskDelete", found.task));
    return c.json({ succeded: true });
  });

  return app;
}
