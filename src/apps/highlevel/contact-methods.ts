import type { Transport } from "../../http/transport.ts";
import { paginateBusinessContacts } from "./business-contacts.ts";
import { toWireContact } from "./custom-fields.ts";
import type {
  BusinessContactsOptions,
  CreateContactInput,
  ListContactsOptions,
  SearchContactsOptions,
  UpdateContactInput,
  UpsertContactInput,
} from "./inputs.ts";
import { paginateContacts } from "./list-contacts.ts";
import {
  type Contact,
  contactResponseSchema,
  duplicateResponseSchema,
  type SearchContact,
  searchResponseSchema,
  succededSchema,
  updateContactResponseSchema,
  upsertContactResponseSchema,
} from "./schemas.ts";
import { paginateSearch } from "./search-contacts.ts";

/** Contact reads and writes, searches and lookups. */
export interface ContactMethods {
  getContact(contactId: string): Promise<Contact>;
  /** Create answers 201; a duplicate in a location that disallows them is a 400 with `meta.contactId`. */
  createContact(input: CreateContactInput): Promise<Contact>;
  /** `tags` and the fields sent replace the stored ones. */
  updateContact(contactId: string, input: UpdateContactInput): Promise<Contact>;
  deleteContact(contactId: string): Promise<void>;
  /** Updates the contact matching email/phone in the location's priority, else creates one. */
  upsertContact(input: UpsertContactInput): Promise<{ created: boolean; contact: Contact }>;
  /** `GET /contacts/` (deprecated in the spec, live): every page keeps `locationId` and `query`. */
  listContacts(options: ListContactsOptions): AsyncIterable<Contact>;
  /** `POST /contacts/search`: page/pageLimit up to 10,000 rows, then `searchAfter`. */
  searchContacts(options: SearchContactsOptions): AsyncIterable<SearchContact>;
  /** One search page as HighLevel answers it (`{contacts, total}`). */
  searchContactsPage(
    body: SearchContactsOptions & { page?: number; searchAfter?: (string | number)[] },
  ): Promise<{ contacts: SearchContact[]; total: number }>;
  /**
   * The contact a new one would duplicate, or null. Prefer this to a search `eq` filter on
   * `phone`, which can miss contacts (BEHAVIOUR.md "Search"); `number` in E.164.
   */
  findDuplicateContact(input: {
    locationId: string;
    email?: string;
    number?: string;
  }): Promise<Contact | null>;
  /** Contacts of a business, paged with skip/limit. */
  listBusinessContacts(
    businessId: string,
    options: BusinessContactsOptions,
  ): AsyncIterable<Contact>;
}

const seg = encodeURIComponent;

export function contactMethods(transport: Transport): ContactMethods {
  const contactPath = (id: string) => `/contacts/${seg(id)}`;
  return {
    async getContact(contactId) {
      const path = contactPath(contactId);
      return (await transport.request({ method: "GET", path }, contactResponseSchema)).contact;
    },
    async createContact(input) {
      const spec = { method: "POST", path: "/contacts/", body: toWireContact(input) } as const;
      return (await transport.request(spec, contactResponseSchema)).contact;
    },
    async updateContact(contactId, input) {
      const body = toWireContact(input);
      const spec = { method: "PUT", path: contactPath(contactId), body } as const;
      return (await transport.request(spec, updateContactResponseSchema)).contact;
    },
    async deleteContact(contactId) {
      await transport.request({ method: "DELETE", path: contactPath(contactId) }, succededSchema);
    },
    async upsertContact(input) {
      const spec = {
        method: "POST",
        path: "/contacts/upsert",
        body: toWireContact(input),
      } as const;
      const result = await transport.request(spec, upsertContactResponseSchema);
      return { created: result.new, contact: result.contact };
    },
    listContacts: (options) => paginateContacts(transport, options),
    searchContacts: (options) => paginateSearch(transport, options),
    async searchContactsPage(body) {
      const spec = { method: "POST", path: "/contacts/search", body } as const;
      const result = await transport.request(spec, searchResponseSchema);
      return { contacts: result.contacts, total: result.total };
    },
    async findDuplicateContact(input) {
      const spec = { method: "GET", path: "/contacts/search/duplicate", query: input } as const;
      return (await transport.request(spec, duplicateResponseSchema)).contact;
    },
    listBusinessContacts: (businessId, options) =>
      paginateBusinessContacts(transport, businessId, options),
  };
}
