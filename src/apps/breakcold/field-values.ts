import { z } from "zod";
import { err, ok, type Result } from "../../lib/result.ts";
import type { BreakcoldRecord, FieldDefinition, FieldOption } from "./schemas.ts";

/**
 * Conversion between domain values and Breakcold field shapes (API.md "Objects and records").
 * Input: strings for text/social, numbers for numeric and date (epoch ms), booleans for
 * checkbox, `{amount, currencyCode}` for currency, `{optionId}` for select, arrays for
 * multi-value. Read: emails and phones as `{value, isPrimary}[]`, selects as
 * `{optionId, value, label, color}` (arrays for multiselect).
 */

/** A money amount in a currency (ISO 4217 code). */
export interface Currency {
  readonly amount: number;
  readonly currencyCode: string;
}

/** A value accepted in a record's `fields` input; `null` clears the field. */
export type FieldInputValue =
  | string
  | number
  | boolean
  | null
  | string[]
  | Currency
  | { optionId: string }
  | { optionId: string }[];

/** A value as the rest of the bridge sees it; select options become their `value` key. */
export type DomainValue = string | number | boolean | null | string[] | Currency;

/** A domain value that does not fit the field (wrong type, unknown option, bad date). */
export interface FieldValueError {
  readonly code: "invalid_field_value";
  readonly slug: string;
  readonly message: string;
}

const contactPoints = z.array(z.object({ value: z.string(), isPrimary: z.boolean().optional() }));
const optionRead = z.object({ optionId: z.string(), value: z.string().nullable().optional() });
const currency = z.object({ amount: z.number(), currencyCode: z.string() });

/** Email addresses of a record, primary first. See {@link readContactField}. */
export function readEmails(record: BreakcoldRecord, defs?: readonly FieldDefinition[]): string[] {
  return readContactField(record, "email", defs);
}

/** Phone numbers of a record, primary first. See {@link readContactField}. */
export function readPhones(record: BreakcoldRecord, defs?: readonly FieldDefinition[]): string[] {
  return readContactField(record, "phone", defs);
}

/**
 * Values of every field typed `type` (email or phone), primary first, without duplicates.
 * With `defs` (from `listFields`) custom email/phone fields count too; without, only the system
 * field whose slug equals the type (`email`, `phone`) is read.
 */
export function readContactField(
  record: BreakcoldRecord,
  type: "email" | "phone",
  defs?: readonly FieldDefinition[],
): string[] {
  const slugs = defs ? defs.filter((def) => def.fieldType === type).map((def) => def.slug) : [type];
  const points = slugs.flatMap((slug) => {
    const parsed = contactPoints.safeParse(record.fields[slug]);
    return parsed.success ? parsed.data : [];
  });
  const ordered = [...points.filter((p) => p.isPrimary), ...points.filter((p) => !p.isPrimary)];
  return [...new Set(ordered.map((point) => point.value))];
}

/**
 * Converts a domain value to the input shape of `def`; `null`/`undefined` become `null` (clear).
 * Select options are matched by id, `value` or label (case-insensitive). Dates accept epoch ms,
 * `Date` or an ISO string. Field types this client does not know pass through unchanged.
 */
export function tryFieldInput(
  def: FieldDefinition,
  value: unknown,
): Result<FieldInputValue, FieldValueError> {
  if (value === null || value === undefined) return ok(null);
  const fail = (expected: string) =>
    err<FieldValueError>({
      code: "invalid_field_value",
      slug: def.slug,
      message: `${def.slug}: expected ${expected}, got ${JSON.stringify(value)}`,
    });
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  const strings = list.every((v) => typeof v === "string" || typeof v === "number")
    ? list.map(String)
    : undefined;
  switch (def.fieldType) {
    case "number": {
      const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      return typeof n === "number" && Number.isFinite(n) ? ok(n) : fail("a number");
    }
    case "date":
    case "datetime": {
      const ms = toEpochMs(value);
      return ms === undefined ? fail("a date") : ok(ms);
    }
    case "checkbox":
      if (typeof value === "boolean") return ok(value);
      if (value === "true" || value === "false") return ok(value === "true");
      return fail("a boolean");
    case "currency": {
      const parsed = currency.safeParse(value);
      return parsed.success ? ok(parsed.data) : fail("{ amount, currencyCode }");
    }
    case "select": {
      if (Array.isArray(value)) return fail("one option");
      const id = optionIdOf(def.options, value);
      return id ? ok({ optionId: id }) : fail("an option of this field");
    }
    case "multiselect": {
      const ids = list.map((item) => optionIdOf(def.options, item));
      return ids.every((id) => id !== undefined)
        ? ok(ids.map((optionId) => ({ optionId })))
        : fail("options of this field");
    }
    case "email":
    case "phone":
      return strings ? ok([...new Set(strings)]) : fail("a string or strings");
    default:
      if (!knownTextTypes.has(def.fieldType)) return ok(value as FieldInputValue);
      if (def.isMultiple) return strings ? ok(strings) : fail("a string or strings");
      return strings?.length === 1 && !Array.isArray(value) ? ok(strings[0] ?? "") : fail("text");
  }
}

const knownTextTypes = new Set([
  "text",
  "textarea",
  "url",
  "location",
  "linkedin",
  "twitter",
  "facebook",
  "whatsapp",
  "telegram",
  "member",
  "relation",
]);

/** {@link tryFieldInput} for callers that have already checked the value; throws on a misfit. */
export function toFieldInput(def: FieldDefinition, value: unknown): FieldInputValue {
  const result = tryFieldInput(def, value);
  if (!result.ok) throw new TypeError(result.error.message);
  return result.value;
}

/**
 * Converts a read value of `def` to a domain value: selects to their option `value`,
 * multiselects to a list of them, emails and phones to strings (primary first).
 * `undefined` (an empty, hence omitted, field) becomes `null`.
 */
export function fromFieldValue(def: FieldDefinition, value: unknown): DomainValue {
  if (value === undefined || value === null) return null;
  switch (def.fieldType) {
    case "select": {
      const parsed = optionRead.safeParse(value);
      return parsed.success ? (parsed.data.value ?? parsed.data.optionId) : null;
    }
    case "multiselect": {
      const parsed = z.array(optionRead).safeParse(value);
      return parsed.success ? parsed.data.map((o) => o.value ?? o.optionId) : [];
    }
    case "email":
    case "phone": {
      const parsed = contactPoints.safeParse(value);
      if (!parsed.success) return [];
      const points = parsed.data;
      return [...points.filter((p) => p.isPrimary), ...points.filter((p) => !p.isPrimary)].map(
        (p) => p.value,
      );
    }
    default:
      return value as DomainValue;
  }
}

function optionIdOf(
  options: readonly FieldOption[] | undefined,
  value: unknown,
): string | undefined {
  const wanted =
    typeof value === "object" && value !== null && "optionId" in value
      ? (value as { optionId: unknown }).optionId
      : value;
  if (typeof wanted !== "string") return undefined;
  const lower = wanted.toLowerCase();
  const active = (options ?? []).filter((option) => option.isActive);
  return (
    active.find((option) => option.id === wanted) ??
    active.find((option) => option.value.toLowerCase() === lower) ??
    active.find((option) => option.label.toLowerCase() === lower)
  )?.id;
}

function toEpochMs(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === "string" && value.trim() !== "") {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}
