import type { Kysely } from "kysely";

/** Authorization-code flows in progress, keyed by their `state`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("oauth_pending")
    .addColumn("state", "text", (c) => c.primaryKey())
    .addColumn("app", "text", (c) => c.notNull())
    .addColumn("base_url", "text", (c) => c.notNull())
    .addColumn("redirect_uri", "text", (c) => c.notNull())
    .addColumn("label", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("connection_id", "text")
    .addColumn("error", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("oauth_pending").ifExists().execute();
}
