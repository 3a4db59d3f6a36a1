import { z } from "zod";

/**
 * Zod schemas of Breakcold API v1 response bodies, parsed at the client's edge.
 * Unknown keys are stripped (not rejected) so additive API changes do not break the client.
 * Times are epoch milliseconds (API.md "Pagination, ids, times").
 */

const id = z.string().min(6);
const epochMs = z.number();

export const workspaceSchema = z.object({
  id,
  name: z.string(),
  organizationId: z.string().optional(),
  createdAt: epochMs.optional(),
  updatedAt: epochMs.optional(),
});
/** A workspace the key can access. */
export type Workspace = z.output<typeof workspaceSchema>;

/** Breakcold field types (API.md "Objects and records"). */
export const fieldTypes = [
  "text",
  "textarea",
  "select",
  "multiselect",
  "number",
  "currency",
  "date",
  "datetime",
  "email",
  "phone",
  "url",
  "location",
  "linkedin",
  "twitter",
  "facebook",
  "whatsapp",
  "telegram",
  "checkbox",
  "member",
  "relation",
] as const;
export type FieldType = (typeof fieldTypes)[number];

export const fieldOptionSchema = z.object({
  id,
  fieldDefinitionId: id,
  value: z.string(),
  label: z.string(),
  color: z.string().optional(),
  order: z.number(),
  isDefault: z.boolean(),
  isActive: z.boolean(),
});
/** One option of a select or multiselect field. */
export type FieldOption = z.output<typeof fieldOptionSchema>;

export const fieldDefinitionSchema = z.object({
  id,
  objectTypeId: id,
  slug: z.string(),
  name: z.string(),
  // A type this client does not know yet still parses; field-values treats it as opaque.
  fieldType: z.string(),
  isMultiple: z.boolean().optional(),
  isRequired: z.boolean().optional(),
  isSystem: z.boolean().optional(),
  isHidden: z.boolean().optional(),
  description: z.string().optional(),
  options: z.array(fieldOptionSchema).optional(),
});
/** A field definition of an object type: where the client learns field slugs and types. */
export type FieldDefinition = z.output<typeof fieldDefinitionSchema>;

export const objectTypeSchema = z.object({
  id,
  workspaceId: id,
  slug: z.string(),
  nameSingular: z.string(),
  namePlural: z.string(),
  isSystem: z.boolean().optional(),
  isActive: z.boolean().optional(),
  icon: z.string().optional(),
  color: z.string().optional(),
});
/** An object type (`person`, `company`, `deal`, or custom). */
export type ObjectType = z.output<typeof objectTypeSchema>;

export const recordSchema = z.object({
  id,
  workspaceId: id,
  objectTypeId: id,
  objectTypeSlug: z.string(),
  displayName: z.string(),
  /** Read shapes vary by field type; `field-values.ts` interprets them. Empty fields are absent. */
  fields: z.record(z.string(), z.unknown()),
  isArchived: z.boolean(),
  archivedAt: epochMs.optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
/** A CRM record as read from the API. */
export type BreakcoldRecord = z.output<typeof recordSchema>;

export const noteSchema = z.object({
  id,
  workspaceId: id,
  recordId: id,
  title: z.string(),
  content: z.string(),
  contentPlain: z.string(),
  authorUserId: z.string().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
/** A note linked to a record. `content` is HTML. */
export type BreakcoldNote = z.output<typeof noteSchema>;

export const taskSchema = z.object({
  id,
  workspaceId: id,
  recordId: id.optional(),
  title: z.string(),
  descriptionHtml: z.string().optional(),
  descriptionPlain: z.string().optional(),
  dueAt: epochMs.optional(),
  assigneeUserIds: z.array(z.string()).optional(),
  status: z.enum(["todo", "done"]),
  createdAt: epochMs,
  updatedAt: epochMs,
});
/** A task, optionally linked to a record. */
export type BreakcoldTask = z.output<typeof taskSchema>;

/** `{data, pagination: {cursor, hasMore}}`, the shape of every cursor-paginated list. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    pagination: z.object({ cursor: z.string().nullable(), hasMore: z.boolean() }),
  });
}

/** `{data}` lists with no pagination (CRM metadata lists take no limit or cursor in tools.json). */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item) });
}

export const customActivitySchema = z.object({
  id,
  workspaceId: id,
  recordId: id,
  title: z.string(),
  descriptionHtml: z.string().optional(),
  descriptionPlain: z.string().optional(),
  startAt: epochMs.optional(),
  endAt: epochMs.optional(),
  linkedRecordIds: z.array(z.string()).optional(),
  participantUserIds: z.array(z.string()).optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
/** A custom activity on a record's timeline [inferred shape: the docs give only the input]. */
export type CustomActivity = z.output<typeof customActivitySchema>;

export const integrationHookSchema = z.object({
  id,
  url: z.string(),
  events: z.array(z.string()),
  /** Only in the create answer: the HMAC key of `X-Webhook-Signature`. */
  signingSecret: z.string().optional(),
  createdAt: epochMs,
});
/** An integration hook (a webhook endpoint created through the API) [inferred, API.md]. */
export type IntegrationHook = z.output<typeof integrationHookSchema>;

export const recordEnvelope = z.object({ record: recordSchema });
export const noteEnvelope = z.object({ note: noteSchema });
export const taskEnvelope = z.object({ task: taskSchema });
/** `{activity}` [inferred envelope name, like `{record}`, `{note}`, `{task}`]. */
export const activityEnvelope = z.object({ activity: customActivitySchema });
/** `{objectType}` [inferred envelope name]. */
export const objectTypeEnvelope = z.object({ objectType: objectTypeSchema });
/** `{field}` [inferred envelope name]. */
export const fieldEnvelope = z.object({ field: fieldDefinitionSchema });
/** `{hook}` with its `signingSecret` (API.md integration hooks). */
export const hookEnvelope = z.object({
  hook: integrationHookSchema.extend({ signingSecret: z.string().min(16) }),
});

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    retryAfterMs: z.number().optional(),
  }),
});
/** Breakcold's error body: `{"error": {"code", "message", "requestId", "retryAfterMs"?}}`. */
export type BreakcoldErrorBody = z.output<typeof errorEnvelopeSchema>["error"];
