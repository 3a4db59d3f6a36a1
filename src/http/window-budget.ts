/**
 * One rate budget: at most `limit` requests in any `windowMs`. A request holds a slot from the
 * moment it is sent until `windowMs` after its answer arrived — the server counted it at some
 * moment in between, so its own window has passed by then whatever its clock and the latency.
 */
export class WindowBudget {
  limit: number;
  windowMs: number;
  #inFlight = 0;
  /** Times at which finished requests give their slot back, ascending. */
  #frees: number[] = [];
  #pausedUntil = 0;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  #prune(now: number): void {
    let drop = 0;
    while (drop < this.#frees.length && (this.#frees[drop] as number) <= now) drop++;
    if (drop > 0) this.#frees.splice(0, drop);
  }

  /** Slots free now. */
  available(now: number): number {
    if (now < this.#pausedUntil) return 0;
    this.#prune(now);
    return this.limit - this.#inFlight - this.#frees.length;
  }

  take(): void {
    this.#inFlight++;
  }

  /** Gives the slot back `windowMs` after `completedAt`. */
  give(completedAt: number): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    this.#holdUntil(completedAt + this.windowMs);
  }

  #holdUntil(at: number): void {
    let i = this.#frees.length;
    while (i > 0 && (this.#frees[i - 1] as number) > at) i--;
    this.#frees.splice(i, 0, at);
  }

  /**
   * The server says only `remaining` requests are left in its current window (another client
   * shares the budget, or it counts differently): hold back the difference for one window.
   */
  trustServerRemaining(remaining: number, now: number): void {
    this.#prune(now);
    const ours = this.limit - this.#inFlight - this.#frees.length;
    for (let extra = ours - Math.max(0, remaining); extra > 0; extra--) {
      this.#holdUntil(now + this.windowMs);
    }
  }

  /** Sends nothing until `until` (after a 429). */
  pause(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
  }

  /**
   * When `need` slots may next be free (for the governor's timer): undefined if they are free
   * now, or if only in-flight requests can free them (their answers will).
   */
  nextChange(now: number, need = 1): number | undefined {
    if (now < this.#pausedUntil) return this.#pausedUntil;
    const available = this.available(now);
    if (available >= need) return undefined;
    return this.#frees[need - Math.max(0, available) - 1];
  }
}
