import type { BreakcoldClient } from "../../../apps/breakcold/client.ts";
import { readEmails, readPhones } from "../../../apps/breakcold/field-values.ts";
import type { BreakcoldRecord } from "../../../apps/breakcold/schemas.ts";
import { normalizeEmail, normalizePhone } from "../../../lib/normalize.ts";

export type PersonMatch =
  | { readonly by: "email"; readonly record: BreakcoldRecord }
  | { readonly by: "phone"; readonly record: BreakcoldRecord };

/** Records a search may return before matching gives up (search is a substring match). */
const SEARCH_LIMIT = 200;

async function firstMatching(
  breakcold: BreakcoldClient,
  workspaceId: string,
  search: string,
  matches: (record: BreakcoldRecord) => boolean,
): Promise<BreakcoldRecord | undefined> {
  let seen = 0;
  for await (const record of breakcold.listRecords({
    workspaceId,
    objectTypeSlug: "person",
    search,
  })) {
    if (matches(record)) return record;
    if (++seen >= SEARCH_LIMIT) break;
  }
  return undefined;
}

/**
 * Finds the Breakcold person for a contact: first by normalised email, then by E.164 phone.
 * Breakcold's `search` narrows the list; the match itself compares normalised values, so
 * "JohnDeo@Gmail.com" matches "johndeo@gmail.com" and "+1 415-555-2671" matches "+14155552671".
 */
export async function findPerson(
  breakcold: BreakcoldClient,
  workspaceId: string,
  contact: {
    email?: string | null | undefined;
    phone?: string | null | undefined;
    country?: string | null | undefined;
  },
): Promise<PersonMatch | undefined> {
  const email = normalizeEmail(contact.email);
  if (email) {
    const record = await firstMatching(breakcold, workspaceId, email, (r) =>
      readEmails(r).some((value) => normalizeEmail(value) === email),
    );
    if (record) return { by: "email", record };
  }
  const country = contact.country ?? undefined;
  const phone = normalizePhone(contact.phone, country);
  if (phone) {
    const samePhone = (r: BreakcoldRecord) =>
      readPhones(r).some((value) => normalizePhone(value, country) === phone);
    // Stored phones may be formatted differently; the last 7 digits appear in any format.
    for (const search of [phone, phone.slice(-7)]) {
      const record = await firstMatching(breakcold, workspaceId, search, samePhone);
      if (record) return { by: "phone", record };
    }
  }
  return undefined;
}
