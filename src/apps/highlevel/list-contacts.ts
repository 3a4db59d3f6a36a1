import type { Transport } from "../../http/transport.ts";
import type { ListContactsOptions } from "./inputs.ts";
import { type Contact, contactsPageSchema } from "./schemas.ts";

/** HighLevel's maximum `limit` for `GET /contacts/`. */
export const MAX_PAGE_SIZE = 100;

/**
 * Iterates every contact of `GET /contacts/`, one page per request. Each request is built from
 * the caller's `locationId`, `query` and page size plus the cursor from `meta`
 * (`startAfter`, `startAfterId`), never from `meta.nextPageUrl`, which drops the filter
 * (ContactsMetaSchema example). Stops on an empty page, a missing or repeated cursor, or a
 * null `nextPageUrl`.
 */
export async function* paginateContacts(
  transport: Transport,
  options: ListContactsOptions,
): AsyncGenerator<Contact, void, undefined> {
  const limit = Math.min(Math.max(1, Math.floor(options.pageSize ?? MAX_PAGE_SIZE)), MAX_PAGE_SIZE);
  let cursor: { startAfter: number; startAfterId: string } | undefined;
  for (;;) {
    const page = await transport.request(
      {
        method: "GET",
        path: "/contacts/",
        query: {
          locationId: options.locationId,
          query: options.query,
          limit,
          startAfter: cursor?.startAfter,
          startAfterId: cursor?.startAfterId,
        },
      },
      contactsPageSchema,
    );
    yield* page.contacts;
    const meta = page.meta;
    if (page.contacts.length === 0 || !meta || meta.nextPageUrl === null) return;
    if (typeof meta.startAfter !== "number" || typeof meta.startAfterId !== "string") return;
    if (cursor?.startAfterId === meta.startAfterId && cursor.startAfter === meta.startAfter) return;
    cursor = { startAfter: meta.startAfter, startAfterId: meta.startAfterId };
  }
}

/**
 * Collects at most `limit` items of an async iterable; the limit is required so a large
 * location cannot be read into memory by accident.
 */
export async function collect<T>(items: AsyncIterable<T>, limit: number): Promise<T[]> {
  const out: T[] = [];
  if (limit <= 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}
