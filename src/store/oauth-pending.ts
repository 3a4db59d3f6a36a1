import type { Db } from "./database.ts";
import type { OAuthPendingTable } from "./schema.ts";

/** An authorization-code flow between the consent URL and the callback. */
export interface OAuthPending {
  readonly state: string;
  readonly app: string;
  readonly baseUrl: string;
  readonly redirectUri: string;
  readonly label: string | null;
  readonly expiresAt: number;
  readonly connectionId: string | null;
  readonly error: string | null;
}

function toPending(row: OAuthPendingTable): OAuthPending {
  return {
    state: row.state,
    app: row.app,
    baseUrl: row.base_url,
    redirectUri: row.redirect_uri,
    label: row.label,
    expiresAt: row.expires_at,
    connectionId: row.connection_id,
    error: row.error,
  };
}

export async function insertPending(
  db: Db,
  pending: Omit<OAuthPending, "connectionId" | "error">,
  now: number,
) {
  await db
    .insertInto("oauth_pending")
    .values({
      state: pending.state,
      app: pending.app,
      base_url: pending.baseUrl,
      redirect_uri: pending.redirectUri,
      label: pending.label,
      created_at: now,
      expires_at: pending.expiresAt,
      connection_id: null,
      error: null,
    })
    .execute();
}

export async function getPending(db: Db, state: string): Promise<OAuthPending | undefined> {
  const row = await db
    .selectFrom("oauth_pending")
    .selectAll()
    .where("state", "=", state)
    .executeTakeFirst();
  return row ? toPending(row) : undefined;
}

/**
 * Marks the flow finished, once: true only for the caller that moved it out of the open state,
 * so a replayed callback cannot exchange the same state twice.
 */
export async function claimPending(db: Db, state: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("oauth_pending")
    .set({ error: "in progress" })
    .where("state", "=", state)
    .where("connection_id", "is", null)
    .where("error", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishPending(
  db: Db,
  state: string,
  outcome: { connectionId: string } | { error: string },
): Promise<void> {
  await db
    .updateTable("oauth_pending")
    .set(
      "connectionId" in outcome
        ? { connection_id: outcome.connectionId, error: null }
        : { error: outcome.error },
    )
    .where("state", "=", state)
    .execute();
}
