import { claimJob, completeJob, failJob, type Job } from "../store/jobs.ts";
import { dispatchEvent } from "./dispatch.ts";
import { isRetryable, retryDelayMs } from "./retry-policy.ts";
import { errorMessage, executeRun, failRun, type RunnerDeps } from "./runner.ts";

export interface WorkerOptions {
  /** How long a claimed job is leased before another worker may take it over. Default 5 min. */
  readonly leaseMs?: number;
  /** Idle poll interval. Default 250 ms; {@link Worker.wake} skips the wait. */
  readonly pollMs?: number;
  readonly onError?: (error: unknown, job: Job) => void;
}

/**
 * Takes jobs from the queue one at a time and executes them: dispatch jobs start runs, run
 * jobs execute them. Retryable failures go back to the queue with backoff.
 */
export class Worker {
  readonly #deps: RunnerDeps;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #onError: (error: unknown, job: Job) => void;
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #wakeUp: (() => void) | undefined;
  #loop: Promise<void> | undefined;

  constructor(deps: RunnerDeps, options: WorkerOptions = {}) {
    this.#deps = deps;
    this.#leaseMs = options.leaseMs ?? 300_000;
    this.#pollMs = options.pollMs ?? 250;
    this.#onError = options.onError ?? (() => {});
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.wake();
    await this.#loop;
  }

  /** Asks an idle worker to look for work now (after ingress stored an event). */
  wake(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#wakeUp?.();
  }

  /** Executes ready jobs until none is left; returns how many ran. For tests and the CLI. */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.runOne()) count++;
    return count;
  }

  /** Claims and executes one ready job; false when none was ready. */
  async runOne(): Promise<boolean> {
    const { db, clock } = this.#deps;
    const job = await claimJob(db, clock.now(), this.#leaseMs);
    if (!job) return false;
    try {
      await this.#execute(job);
      await completeJob(db, job.id);
    } catch (error) {
      this.#onError(error, job);
      const retryAt = isRetryable(error) ? clock.now() + retryDelayMs(job.attempts, error) : null;
      const outcome = await failJob(db, job, errorMessage(error), retryAt);
      if (outcome === "failed" && job.kind === "run" && job.payload.runId) {
        await failRun(this.#deps, job.payload.runId, error);
      }
    }
    return true;
  }

  async #execute(job: Job): Promise<void> {
    const { db, clock } = this.#deps;
    switch (job.kind) {
      case "dispatch": {
        if (job.payload.eventId) await dispatchEvent(db, job.payload.eventId, clock.now());
        return;
      }
      case "run": {
        if (job.payload.runId) await executeRun(this.#deps, job.payload.runId);
        return;
      }
    }
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let worked = false;
      try {
        worked = await this.runOne();
      } catch (error) {
        // A database error while claiming: wait a poll interval and try again.
        this.#onError(error, {
          id: -1,
          kind: "dispatch",
          payload: {},
          attempts: 0,
          maxAttempts: 0,
        });
      }
      if (worked || !this.#running) continue;
      await new Promise<void>((resolve) => {
        this.#wakeUp = resolve;
        this.#timer = setTimeout(resolve, this.#pollMs);
      });
      this.#wakeUp = undefined;
    }
  }
}
