import { HttpError } from "../../http/errors.ts";
import { type BreakcoldErrorBody, errorEnvelopeSchema } from "./schemas.ts";

/** Breakcold's error envelope plus the HTTP status it came with. */
export interface BreakcoldApiError extends BreakcoldErrorBody {
  readonly status: number;
}

/**
 * Reads Breakcold's `{"error": {code, message, requestId, retryAfterMs?}}` out of a thrown
 * `HttpError`; `undefined` for any other error or body (a proxy's HTML page, a network error).
 */
export function readBreakcoldError(error: unknown): BreakcoldApiError | undefined {
  if (!(error instanceof HttpError)) return undefined;
  const parsed = errorEnvelopeSchema.safeParse(error.body);
  return parsed.success ? { ...parsed.data.error, status: error.status } : undefined;
}
