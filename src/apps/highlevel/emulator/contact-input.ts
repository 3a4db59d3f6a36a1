import { err, ok, type Result } from "../../../lib/result.ts";
import { normaliseDateOfBirth } from "./date-of-birth.ts";
import { toE164 } from "./phone.ts";
import type { Contact, CustomFieldValue } from "./records.ts";

const STRING_FIELDS = [
  "firstName",
  "lastName",
  "email",
  "gender",
  "companyName",
  "address1",
  "city",
  "state",
  "postalCode",
  "country",
  "website",
  "timezone",
  "source",
  "assignedTo",
] as const;

/** Why an input could not be applied; `messages` go into a 422 body. */
export interface ContactInputError {
  code: "invalid_contact_input";
  messages: string[];
}

function readCustomFields(raw: unknown[], messages: string[]): CustomFieldValue[] {
  const out: CustomFieldValue[] = [];
  raw.forEach((entry, index) => {
    const record = (entry ?? {}) as Record<string, unknown>;
    if (typeof record.id !== "string" || record.id === "") {
      // The emulator keeps no custom field definitions, so a `key`-only entry cannot be resolved.
      messages.push(`customFields.${index}.id must be a string`);
      return;
    }
    out.push({ id: record.id, value: record.field_value ?? record.value ?? null });
  });
  return out;
}

function mergeCustomFields(base: CustomFieldValue[], incoming: CustomFieldValue[]) {
  const merged = new Map(base.map((field) => [field.id, field]));
  for (const field of incoming) merged.set(field.id, field);
  return [...merged.values()];
}

/**
 * Applies a validated CreateContactDto/UpdateContactDto body to `base` and returns the new
 * record. Quirks kept: custom fields are written `{id, field_value}` and stored/read as
 * `{id, value}` (merged by id on update); `tags` replace the whole list; phones are stored in
 * E.164; `name` is derived from first/last name (BEHAVIOUR.md "Shapes").
 */
export function applyContactInput(
  base: Contact,
  input: Record<string, unknown>,
  now: string,
): Result<Contact, ContactInputError> {
  const next: Record<string, unknown> = { ...base };
  const messages: string[] = [];
  for (const field of STRING_FIELDS) {
    const value = input[field];
    if (value === null) delete next[field];
    else if (typeof value === "string") next[field] = value.trim();
  }
  if (input.phone === null) delete next.phone;
  else if (typeof input.phone === "string") {
    next.phone =
      toE164(input.phone, (next.country as string | undefined) ?? undefined) ?? input.phone;
  }
  if (typeof input.dnd === "boolean") next.dnd = input.dnd;
  if (input.dndSettings !== undefined) next.dndSettings = input.dndSettings;
  if (input.inboundDndSettings !== undefined) next.inboundDndSettings = input.inboundDndSettings;
  if (Array.isArray(input.tags)) {
    if (input.tags.every((tag) => typeof tag === "string")) next.tags = [...new Set(input.tags)];
    else messages.push("each value in tags must be a string");
  }
  if (Array.isArray(input.customFields)) {
    next.customFields = mergeCustomFields(
      base.customFields,
      readCustomFields(input.customFields, messages),
    );
  }
  if (input.dateOfBirth === null) delete next.dateOfBirth;
  else if (input.dateOfBirth !== undefined) {
    const dob =
      typeof input.dateOfBirth === "string" ? normaliseDateOfBirth(input.dateOfBirth) : undefined;
    if (dob) next.dateOfBirth = dob;
    else messages.push("dateOfBirth must be a valid date");
  }
  const fullName = [next.firstName, next.lastName].filter(
    (part) => typeof part === "string" && part !== "",
  );
  if (fullName.length > 0) next.name = fullName.join(" ");
  else if (typeof input.name === "string") next.name = input.name.trim();
  next.dateUpdated = now;
  if (messages.length > 0) return err({ code: "invalid_contact_input", messages });
  return ok(next as unknown as Contact);
}
