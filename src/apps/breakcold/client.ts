import { createTransport, type FetchLike, type RequestSpec } from "../../http/transport.ts";
import { cursorPages } from "./cursor-pages.ts";
import { type BreakcoldRoute, fillPath, breakcoldRoutes as routes } from "./routes.ts";
import {
  type BreakcoldNote,
  type BreakcoldRecord,
  type BreakcoldTask,
  type FieldDefinition,
  fieldDefinitionSchema,
  listSchema,
  noteEnvelope,
  noteSchema,
  type ObjectType,
  objectTypeSchema,
  pageSchema,
  recordEnvelope,
  recordSchema,
  taskEnvelope,
  taskSchema,
  type Workspace,
  workspaceSchema,
} from "./schemas.ts";

export { collect } from "./cursor-pages.ts";

/** Options of {@link createBreakcoldClient}; each has a stated default. */
export interface BreakcoldClientOptions {
  /** API v1 base, e.g. `https://http.us.breakcold.com/api/v1` (no default: region matters). */
  readonly baseUrl: string;
  /** Personal API key `bc_live_…`, sent as `Authorization: Bearer`. */
  readonly apiKey: string;
  /** Default: global fetch. Tests and the sandbox pass the emulator's `fetch`. */
  readonly fetch?: FetchLike;
  /** Aborts every request of this client. Default: none. */
  readonly signal?: AbortSignal;
  /** Per-request timeout in ms. Default: 30 000 (the transport's). */
  readonly timeoutMs?: number;
  /** Sent as `X-Breakcold-Organization-Id` for users in several organizations. Default: none. */
  readonly organizationId?: string;
}

export interface ListRecordsQuery {
  readonly workspaceId: string;
  readonly objectTypeSlug?: string;
  readonly objectTypeId?: string;
  /** Case-insensitive substring of display name, emails or phones. */
  readonly search?: string;
  /** Include archived records. Default: false. */
  readonly archived?: boolean;
  readonly viewId?: string;
  /** Records per request, 1–100. Default: 100 (fewest calls against the rate budget). */
  readonly pageSize?: number;
}

/** Field map of a create or update: slug to a `FieldInputValue` (build them with `toFieldInput`). */
export type FieldInputs = { readonly [slug: string]: unknown };

/**
 * Typed client for Breakcold API v1. Lists are lazy `AsyncIterable`s over cursor pages (read a
 * bounded prefix with `collect(iterable, { limit })`); errors are the transport's `HttpError`
 * family (read Breakcold's envelope with `readBreakcoldError`).
 */
export interface BreakcoldClient {
  readonly options: BreakcoldClientOptions;
  /** A new client with `overrides` applied; this one is unchanged. */
  withDefaults(overrides: Partial<BreakcoldClientOptions>): BreakcoldClient;
  listWorkspaces(options?: { pageSize?: number }): AsyncIterable<Workspace>;
  listRecords(query: ListRecordsQuery): AsyncIterable<BreakcoldRecord>;
  getRecord(recordId: string): Promise<BreakcoldRecord>;
  createRecord(input: {
    workspaceId: string;
    objectTypeSlug: string;
    fields?: FieldInputs;
  }): Promise<BreakcoldRecord>;
  /** Merges `fields` (`null` clears); multiselects append unless `multiselectMode: "replace"`. */
  updateRecord(
    recordId: string,
    input: { fields: FieldInputs; multiselectMode?: "append" | "replace" },
  ): Promise<BreakcoldRecord>;
  archiveRecord(recordId: string): Promise<BreakcoldRecord>;
  restoreRecord(recordId: string): Promise<BreakcoldRecord>;
  listNotes(recordId: string, options?: { pageSize?: number }): AsyncIterable<BreakcoldNote>;
  /** `content` is HTML; `contentPlain` defaults server-side to its text. */
  createNote(
    recordId: string,
    input: { title: string; content: string; contentPlain?: string },
  ): Promise<BreakcoldNote>;
  /** Open tasks only unless `includeCompleted`. */
  listTasks(
    recordId: string,
    options?: { includeCompleted?: boolean; pageSize?: number },
  ): AsyncIterable<BreakcoldTask>;
  createTask(
    recordId: string,
    input: {
      title: string;
      descriptionPlain?: string;
      descriptionHtml?: string;
      /** Epoch milliseconds. */
      dueAt?: number;
      assigneeUserIds?: string[];
    },
  ): Promise<BreakcoldTask>;
  /** Object types of a workspace (person, company, deal, custom). */
  listObjects(workspaceId: string): Promise<ObjectType[]>;
  /** Field definitions of an object type: the source of field slugs, types and options. */
  listFields(objectTypeId: string): Promise<FieldDefinition[]>;
}

