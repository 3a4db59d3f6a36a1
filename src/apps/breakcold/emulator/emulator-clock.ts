import type { Clock } from "../../../lib/clock.ts";

/** The emulator's own clock: the given clock shifted by an offset that control can move. */
export interface EmulatorClock extends Clock {
  /** From now on `now()` answers `ms` and moves on with the base clock. */
  set(ms: number): void;
  /** Moves the emulator's time forward (or back, with a negative `ms`). */
  advance(ms: number): void;
}

/**
 * Wraps `base` so tests and the `/_emulator/clock` route can set the emulator's time, whatever
 * clock it was given (a `ManualClock` moved directly keeps working: the offset adds to it).
 */
export function createEmulatorClock(base: Clock): EmulatorClock {
  let offset = 0;
  return {
    now: () => base.now() + offset,
    set: (ms) => {
      offset = ms - base.now();
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}
