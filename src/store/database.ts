import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, type Migration, type MigrationProvider, Migrator, SqliteDialect } from "kysely";
import * as initial from "./migrations/001-initial.ts";
import * as vaultAudit from "./migrations/002-vault-audit.ts";
import * as oauthPending from "./migrations/003-oauth-pending.ts";
import { ensurePrivateDir, ensurePrivateFile, tightenIfPresent } from "./private-file.ts";
import type { Database } from "./schema.ts";

export type Db = Kysely<Database>;

const MIGRATIONS: Record<string, Migration> = {
  "001-initial": initial,
  "002-vault-audit": vaultAudit,
  "003-oauth-pending": oauthPending,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Opens the SQLite database `bridge.sqlite` in `dataDir` (or an in-memory one for ":memory:")
 * and brings its schema up to date.
 */
export async function openDatabase(dataDir: string | ":memory:"): Promise<Db> {
  let path = ":memory:";
  if (dataDir !== ":memory:") {
    ensurePrivateDir(dataDir);
    path = join(dataDir, "bridge.sqlite");
    ensurePrivateFile(path);
  }
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  if (path !== ":memory:") tightenIfPresent(`${path}-wal`, `${path}-shm`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  return db;
}

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`database migration failed${name}: ${String(error)}`);
  }
}
