import type { Clock } from "../lib/clock.ts";
import { err, ok, type Result } from "../lib/result.ts";
import { getConnection } from "../store/connections.ts";
import type { Db } from "../store/database.ts";
import {
  insertWorkflow,
  listWorkflows,
  setWorkflowEnabled,
  type Workflow,
} from "../store/workflows.ts";
import type { AuditLog } from "../vault/audit-log.ts";
import { RECIPES } from "./recipes/index.ts";

export type WorkflowError = {
  readonly code: "invalid_input" | "not_found";
  readonly message: string;
};

/**
 * Wires a recipe between two connections, checking that each is of the app the recipe reads
 * from or writes to. One enabled workflow per recipe and pair: adding it again re-enables it.
 */
export async function addRecipeWorkflow(
  deps: { db: Db; audit: AuditLog; clock: Clock },
  input: {
    recipe: string;
    sourceConnectionId: string;
    targetConnectionId: string;
    name?: string | undefined;
  },
  actor: string,
): Promise<Result<Workflow, WorkflowError>> {
  const recipe = RECIPES.get(input.recipe);
  if (!recipe) {
    return err({
      code: "invalid_input",
      message: `unknown recipe ${input.recipe}; known: ${[...RECIPES.keys()].join(", ")}`,
    });
  }
  const source = await getConnection(deps.db, input.sourceConnectionId);
  const target = await getConnection(deps.db, input.targetConnectionId);
  if (source?.app !== recipe.sourceApp) {
    return err({
      code: "invalid_input",
      message: `the source must be a ${recipe.sourceApp} connection (${input.sourceConnectionId} is ${source ? `a ${source.app} one` : "unknown"})`,
    });
  }
  if (target?.app !== recipe.targetApp) {
    return err({
      code: "invalid_input",
      message: `the target must be a ${recipe.targetApp} connection (${input.targetConnectionId} is ${target ? `a ${target.app} one` : "unknown"})`,
    });
  }
  const existing = (await listWorkflows(deps.db)).find(
    (w) =>
      w.recipe === recipe.name &&
      w.sourceConnectionId === source.id &&
      w.targetConnectionId === target.id,
  );
  if (existing) {
    await setWorkflowEnabled(deps.db, existing.id, true);
    return ok({ ...existing, enabled: true });
  }
  const workflow = await insertWorkflow(
    deps.db,
    {
      recipe: recipe.name,
      name: input.name ?? `${recipe.name}: ${source.label} → ${target.label}`,
      sourceConnectionId: source.id,
      targetConnectionId: target.id,
      enabled: true,
      config: {},
    },
    deps.clock.now(),
  );
  await deps.audit.append({
    actor,
    action: "admin.action",
    detail: { workflowAdded: workflow.id, recipe: recipe.name },
  });
  return ok(workflow);
}

/** Turns a workflow on or off; events that arrive while it is off start no runs. */
export async function switchWorkflow(
  deps: { db: Db; audit: AuditLog },
  id: string,
  enabled: boolean,
  actor: string,
): Promise<Result<{ id: string; enabled: boolean }, WorkflowError>> {
  if (!(await setWorkflowEnabled(deps.db, id, enabled)))
    return err({ code: "not_found", message: `no workflow ${id}` });
  await deps.audit.append({ actor, action: "admin.action", detail: { workflow: id, enabled } });
  return ok({ id, enabled });
}
