import { z } from "zod";
import { err, ok, type Result } from "../../lib/result.ts";

/**
 * Breakcold's outbound webhook bodies (API.md "Outbound webhooks"): the envelope
 * `{eventId, timestamp (ISO), workspaceId, event, data}` with one `data` shape per event.
 * Times inside webhook payloads are ISO strings (REST uses epoch ms). Unknown keys are stripped,
 * so additive changes do not break parsing; an unknown `event` is rejected so it is never acted
 * on by mistake.
 */

/** Every event name an endpoint can subscribe to, in API.md's order. */
export const BREAKCOLD_WEBHOOK_EVENTS = [
  "record.created",
  "record.updated",
  "record.deleted",
  "note.created",
  "note.updated",
  "note.deleted",
  "task.created",
  "task.completed",
] as const;
export type BreakcoldWebhookEventName = (typeof BREAKCOLD_WEBHOOK_EVENTS)[number];

const isoTime = z.iso.datetime({ offset: true });

export const recordEventData = z.object({
  id: z.string(),
  /** The object type's slug (`person`, `company`, `deal`, custom). */
  objectType: z.string(),
  objectTypeName: z.string(),
  /** The record's display name. */
  name: z.string(),
  /** Field values in REST read shape (emails `{value, isPrimary}[]`, selects with labels). */
  fields: z.record(z.string(), z.unknown()),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const recordDeletedData = z.object({ id: z.string(), deleted: z.literal(true) });

export const noteEventData = z.object({
  recordId: z.string(),
  noteId: z.string(),
  title: z.string(),
  contentPlain: z.string(),
  /** The author's user id [inferred: API.md names the key only]; null for notes without one. */
  author: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const noteDeletedData = z.object({
  recordId: z.string(),
  noteId: z.string(),
  title: z.string(),
});

export const taskEventData = z.object({
  recordId: z.string(),
  taskId: z.string(),
  title: z.string(),
  status: z.enum(["todo", "done"]),
  dueAt: isoTime.nullable(),
});

const envelope = {
  eventId: z.string().min(1),
  timestamp: isoTime,
  workspaceId: z.string().min(1),
};

/** The webhook body, discriminated by `event`. */
export const breakcoldWebhookSchema = z.discriminatedUnion("event", [
  z.object({
    ...envelope,
    event: z.enum(["record.created", "record.updated"]),
    data: recordEventData,
  }),
  z.object({ ...envelope, event: z.literal("record.deleted"), data: recordDeletedData }),
  z.object({ ...envelope, event: z.enum(["note.created", "note.updated"]), data: noteEventData }),
  z.object({ ...envelope, event: z.literal("note.deleted"), data: noteDeletedData }),
  z.object({ ...envelope, event: z.enum(["task.created", "task.completed"]), data: taskEventData }),
]);
/** A parsed Breakcold webhook body. */
export type BreakcoldWebhookEvent = z.output<typeof breakcoldWebhookSchema>;
/** The `data` of event `E`. */
export type BreakcoldWebhookData<E extends BreakcoldWebhookEventName> = DataOf<
  BreakcoldWebhookEvent,
  E
>;
type DataOf<U, E> = U extends { event: infer N; data: infer D } ? (E extends N ? D : never) : never;

/** Why a body is not a Breakcold webhook. */
export interface WebhookBodyError {
  readonly code: "invalid_webhook_body";
  readonly message: string;
}

/**
 * Parses a webhook body (the raw bytes, their text, or already-parsed JSON). Verify the signature
 * over the raw bytes first (`verifyBreakcoldSignature`); this only checks the shape.
 */
export function parseBreakcoldWebhook(
  body: Uint8Array | string | unknown,
): Result<BreakcoldWebhookEvent, WebhookBodyError> {
  let json: unknown = body;
  if (body instanceof Uint8Array || typeof body === "string") {
    const text = typeof body === "string" ? body : Buffer.from(body).toString("utf8");
    try {
      json = JSON.parse(text);
    } catch {
      return err({ code: "invalid_webhook_body", message: "body is not JSON" });
    }
  }
  const parsed = breakcoldWebhookSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return err({ code: "invalid_webhook_body", message: `${where}${issue?.message ?? "invalid"}` });
}
