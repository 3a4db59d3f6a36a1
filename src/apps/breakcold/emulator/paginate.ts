import { ApiError } from "./api-error.ts";

/** A page in Breakcold's list shape. */
export interface Page<T> {
  data: T[];
  pagination: { cursor: string | null; hasMore: boolean };
}

/**
 * Cursor pagination over `all` (a list in stable insertion order) keeping items that pass
 * `keep`. The cursor is opaque to clients: base64url of the last returned item's id. Positions
 * are looked up in the unfiltered list, so archiving or completing an item between pages never
 * invalidates a cursor (Breakcold archives rather than deletes). An unknown cursor is a 400.
 */
export function paginate<T extends { id: string }>(
  all: readonly T[],
  keep: (item: T) => boolean,
  limit: number,
  cursor: string | undefined,
): Page<T> {
  let start = 0;
  if (cursor !== undefined) {
    const afterId = decodeCursor(cursor);
    const index = all.findIndex((item) => item.id === afterId);
    if (index === -1) throw new ApiError("invalid_request", "cursor: unknown or expired cursor");
    start = index + 1;
  }
  const data: T[] = [];
  let hasMore = false;
  for (let i = start; i < all.length; i++) {
    const item = all[i] as T;
    if (!keep(item)) continue;
    if (data.length === limit) {
      hasMore = true;
      break;
    }
    data.push(item);
  }
  const last = data.at(-1);
  return { data, pagination: { cursor: hasMore && last ? encodeCursor(last.id) : null, hasMore } };
}

function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ after: id })).toString("base64url");
}

function decodeCursor(cursor: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof parsed === "object" && parsed !== null && "after" in parsed) {
      const after = (parsed as { after: unknown }).after;
      if (typeof after === "string") return after;
    }
  } catch {
    // Falls through to the 400 below: a cursor that is not ours is a client error.
  }
  throw new ApiError("invalid_request", "cursor: malformed cursor");
}

/** Maps a page's items, keeping its pagination. */
export function mapPage<T, U>(page: Page<T>, fn: (item: T) => U): Page<U> {
  return { data: page.data.map(fn), pagination: page.pagination };
}
