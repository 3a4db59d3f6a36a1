import type { Context, Hono } from "hono";
import { opaqueId } from "../../../lib/ids.ts";
import { breakcoldRoutes as routes } from "../routes.ts";
import type { BreakcoldTask } from "../schemas.ts";
import { taskIdInput, tasksCreateInput, tasksListInput, tasksUpdateInput } from "../tool-inputs.ts";
import { parseInput } from "./api-error.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";
import type { StoredTask } from "./model.ts";
import { paginate } from "./paginate.ts";
import { loadChild, loadRecord } from "./record-access.ts";
import { registerRoute } from "./register-route.ts";
import { bodyInput, definedOnly, queryInput } from "./request-input.ts";
import { taskData } from "./webhook-payloads.ts";

/**
 * Mounts tasks_list/create/update/complete. Tasks hang off one record (404 when it is missing,
 * archived or in another workspace); `tasks_list` hides done tasks unless
 * `includeCompleted=true`. `dueAt: null` clears the due date. Sends `task.created`, and
 * `task.completed` whenever a task goes from todo to done (complete, or update with
 * `status: "done"`); completing a done task changes nothing and sends nothing.
 */
export function registerTaskRoutes(app: Hono<EmulatorEnv>, deps: EmulatorDeps): void {
  const { state, clock, webhooks } = deps;
  const loadTask = (c: Context<EmulatorEnv>, id: string) =>
    loadChild(state, c.get("apiKey"), state.tasks.get(id), "Task", id);
  const save = (before: StoredTask, after: StoredTask) => {
    state.tasks.put(after);
    if (before.status === "todo" && after.status === "done") {
      webhooks.emit(after.workspaceId, "task.completed", taskData(after));
    }
    return { task: after satisfies BreakcoldTask };
  };

  registerRoute(app, deps, routes.tasks_list, (c) => {
    const input = parseInput(tasksListInput, queryInput(c));
    const record = loadRecord(state, c.get("apiKey"), input.recordId);
    const tasks = state.tasks.where("recordId", record.id);
    const keep = (task: StoredTask) => input.includeCompleted === true || task.status === "todo";
    return c.json(paginate(tasks, keep, input.limit, input.cursor));
  });

  registerRoute(app, deps, routes.tasks_create, async (c) => {
    const {
      recordId,
      conversationId: _unused,
      ...input
    } = parseInput(tasksCreateInput, await bodyInput(c));
    const record = loadRecord(state, c.get("apiKey"), recordId);
    const now = clock.now();
    const task: StoredTask = {
      ...definedOnly(input),
      id: opaqueId(),
      workspaceId: record.workspaceId,
      recordId: record.id,
      title: input.title,
      status: "todo",
      createdAt: now,
      updatedAt: now,
    };
    state.tasks.put(task);
    webhooks.emit(task.workspaceId, "task.created", taskData(task));
    return c.json({ task: task satisfies BreakcoldTask }, 201);
  });

  registerRoute(app, deps, routes.tasks_update, async (c) => {
    const { taskId, dueAt, ...input } = parseInput(tasksUpdateInput, await bodyInput(c));
    const task = loadTask(c, taskId);
    const { dueAt: previousDue, ...rest } = task;
    const due = dueAt === undefined ? previousDue : (dueAt ?? undefined);
    const updated: StoredTask = {
      ...rest,
      ...definedOnly(input),
      ...(due === undefined ? {} : { dueAt: due }),
      updatedAt: clock.now(),
    };
    return c.json(save(task, updated));
  });

  registerRoute(app, deps, routes.tasks_complete, (c) => {
    const task = loadTask(c, parseInput(taskIdInput, queryInput(c)).taskId);
    if (task.status === "done") return c.json({ task: task satisfies BreakcoldTask });
    return c.json(save(task, { ...task, status: "done", updatedAt: clock.now() }));
  });
}
