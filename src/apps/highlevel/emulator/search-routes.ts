import { Hono } from "hono";
import { contactView, searchContactView } from "./contact-views.ts";
import { findDuplicate, matchOrder } from "./find-duplicate.ts";
import { hlUnprocessable } from "./hl-errors.ts";
import { matchesQuery } from "./list-contacts-page.ts";
import { operationGuard } from "./operation-guard.ts";
import type { Contact } from "./records.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import type { RouteDeps } from "./route-deps.ts";
import { parseSearchBody, type SearchBody } from "./search-body.ts";
import { fieldValue, matchesFilters } from "./search-filters.ts";

type SortKey = [number | string, string];

function sortKey(contact: Contact, field: string): SortKey {
  const value = fieldValue(contact, field);
  return [typeof value === "number" ? value : String(value ?? ""), contact.id];
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** Runs a validated search: filter, sort (default `dateAdded` desc, ties by id), then page. */
function runSearch(all: readonly Contact[], body: SearchBody) {
  const sort = body.sort[0] ?? { field: "dateAdded", direction: "desc" as const };
  const sign = sort.direction === "asc" ? 1 : -1;
  const query = body.query;
  const rows = all
    .filter((c) => (query ? matchesQuery(c, query) : true) && matchesFilters(c, body.filters))
    .map((contact) => ({ contact, key: sortKey(contact, sort.field) }))
    .sort((a, b) => sign * compareKeys(a.key, b.key));
  let start = ((body.page ?? 1) - 1) * body.pageLimit;
  const after = body.searchAfter;
  if (after) {
    const index = rows.findIndex((r) => sign * compareKeys(r.key, after) > 0);
    start = index < 0 ? rows.length : index;
  }
  return { total: rows.length, page: rows.slice(start, start + body.pageLimit) };
}

/**
 * `POST /contacts/search` (body per BEHAVIOUR.md, `{contacts, total}` with `searchAfter` on each
 * contact) and `GET /contacts/search/duplicate` (`{contact}` or `{contact: null}`, matched in
 * the location's duplicate priority).
 */
export function searchRoutes(deps: RouteDeps): Hono<EmulatorEnv> {
  const { state } = deps;
  const app = new Hono<EmulatorEnv>();

  app.post(
    "/contacts/search",
    operationGuard("search-contacts-advanced", { checkBodyShape: false }),
    (c) => {
      const parsed = parseSearchBody(c.get("body"));
      if (!parsed.ok) return hlUnprocessable(c, parsed.error.messages);
      const result = runSearch(
        state.contacts.where("locationId", c.get("grant").locationId),
        parsed.value,
      );
      return c.json({
        contacts: result.page.map((r) => searchContactView(r.contact, r.key)),
        total: result.total,
      });
    },
  );

  app.get("/contacts/search/duplicate", operationGuard("get-duplicate-contact"), (c) => {
    const q = c.req.query();
    const location = state.locations.get(c.get("grant").locationId);
    const match = findDuplicate(
      state.contacts.where("locationId", c.get("grant").locationId),
      { email: q.email, phone: q.number },
      matchOrder(location),
    );
    return c.json({ contact: match ? contactView(match.contact) : null });
  });

  return app;
}
