import { HttpError, NetworkError, TimeoutError } from "../http/errors.ts";
import { PermanentRunError } from "./recipe.ts";

/** Statuses worth another attempt: timeouts, rate limits, server errors. */
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Whether a failed run attempt may succeed if tried again later. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof PermanentRunError) return false;
  if (error instanceof NetworkError || error instanceof TimeoutError) return true;
  if (error instanceof HttpError) return RETRYABLE_STATUS.has(error.status);
  return false;
}

/**
 * Delay before attempt `attempt + 1`: exponential from 1 s, capped at 5 min, with full jitter,
 * and never shorter than a server-given Retry-After (seconds).
 */
export function retryDelayMs(attempt: number, error: unknown, random = Math.random): number {
  const base = Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(base / 2 + random() * (base / 2));
  if (error instanceof HttpError) {
    const retryAfter = Number(error.headers["retry-after"]);
    if (Number.isFinite(retryAfter) && retryAfter > 0) {
      return Math.max(jittered, Math.min(retryAfter * 1000, 600_000));
    }
  }
  return jittered;
}
