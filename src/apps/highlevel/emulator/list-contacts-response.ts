import type { Context } from "hono";
import { contactView } from "./contact-views.ts";
import { hlUnprocessable } from "./hl-errors.ts";
import { pageContacts } from "./list-contacts-page.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import type { EmulatorState } from "./state.ts";

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/**
 * `GET /contacts/`: `{contacts, count, meta}` with the compound cursor `(startAfter,
 * startAfterId)` in `meta` (BEHAVIOUR.md "Shapes"; ContactsMetaSchema is defined, not attached).
 */
export function listContactsResponse(c: Context<EmulatorEnv>, state: EmulatorState): Response {
  const q = c.req.query();
  const limit = q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit);
  if (limit > MAX_LIMIT) return hlUnprocessable(c, [`limit must not be greater than ${MAX_LIMIT}`]);
  if (limit < 1) return hlUnprocessable(c, ["limit must not be less than 1"]);
  const locationId = c.get("grant").locationId;
  const page = pageContacts(state.contacts.where("locationId", locationId), {
    limit,
    ...(q.query === undefined ? {} : { query: q.query }),
    ...(q.startAfter === undefined ? {} : { startAfter: Number(q.startAfter) }),
    ...(q.startAfterId === undefined ? {} : { startAfterId: q.startAfterId }),
  });
  const last = page.contacts.at(-1);
  const currentPage = Math.floor(page.offset / limit) + 1;
  const cursor = last ? { startAfter: Date.parse(last.dateAdded), startAfterId: last.id } : null;
  // Like HighLevel's, nextPageUrl carries only locationId and the cursor: a client that follows
  // it loses `query` and `limit` (the spec example, ContactsMetaSchema.nextPageUrl).
  const next = new URL(c.req.url);
  next.search = "";
  if (cursor) {
    next.searchParams.set("locationId", locationId);
    next.searchParams.set("startAfter", String(cursor.startAfter));
    next.searchParams.set("startAfterId", cursor.startAfterId);
  }
  return c.json({
    contacts: page.contacts.map(contactView),
    count: page.total,
    meta: {
      total: page.total,
      nextPageUrl: page.hasMore ? next.toString() : null,
      startAfterId: cursor?.startAfterId ?? null,
      startAfter: cursor?.startAfter ?? null,
      currentPage,
      nextPage: page.hasMore ? currentPage + 1 : null,
      prevPage: currentPage > 1 ? currentPage - 1 : null,
    },
  });
}
