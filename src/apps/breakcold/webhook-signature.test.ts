import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { signBreakcoldPayload, verifyBreakcoldSignature } from "./webhook-signature.ts";

const secret = "whsec_test_secret";
const now = Date.UTC(2026, 0, 1, 12);
const seconds = Math.floor(now / 1000);
const rawBody = new TextEncoder().encode('{"eventId":"e1","event":"record.created"}');

function headers(overrides: Record<string, string | null> = {}) {
  const base: Record<string, string | null> = {
    "x-webhook-signature": signBreakcoldPayload({ secret, timestampSeconds: seconds, rawBody }),
    "x-webhook-timestamp": String(seconds),
    "x-webhook-delivery-id": "dlv_000001",
    "x-webhook-event": "record.created",
    ...overrides,
  };
  return { get: (name: string) => base[name.toLowerCase()] ?? null };
}

test("signs sha256=<hex HMAC of timestamp.rawBody> as API.md documents", () => {
  const expected = createHmac("sha256", secret)
    .update(`${seconds}.${new TextDecoder().decode(rawBody)}`)
    .digest("hex");
  assert.equal(
    signBreakcoldPayload({ secret, timestampSeconds: seconds, rawBody }),
    `sha256=${expected}`,
  );
});

test("accepts a good signature and reports delivery id, event and timestamp in ms", () => {
  assert.deepEqual(verifyBreakcoldSignature({ rawBody, headers: headers(), secret, now }), {
    ok: true,
    deliveryId: "dlv_000001",
    event: "record.created",
    timestamp: seconds * 1000,
  });
});

test("rejects tampering, the wrong secret and malformed signatures", () => {
  const reason = (input: Partial<Parameters<typeof verifyBreakcoldSignature>[0]>) => {
    const check = verifyBreakcoldSignature({ rawBody, headers: headers(), secret, now, ...input });
    return check.ok ? "ok" : check.reason;
  };
  assert.equal(
    reason({ rawBody: new TextEncoder().encode('{"eventId":"e2"}') }),
    "signature does not match",
  );
  assert.equal(reason({ secret: "whsec_other" }), "signature does not match");
  assert.equal(reason({ secret: "" }), "no signing secret configured");
  const other = headers({ "x-webhook-timestamp": String(seconds + 1) });
  assert.equal(reason({ headers: other }), "signature does not match");
  for (const bad of ["abc", "sha1=00", `sha256=${"g".repeat(64)}`, "sha256=abcd"]) {
    assert.equal(
      reason({ headers: headers({ "x-webhook-signature": bad }) }),
      "malformed X-Webhook-Signature",
    );
  }
  assert.equal(
    reason({ headers: headers({ "x-webhook-timestamp": "12.5" }) }),
    "malformed X-Webhook-Timestamp",
  );
});

test("rejects missing headers, naming the first one missing", () => {
  for (const name of [
    "X-Webhook-Signature",
    "X-Webhook-Timestamp",
    "X-Webhook-Delivery-Id",
    "X-Webhook-Event",
  ]) {
    const check = verifyBreakcoldSignature({
      rawBody,
      headers: headers({ [name.toLowerCase()]: null }),
      secret,
      now,
    });
    assert.deepEqual(check, { ok: false, reason: `missing ${name}` });
  }
});

test("rejects timestamps beyond the tolerance either way (default 5 minutes)", () => {
  const at = (ms: number, toleranceMs?: number) => {
    const check = verifyBreakcoldSignature({
      rawBody,
      headers: headers(),
      secret,
      now: ms,
      ...(toleranceMs === undefined ? {} : { toleranceMs }),
    });
    return check.ok ? "ok" : check.reason;
  };
  assert.equal(at(now + 300_000), "ok");
  assert.equal(at(now + 300_001), "timestamp too old");
  assert.equal(at(now - 300_000), "ok");
  assert.equal(at(now - 300_001), "timestamp in the future");
  assert.equal(at(now + 10_000, 5_000), "timestamp too old");
});
