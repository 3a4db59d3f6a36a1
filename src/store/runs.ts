import { newId } from "../lib/ids.ts";
import type { Db } from "./database.ts";
import type { RunStepsTable, RunsTable } from "./schema.ts";

export type RunStatus = "queued" | "running" | "succeeded" | "failed";
export type StepStatus = "running" | "succeeded" | "failed";

/** One execution of a workflow for one event. */
export interface Run {
  readonly id: string;
  readonly workflowId: string;
  readonly eventId: string;
  readonly subjectId: string | null;
  readonly status: RunStatus;
  readonly error: string | null;
  readonly createdAt: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
}

/** A step's persisted result; a finished step is never executed again for its run. */
export interface RunStep {
  readonly runId: string;
  readonly key: string;
  readonly position: number;
  readonly status: StepStatus;
  readonly output: unknown;
  readonly error: string | null;
  readonly startedAt: number;
  readonly finishedAt: number | null;
}

function toRun(row: RunsTable): Run {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    eventId: row.event_id,
    subjectId: row.subject_id,
    status: row.status as RunStatus,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function toStep(row: RunStepsTable): RunStep {
  return {
    runId: row.run_id,
    key: row.step_key,
    position: row.position,
    status: row.status as StepStatus,
    output: row.output === null ? null : JSON.parse(row.output),
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export async function insertRun(
  db: Db,
  input: { workflowId: string; eventId: string; subjectId: string | null },
  now: number,
): Promise<Run | undefined> {
  const row: RunsTable = {
    id: newId("run"),
    workflow_id: input.workflowId,
    event_id: input.eventId,
    subject_id: input.subjectId,
    status: "queued",
    error: null,
    created_at: now,
    started_at: null,
    finished_at: null,
  };
  const result = await db
    .insertInto("runs")
    .values(row)
    .onConflict((oc) => oc.columns(["workflow_id", "event_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1 ? toRun(row) : undefined;
}

export async function getRun(db: Db, id: string): Promise<Run | undefined> {
  const row = await db.selectFrom("runs").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toRun(row) : undefined;
}

export interface RunFilter {
  readonly subjectId?: string;
  readonly eventId?: string;
  readonly limit: number;
}

/** Oldest first. */
export async function listRuns(db: Db, filter: RunFilter): Promise<Run[]> {
  let query = db.selectFrom("runs").selectAll();
  if (filter.subjectId) query = query.where("subject_id", "=", filter.subjectId);
  if (filter.eventId) query = query.where("event_id", "=", filter.eventId);
  const rows = await query.orderBy("created_at").orderBy("id").limit(filter.limit).execute();
  return rows.map(toRun);
}

export async function setRunStatus(
  db: Db,
  id: string,
  status: RunStatus,
  now: number,
  error: string | null = null,
): Promise<void> {
  const finished = status === "succeeded" || status === "failed";
  await db
    .updateTable("runs")
    .set({
      status,
      error,
      started_at: status === "running" ? now : undefined,
      finished_at: finished ? now : null,
    })
    .where("id", "=", id)
    .execute();
}

export async function listSteps(db: Db, runId: string): Promise<RunStep[]> {
  const rows = await db
    .selectFrom("run_steps")
    .selectAll()
    .where("run_id", "=", runId)
    .orderBy("position")
    .execute();
  return rows.map(toStep);
}

/** Records a step's outcome (insert on first attempt, update on a retry). */
export async function saveStep(
  db: Db,
  step: Omit<RunStep, "output"> & { output: unknown },
): Promise<void> {
  const output = step.output === undefined ? null : JSON.stringify(step.output);
  await db
    .insertInto("run_steps")
    .values({
      id: newId("step"),
      run_id: step.runId,
      step_key: step.key,
      position: step.position,
      status: step.status,
      output,
      error: step.error,
      started_at: step.startedAt,
      finished_at: step.finishedAt,
    })
    .onConflict((oc) =>
      oc.columns(["run_id", "step_key"]).doUpdateSet({
        status: step.status,
        output,
        error: step.error,
        started_at: step.startedAt,
        finished_at: step.finishedAt,
      }),
    )
    .execute();
}