const DEFAULT_PAGE_SIZE = 100;

/**
 * Creates a Breakcold API v1 client on `createTransport`; paths come from `routes.ts`.
 *
 * @example
 * const bc = createBreakcoldClient({ baseUrl: "https://http.eu.breakcold.com/api/v1", apiKey });
 * for await (const person of bc.listRecords({ workspaceId, objectTypeSlug: "person" })) { … }
 */
export function createBreakcoldClient(options: BreakcoldClientOptions): BreakcoldClient {
  const headers: Record<string, string> = { authorization: `Bearer ${options.apiKey}` };
  if (options.organizationId !== undefined) {
    headers["x-breakcold-organization-id"] = options.organizationId;
  }
  const transport = createTransport({
    baseUrl: options.baseUrl,
    headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  const spec = (
    target: BreakcoldRoute,
    params: { [name: string]: string },
    extra: Pick<RequestSpec, "query" | "body"> = {},
  ): RequestSpec => ({ method: target.method, path: fillPath(target, params), ...extra });
  const recordCall = async (target: BreakcoldRoute, recordId: string, body?: unknown) =>
    (await transport.request(spec(target, { recordId }, { body }), recordEnvelope)).record;

  return {
    options,
    withDefaults: (overrides) => createBreakcoldClient({ ...options, ...overrides }),
    listWorkspaces: ({ pageSize = DEFAULT_PAGE_SIZE } = {}) =>
      cursorPages((cursor) =>
        transport.request(
          spec(routes.workspaces_list, {}, { query: { limit: pageSize, cursor } }),
          pageSchema(workspaceSchema),
        ),
      ),
    listRecords: ({ pageSize = DEFAULT_PAGE_SIZE, ...query }) =>
      cursorPages((cursor) =>
        transport.request(
          spec(routes.records_list, {}, { query: { ...query, limit: pageSize, cursor } }),
          pageSchema(recordSchema),
        ),
      ),
    getRecord: (recordId) => recordCall(routes.records_get, recordId),
    createRecord: async (input) =>
      (await transport.request(spec(routes.records_create, {}, { body: input }), recordEnvelope))
        .record,
    updateRecord: (recordId, input) => recordCall(routes.records_update, recordId, input),
    archiveRecord: (recordId) => recordCall(routes.records_archive, recordId),
    restoreRecord: (recordId) => recordCall(routes.records_restore, recordId),
    listNotes: (recordId, { pageSize = DEFAULT_PAGE_SIZE } = {}) =>
      cursorPages((cursor) =>
        transport.request(
          spec(routes.notes_list, { recordId }, { query: { limit: pageSize, cursor } }),
          pageSchema(noteSchema),
        ),
      ),
    createNote: async (recordId, input) =>
      (
        await transport.request(
          spec(routes.notes_create, { recordId }, { body: input }),
          noteEnvelope,
        )
      ).note,
    listTasks: (recordId, { pageSize = DEFAULT_PAGE_SIZE, includeCompleted } = {}) =>
      cursorPages((cursor) =>
        transport.request(
          spec(
            routes.tasks_list,
            { recordId },
            { query: { includeCompleted, limit: pageSize, cursor } },
          ),
          pageSchema(taskSchema),
        ),
      ),
    createTask: async (recordId, input) =>
      (
        await transport.request(
          spec(routes.tasks_create, { recordId }, { body: input }),
          taskEnvelope,
        )
      ).task,
    listObjects: async (workspaceId) =>
      (
        await transport.request(
          spec(routes.crm_objects_list, {}, { query: { workspaceId } }),
          listSchema(objectTypeSchema),
        )
      ).data,
    listFields: async (objectTypeId) =>
      (
        await transport.request(
          spec(routes.crm_fields_list, { objectTypeId }),
          listSchema(fieldDefinitionSchema),
        )
      ).data,
  };
}
