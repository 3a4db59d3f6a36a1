import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";

/** Error codes the emulator answers with (API.md "Errors"). */
export type BreakcoldErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_request"
  | "rate_limited"
  | "internal_error";

const STATUS: { [code in BreakcoldErrorCode]: ContentfulStatusCode } = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_request: 400,
  rate_limited: 429,
  internal_error: 500,
};

/**
 * Thrown by handlers and middleware; the app's error handler renders it as Breakcold's envelope
 * `{"error": {"code", "message", "requestId"}}` with the status that belongs to the code.
 */
export class ApiError extends Error {
  override name = "ApiError";
  readonly code: BreakcoldErrorCode;
  readonly status: ContentfulStatusCode;
  constructor(code: BreakcoldErrorCode, message: string) {
    super(message);
    this.code = code;
    this.status = STATUS[code];
  }
}

/** The envelope body for `error` answered to request `requestId`. */
export function errorBody(error: ApiError, requestId: string) {
  return { error: { code: error.code, message: error.message, requestId } };
}

/**
 * Parses `input` with a tool input schema; a failure becomes a 400 `invalid_request` naming the
 * first offending path, as a client needs to fix its call.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  throw new ApiError("invalid_request", `${where}${issue?.message ?? "invalid input"}`);
}
