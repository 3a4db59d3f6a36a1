import assert from "node:assert/strict";
import { mock, test } from "node:test";
import { RateGovernor } from "./rate-governor.ts";

test("waiters get slots as the window frees them, interactive first", async () => {
  mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 });
  try {
    const governor = new RateGovernor({ burst: { limit: 2, windowMs: 1000 } });
    assert.equal(governor.reserved("burst"), 0, "no reserve below 100");
    const order: string[] = [];
    const take = (name: string, lane: "interactive" | "backfill") =>
      governor.acquire(lane, ["burst"]).then((permit) => {
        order.push(`${name}@${Date.now()}`);
        permit.release(Date.now());
      });
    const all = [
      take("b1", "backfill"),
      take("b2", "backfill"),
      take("b3", "backfill"),
      take("b4", "backfill"),
    ];
    await Promise.resolve();
    const interactive = take("i1", "interactive");
    assert.deepEqual(governor.waiting(), { interactive: 1, webhook: 0, backfill: 2 });
    mock.timers.tick(1000);
    await Promise.resolve();
    mock.timers.tick(1000);
    await Promise.all([...all, interactive]);
    assert.deepEqual(order, ["b1@0", "b2@0", "i1@1000", "b3@1000", "b4@2000"]);
  } finally {
    mock.timers.reset();
  }
});

test("a request needs a slot in every budget it names; pause holds them all", async () => {
  mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 });
  try {
    const governor = new RateGovernor({
      key: { limit: 10, windowMs: 1000 },
      "op:create": { limit: 1, windowMs: 1000 },
    });
    const first = await governor.acquire("webhook", ["key", "op:create"]);
    first.release(0);
    let second = false;
    const pending = governor.acquire("webhook", ["key", "op:create"]).then((p) => {
      second = true;
      p.release(Date.now());
    });
    const other = await governor.acquire("webhook", ["key"]);
    other.release(0);
    await Promise.resolve();
    assert.equal(second, false, "the per-operation budget is spent");
    governor.pause(5000);
    mock.timers.tick(1000);
    await Promise.resolve();
    assert.equal(second, false, "paused after a 429");
    mock.timers.tick(4000);
    await pending;
    assert.equal(second, true);
  } finally {
    mock.timers.reset();
  }
});

test("an aborted waiter leaves the queue with an error", async () => {
  const governor = new RateGovernor({ burst: { limit: 1, windowMs: 60_000 } });
  const held = await governor.acquire("backfill", ["burst"]);
  const controller = new AbortController();
  const waiting = governor.acquire("backfill", ["burst"], controller.signal);
  controller.abort();
  await assert.rejects(waiting, /aborted/);
  assert.deepEqual(governor.waiting(), { interactive: 0, webhook: 0, backfill: 0 });
  held.release();
});

test("background lanes leave 1% of a budget to interactive calls", async () => {
  mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 });
  try {
    const governor = new RateGovernor({ burst: { limit: 100, windowMs: 1000 } });
    assert.equal(governor.reserved("burst"), 1);
    const held = await Promise.all(
      Array.from({ length: 99 }, () => governor.acquire("backfill", ["burst"])),
    );
    let backfillGot = false;
    const backfill = governor.acquire("backfill", ["burst"]).then((p) => {
      backfillGot = true;
      return p;
    });
    const interactive = await governor.acquire("interactive", ["burst"]);
    assert.equal(backfillGot, false, "the last slot is the interactive lane's");
    interactive.release(0);
    for (const permit of held) permit.release(0);
    mock.timers.tick(1000);
    (await backfill).release(1000);
    assert.equal(backfillGot, true);
  } finally {
    mock.timers.reset();
  }
});
