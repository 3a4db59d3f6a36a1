import { z } from "zod";
import { err, ok, type Result } from "../../lib/result.ts";
import { customFieldValueSchema } from "./schemas.ts";

// Envelope fields HighLevel adds to every delivery (docs/oauth/WebhookAuthentication.md).
const envelope = { timestamp: z.string().optional(), webhookId: z.string().optional() };

/** `ContactCreate` (docs/webhook-events/ContactCreate.md); may lack `attachments` (reported). */
export const contactCreateEventSchema = z.looseObject({
  type: z.literal("ContactCreate"),
  locationId: z.string(),
  id: z.string(),
  ...envelope,
  address1: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  companyName: z.string().nullish(),
  country: z.string().nullish(),
  source: z.string().nullish(),
  dateAdded: z.string().optional(),
  dateOfBirth: z.string().nullish(),
  dnd: z.boolean().nullish(),
  email: z.string().nullish(),
  name: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  phone: z.string().nullish(),
  postalCode: z.string().nullish(),
  tags: z.array(z.string()).optional(),
  website: z.string().nullish(),
  attachments: z.array(z.unknown()).optional(),
  assignedTo: z.string().nullish(),
  customFields: z.array(customFieldValueSchema).optional(),
});

/** `NoteCreate`: note `id` plus `contactId`; `title`/`userId` may be missing (reported). */
export const noteCreateEventSchema = z.looseObject({
  type: z.literal("NoteCreate"),
  locationId: z.string(),
  id: z.string(),
  ...envelope,
  body: z.string().nullish(),
  contactId: z.string().optional(),
  title: z.string().nullish(),
  userId: z.string().nullish(),
  dateAdded: z.string().optional(),
});

/** `TaskCreate`: task `id`; `contactId` and `body` are sometimes missing (reported). */
export const taskCreateEventSchema = z.looseObject({
  type: z.literal("TaskCreate"),
  locationId: z.string(),
  id: z.string(),
  ...envelope,
  contactId: z.string().optional(),
  body: z.string().nullish(),
  title: z.string().nullish(),
  assignedTo: z.string().nullish(),
  dueDate: z.string().nullish(),
  dateAdded: z.string().optional(),
});

export const highLevelWebhookEventSchema = z.discriminatedUnion("type", [
  contactCreateEventSchema,
  noteCreateEventSchema,
  taskCreateEventSchema,
]);
export type HighLevelWebhookEvent = z.infer<typeof highLevelWebhookEventSchema>;
export type ContactCreateEvent = z.infer<typeof contactCreateEventSchema>;
export type NoteCreateEvent = z.infer<typeof noteCreateEventSchema>;
export type TaskCreateEvent = z.infer<typeof taskCreateEventSchema>;

/** The event types this module parses. */
export const SUPPORTED_EVENT_TYPES = ["ContactCreate", "NoteCreate", "TaskCreate"] as const;

export type WebhookEventError =
  | { code: "unsupported_type"; type: string | null; message: string }
  | { code: "invalid_payload"; message: string };

/**
 * Parses a decoded webhook body (verify the signature over the raw bytes first). Types outside
 * `SUPPORTED_EVENT_TYPES` are `unsupported_type`, not an error in the payload itself.
 */
export function parseHighLevelWebhookEvent(
  body: unknown,
): Result<HighLevelWebhookEvent, WebhookEventError> {
  const type =
    body && typeof body === "object" && typeof (body as { type?: unknown }).type === "string"
      ? (body as { type: string }).type
      : null;
  if (!(SUPPORTED_EVENT_TYPES as readonly (string | null)[]).includes(type)) {
    return err({ code: "unsupported_type", type, message: `unsupported event type: ${type}` });
  }
  const parsed = highLevelWebhookEventSchema.safeParse(body);
  if (!parsed.success) {
    return err({ code: "invalid_payload", message: parsed.error.message.slice(0, 500) });
  }
  return ok(parsed.data);
}
