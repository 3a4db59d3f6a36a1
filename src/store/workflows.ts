import { newId } from "../lib/ids.ts";
import type { Db } from "./database.ts";
import type { WorkflowsTable } from "./schema.ts";

/** A recipe instance wired between a source and a target connection. */
export interface Workflow {
  readonly id: string;
  readonly recipe: string;
  readonly name: string;
  readonly sourceConnectionId: string;
  readonly targetConnectionId: string;
  readonly enabled: boolean;
  readonly config: Record<string, unknown>;
}

function toWorkflow(row: WorkflowsTable): Workflow {
  return {
    id: row.id,
    recipe: row.recipe,
    name: row.name,
    sourceConnectionId: row.source_connection_id,
    targetConnectionId: row.target_connection_id,
    enabled: row.enabled === 1,
    config: JSON.parse(row.config) as Record<string, unknown>,
  };
}

export async function insertWorkflow(
  db: Db,
  input: Omit<Workflow, "id">,
  now: number,
): Promise<Workflow> {
  const row: WorkflowsTable = {
    id: newId("wf"),
    recipe: input.recipe,
    name: input.name,
    source_connection_id: input.sourceConnectionId,
    target_connection_id: input.targetConnectionId,
    enabled: input.enabled ? 1 : 0,
    config: JSON.stringify(input.config),
    created_at: now,
  };
  await db.insertInto("workflows").values(row).execute();
  return toWorkflow(row);
}

export async function getWorkflow(db: Db, id: string): Promise<Workflow | undefined> {
  const row = await db.selectFrom("workflows").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toWorkflow(row) : undefined;
}

/** Enabled workflows whose trigger reads from `connectionId`. */
export async function listWorkflowsForSource(db: Db, connectionId: string): Promise<Workflow[]> {
  const rows = await db
    .selectFrom("workflows")
    .selectAll()
    .where("source_connection_id", "=", connectionId)
    .where("enabled", "=", 1)
    .orderBy("created_at")
    .execute();
  return rows.map(toWorkflow);
}

export async function listWorkflows(db: Db): Promise<Workflow[]> {
  const rows = await db.selectFrom("workflows").selectAll().orderBy("created_at").execute();
  return rows.map(toWorkflow);
}

export async function setWorkflowEnabled(db: Db, id: string, enabled: boolean): Promise<boolean> {
  const result = await db
    .updateTable("workflows")
    .set({ enabled: enabled ? 1 : 0 })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
