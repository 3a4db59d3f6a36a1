import type { Db } from "../../store/database.ts";
import { type InboxEvent, insertEvent, type NewInboxEvent } from "../../store/inbox.ts";
import { enqueueJob } from "../../store/jobs.ts";

/**
 * Stores an event in the inbox together with its dispatch job (one transaction). Returns the
 * new event, or undefined when the app's delivery id was seen before (a redelivery: no-op).
 */
export async function storeEvent(
  db: Db,
  event: NewInboxEvent,
  now: number,
): Promise<InboxEvent | undefined> {
  return db.transaction().execute(async (trx) => {
    const stored = await insertEvent(trx, event, now);
    if (stored && stored.status === "received") {
      await enqueueJob(trx, "dispatch", { eventId: stored.id }, now);
    }
    return stored;
  });
}
