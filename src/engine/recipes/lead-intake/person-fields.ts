import { toFieldInput } from "../../../apps/breakcold/field-values.ts";
import type { FieldDefinition } from "../../../apps/breakcold/schemas.ts";
import type { Contact } from "../../../apps/highlevel/schemas.ts";
import { normalizeEmail, normalizePhone } from "../../../lib/normalize.ts";

/**
 * Which HighLevel contact property fills which Breakcold person field (by slug). Slugs missing
 * from the workspace's field definitions are skipped, never sent: Breakcold rejects unknown
 * slugs with 400.
 */
const PERSON_FIELD_SOURCES: ReadonlyArray<readonly [slug: string, read: (c: Contact) => unknown]> =
  [
    ["first_name", (c) => c.firstName],
    ["last_name", (c) => c.lastName],
    ["email", (c) => normalizeEmail(c.email)],
    ["phone", (c) => normalizePhone(c.phone, c.country ?? undefined) ?? c.phone],
    ["company", (c) => c.companyName],
    ["city", (c) => c.city],
    ["website", (c) => c.website],
  ];

/** Breakcold `fields` input for a new person made from a HighLevel contact. */
export function personFieldsFromContact(
  contact: Contact,
  definitions: readonly FieldDefinition[],
): Record<string, unknown> {
  const bySlug = new Map(definitions.map((definition) => [definition.slug, definition]));
  const fields: Record<string, unknown> = {};
  for (const [slug, read] of PERSON_FIELD_SOURCES) {
    const definition = bySlug.get(slug);
    const value = read(contact);
    if (!definition || value === undefined || value === null || value === "") continue;
    fields[slug] = toFieldInput(definition, value);
  }
  return fields;
}
