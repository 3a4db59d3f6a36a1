import type { RateLimitPolicy } from "./governed-fetch.ts";
import type { OperationRoute } from "./operation-matcher.ts";

/** What an error answer about credentials means. */
export type AuthFailure =
  | { readonly kind: "missing_scope"; readonly message: string }
  | { readonly kind: "bad_credentials"; readonly message: string };

/**
 * Everything the connection layer needs to know about one app, as data: its catalogued
 * operations with their scopes, how a credential goes on a request, how to read an auth
 * failure, and its rate-limit policy. Adding an app is adding a descriptor.
 */
export interface AppDescriptor {
  readonly app: string;
  readonly operations: readonly OperationRoute[];
  /** Puts the credential on the request headers. */
  authorize(headers: Headers, credentials: Readonly<Record<string, string>>): void;
  /** Reads a 401/403 answer; undefined when it is not about credentials or scopes. */
  classifyAuthFailure(status: number, body: unknown): AuthFailure | undefined;
  readonly rateLimit: RateLimitPolicy;
}
