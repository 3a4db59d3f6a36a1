import { z } from "zod";

// Response schemas are loose: HighLevel adds fields freely (search results, attribution, ...),
// and extra fields must never fail a call. Optional strings accept null, which HighLevel sends
// for cleared values.
const text = z.string().nullish();

/** A custom field as HighLevel reads it back: `{id, value}` (it is written `{id, field_value}`). */
export const customFieldValueSchema = z.looseObject({ id: z.string(), value: z.unknown() });
export type CustomFieldValue = z.infer<typeof customFieldValueSchema>;

/** A contact from get, create, update or list (GetContectByIdSchema / CreateContactSchema). */
export const contactSchema = z.looseObject({
  id: z.string(),
  locationId: z.string().optional(),
  name: text,
  firstName: text,
  lastName: text,
  email: text,
  phone: text,
  companyName: text,
  address1: text,
  city: text,
  state: text,
  postalCode: text,
  country: text,
  website: text,
  timezone: text,
  source: text,
  assignedTo: text,
  type: text,
  dnd: z.boolean().nullish(),
  /** `YYYY-MM-DD` from GET, ISO midnight from create (BEHAVIOUR.md "Shapes"). */
  dateOfBirth: z.union([z.string(), z.number()]).nullish(),
  tags: z.array(z.string()).optional(),
  customFields: z.array(customFieldValueSchema).optional(),
  dateAdded: z.string().optional(),
  dateUpdated: z.string().optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export const noteSchema = z.looseObject({
  id: z.string(),
  body: z.string(),
  userId: text,
  contactId: z.string().optional(),
  title: text,
  color: text,
  pinned: z.boolean().nullish(),
  dateAdded: z.string().optional(),
});
export type Note = z.infer<typeof noteSchema>;

export const taskSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  body: text,
  assignedTo: text,
  dueDate: z.string(),
  completed: z.boolean(),
  contactId: z.string().optional(),
});
export type Task = z.infer<typeof taskSchema>;

/**
 * An appointment of a contact (GetEventSchema). `startTime`/`endTime` are `YYYY-MM-DD HH:mm:ss`
 * without a zone: read them in the location's timezone (BEHAVIOUR.md "Shapes").
 */
export const appointmentSchema = z.looseObject({
  id: z.string(),
  calendarId: z.string().optional(),
  locationId: z.string().optional(),
  contactId: z.string().optional(),
  title: text,
  status: text,
  appointmentStatus: text,
  assignedUserId: text,
  notes: text,
  address: text,
  users: z.array(z.string()).optional(),
  startTime: z.string(),
  endTime: z.string(),
  dateAdded: z.string().optional(),
  dateUpdated: z.string().optional(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const contactResponseSchema = z.looseObject({ contact: contactSchema });
/** Update answers `succeded` (sic); it is not required, so a corrected spelling still parses. */
export const updateContactResponseSchema = z.looseObject({
  succeded: z.boolean().optional(),
  contact: contactSchema,
});

/** `meta` of `GET /contacts/` (ContactsMetaSchema, attached by the server but not the spec). */
export const contactsMetaSchema = z.looseObject({
  total: z.number().nullish(),
  nextPageUrl: z.string().nullish(),
  startAfterId: z.string().nullish(),
  startAfter: z.number().nullish(),
  currentPage: z.number().nullish(),
  nextPage: z.number().nullish(),
  prevPage: z.number().nullish(),
});
export const contactsPageSchema = z.looseObject({
  contacts: z.array(contactSchema),
  count: z.number().optional(),
  meta: contactsMetaSchema.optional(),
});
export type ContactsPage = z.infer<typeof contactsPageSchema>;

export const notesResponseSchema = z.looseObject({ notes: z.array(noteSchema) });
export const noteResponseSchema = z.looseObject({ note: noteSchema });
export const tasksResponseSchema = z.looseObject({ tasks: z.array(taskSchema) });
export const taskResponseSchema = z.looseObject({ task: taskSchema });
/** Appointments come under `events` (BEHAVIOUR.md "Shapes"). */
export const eventsResponseSchema = z.looseObject({ events: z.array(appointmentSchema) });

/** `{succeded}` (sic) of deletes and campaign/workflow calls; not required, so a fixed spelling parses. */
export const succededSchema = z.looseObject({ succeded: z.boolean().optional() });
/** Upsert answers 200 `{new, contact, traceId}` (BEHAVIOUR.md "Shapes"). */
export const upsertContactResponseSchema = z.looseObject({
  new: z.boolean(),
  contact: contactSchema,
  traceId: z.string().optional(),
});

/** A contact of `POST /contacts/search`: `address` (not `address1`) and a `searchAfter` cursor. */
export const searchContactSchema = contactSchema.extend({
  address: text,
  dateOfBirth: z.union([z.string(), z.number()]).nullish(),
  searchAfter: z.array(z.union([z.number(), z.string()])).optional(),
  additionalEmails: z.array(z.unknown()).optional(),
  additionalPhones: z.array(z.unknown()).optional(),
  followers: z.array(z.string()).optional(),
});
export type SearchContact = z.infer<typeof searchContactSchema>;
export const searchResponseSchema = z.looseObject({
  contacts: z.array(searchContactSchema),
  total: z.number(),
});

/** `GET /contacts/search/duplicate`: the matching contact, or `null` (BEHAVIOUR.md "Shapes"). */
export const duplicateResponseSchema = z.looseObject({ contact: contactSchema.nullable() });
/** `GET /contacts/business/:id`: `{contacts, count}` paged by skip/limit. */
export const businessContactsResponseSchema = z.looseObject({
  contacts: z.array(contactSchema),
  count: z.number().optional(),
});

export const tagsResponseSchema = z.looseObject({ tags: z.array(z.string()) });
export const followersAddedSchema = z.looseObject({
  followers: z.array(z.string()),
  followersAdded: z.array(z.string()),
});
export const followersRemovedSchema = z.looseObject({
  followers: z.array(z.string()),
  followersRemoved: z.array(z.string()),
});

/** One contact's outcome in a bulk tag update (the spec says strings; HighLevel's example shows objects). */
export const bulkTagsResultSchema = z.looseObject({
  contactId: z.string(),
  message: z.string(),
  type: z.string(),
});
export const bulkTagsResponseSchema = z.looseObject({
  succeded: z.boolean(),
  errorCount: z.number(),
  responses: z.array(z.union([bulkTagsResultSchema, z.string()])),
});
export type BulkTagsResponse = z.infer<typeof bulkTagsResponseSchema>;
export const bulkBusinessResponseSchema = z.looseObject({
  success: z.boolean(),
  ids: z.array(z.string()),
});
