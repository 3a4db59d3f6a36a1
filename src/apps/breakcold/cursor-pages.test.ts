import assert from "node:assert/strict";
import { test } from "node:test";
import { type CursorPage, collect, cursorPages } from "./cursor-pages.ts";

function pagesOf(items: number[], size: number) {
  const calls: (string | undefined)[] = [];
  const iterable = cursorPages(async (cursor): Promise<CursorPage<number>> => {
    calls.push(cursor);
    const start = cursor === undefined ? 0 : Number(cursor);
    const end = start + size;
    const hasMore = end < items.length;
    return {
      data: items.slice(start, end),
      pagination: { cursor: hasMore ? String(end) : null, hasMore },
    };
  });
  return { iterable, calls };
}

test("iterates every page lazily and restarts on each iteration", async () => {
  const { iterable, calls } = pagesOf([1, 2, 3, 4, 5], 2);
  assert.equal(calls.length, 0);
  assert.deepEqual(await collect(iterable, { limit: 100 }), [1, 2, 3, 4, 5]);
  assert.deepEqual(calls, [undefined, "2", "4"]);
  assert.deepEqual(await collect(iterable, { limit: 100 }), [1, 2, 3, 4, 5]);
  assert.equal(calls.length, 6);
});

test("collect stops fetching at the limit and rejects a bad limit", async () => {
  const { iterable, calls } = pagesOf([1, 2, 3, 4, 5], 2);
  assert.deepEqual(await collect(iterable, { limit: 3 }), [1, 2, 3]);
  assert.equal(calls.length, 2);
  assert.deepEqual(await collect(iterable, { limit: 0 }), []);
  assert.equal(calls.length, 2);
  await assert.rejects(collect(iterable, { limit: Number.NaN }), RangeError);
});

test("stops when a page says hasMore without a cursor", async () => {
  let calls = 0;
  const iterable = cursorPages(async () => {
    calls++;
    return { data: [calls], pagination: { cursor: null, hasMore: true } };
  });
  assert.deepEqual(await collect(iterable, { limit: 10 }), [1]);
});
