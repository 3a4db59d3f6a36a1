import { newId } from "../lib/ids.ts";
import type { Db } from "./database.ts";
import type { ConnectionsTable } from "./schema.ts";

export type ConnectionStatus = "active" | "needs_reconnect" | "invalid";

/** One authorised account of an app. */
export interface Connection {
  readonly id: string;
  readonly app: string;
  readonly label: string;
  readonly authKind: string;
  readonly accountId: string;
  readonly baseUrl: string;
  readonly credentials: Readonly<Record<string, string>>;
  /** Granted scopes; null when they are not known. */
  readonly scopes: readonly string[] | null;
  readonly status: ConnectionStatus;
  readonly sandbox: boolean;
  readonly createdAt: number;
}

export type NewConnection = Omit<Connection, "id" | "createdAt" | "status"> & {
  readonly status?: ConnectionStatus;
};

function toConnection(row: ConnectionsTable): Connection {
  return {
    id: row.id,
    app: row.app,
    label: row.label,
    authKind: row.auth_kind,
    accountId: row.account_id,
    baseUrl: row.base_url,
    credentials: JSON.parse(row.credentials) as Record<string, string>,
    scopes: row.scopes === null ? null : (JSON.parse(row.scopes) as string[]),
    status: row.status as ConnectionStatus,
    sandbox: row.sandbox === 1,
    createdAt: row.created_at,
  };
}

/** Public view of a connection: everything but the credentials. */
export function describeConnection(connection: Connection): Omit<Connection, "credentials"> {
  const { credentials: _hidden, ...rest } = connection;
  return rest;
}

export async function insertConnection(
  db: Db,
  input: NewConnection,
  now: number,
): Promise<Connection> {
  const row: ConnectionsTable = {
    id: newId("conn"),
    app: input.app,
    label: input.label,
    auth_kind: input.authKind,
    account_id: input.accountId,
    base_url: input.baseUrl,
    credentials: JSON.stringify(input.credentials),
    scopes: input.scopes === null ? null : JSON.stringify(input.scopes),
    status: input.status ?? "active",
    sandbox: input.sandbox ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto("connections").values(row).execute();
  return toConnection(row);
}

export async function getConnection(db: Db, id: string): Promise<Connection | undefined> {
  const row = await db
    .selectFrom("connections")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toConnection(row) : undefined;
}

export async function listConnections(db: Db): Promise<Connection[]> {
  const rows = await db.selectFrom("connections").selectAll().orderBy("created_at").execute();
  return rows.map(toConnection);
}

/** The connection of `app` for one remote account (a HighLevel location), if any. */
export async function findConnectionByAccount(
  db: Db,
  app: string,
  accountId: string,
): Promise<Connection | undefined> {
  const row = await db
    .selectFrom("connections")
    .selectAll()
    .where("app", "=", app)
    .where("account_id", "=", accountId)
    .orderBy("sandbox")
    .orderBy("created_at")
    .executeTakeFirst();
  return row ? toConnection(row) : undefined;
}

/** Replaces a connection's credentials (a re-issued token) and marks it active. */
export async function updateCredentials(
  db: Db,
  id: string,
  credentials: Record<string, string>,
  now: number,
): Promise<void> {
  await db
    .updateTable("connections")
    .set({ credentials: JSON.stringify(credentials), status: "active", updated_at: now })
    .where("id", "=", id)
    .execute();
}
