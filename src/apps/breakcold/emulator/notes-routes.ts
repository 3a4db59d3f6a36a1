import type { Hono } from "hono";
import { opaqueId } from "../../../lib/ids.ts";
import { breakcoldRoutes as routes } from "../routes.ts";
import type { BreakcoldNote, BreakcoldTask } from "../schemas.ts";
import {
  notesCreateInput,
  notesListInput,
  tasksCreateInput,
  tasksListInput,
} from "../tool-inputs.ts";
import { parseInput } from "./api-error.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";
import type { StoredNote, StoredTask } from "./model.ts";
import { paginate } from "./paginate.ts";
import { loadRecord } from "./record-access.ts";
import { registerRoute } from "./register-route.ts";
import { bodyInput, queryInput } from "./request-input.ts";

/**
 * Mounts notes_list/create and tasks_list/create, all scoped to one record (404 when the record
 * is missing, archived or in another workspace). Lists run in creation order; `tasks_list`
 * hides done tasks unless `includeCompleted=true`. A note without `contentPlain` gets one
 * derived from its HTML, as Breakcold fills it for webhook payloads.
 */
export function registerActivityRoutes(app: Hono<EmulatorEnv>, deps: EmulatorDeps): void {
  const { state, clock } = deps;

  registerRoute(app, routes.notes_list, (c) => {
    const input = parseInput(notesListInput, queryInput(c));
    const record = loadRecord(state, c.get("apiKey"), input.recordId);
    const notes = state.notes.where("recordId", record.id);
    return c.json(paginate(notes, () => true, input.limit, input.cursor));
  });

  registerRoute(app, routes.notes_create, async (c) => {
    const input = parseInput(notesCreateInput, await bodyInput(c));
    const key = c.get("apiKey");
    const record = loadRecord(state, key, input.recordId);
    const now = clock.now();
    const note: StoredNote = {
      id: opaqueId(),
      workspaceId: record.workspaceId,
      recordId: record.id,
      title: input.title,
      content: input.content,
      contentPlain: input.contentPlain ?? htmlToPlain(input.content),
      authorUserId: key.actorUserId,
      createdAt: now,
      updatedAt: now,
    };
    state.notes.put(note);
    return c.json({ note: note satisfies BreakcoldNote }, 201);
  });

  registerRoute(app, routes.tasks_list, (c) => {
    const input = parseInput(tasksListInput, queryInput(c));
    const record = loadRecord(state, c.get("apiKey"), input.recordId);
    const tasks = state.tasks.where("recordId", record.id);
    const keep = (task: StoredTask) => input.includeCompleted === true || task.status === "todo";
    return c.json(paginate(tasks, keep, input.limit, input.cursor));
  });

  registerRoute(app, routes.tasks_create, async (c) => {
    const input = parseInput(tasksCreateInput, await bodyInput(c));
    const record = loadRecord(state, c.get("apiKey"), input.recordId);
    const now = clock.now();
    const task: StoredTask = {
      id: opaqueId(),
      workspaceId: record.workspaceId,
      recordId: record.id,
      title: input.title,
      status: "todo",
      createdAt: now,
      updatedAt: now,
    };
    if (input.descriptionHtml !== undefined) task.descriptionHtml = input.descriptionHtml;
    if (input.descriptionPlain !== undefined) task.descriptionPlain = input.descriptionPlain;
    if (input.dueAt !== undefined) task.dueAt = input.dueAt;
    if (input.assigneeUserIds !== undefined) task.assigneeUserIds = input.assigneeUserIds;
    state.tasks.put(task);
    return c.json({ task: task satisfies BreakcoldTask }, 201);
  });
}

/** Plain text of an HTML fragment: tags dropped, block ends as newlines, basic entities decoded. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h[1-6])>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
