import { createTransport, type FetchLike } from "../../http/transport.ts";
import { type ActivityMethods, activityMethods } from "./activity-methods.ts";
import { type ContactMethods, contactMethods } from "./contact-methods.ts";
import { type MembershipMethods, membershipMethods } from "./membership-methods.ts";

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
 * Typed HighLevel Contacts API client: all 32 operations of contacts.json. Methods resolve with
 * parsed domain objects and throw the transport's error family (`HttpError` with HighLevel's
 * body, `NetworkError`, `TimeoutError`, `ResponseShapeError`). Unknown contact ids answer 400,
 * not 404 (BEHAVIOUR.md "Errors").
 */
export interface HighLevelClient extends ContactMethods, ActivityMethods, MembershipMethods {
  /** A new client with these options over this one's; this client is unchanged. */
  withDefaults(overrides: Partial<HighLevelClientOptions>): HighLevelClient;
}

export function createHighLevelClient(opts: HighLevelClientOptions): HighLevelClient {
  const transport = createTransport({
    baseUrl: opts.baseUrl,
    // `Version` is always ours: the official SDK defaults to a value this service does not declare.
    headers: { Authorization: `Bearer ${opts.token}`, Version: HIGHLEVEL_API_VERSION },
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
  });
  return {
    ...contactMethods(transport),
    ...activityMethods(transport),
    ...membershipMethods(transport),
    withDefaults: (overrides) => createHighLevelClient({ ...opts, ...overrides }),
  };
}
