import { Hono } from "hono";
import { contactView } from "./contact-views.ts";
import { hlUnprocessable } from "./hl-errors.ts";
import { matchesQuery } from "./list-contacts-page.ts";
import { operationGuard } from "./operation-guard.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import { isoNow, type RouteDeps } from "./route-deps.ts";

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

/**
 * Contacts of a business: `GET /contacts/business/:businessId` pages with `skip`/`limit`
 * (`{contacts, count}`), and `POST /contacts/bulk/business` sets or (with `businessId: null`)
 * clears the business of many contacts (`{success, ids}` with the ids it changed).
 */
export function businessRoutes(deps: RouteDeps): Hono<EmulatorEnv> {
  const { state } = deps;
  const app = new Hono<EmulatorEnv>();

  app.get("/contacts/business/:businessId", operationGuard("get-contacts-by-businessId"), (c) => {
    const q = c.req.query();
    const limit = q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit);
    const skip = q.skip === undefined ? 0 : Number(q.skip);
    const messages: string[] = [];
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      messages.push(`limit must be an integer between 1 and ${MAX_LIMIT}`);
    }
    if (!Number.isInteger(skip) || skip < 0) messages.push("skip must not be less than 0");
    if (messages.length > 0) return hlUnprocessable(c, messages);
    const businessId = c.req.param("businessId");
    const query = q.query?.trim();
    const matches = state.contacts
      .where("locationId", c.get("grant").locationId)
      .filter((contact) => contact.businessId === businessId)
      .filter((contact) => (query ? matchesQuery(contact, query) : true));
    return c.json({
      contacts: matches.slice(skip, skip + limit).map(contactView),
      count: matches.length,
    });
  });

  app.post("/contacts/bulk/business", operationGuard("add-remove-contact-from-business"), (c) => {
    const body = c.get("body");
    const ids = Array.isArray(body.ids)
      ? body.ids.filter((id): id is string => typeof id === "string")
      : [];
    const businessId = typeof body.businessId === "string" ? body.businessId : null;
    const locationId = c.get("grant").locationId;
    const changed: string[] = [];
    for (const id of ids) {
      const contact = state.contacts.get(id);
      if (!contact || contact.locationId !== locationId) continue;
      const { businessId: _old, ...rest } = contact;
      state.contacts.put({
        ...rest,
        ...(businessId === null ? {} : { businessId }),
        dateUpdated: isoNow(deps),
      });
      changed.push(id);
    }
    return c.json({ success: true, ids: changed });
  });

  return app;
}
