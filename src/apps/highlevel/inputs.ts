import type { CustomFieldInput } from "./custom-fields.ts";
import type { components } from "./generated/contacts.ts";

type Schemas = components["schemas"];
/**
 * A contact DTO in the client's domain shape: custom fields as `{id, value}`, and
 * `dateOfBirth` as the string the spec's own example and description use (it declares the
 * property as an object, which no documented format is).
 */
type WithDomainCustomFields<T> = Omit<T, "customFields" | "dateOfBirth"> & {
  customFields?: CustomFieldInput[];
  dateOfBirth?: string | null;
};

/** Body of `POST /contacts/` (CreateContactDto); `locationId` is required. */
export type CreateContactInput = WithDomainCustomFields<Schemas["CreateContactDto"]>;

/**
 * Body of `PUT /contacts/:id` (UpdateContactDto). It has no `locationId`, `companyName` or
 * `gender`: HighLevel rejects them on update with 422 (BEHAVIOUR.md "Requests").
 */
export type UpdateContactInput = WithDomainCustomFields<Schemas["UpdateContactDto"]>;

/**
 * Body of `POST /contacts/upsert` (UpsertContactDto): matched by email or phone in the
 * location's duplicate priority; `createNewIfDuplicateAllowed` forces a new contact where the
 * location allows duplicates.
 */
export type UpsertContactInput = WithDomainCustomFields<Schemas["UpsertContactDto"]>;

/** Body of `POST /contacts/:id/notes` (NotesDTO); only `body` is required. */
export type CreateNoteInput = Schemas["NotesDTO"];
/** Body of `PUT /contacts/:id/notes/:id` (UpdateNoteDTO). */
export type UpdateNoteInput = Schemas["UpdateNoteDTO"];

/**
 * Body of `POST /contacts/:id/tasks` (CreateTaskParams). Send `dueDate` as ISO-8601 without
 * milliseconds, the form other clients found safest (BEHAVIOUR.md "Requests").
 */
export type CreateTaskInput = Schemas["CreateTaskParams"];
/** Body of `PUT /contacts/:id/tasks/:taskId` (UpdateTaskBody); every field optional. */
export type UpdateTaskInput = Schemas["UpdateTaskBody"];

/** Body of `POST /contacts/bulk/tags/update/:type` (UpdateTagsDTO). */
export type BulkTagsInput = Schemas["UpdateTagsDTO"];
/** Body of `POST /contacts/bulk/business`; `businessId: null` removes the contacts from their business. */
export type BulkBusinessInput = Omit<Schemas["ContactsBusinessUpdate"], "businessId"> & {
  businessId: string | null;
};

/** Options of `listContacts`; `pageSize` is capped at 100, HighLevel's maximum `limit`. */
export interface ListContactsOptions {
  locationId: string;
  query?: string;
  pageSize?: number;
}

/** One condition or nested group of a search (BEHAVIOUR.md "Search"; the spec has no body schema). */
export type SearchFilter =
  | {
      field: string;
      operator: "eq" | "not_eq" | "contains" | "not_contains" | "exists" | "not_exists" | "range";
      value?: unknown;
    }
  | { group: "AND" | "OR"; filters: SearchFilter[] };

/** Options of `searchContacts`; `pageLimit` at most 500 (default 100). */
export interface SearchContactsOptions {
  locationId: string;
  query?: string;
  filters?: SearchFilter[];
  sort?: { field: string; direction: "asc" | "desc" }[];
  pageLimit?: number;
}

/** Options of `listBusinessContacts` (skip/limit paging; `pageSize` at most 100). */
export interface BusinessContactsOptions {
  locationId: string;
  query?: string;
  pageSize?: number;
}
