import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ManualClock } from "../../../lib/clock.ts";
import { createEmulatorClock } from "./emulator-clock.ts";

describe("emulator clock", () => {
  it("follows the injected clock plus the offset control sets", () => {
    const base = new ManualClock(1_000);
    const clock = createEmulatorClock(base);
    clock.advance(500);
    assert.equal(clock.now(), 1_500);
    base.advance(100);
    assert.equal(clock.now(), 1_600);
    clock.set(10_000);
    assert.equal(clock.now(), 10_000);
    assert.throws(() => clock.advance(-1), /cannot advance/);
  });
});
