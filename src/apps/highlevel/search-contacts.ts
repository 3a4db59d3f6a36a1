import type { Transport } from "../../http/transport.ts";
import type { SearchContactsOptions } from "./inputs.ts";
import { type SearchContact, searchResponseSchema } from "./schemas.ts";

/** Page-based search reaches this many rows; past it, only `searchAfter` continues (BEHAVIOUR.md). */
export const MAX_PAGED_SEARCH_ROWS = 10_000;
/** HighLevel's maximum `pageLimit`. */
export const MAX_SEARCH_PAGE_LIMIT = 500;

/**
 * Iterates every match of `POST /contacts/search`. Pages with `page`/`pageLimit` while the next
 * page stays within the first 10,000 rows, then continues with `searchAfter` taken from the last
 * contact of the previous page and sent without `page`. Every request repeats the caller's
 * `locationId`, `query`, `filters` and `sort`. Stops on a short page or once `total` is reached.
 */
export async function* paginateSearch(
  transport: Transport,
  options: SearchContactsOptions,
): AsyncGenerator<SearchContact, void, undefined> {
  const pageLimit = Math.min(
    Math.max(1, Math.floor(options.pageLimit ?? 100)),
    MAX_SEARCH_PAGE_LIMIT,
  );
  const base = {
    locationId: options.locationId,
    pageLimit,
    ...(options.query === undefined ? {} : { query: options.query }),
    ...(options.filters === undefined ? {} : { filters: options.filters }),
    ...(options.sort === undefined ? {} : { sort: options.sort }),
  };
  let page = 1;
  let searchAfter: readonly (string | number)[] | undefined;
  let seen = 0;
  for (;;) {
    const body = searchAfter ? { ...base, searchAfter } : { ...base, page };
    const result = await transport.request(
      { method: "POST", path: "/contacts/search", body },
      searchResponseSchema,
    );
    yield* result.contacts;
    seen += result.contacts.length;
    if (result.contacts.length < pageLimit || seen >= result.total) return;
    if (!searchAfter && (page + 1) * pageLimit <= MAX_PAGED_SEARCH_ROWS) {
      page += 1;
      continue;
    }
    const cursor = result.contacts.at(-1)?.searchAfter;
    if (!cursor) return;
    searchAfter = cursor;
  }
}
