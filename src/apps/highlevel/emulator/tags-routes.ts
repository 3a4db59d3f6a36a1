import { Hono } from "hono";
import { loadContact } from "./contact-access.ts";
import { emitContactChange } from "./contact-events.ts";
import { hlError } from "./hl-errors.ts";
import { operationGuard } from "./operation-guard.ts";
import type { Contact } from "./records.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import { isoNow, type RouteDeps } from "./route-deps.ts";

const FIREBASE_ID = /^[A-Za-z0-9]{20}$/;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * Tag endpoints, which (unlike `tags` in create/update) add to or remove from the list:
 * `POST`/`DELETE /contacts/:id/tags` (201/200 `{tags}` with the resulting list) and
 * `POST /contacts/bulk/tags/update/:type` (`add` | `remove`, 201 with one response per contact;
 * the spec declares those as strings but its example, followed here, shows objects).
 */
export function tagsRoutes(deps: RouteDeps): Hono<EmulatorEnv> {
  const { state } = deps;
  const app = new Hono<EmulatorEnv>();
  const save = (before: Contact, tags: string[]) => {
    const after = { ...before, tags, dateUpdated: isoNow(deps) };
    state.contacts.put(after);
    emitContactChange(deps, before, after, { fieldUpdate: false });
    return after;
  };

  app.post("/contacts/:contactId/tags", operationGuard("add-tags"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    const tags = [...new Set([...contact.tags, ...strings(c.get("body").tags)])];
    return c.json({ tags: save(contact, tags).tags }, 201);
  });

  app.delete("/contacts/:contactId/tags", operationGuard("remove-tags"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    const drop = new Set(strings(c.get("body").tags));
    return c.json({
      tags: save(
        contact,
        contact.tags.filter((t) => !drop.has(t)),
      ).tags,
    });
  });

  app.post("/contacts/bulk/tags/update/:type", operationGuard("create-association"), (c) => {
    const type = c.req.param("type");
    if (type !== "add" && type !== "remove") return hlError(c, 400, `type must be add or remove`);
    const body = c.get("body");
    const tags = strings(body.tags);
    const locationId = c.get("grant").locationId;
    const responses = strings(body.contacts).map((contactId) => {
      if (!FIREBASE_ID.test(contactId)) {
        return { contactId, message: "contact id is not a valid firebase id", type: "error" };
      }
      const contact = state.contacts.get(contactId);
      if (!contact) return { contactId, message: "contact is deleted", type: "error" };
      if (contact.locationId !== locationId) {
        return { contactId, message: "contact does not belong to location", type: "error" };
      }
      const next =
        type === "add"
          ? [...new Set([...contact.tags, ...tags])]
          : body.removeAllTags === true
            ? []
            : contact.tags.filter((t) => !tags.includes(t));
      const after = save(contact, next);
      return {
        contactId,
        message: "Tags updated",
        type: "success",
        oldTags: contact.tags,
        tagsAdded: after.tags.filter((t) => !contact.tags.includes(t)),
        tagsRemoved: contact.tags.filter((t) => !after.tags.includes(t)),
      };
    });
    const errorCount = responses.filter((r) => r.type === "error").length;
    return c.json({ succeded: errorCount === 0, errorCount, responses }, 201);
  });

  return app;
}
