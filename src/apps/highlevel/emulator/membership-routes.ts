import type { Context } from "hono";
import { Hono } from "hono";
import { loadContact } from "./contact-access.ts";
import { operationGuard } from "./operation-guard.ts";
import type { Contact } from "./records.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import { isoNow, type RouteDeps } from "./route-deps.ts";

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * What a contact belongs to: followers (201/200 with the full list and what changed),
 * campaigns (add 201, remove and removeAll 200, `succeded`) and workflows (add/remove 200,
 * `succeded`; DELETE takes a JSON body, BEHAVIOUR.md). `removeAll` is registered before
 * `:campaignId` so the literal path wins.
 */
export function membershipRoutes(deps: RouteDeps): Hono<EmulatorEnv> {
  const { state } = deps;
  const app = new Hono<EmulatorEnv>();
  const withContact =
    (
      status: 200 | 201,
      change: (c: Context<EmulatorEnv>, contact: Contact) => { next: Contact; body: object },
    ) =>
    (c: Context<EmulatorEnv>) => {
      const contact = loadContact(c, state, c.req.param("contactId") ?? "");
      if (contact instanceof Response) return contact;
      const { next, body } = change(c, contact);
      state.contacts.put({ ...next, dateUpdated: isoNow(deps) });
      return c.json(body, status);
    };

  app.post(
    "/contacts/:contactId/followers",
    operationGuard("add-followers-contact"),
    withContact(201, (c, contact) => {
      const before = contact.followers ?? [];
      const followersAdded = strings(c.get("body").followers).filter((f) => !before.includes(f));
      const followers = [...before, ...new Set(followersAdded)];
      return { next: { ...contact, followers }, body: { followers, followersAdded } };
    }),
  );
  app.delete(
    "/contacts/:contactId/followers",
    operationGuard("remove-followers-contact"),
    withContact(200, (c, contact) => {
      const before = contact.followers ?? [];
      const drop = new Set(strings(c.get("body").followers));
      const followers = before.filter((f) => !drop.has(f));
      const followersRemoved = before.filter((f) => drop.has(f));
      return { next: { ...contact, followers }, body: { followers, followersRemoved } };
    }),
  );
  app.post(
    "/contacts/:contactId/campaigns/:campaignId",
    operationGuard("add-contact-to-campaign"),
    withContact(201, (c, contact) => {
      const campaigns = [
        ...new Set([...(contact.campaigns ?? []), c.req.param("campaignId") ?? ""]),
      ];
      return { next: { ...contact, campaigns }, body: { succeded: true } };
    }),
  );
  app.delete(
    "/contacts/:contactId/campaigns/removeAll",
    operationGuard("remove-contact-from-every-campaign"),
    withContact(200, (_c, contact) => ({
      next: { ...contact, campaigns: [] },
      body: { succeded: true },
    })),
  );
  app.delete(
    "/contacts/:contactId/campaigns/:campaignId",
    operationGuard("remove-contact-from-campaign"),
    withContact(200, (c, contact) => {
      const campaigns = (contact.campaigns ?? []).filter((id) => id !== c.req.param("campaignId"));
      return { next: { ...contact, campaigns }, body: { succeded: true } };
    }),
  );
  app.post(
    "/contacts/:contactId/workflow/:workflowId",
    operationGuard("add-contact-to-workflow"),
    withContact(200, (c, contact) => {
      const id = c.req.param("workflowId") ?? "";
      const start = c.get("body").eventStartTime;
      const entry = { id, ...(typeof start === "string" ? { eventStartTime: start } : {}) };
      const workflows = [...(contact.workflows ?? []).filter((w) => w.id !== id), entry];
      return { next: { ...contact, workflows }, body: { succeded: true } };
    }),
  );
  app.delete(
    "/contacts/:contactId/workflow/:workflowId",
    operationGuard("delete-contact-from-workflow"),
    withContact(200, (c, contact) => {
      const workflows = (contact.workflows ?? []).filter((w) => w.id !== c.req.param("workflowId"));
      return { next: { ...contact, workflows }, body: { succeded: true } };
    }),
  );

  return app;
}
