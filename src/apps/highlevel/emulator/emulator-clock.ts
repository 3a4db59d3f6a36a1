import type { Clock } from "../../../lib/clock.ts";

/**
 * The emulator's time: the injected clock plus an offset that control moves, so a sandbox on
 * the system clock can still jump ahead (token expiry, rate windows, webhook redeliveries)
 * and a test's ManualClock keeps working as before.
 */
export interface EmulatorClock extends Clock {
  /** Moves emulator time forward by `ms` (negative values are rejected). */
  advance(ms: number): void;
  /** Sets emulator time to `epochMs` (the offset over the injected clock is adjusted). */
  set(epochMs: number): void;
}

export function createEmulatorClock(base: Clock): EmulatorClock {
  let offset = 0;
  return {
    now: () => base.now() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`cannot advance the clock by ${ms} ms`);
      offset += ms;
    },
    set(epochMs) {
      if (!Number.isFinite(epochMs)) throw new Error(`not a time: ${epochMs}`);
      offset = epochMs - base.now();
    },
  };
}
