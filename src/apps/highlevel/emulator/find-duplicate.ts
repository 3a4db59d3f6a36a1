import { toE164 } from "./phone.ts";
import type { Contact, Location, MatchField } from "./records.ts";

/** An existing contact that a new one would duplicate, and the field that matched. */
export interface DuplicateMatch {
  contact: Contact;
  matchingField: MatchField;
}

/** The location's duplicate-check priority; HighLevel's default checks email first. */
export function matchOrder(location: Location | undefined): MatchField[] {
  return location?.duplicateCheckOrder ?? ["email", "phone"];
}

function matches(field: MatchField, wanted: { email?: string; phone?: string; country?: string }) {
  if (field === "email") {
    const email = wanted.email?.trim().toLowerCase();
    return email ? (c: Contact) => c.email?.toLowerCase() === email : undefined;
  }
  const phone = wanted.phone ? (toE164(wanted.phone, wanted.country) ?? wanted.phone) : undefined;
  return phone
    ? (c: Contact) => c.phone !== undefined && (toE164(c.phone, c.country) ?? c.phone) === phone
    : undefined;
}

/**
 * Finds a contact of the same location with the same email (case-insensitive) or phone (E.164),
 * trying the fields in `order`; the first field that matches wins and the other is ignored, as
 * the upsert and duplicate-lookup descriptions in contacts.json say. Used for the
 * duplicate-create 400 with `meta.contactId` (BEHAVIOUR.md "Errors"), upsert and lookup.
 */
export function findDuplicate(
  candidates: readonly Contact[],
  wanted: { email?: string | undefined; phone?: string | undefined; country?: string | undefined },
  order: readonly MatchField[] = ["email", "phone"],
): DuplicateMatch | undefined {
  const clean = Object.fromEntries(
    Object.entries(wanted).filter(([, v]) => typeof v === "string" && v !== ""),
  ) as { email?: string; phone?: string; country?: string };
  for (const field of order) {
    const test = matches(field, clean);
    const contact = test ? candidates.find(test) : undefined;
    if (contact) return { contact, matchingField: field };
  }
  return undefined;
}
