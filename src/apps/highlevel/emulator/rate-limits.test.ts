import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createHighLevelSandbox } from "../testing.ts";

const HEADERS = [
  "x-ratelimit-limit-daily",
  "x-ratelimit-daily-remaining",
  "x-ratelimit-interval-milliseconds",
  "x-ratelimit-max",
  "x-ratelimit-remaining",
];

describe("HighLevel emulator: rate limits", () => {
  it("defaults to 100 per 10 s and 200,000 per day, with the five headers on every answer", async () => {
    const sb = createHighLevelSandbox();
    const ok = await sb.raw("GET", `/contacts/?locationId=${sb.location.id}`);
    const error = await sb.raw("GET", "/contacts/unknown0000000000000");
    for (const res of [ok, error]) {
      assert.deepEqual(
        HEADERS.map((h) => res.headers.has(h)),
        [true, true, true, true, true],
      );
    }
    assert.equal(error.status, 400);
    assert.equal(ok.headers.get("x-ratelimit-max"), "100");
    assert.equal(ok.headers.get("x-ratelimit-interval-milliseconds"), "10000");
    assert.equal(ok.headers.get("x-ratelimit-limit-daily"), "200000");
    assert.equal(ok.headers.get("x-ratelimit-remaining"), "99");
    assert.equal(error.headers.get("x-ratelimit-remaining"), "98");
    assert.equal(error.headers.get("x-ratelimit-daily-remaining"), "199998");
  });

  it("answers 429 over the burst window until it rolls over on the emulator clock", async () => {
    const sb = createHighLevelSandbox({
      emulator: {
        rateLimits: {
          burst: { max: 3, intervalMs: 1000 },
          daily: { max: 5, intervalMs: 86_400_000 },
        },
      },
    });
    const list = () => sb.raw("GET", `/contacts/?locationId=${sb.location.id}`);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await list()).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const limited = await list();
    assert.deepEqual(await limited.json(), { statusCode: 429, message: "Too Many Requests" });
    assert.equal(limited.headers.get("x-ratelimit-remaining"), "0");

    const otherToken = sb.emulator.control.issuePrivateToken({ locationId: sb.location.id });
    const other = await sb.raw("GET", `/contacts/?locationId=${sb.location.id}`, {
      headers: { Authorization: `Bearer ${otherToken}` },
    });
    assert.equal(other.status, 200, "another integration has its own budget");

    sb.clock.advance(1000);
    assert.equal((await list()).status, 200);
    assert.equal((await list()).status, 200);
    const daily = await list();
    assert.equal(daily.status, 429, "the daily budget of 5 is spent");
    assert.equal(daily.headers.get("x-ratelimit-daily-remaining"), "0");
  });

  it("can be turned off", async () => {
    const sb = createHighLevelSandbox({ emulator: { rateLimits: false } });
    const res = await sb.raw("GET", `/contacts/?locationId=${sb.location.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.has("x-ratelimit-max"), false);
  });
});
