/** One page of a cursor-paginated list, as the client reads it. */
export interface CursorPage<T> {
  readonly data: readonly T[];
  readonly pagination: { readonly cursor: string | null; readonly hasMore: boolean };
}

/**
 * A lazy `AsyncIterable` over every item of a cursor-paginated list. Nothing is fetched until
 * iteration starts; each `for await` starts again from the first page; breaking out early stops
 * fetching. Stops when `hasMore` is false or no cursor comes back (guards against a server that
 * says "more" without saying where).
 */
export function cursorPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
): AsyncIterable<T> {
  return {
    async *[Symbol.asyncIterator]() {
      let cursor: string | undefined;
      do {
        const page = await fetchPage(cursor);
        yield* page.data;
        cursor = page.pagination.hasMore ? (page.pagination.cursor ?? undefined) : undefined;
      } while (cursor !== undefined);
    },
  };
}

/**
 * Reads at most `limit` items from `items`. The limit is required so a full scan of a large
 * list is always a visible decision (`limit: Number.POSITIVE_INFINITY`), never an accident.
 */
export async function collect<T>(
  items: AsyncIterable<T>,
  options: { readonly limit: number },
): Promise<T[]> {
  if (!(options.limit >= 0)) throw new RangeError("collect: limit must be a number >= 0");
  const out: T[] = [];
  if (options.limit === 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= options.limit) break;
  }
  return out;
}
