import type { Kysely } from "kysely";

/** Connection status reasons, learned missing scopes and the OAuth refresh lease, vault key canaries (to refuse a wrong master key) and the hash-chained audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("connections")
    .addColumn("missing_scopes", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema.alterTable("connections").addColumn("status_reason", "text").execute();
  await db.schema.alterTable("connections").addColumn("refresh_lease_until", "bigint").execute();
  await db.schema.alterTable("connections").addColumn("refresh_lease_owner", "text").execute();
  await db.schema
    .createTable("vault_keys")
    .addColumn("key_id", "text", (c) => c.primaryKey())
    .addColumn("canary", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("audit_log")
    .addColumn("seq", "integer", (c) => c.primaryKey())
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("connection_id", "text")
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("audit_log").ifExists().execute();
  await db.schema.dropTable("vault_keys").ifExists().execute();
  await db.schema.alterTable("connections").dropColumn("status_reason").execute();
  await db.schema.alterTable("connections").dropColumn("refresh_lease_until").execute();
  await db.schema.alterTable("connections").dropColumn("refresh_lease_owner").execute();
  await db.schema.alterTable("connections").dropColumn("missing_scopes").execute();
}
