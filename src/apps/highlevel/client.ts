import { createTransport, type FetchLike } from "../../http/transport.ts";
import type {
  CreateContactInput,
  CreateNoteInput,
  CreateTaskInput,
  ListContactsOptions,
  UpdateContactInput,
} from "./inputs.ts";
import { paginateContacts } from "./list-contacts.ts";
import {
  type Appointment,
  type Contact,
  contactResponseSchema,
  eventsResponseSchema,
  type Note,
  noteResponseSchema,
  notesResponseSchema,
  type Task,
  taskResponseSchema,
  tasksResponseSchema,
  updateContactResponseSchema,
} from "./schemas.ts";

/** Production base URL of the HighLevel API. */
export const HIGHLEVEL_BASE_URL = "https://services.leadconnectorhq.com";
/** The `Version` header the v2 contacts API requires; sent on every call (BEHAVIOUR.md). */
export const HIGHLEVEL_API_VERSION = "2021-07-28";

export interface HighLevelClientOptions {
  /** e.g. `HIGHLEVEL_BASE_URL`, or any URL when `fetch` is an emulator's handler. */
  baseUrl: string;
  /** OAuth access token or private integration token, sent as `Authorization: Bearer`. */
  token: string;
  /** Default: global fetch. */
  fetch?: FetchLike;
  /** Aborts every call of this client. */
  signal?: AbortSignal;
  /** Per-request timeout in ms. Default 30 000. */
  timeoutMs?: number;
}

/**
 * Typed HighLevel Contacts API client. Methods resolve with parsed domain objects and throw the
 * transport's error family (`HttpError` with HighLevel's body, `NetworkError`, `TimeoutError`,
 * `ResponseShapeError`). Unknown contact ids answer 400, not 404 (BEHAVIOUR.md "Errors").
 */
export interface HighLevelClient {
  getContact(contactId: string): Promise<Contact>;
  /** Create answers 201; a duplicate in a location that disallows them is a 400 with `meta.contactId`. */
  createContact(input: CreateContactInput): Promise<Contact>;
  /** `tags` and the fields sent replace the stored ones. */
  updateContact(contactId: string, input: UpdateContactInput): Promise<Contact>;
  listContacts(options: ListContactsOptions): AsyncIterable<Contact>;
  listNotes(contactId: string): Promise<Note[]>;
  getNote(contactId: string, noteId: string): Promise<Note>;
  createNote(contactId: string, input: CreateNoteInput): Promise<Note>;
  listTasks(contactId: string): Promise<Task[]>;
  getTask(contactId: string, taskId: string): Promise<Task>;
  createTask(contactId: string, input: CreateTaskInput): Promise<Task>;
  /** The contact's appointments (answered under `events`). */
  listAppointments(contactId: string): Promise<Appointment[]>;
}

const seg = encodeURIComponent;

export function createHighLevelClient(opts: HighLevelClientOptions): HighLevelClient {
  const transport = createTransport({
    baseUrl: opts.baseUrl,
    headers: { Authorization: `Bearer ${opts.token}`, Version: HIGHLEVEL_API_VERSION },
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
  });
  const contactPath = (id: string) => `/contacts/${seg(id)}`;
  return {
    async getContact(contactId) {
      const path = contactPath(contactId);
      return (await transport.request({ method: "GET", path }, contactResponseSchema)).contact;
    },
    async createContact(input) {
      const spec = { method: "POST", path: "/contacts/", body: input } as const;
      return (await transport.request(spec, contactResponseSchema)).contact;
    },
    async updateContact(contactId, input) {
      const spec = { method: "PUT", path: contactPath(contactId), body: input } as const;
      return (await transport.request(spec, updateContactResponseSchema)).contact;
    },
    listContacts: (options) => paginateContacts(transport, options),
    async listNotes(contactId) {
      const path = `${contactPath(contactId)}/notes`;
      return (await transport.request({ method: "GET", path }, notesResponseSchema)).notes;
    },
    async getNote(contactId, noteId) {
      const path = `${contactPath(contactId)}/notes/${seg(noteId)}`;
      return (await transport.request({ method: "GET", path }, noteResponseSchema)).note;
    },
    async createNote(contactId, input) {
      const spec = {
        method: "POST",
        path: `${contactPath(contactId)}/notes`,
        body: input,
      } as const;
      return (await transport.request(spec, noteResponseSchema)).note;
    },
    async listTasks(contactId) {
      const path = `${contactPath(contactId)}/tasks`;
      return (await transport.request({ method: "GET", path }, tasksResponseSchema)).tasks;
    },
    async getTask(contactId, taskId) {
      const path = `${contactPath(contactId)}/tasks/${seg(taskId)}`;
      return (await transport.request({ method: "GET", path }, taskResponseSchema)).task;
    },
    async createTask(contactId, input) {
      const spec = {
        method: "POST",
        path: `${contactPath(contactId)}/tasks`,
        body: input,
      } as const;
      return (await transport.request(spec, taskResponseSchema)).task;
    },
    async listAppointments(contactId) {
      const path = `${contactPath(contactId)}/appointments`;
      return (await transport.request({ method: "GET", path }, eventsResponseSchema)).events;
    },
  };
}
