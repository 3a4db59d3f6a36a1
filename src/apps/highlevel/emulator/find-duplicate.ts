import { toE164 } from "./phone.ts";
import type { Contact } from "./records.ts";

/** An existing contact that a new one would duplicate, and the field that matched. */
export interface DuplicateMatch {
  contact: Contact;
  matchingField: "email" | "phone";
}

/**
 * Finds a contact of the same location with the same email (case-insensitive) or, failing
 * that, the same phone in E.164. Used when the location disallows duplicates, which answers
 * 400 with `meta.contactId` (BEHAVIOUR.md "Errors").
 */
export function findDuplicate(
  candidates: readonly Contact[],
  email: string | undefined,
  phone: string | undefined,
  country?: string,
): DuplicateMatch | undefined {
  const wantedEmail = email?.trim().toLowerCase();
  if (wantedEmail) {
    const match = candidates.find((c) => c.email?.toLowerCase() === wantedEmail);
    if (match) return { contact: match, matchingField: "email" };
  }
  const wantedPhone = phone ? (toE164(phone, country) ?? phone) : undefined;
  if (wantedPhone) {
    const match = candidates.find(
      (c) => c.phone !== undefined && (toE164(c.phone, c.country) ?? c.phone) === wantedPhone,
    );
    if (match) return { contact: match, matchingField: "phone" };
  }
  return undefined;
}
