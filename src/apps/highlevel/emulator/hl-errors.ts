import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** HighLevel's fixed messages for auth failures (BEHAVIOUR.md "Errors"). */
export const MESSAGES = {
  invalidToken: "Invalid JWT",
  scope: "The token is not authorized for this scope.",
  location: "The token does not have access to this location.",
  version: "Version header was not found",
  authClass:
    "This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.",
} as const;

/** `{statusCode, message}`: HighLevel's 400/403 body. */
export function hlError(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  extra?: Record<string, unknown>,
): Response {
  return c.json({ statusCode: status, message, ...extra }, status);
}

/** 401 with `error: "Unauthorized"`, as in the spec's UnauthorizedDTO. */
export function hlUnauthorized(c: Context, message: string): Response {
  return c.json({ statusCode: 401, message, error: "Unauthorized" }, 401);
}

/** 422 whose `message` is a list of strings (BEHAVIOUR.md: "422 bodies"). */
export function hlUnprocessable(c: Context, messages: readonly string[]): Response {
  return c.json({ statusCode: 422, message: messages, error: "Unprocessable Entity" }, 422);
}
