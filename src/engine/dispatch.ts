import type { Db } from "../store/database.ts";
import { getEvent, setEventStatus } from "../store/inbox.ts";
import { enqueueJob } from "../store/jobs.ts";
import { insertRun } from "../store/runs.ts";
import { listWorkflowsForSource } from "../store/workflows.ts";
import { RECIPES } from "./recipes/index.ts";

/**
 * Starts a run of every enabled workflow whose trigger matches the event. Runs, their jobs and
 * the event's `dispatched` mark are written in one transaction: a crash leaves either all or
 * none, and a repeated dispatch adds no second run (unique workflow + event).
 */
export async function dispatchEvent(db: Db, eventId: string, now: number): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const event = await getEvent(trx, eventId);
    if (event?.status !== "received" || !event.connectionId) return [];
    const runIds: string[] = [];
    for (const workflow of await listWorkflowsForSource(trx, event.connectionId)) {
      const recipe = RECIPES.get(workflow.recipe);
      if (!recipe?.triggers.includes(event.type)) continue;
      const run = await insertRun(
        trx,
        { workflowId: workflow.id, eventId: event.id, subjectId: recipe.subjectOf(event) },
        now,
      );
      if (!run) continue;
      await enqueueJob(trx, "run", { runId: run.id }, now);
      runIds.push(run.id);
    }
    await setEventStatus(trx, event.id, "dispatched");
    return runIds;
  });
}
