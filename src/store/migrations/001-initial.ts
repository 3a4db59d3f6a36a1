import { type Kysely, sql } from "kysely";

/** Connections, inbox, workflows, runs and their steps, links, jobs, local tokens. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("connections")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("app", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("auth_kind", "text", (c) => c.notNull())
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("base_url", "text", (c) => c.notNull())
    .addColumn("credentials", "text", (c) => c.notNull())
    .addColumn("scopes", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("sandbox", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("connections_app_account")
    .on("connections")
    .columns(["app", "account_id"])
    .execute();

  await db.schema
    .createTable("inbox_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("app", "text", (c) => c.notNull())
    .addColumn("connection_id", "text")
    .addColumn("delivery_id", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("account_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("signature_scheme", "text")
    .addColumn("event_time", "text")
    .addColumn("received_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("inbox_events_app_delivery", ["app", "delivery_id"])
    .execute();
  await db.schema
    .createIndex("inbox_events_status")
    .on("inbox_events")
    .columns(["status", "received_at"])
    .execute();

  await db.schema
    .createTable("workflows")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("recipe", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("source_connection_id", "text", (c) => c.notNull())
    .addColumn("target_connection_id", "text", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("config", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workflow_id", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("subject_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("started_at", "bigint")
    .addColumn("finished_at", "bigint")
    .addUniqueConstraint("runs_workflow_event", ["workflow_id", "event_id"])
    .execute();
  await db.schema.createIndex("runs_subject").on("runs").column("subject_id").execute();

  await db.schema
    .createTable("run_steps")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("run_id", "text", (c) => c.notNull())
    .addColumn("step_key", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("output", "text")
    .addColumn("error", "text")
    .addColumn("started_at", "bigint", (c) => c.notNull())
    .addColumn("finished_at", "bigint")
    .addUniqueConstraint("run_steps_run_key", ["run_id", "step_key"])
    .execute();

  await db.schema
    .createTable("links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("source_connection_id", "text", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("target_connection_id", "text", (c) => c.notNull())
    .addColumn("target_id", "text")
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("links_source_target", [
      "kind",
      "source_connection_id",
      "source_id",
      "target_connection_id",
    ])
    .execute();
  await db.schema.createIndex("links_subject").on("links").column("subject_id").execute();

  await db.schema
    .createTable("jobs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("run_at", "bigint", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("locked_until", "bigint")
    .addColumn("last_error", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("jobs_ready").on("jobs").columns(["status", "run_at"]).execute();

  await db.schema
    .createTable("local_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await sql`SELECT 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "local_tokens",
    "jobs",
    "links",
    "run_steps",
    "runs",
    "workflows",
    "inbox_events",
    "connections",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
