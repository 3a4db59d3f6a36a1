import type { Db } from "./database.ts";
import type { ConnectionsTable } from "./schema.ts";

export type ConnectionStatus = "active" | "needs_reconnect" | "invalid";

/** One authorised account of an app. Its credentials stay sealed in the row (see vault/). */
export interface Connection {
  readonly id: string;
  readonly app: string;
  readonly label: string;
  readonly authKind: string;
  readonly accountId: string;
  readonly baseUrl: string;
  /** Granted scopes; null when they are not known. */
  readonly scopes: readonly string[] | null;
  /** Scopes the server said the credential lacks (learned from "not authorized" answers). */
  readonly missingScopes: readonly string[];
  readonly status: ConnectionStatus;
  /** Why the connection is not active, in the server's words. */
  readonly statusReason: string | null;
  readonly sandbox: boolean;
  readonly createdAt: number;
}

export type NewConnection = Omit<
  Connection,
  "createdAt" | "status" | "statusReason" | "missingScopes"
> & {
  /** The vault-sealed credentials JSON, sealed with this row's id as associated data. */
  readonly sealedCredentials: string;
};

function toConnection(row: ConnectionsTable): Connection {
  return {
    id: row.id,
    app: row.app,
    label: row.label,
    authKind: row.auth_kind,
    accountId: row.account_id,
    baseUrl: row.base_url,
    scopes: row.scopes === null ? null : (JSON.parse(row.scopes) as string[]),
    missingScopes: JSON.parse(row.missing_scopes) as string[],
    status: row.status as ConnectionStatus,
    statusReason: row.status_reason,
    sandbox: row.sandbox === 1,
    createdAt: row.created_at,
  };
}

export async function insertConnection(
  db: Db,
  input: NewConnection,
  now: number,
): Promise<Connection> {
  const row: ConnectionsTable = {
    id: input.id,
    app: input.app,
    label: input.label,
    auth_kind: input.authKind,
    account_id: input.accountId,
    base_url: input.baseUrl,
    credentials: input.sealedCredentials,
    scopes: input.scopes === null ? null : JSON.stringify(input.scopes),
    missing_scopes: "[]",
    status: "active",
    status_reason: null,
    refresh_lease_until: null,
    refresh_lease_owner: null,
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

/**
 * The connection an event for one remote account (a HighLevel location) belongs to, when
 * several exist for it: one that an enabled workflow reads from, then a real (non-sandbox)
 * one, then the oldest — so adding a second, unused connection never takes the events away.
 */
export async function findConnectionByAccount(
  db: Db,
  app: string,
  accountId: string,
): Promise<Connection | undefined> {
  const rows = await db
    .selectFrom("connections")
    .selectAll("connections")
    .select((eb) =>
      eb
        .selectFrom("workflows")
        .select((w) => w.fn.countAll<number>().as("n"))
        .whereRef("workflows.source_connection_id", "=", "connections.id")
        .where("workflows.enabled", "=", 1)
        .as("workflow_count"),
    )
    .where("app", "=", app)
    .where("account_id", "=", accountId)
    .orderBy("created_at")
    .execute();
  const ranked = [...rows].sort(
    (a, b) =>
      Number(Number(b.workflow_count) > 0) - Number(Number(a.workflow_count) > 0) ||
      a.sandbox - b.sandbox ||
      a.created_at - b.created_at,
  );
  const best = ranked[0];
  return best ? toConnection(best) : undefined;
}

export async function deleteConnection(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom("connections").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The sealed credentials of a connection (open them with the vault). */
export async function readSealedCredentials(db: Db, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("connections")
    .select("credentials")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.credentials;
}

/** Every connection's sealed credentials, for key rotation. */
export async function listSealedCredentials(db: Db): Promise<{ id: string; sealed: string }[]> {
  const rows = await db.selectFrom("connections").select(["id", "credentials"]).execute();
  return rows.map((row) => ({ id: row.id, sealed: row.credentials }));
}

/** Replaces a connection's sealed credentials (new token, rotated key). */
export async function writeSealedCredentials(
  db: Db,
  id: string,
  sealed: string,
  now: number,
): Promise<void> {
  await db
    .updateTable("connections")
    .set({ credentials: sealed, updated_at: now })
    .where("id", "=", id)
    .execute();
}

/** Sets the status (with the reason shown to the user). */
export async function setConnectionStatus(
  db: Db,
  id: string,
  status: ConnectionStatus,
  reason: string | null,
  now: number,
): Promise<void> {
  await db
    .updateTable("connections")
    .set({ status, status_reason: reason, updated_at: now })
    .where("id", "=", id)
    .execute();
}

/** Records scopes: the granted list (when learned) and those the server said are missing. */
export async function setConnectionScopes(
  db: Db,
  id: string,
  scopes: { granted?: readonly string[] | null; missing?: readonly string[] },
  now: number,
): Promise<void> {
  await db
    .updateTable("connections")
    .set({
      ...(scopes.granted === undefined
        ? {}
        : { scopes: scopes.granted === null ? null : JSON.stringify(scopes.granted) }),
      ...(scopes.missing === undefined ? {} : { missing_scopes: JSON.stringify(scopes.missing) }),
      updated_at: now,
    })
    .where("id", "=", id)
    .execute();
}

/**
 * Takes the connection's refresh lease if it is free or expired. True when `owner` holds it:
 * only the holder may call the token endpoint, so a rotating refresh token is used once.
 */
export async function takeRefreshLease(
  db: Db,
  id: string,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable("connections")
    .set({ refresh_lease_owner: owner, refresh_lease_until: now + leaseMs })
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        eb("refresh_lease_until", "is", null),
        eb("refresh_lease_until", "<", now),
        eb("refresh_lease_owner", "=", owner),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseRefreshLease(db: Db, id: string, owner: string): Promise<void> {
  await db
    .updateTable("connections")
    .set({ refresh_lease_owner: null, refresh_lease_until: null })
    .where("id", "=", id)
    .where("refresh_lease_owner", "=", owner)
    .execute();
}

/** Moves a connection to another base URL (the sandbox follows the bridge's address). */
export async function setConnectionBaseUrl(
  db: Db,
  id: string,
  baseUrl: string,
  now: number,
): Promise<void> {
  await db
    .updateTable("connections")
    .set({ base_url: baseUrl, updated_at: now })
    .where("id", "=", id)
    .execute();
}
