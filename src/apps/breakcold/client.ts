import { createTransport, type FetchLike } from "../../http/transport.ts";
import { activitiesApi, type BreakcoldActivitiesApi } from "./activities-api.ts";
import { type BreakcoldHooksApi, hooksApi } from "./hooks-api.ts";
import { type BreakcoldMetadataApi, metadataApi } from "./metadata-api.ts";
import { type BreakcoldRecordsApi, recordsApi } from "./records-api.ts";
import { createRouteCaller } from "./route-caller.ts";

export type { TaskInput, TaskPatch } from "./activities-api.ts";
export { collect } from "./cursor-pages.ts";
export type {
  FieldDefinitionInput,
  FieldDefinitionPatch,
  ObjectTypeInput,
  ObjectTypePatch,
} from "./metadata-api.ts";
export type { CustomActivityInput, FieldInputs, ListRecordsQuery } from "./records-api.ts";

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

/**
 * Typed client for Breakcold API v1: every operation of API.md's table. Lists are lazy
 * `AsyncIterable`s over cursor pages (read a bounded prefix with `collect(iterable, { limit })`);
 * errors are the transport's `HttpError` family (read Breakcold's envelope with
 * `readBreakcoldError`). Times are epoch milliseconds; field values go in through `toFieldInput`
 * and come out through `fromFieldValue`.
 */
export interface BreakcoldClient
  extends BreakcoldRecordsApi,
    BreakcoldActivitiesApi,
    BreakcoldMetadataApi,
    BreakcoldHooksApi {
  readonly options: BreakcoldClientOptions;
  /** A new client with `overrides` applied; this one is unchanged. */
  withDefaults(overrides: Partial<BreakcoldClientOptions>): BreakcoldClient;
}

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
  const caller = createRouteCaller(
    createTransport({
      baseUrl: options.baseUrl,
      headers,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    }),
  );
  return {
    options,
    withDefaults: (overrides) => createBreakcoldClient({ ...options, ...overrides }),
    ...recordsApi(caller),
    ...activitiesApi(caller),
    ...metadataApi(caller),
    ...hooksApi(caller),
  };
}
