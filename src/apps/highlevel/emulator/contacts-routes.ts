import { Hono } from "hono";
import { firebaseId } from "../../../lib/ids.ts";
import { loadContact } from "./contact-access.ts";
import { applyContactInput } from "./contact-input.ts";
import { contactView, createdContactView } from "./contact-views.ts";
import { findDuplicate } from "./find-duplicate.ts";
import { hlError, hlUnprocessable } from "./hl-errors.ts";
import { pageContacts } from "./list-contacts-page.ts";
import { operationGuard } from "./operation-guard.ts";
import type { Contact } from "./records.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import { isoNow, type RouteDeps } from "./route-deps.ts";
import { contactCreateEvent } from "./webhook-payloads.ts";

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/**
 * `GET /contacts/` (list, deprecated but live), `POST /contacts/` (create, 201 and a duplicate
 * check), `GET`/`PUT /contacts/:contactId` (update answers `succeded`, sic).
 */
export function contactsRoutes(deps: RouteDeps): Hono<EmulatorEnv> {
  const { state } = deps;
  const app = new Hono<EmulatorEnv>();

  app.get("/contacts/", operationGuard("get-contacts"), (c) => {
    const q = c.req.query();
    const limit = q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit);
    if (limit > MAX_LIMIT)
      return hlUnprocessable(c, [`limit must not be greater than ${MAX_LIMIT}`]);
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
  });

  app.post("/contacts/", operationGuard("create-contact"), (c) => {
    const body = c.get("body");
    const location = state.locations.get(c.get("grant").locationId);
    if (!location) return hlError(c, 400, "Location not found");
    const now = isoNow(deps);
    const blank: Contact = {
      id: firebaseId(),
      locationId: location.id,
      type: "lead",
      tags: [],
      customFields: [],
      dateAdded: now,
      dateUpdated: now,
    };
    const applied = applyContactInput(blank, body, now);
    if (!applied.ok) return hlUnprocessable(c, applied.error.messages);
    const contact = applied.value;
    if (!location.allowDuplicateContact) {
      const candidates = state.contacts.where("locationId", location.id);
      const dup = findDuplicate(candidates, contact.email, contact.phone, contact.country);
      if (dup) {
        return hlError(c, 400, "This location does not allow duplicated contacts.", {
          meta: {
            contactId: dup.contact.id,
            contactName: dup.contact.name ?? "",
            matchingField: dup.matchingField,
          },
        });
      }
    }
    state.contacts.put(contact);
    deps.webhooks.dispatch(contactCreateEvent(contact));
    return c.json({ contact: createdContactView(contact) }, 201);
  });

  app.get("/contacts/:contactId", operationGuard("get-contact"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    return c.json({ contact: contactView(contact) });
  });

  app.put("/contacts/:contactId", operationGuard("update-contact"), (c) => {
    const existing = loadContact(c, state, c.req.param("contactId"));
    if (existing instanceof Response) return existing;
    const applied = applyContactInput(existing, c.get("body"), isoNow(deps));
    if (!applied.ok) return hlUnprocessable(c, applied.error.messages);
    state.contacts.put(applied.value);
    return c.json({ succeded: true, contact: contactView(applied.value) });
  });

  return app;
}
