import { z } from "zod";

/**
 * Zod mirrors of the `inputSchema`s in `spec/tools.json` (a verbatim copy of Breakcold's MCP
 * tools) for the records, notes, tasks and workspace tools. The emulator validates each request
 * (path params + query or body, merged) against the tool's schema, as Breakcold's contract does;
 * the conformance test proves each mirror accepts and rejects what the JSON Schema does. Like the
 * JSON Schemas, objects allow extra keys. Query strings carry only text, so list schemas coerce
 * `limit` and read booleans from "true"/"false".
 */

export const id = z.string().min(6);
export const ids = z.array(id);
const limit = z.coerce.number().int().min(1).max(100);
/** JSON Schema `boolean` as read from a query string: only "true" and "false" are accepted. */
const queryBoolean = z
  .enum(["true", "false"])
  .transform((value) => value === "true")
  .or(z.boolean());

/** Value map of field slug to input value; types are checked against field definitions later. */
const fieldsMap = z.record(z.string(), z.unknown());

export const workspacesListInput = z.object({
  limit: limit.default(50),
  cursor: z.string().optional(),
});

export const recordsListInput = z.object({
  workspaceId: id.optional(),
  objectTypeId: id.optional(),
  objectTypeSlug: z.string().optional(),
  viewId: id.optional(),
  archived: queryBoolean.optional(),
  search: z.string().optional(),
  limit: limit.default(50),
  cursor: z.string().optional(),
});

export const recordsCreateInput = z.object({
  workspaceId: id,
  objectTypeId: id.optional(),
  objectTypeSlug: z.string().optional(),
  fields: fieldsMap.optional(),
});

/** Input of the tools that take only a record id (get, archive, restore). */
export const recordIdInput = z.object({ recordId: id });

export const recordsUpdateInput = z.object({
  recordId: id,
  fields: fieldsMap,
  // [inferred] from Breakcold's assistant docs; not in tools.json.
  multiselectMode: z.enum(["append", "replace"]).optional(),
});

export const customActivitiesCreateInput = z.object({
  recordId: id,
  title: z.string(),
  descriptionHtml: z.string().optional(),
  descriptionPlain: z.string().optional(),
  startAt: z.number().optional(),
  endAt: z.number().optional(),
  linkedRecordIds: ids.optional(),
  participantUserIds: ids.optional(),
});

export const notesListInput = z.object({
  recordId: id,
  limit: limit.default(50),
  cursor: z.string().optional(),
});

export const notesCreateInput = z.object({
  recordId: id,
  title: z.string(),
  content: z.string(),
  contentPlain: z.string().optional(),
});

export const noteIdInput = z.object({ noteId: id });

export const notesUpdateInput = z.object({
  noteId: id,
  title: z.string().optional(),
  content: z.string().optional(),
  contentPlain: z.string().optional(),
});

export const tasksListInput = z.object({
  recordId: id,
  includeCompleted: queryBoolean.optional(),
  limit: limit.default(50),
  cursor: z.string().optional(),
});

export const tasksCreateInput = z.object({
  recordId: id,
  title: z.string(),
  descriptionHtml: z.string().optional(),
  descriptionPlain: z.string().optional(),
  dueAt: z.number().optional(),
  assigneeUserIds: ids.optional(),
  conversationId: id.optional(),
});

export const tasksUpdateInput = z.object({
  taskId: id,
  title: z.string().optional(),
  descriptionHtml: z.string().optional(),
  descriptionPlain: z.string().optional(),
  status: z.enum(["todo", "done"]).optional(),
  dueAt: z.number().nullable().optional(),
  assigneeUserIds: ids.optional(),
});

export const taskIdInput = z.object({ taskId: id });
