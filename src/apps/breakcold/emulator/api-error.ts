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
  | "payload_too_large"
  | "internal_error"
  | "service_unavailable";

const STATUS: { [code in BreakcoldErrorCode]: ContentfulStatusCode } = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_request: 400,
  rate_limited: 429,
  payload_too_large: 413,
  internal_error: 500,
  service_unavailable: 503,
};

/** The code an injected fault with `status` answers with. */
export function codeForStatus(status: number): BreakcoldErrorCode {
  const found = (Object.keys(STATUS) as BreakcoldErrorCode[]).find(
    (code) => STATUS[code] === status,
  );
  return found ?? (status >= 500 ? "internal_error" : "invalid_request");
}

/**
 * Thrown by handlers and middleware; the app's error handler renders it as Breakcold's envelope
 * `{"error": {"code", "message", "requestId"}}` with the status that belongs to the code.
 */
export class ApiError extends Error {
  override name = "ApiError";
  readonly code: BreakcoldErrorCode;
  readonly status: ContentfulStatusCode;
  /** Only on `rate_limited`: when to try again; also sent as `Retry-After` in seconds. */
  readonly retryAfterMs: number | undefined;
  constructor(
    code: BreakcoldErrorCode,
    message: string,
    options: { retryAfterMs?: number; status?: ContentfulStatusCode } = {},
  ) {
    super(message);
    this.code = code;
    this.status = options.status ?? STATUS[code];
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The 429 Breakcold answers when any budget is spent (API.md "Rate limits"). */
export function rateLimited(retryAfterMs: number): ApiError {
  return new ApiError("rate_limited", "Public API rate limit exceeded", {
    retryAfterMs: Math.max(0, Math.ceil(retryAfterMs)),
  });
}

/** The envelope body for `error` answered to request `requestId`. */
export function errorBody(error: ApiError, requestId: string) {
  const { code, message, retryAfterMs } = error;
  return {
    error: { code, message, requestId, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
  };
}

/** Response headers that go with `error`: `Retry-After` in whole seconds for a 429. */
export function errorHeaders(error: ApiError): { [name: string]: string } {
  return error.retryAfterMs === undefined
    ? {}
    : { "retry-after": String(Math.ceil(error.retryAfterMs / 1000)) };
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
