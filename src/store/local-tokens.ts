import { sha256Hex } from "../lib/hash.ts";
import { newId } from "../lib/ids.ts";
import type { Db } from "./database.ts";

export type LocalTokenKind = "cli" | "admin";

/** Stores the hash of a local API token (never the token). */
export async function addLocalToken(
  db: Db,
  kind: LocalTokenKind,
  token: string,
  now: number,
): Promise<void> {
  await db
    .insertInto("local_tokens")
    .values({ id: newId("tok"), kind, token_hash: sha256Hex(token), created_at: now })
    .onConflict((oc) => oc.column("token_hash").doNothing())
    .execute();
}

/** The kind of a presented token, or undefined when it matches no stored hash. */
export async function checkLocalToken(db: Db, token: string): Promise<LocalTokenKind | undefined> {
  const row = await db
    .selectFrom("local_tokens")
    .select("kind")
    .where("token_hash", "=", sha256Hex(token))
    .executeTakeFirst();
  return row?.kind as LocalTokenKind | undefined;
}

/** Drops every token of `kind` (the CLI token is replaced at each start). */
export async function removeLocalTokens(db: Db, kind: LocalTokenKind): Promise<void> {
  await db.deleteFrom("local_tokens").where("kind", "=", kind).execute();
}

/** Whether any token of `kind` is stored. */
export async function hasLocalToken(db: Db, kind: LocalTokenKind): Promise<boolean> {
  const row = await db
    .selectFrom("local_tokens")
    .select("id")
    .where("kind", "=", kind)
    .executeTakeFirst();
  return row !== undefined;
}
