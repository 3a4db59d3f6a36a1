import type { Db } from "./database.ts";

export type JobKind = "dispatch" | "run";

/** A unit of background work: dispatch one inbox event, or execute one run. */
export interface Job {
  readonly id: number;
  readonly kind: JobKind;
  readonly payload: Record<string, string>;
  readonly attempts: number;
  readonly maxAttempts: number;
}

export interface EnqueueOptions {
  readonly runAt?: number;
  readonly maxAttempts?: number;
}

/** Adds a job; call inside the transaction that creates what the job acts on. */
export async function enqueueJob(
  db: Db,
  kind: JobKind,
  payload: Record<string, string>,
  now: number,
  options: EnqueueOptions = {},
): Promise<void> {
  await db
    .insertInto("jobs")
    .values({
      kind,
      payload: JSON.stringify(payload),
      status: "pending",
      run_at: options.runAt ?? now,
      attempts: 0,
      max_attempts: options.maxAttempts ?? 5,
      locked_until: null,
      last_error: null,
      created_at: now,
    })
    .execute();
}

/**
 * Takes the oldest ready job and leases it for `leaseMs`. A job whose lease ran out (its worker
 * died) is ready again, so a crash resumes rather than loses work.
 */
export async function claimJob(db: Db, now: number, leaseMs: number): Promise<Job | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("jobs")
      .selectAll()
      .where("status", "=", "pending")
      .where("run_at", "<=", now)
      .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
      .orderBy("run_at")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    await trx
      .updateTable("jobs")
      .set({ locked_until: now + leaseMs, attempts: row.attempts + 1 })
      .where("id", "=", row.id)
      .execute();
    return {
      id: row.id,
      kind: row.kind as JobKind,
      payload: JSON.parse(row.payload) as Record<string, string>,
      attempts: row.attempts + 1,
      maxAttempts: row.max_attempts,
    };
  });
}

export async function completeJob(db: Db, id: number): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ status: "done", locked_until: null })
    .where("id", "=", id)
    .execute();
}

/** Records a failure: retried at `retryAt`, or marked failed when attempts are used up. */
export async function failJob(
  db: Db,
  job: Job,
  message: string,
  retryAt: number | null,
): Promise<"retrying" | "failed"> {
  const retrying = retryAt !== null && job.attempts < job.maxAttempts;
  await db
    .updateTable("jobs")
    .set({
      status: retrying ? "pending" : "failed",
      run_at: retrying ? retryAt : undefined,
      locked_until: null,
      last_error: message.slice(0, 2000),
    })
    .where("id", "=", job.id)
    .execute();
  return retrying ? "retrying" : "failed";
}

/** Number of jobs not yet finished (pending or leased). */
export async function countOpenJobs(db: Db): Promise<number> {
  const row = await db
    .selectFrom("jobs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
