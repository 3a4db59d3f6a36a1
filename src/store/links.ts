import { newId } from "../lib/ids.ts";
import type { Db } from "./database.ts";
import type { LinksTable } from "./schema.ts";

export type LinkKind = "contact" | "note" | "task";

/** Identity-map row: this source item is (or is being copied to) that target item. */
export interface Link {
  readonly id: string;
  readonly kind: LinkKind;
  readonly sourceConnectionId: string;
  readonly sourceId: string;
  readonly targetConnectionId: string;
  readonly targetId: string | null;
  readonly subjectId: string;
  readonly state: "pending" | "done";
}

export interface LinkKey {
  readonly kind: LinkKind;
  readonly sourceConnectionId: string;
  readonly sourceId: string;
  readonly targetConnectionId: string;
}

function toLink(row: LinksTable): Link {
  return {
    id: row.id,
    kind: row.kind as LinkKind,
    sourceConnectionId: row.source_connection_id,
    sourceId: row.source_id,
    targetConnectionId: row.target_connection_id,
    targetId: row.target_id,
    subjectId: row.subject_id,
    state: row.state as "pending" | "done",
  };
}

export async function findLink(db: Db, key: LinkKey): Promise<Link | undefined> {
  const row = await db
    .selectFrom("links")
    .selectAll()
    .where("kind", "=", key.kind)
    .where("source_connection_id", "=", key.sourceConnectionId)
    .where("source_id", "=", key.sourceId)
    .where("target_connection_id", "=", key.targetConnectionId)
    .executeTakeFirst();
  return row ? toLink(row) : undefined;
}

/**
 * Claims the copy of one source item before it is made: inserts a pending link, or returns the
 * existing one. The unique key makes the claim race-free across workers.
 */
export async function claimLink(
  db: Db,
  key: LinkKey,
  subjectId: string,
  now: number,
): Promise<Link> {
  await db
    .insertInto("links")
    .values({
      id: newId("link"),
      kind: key.kind,
      source_connection_id: key.sourceConnectionId,
      source_id: key.sourceId,
      target_connection_id: key.targetConnectionId,
      target_id: null,
      subject_id: subjectId,
      state: "pending",
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(["kind", "source_connection_id", "source_id", "target_connection_id"]).doNothing(),
    )
    .execute();
  const link = await findLink(db, key);
  if (!link) throw new Error("link claim vanished");
  return link;
}

/** Marks a claimed copy as made, recording the target item's id. */
export async function confirmLink(
  db: Db,
  id: string,
  targetId: string,
  now: number,
): Promise<void> {
  await db
    .updateTable("links")
    .set({ target_id: targetId, state: "done", updated_at: now })
    .where("id", "=", id)
    .execute();
}

export async function listLinksBySubject(db: Db, subjectId: string): Promise<Link[]> {
  const rows = await db
    .selectFrom("links")
    .selectAll()
    .where("subject_id", "=", subjectId)
    .orderBy("created_at")
    .execute();
  return rows.map(toLink);
}
