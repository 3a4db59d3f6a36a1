import assert from "node:assert/strict";
import { test } from "node:test";
import { WindowBudget } from "./window-budget.ts";

test("a slot is held while in flight and for a window after the answer", () => {
  const budget = new WindowBudget(2, 1000);
  budget.take();
  budget.take();
  assert.equal(budget.available(0), 0);
  budget.give(100);
  assert.equal(budget.available(1099), 0);
  assert.equal(budget.nextChange(500), 1100);
  assert.equal(budget.available(1100), 1);
  assert.equal(budget.nextChange(1100), undefined);
});

test("the server's lower remaining count holds slots back for a window", () => {
  const budget = new WindowBudget(100, 10_000);
  budget.take();
  budget.give(0);
  budget.trustServerRemaining(10, 0);
  assert.equal(budget.available(0), 10);
  assert.equal(budget.available(10_000), 100);
});

test("a pause blocks every slot until it ends", () => {
  const budget = new WindowBudget(5, 1000);
  budget.pause(3000);
  assert.equal(budget.available(2999), 0);
  assert.equal(budget.nextChange(0), 3000);
  assert.equal(budget.available(3000), 5);
});
