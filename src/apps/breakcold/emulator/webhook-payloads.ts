import type { BreakcoldRecord } from "../schemas.ts";
import type { BreakcoldWebhookData } from "../webhook-events.ts";
import type { StoredNote, StoredObjectType, StoredTask } from "./model.ts";

/**
 * The `data` of each webhook event (API.md "Outbound webhooks"), built from the emulator's
 * rows. Times become ISO strings: webhook payloads use ISO where REST uses epoch ms.
 */

const iso = (ms: number) => new Date(ms).toISOString();

/** `record.created` / `record.updated`: the record as read, named by its object type. */
export function recordData(
  record: BreakcoldRecord,
  objectType: StoredObjectType,
): BreakcoldWebhookData<"record.created"> {
  return {
    id: record.id,
    objectType: objectType.slug,
    objectTypeName: objectType.nameSingular,
    name: record.displayName,
    fields: record.fields,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
  };
}

/** `note.created` / `note.updated`; `author` is the author's user id. */
export function noteData(note: StoredNote): BreakcoldWebhookData<"note.created"> {
  return {
    recordId: note.recordId,
    noteId: note.id,
    title: note.title,
    contentPlain: note.contentPlain,
    author: note.authorUserId,
    createdAt: iso(note.createdAt),
    updatedAt: iso(note.updatedAt),
  };
}

/** `task.created` / `task.completed`; `dueAt` is ISO or null. */
export function taskData(task: StoredTask): BreakcoldWebhookData<"task.created"> {
  return {
    recordId: task.recordId,
    taskId: task.id,
    title: task.title,
    status: task.status,
    dueAt: task.dueAt === undefined ? null : iso(task.dueAt),
  };
}
