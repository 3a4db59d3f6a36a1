import { newId } from "../lib/ids.ts";
import type { Db } from "./database.ts";
import type { InboxEventsTable } from "./schema.ts";

export type InboxStatus = "received" | "dispatched" | "unroutable";

/** An event as stored once in the inbox before anything acts on it. */
export interface InboxEvent {
  readonly id: string;
  readonly app: string;
  readonly connectionId: string | null;
  readonly deliveryId: string;
  readonly type: string;
  readonly accountId: string | null;
  readonly status: InboxStatus;
  readonly payload: Record<string, unknown>;
  readonly signatureScheme: string | null;
  readonly eventTime: string | null;
  readonly receivedAt: number;
}

export type NewInboxEvent = Omit<InboxEvent, "id" | "receivedAt">;

function toEvent(row: InboxEventsTable): InboxEvent {
  return {
    id: row.id,
    app: row.app,
    connectionId: row.connection_id,
    deliveryId: row.delivery_id,
    type: row.type,
    accountId: row.account_id,
    status: row.status as InboxStatus,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    signatureScheme: row.signature_scheme,
    eventTime: row.event_time,
    receivedAt: row.received_at,
  };
}

/**
 * Stores the event unless one with the same app and delivery id is already there.
 * Returns the new event, or `undefined` for a re-delivery (a no-op).
 */
export async function insertEvent(
  db: Db,
  input: NewInboxEvent,
  now: number,
): Promise<InboxEvent | undefined> {
  const row: InboxEventsTable = {
    id: newId("evt"),
    app: input.app,
    connection_id: input.connectionId,
    delivery_id: input.deliveryId,
    type: input.type,
    account_id: input.accountId,
    status: input.status,
    payload: JSON.stringify(input.payload),
    signature_scheme: input.signatureScheme,
    event_time: input.eventTime,
    received_at: now,
  };
  const result = await db
    .insertInto("inbox_events")
    .values(row)
    .onConflict((oc) => oc.columns(["app", "delivery_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1 ? toEvent(row) : undefined;
}

export async function getEvent(db: Db, id: string): Promise<InboxEvent | undefined> {
  const row = await db
    .selectFrom("inbox_events")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toEvent(row) : undefined;
}

export async function setEventStatus(db: Db, id: string, status: InboxStatus): Promise<void> {
  await db.updateTable("inbox_events").set({ status }).where("id", "=", id).execute();
}

export interface EventFilter {
  readonly app?: string;
  readonly status?: InboxStatus;
  readonly limit: number;
}

/** Newest first. */
export async function listEvents(db: Db, filter: EventFilter): Promise<InboxEvent[]> {
  let query = db.selectFrom("inbox_events").selectAll();
  if (filter.app) query = query.where("app", "=", filter.app);
  if (filter.status) query = query.where("status", "=", filter.status);
  const rows = await query
    .orderBy("received_at", "desc")
    .orderBy("id")
    .limit(filter.limit)
    .execute();
  return rows.map(toEvent);
}
