import assert from "node:assert/strict";
import { test } from "node:test";
import { HttpError, NetworkError } from "../http/errors.ts";
import { PermanentRunError } from "./recipe.ts";
import { isRetryable, retryDelayMs } from "./retry-policy.ts";

const request = { method: "GET", url: "http://x.test/y" };

test("retries network errors, 408/429/5xx; never other 4xx or permanent errors", () => {
  assert.equal(isRetryable(new NetworkError("down", request)), true);
  for (const status of [408, 429, 500, 503]) {
    assert.equal(isRetryable(new HttpError(request, status, {}, {})), true, String(status));
  }
  for (const status of [400, 401, 403, 404, 422]) {
    assert.equal(isRetryable(new HttpError(request, status, {}, {})), false, String(status));
  }
  assert.equal(isRetryable(new PermanentRunError("bad event")), false);
  assert.equal(isRetryable(new Error("bug")), false);
});

test("backoff doubles with jitter, capped, and honours Retry-After", () => {
  assert.equal(
    retryDelayMs(1, undefined, () => 0),
    500,
  );
  assert.equal(
    retryDelayMs(1, undefined, () => 1),
    1000,
  );
  assert.equal(
    retryDelayMs(3, undefined, () => 1),
    4000,
  );
  assert.equal(
    retryDelayMs(30, undefined, () => 1),
    300_000,
  );
  const limited = new HttpError(request, 429, {}, { "retry-after": "12" });
  assert.equal(
    retryDelayMs(1, limited, () => 0),
    12_000,
  );
});
