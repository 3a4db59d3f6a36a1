import type { components } from "./generated/contacts.ts";

type Schemas = components["schemas"];

/** Body of `POST /contacts/` (CreateContactDto); `locationId` is required. */
export type CreateContactInput = Schemas["CreateContactDto"];

/**
 * Body of `PUT /contacts/:id` (UpdateContactDto). It has no `locationId`, `companyName` or
 * `gender`: HighLevel rejects them on update with 422 (BEHAVIOUR.md "Requests").
 */
export type UpdateContactInput = Schemas["UpdateContactDto"];

/** Body of `POST /contacts/:id/notes` (NotesDTO); only `body` is required. */
export type CreateNoteInput = Schemas["NotesDTO"];

/**
 * Body of `POST /contacts/:id/tasks` (CreateTaskParams). Send `dueDate` as ISO-8601 without
 * milliseconds, the form other clients found safest (BEHAVIOUR.md "Requests").
 */
export type CreateTaskInput = Schemas["CreateTaskParams"];

/** Options of `listContacts`; `pageSize` is capped at 100, HighLevel's maximum `limit`. */
export interface ListContactsOptions {
  locationId: string;
  query?: string;
  pageSize?: number;
}
