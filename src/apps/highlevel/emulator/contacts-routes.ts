import { Hono } from "hono";
import { firebaseId } from "../../../lib/ids.ts";
import { loadContact } from "./contact-access.ts";
import { emitContactChange } from "./contact-events.ts";
import { applyContactInput } from "./contact-input.ts";
import { contactView, createdContactView } from "./contact-views.ts";
import { findDuplicate, matchOrder } from "./find-duplicate.ts";
import { hlError, hlUnprocessable } from "./hl-errors.ts";
import { listContactsResponse } from "./list-contacts-response.ts";
import { operationGuard } from "./operation-guard.ts";
import type { Contact, Location } from "./records.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import { isoNow, type RouteDeps } from "./route-deps.ts";
import { contactEvent } from "./webhook-payloads.ts";

function blankContact(location: Location, now: string): Contact {
  return {
    id: firebaseId(),
    locationId: location.id,
    type: "lead",
    tags: [],
    customFields: [],
    dateAdded: now,
    dateUpdated: now,
  };
}

/**
 * `GET /contacts/` (list, deprecated but live), `POST /contacts/` (create, 201 and the duplicate
 * rule), `POST /contacts/upsert` (200 `{new, contact, traceId}`, matched in the location's
 * duplicate priority), `GET`/`PUT`/`DELETE /contacts/:contactId` (`succeded`, sic).
 */
export function contactsRoutes(deps: RouteDeps): Hono<EmulatorEnv> {
  const { state } = deps;
  const app = new Hono<EmulatorEnv>();

  app.get("/contacts/", operationGuard("get-contacts"), (c) => listContactsResponse(c, state));

  app.post("/contacts/", operationGuard("create-contact"), (c) => {
    const location = state.locations.get(c.get("grant").locationId);
    if (!location) return hlError(c, 400, "Location not found");
    const now = isoNow(deps);
    const applied = applyContactInput(blankContact(location, now), c.get("body"), now);
    if (!applied.ok) return hlUnprocessable(c, applied.error.messages);
    const contact = applied.value;
    if (!location.allowDuplicateContact) {
      const candidates = state.contacts.where("locationId", location.id);
      const dup = findDuplicate(candidates, contact, matchOrder(location));
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
    deps.webhooks.dispatch(contactEvent("ContactCreate", contact));
    return c.json({ contact: createdContactView(contact) }, 201);
  });

  app.post("/contacts/upsert", operationGuard("upsert-contact"), (c) => {
    const body = c.get("body");
    const location = state.locations.get(c.get("grant").locationId);
    if (!location) return hlError(c, 400, "Location not found");
    const now = isoNow(deps);
    const forceNew = location.allowDuplicateContact && body.createNewIfDuplicateAllowed === true;
    const wanted = {
      email: typeof body.email === "string" ? body.email : undefined,
      phone: typeof body.phone === "string" ? body.phone : undefined,
      country: typeof body.country === "string" ? body.country : undefined,
    };
    const match = forceNew
      ? undefined
      : findDuplicate(
          state.contacts.where("locationId", location.id),
          wanted,
          matchOrder(location),
        );
    const base = match?.contact ?? blankContact(location, now);
    const applied = applyContactInput(base, body, now);
    if (!applied.ok) return hlUnprocessable(c, applied.error.messages);
    state.contacts.put(applied.value);
    if (match) emitContactChange(deps, base, applied.value, { fieldUpdate: true });
    else deps.webhooks.dispatch(contactEvent("ContactCreate", applied.value));
    return c.json({
      new: !match,
      contact: contactView(applied.value),
      traceId: crypto.randomUUID(),
    });
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
    emitContactChange(deps, existing, applied.value, { fieldUpdate: true });
    return c.json({ succeded: true, contact: contactView(applied.value) });
  });

  app.delete("/contacts/:contactId", operationGuard("delete-contact"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    state.docs.transaction(() => {
      state.contacts.delete(contact.id);
      for (const note of state.notes.where("contactId", contact.id)) state.notes.delete(note.id);
      for (const task of state.tasks.where("contactId", contact.id)) state.tasks.delete(task.id);
    });
    deps.webhooks.dispatch(contactEvent("ContactDelete", contact));
    return c.json({ succeded: true });
  });

  return app;
}
