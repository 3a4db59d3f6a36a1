import type { Context } from "hono";
import { hlError, MESSAGES } from "./hl-errors.ts";
import type { Contact } from "./records.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import type { EmulatorState } from "./state.ts";

/**
 * Resolves `:contactId` for a contact-scoped path. Such paths carry no `locationId`: the token
 * decides the location (BEHAVIOUR.md "Requests"). Unknown ids answer **400** naming the id, not
 * 404; a contact of another location answers 403.
 */
export function loadContact(
  c: Context<EmulatorEnv>,
  state: EmulatorState,
  contactId: string,
): Contact | Response {
  const contact = state.contacts.get(contactId);
  if (!contact) return hlError(c, 400, `Contact with id ${contactId} not found`);
  if (contact.locationId !== c.get("grant").locationId) return hlError(c, 403, MESSAGES.location);
  return contact;
}
