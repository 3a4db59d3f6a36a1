import type { Contact } from "./records.ts";
import type { RouteDeps } from "./route-deps.ts";
import { type ContactEventType, contactEvent } from "./webhook-payloads.ts";

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/**
 * Sends the events a contact change causes: `ContactUpdate` for an update through PUT/upsert
 * (`fieldUpdate`), plus `ContactTagUpdate` when the tags changed and `ContactDndUpdate` when
 * `dnd` or `dndSettings` changed.
 */
export function emitContactChange(
  deps: RouteDeps,
  before: Contact,
  after: Contact,
  options: { fieldUpdate: boolean },
): void {
  const types: ContactEventType[] = options.fieldUpdate ? ["ContactUpdate"] : [];
  if (!sameTags(before.tags, after.tags)) types.push("ContactTagUpdate");
  const dndChanged =
    before.dnd !== after.dnd ||
    JSON.stringify(before.dndSettings ?? null) !== JSON.stringify(after.dndSettings ?? null);
  if (dndChanged) types.push("ContactDndUpdate");
  for (const type of types) deps.webhooks.dispatch(contactEvent(type, after));
}
