import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Our API's one error body: `{"error": {"code", "message", "details"?}}`. */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: unknown,
) {
  return c.json(
    { error: { code, message, ...(details === undefined ? {} : { details }) } },
    status,
  );
}
