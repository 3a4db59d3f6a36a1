import type { Clock } from "../lib/clock.ts";
import { getConnection } from "../store/connections.ts";
import type { Db } from "../store/database.ts";
import { getEvent } from "../store/inbox.ts";
import { getRun, listSteps, type RunStep, saveStep, setRunStatus } from "../store/runs.ts";
import { getWorkflow } from "../store/workflows.ts";
import type { AppClients } from "./app-clients.ts";
import { PermanentRunError, type RunContext } from "./recipe.ts";
import { RECIPES } from "./recipes/index.ts";

export interface RunnerDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly clients: AppClients;
}

/** Plain-text message of any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function loadContext(deps: RunnerDeps, runId: string) {
  const run = await getRun(deps.db, runId);
  if (!run) throw new PermanentRunError(`run ${runId} does not exist`);
  const event = await getEvent(deps.db, run.eventId);
  const workflow = await getWorkflow(deps.db, run.workflowId);
  if (!event || !workflow) throw new PermanentRunError(`run ${runId} lost its event or workflow`);
  const recipe = RECIPES.get(workflow.recipe);
  if (!recipe) throw new PermanentRunError(`unknown recipe ${workflow.recipe}`);
  const source = await getConnection(deps.db, workflow.sourceConnectionId);
  const target = await getConnection(deps.db, workflow.targetConnectionId);
  if (!source || !target) throw new PermanentRunError(`workflow ${workflow.id} lost a connection`);
  return { run, event, workflow, recipe, source, target };
}

/**
 * Executes (or resumes) one run. Resolves when the run finished; throws the step's error when
 * the attempt failed, leaving the run `running` so the job can retry it — the caller decides
 * whether to retry or to call {@link failRun}.
 */
export async function executeRun(deps: RunnerDeps, runId: string): Promise<void> {
  const { run, event, workflow, recipe, source, target } = await loadContext(deps, runId);
  if (run.status === "succeeded" || run.status === "failed") return;
  await setRunStatus(deps.db, run.id, "running", deps.clock.now());
  const done = new Map<string, RunStep>();
  for (const step of await listSteps(deps.db, run.id)) done.set(step.key, step);
  let position = done.size;
  const context: RunContext = {
    db: deps.db,
    clock: deps.clock,
    clients: deps.clients,
    run,
    event,
    workflow,
    source,
    target,
    async step<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = done.get(key);
      if (previous?.status === "succeeded") return previous.output as T;
      const startedAt = deps.clock.now();
      const stepPosition = previous?.position ?? position++;
      try {
        const output = await fn();
        await saveStep(deps.db, {
          runId: run.id,
          key,
          position: stepPosition,
          status: "succeeded",
          output: output ?? null,
          error: null,
          startedAt,
          finishedAt: deps.clock.now(),
        });
        return output;
      } catch (error) {
        await saveStep(deps.db, {
          runId: run.id,
          key,
          position: stepPosition,
          status: "failed",
          output: null,
          error: errorMessage(error),
          startedAt,
          finishedAt: deps.clock.now(),
        });
        throw error;
      }
    },
  };
  await recipe.execute(context);
  await setRunStatus(deps.db, run.id, "succeeded", deps.clock.now());
}

/** Marks a run failed for good, with the reason shown to the user. */
export async function failRun(deps: RunnerDeps, runId: string, error: unknown): Promise<void> {
  await setRunStatus(deps.db, runId, "failed", deps.clock.now(), errorMessage(error));
}
