import { assertExhaustive } from "../../../lib/result.ts";
import { ApiError } from "./api-error.ts";
import type { ContactPoint, StoredFieldDefinition, StoredValue } from "./model.ts";

/**
 * Checks one input value against its field definition and turns it into the stored value.
 * Returns `undefined` when the field is to be cleared (`null`, `""`, `[]`: Breakcold omits empty
 * fields, so empty is the same as absent). Throws `invalid_request` for a wrong shape.
 *
 * Input shapes (API.md): strings for text/social, numbers for numeric and date (epoch ms),
 * booleans for checkbox, `{amount, currencyCode}` for currency, `{optionId}` for select, arrays
 * of `{optionId}` for multiselect. Email and phone fields are multi-value: a string, or an array
 * of strings or `{value, isPrimary?}`; the marked entry (else the first) becomes primary, and a
 * write replaces the whole list. Multiselect appends to `current` unless `replace` is set.
 */
export function decodeFieldInput(
  def: StoredFieldDefinition,
  input: unknown,
  current: StoredValue | undefined,
  replace: boolean,
): StoredValue | undefined {
  if (input === null || input === "" || (Array.isArray(input) && input.length === 0)) {
    return undefined;
  }
  const bad = (expected: string): never => {
    throw new ApiError("invalid_request", `fields.${def.slug}: expected ${expected}`);
  };
  const type = def.fieldType;
  switch (type) {
    case "text":
    case "textarea":
    case "url":
    case "location":
    case "linkedin":
    case "twitter":
    case "facebook":
    case "whatsapp":
    case "telegram":
    case "member":
    case "relation":
      if (typeof input === "string") return def.isMultiple ? [input] : input;
      if (def.isMultiple && Array.isArray(input) && input.every((v) => typeof v === "string")) {
        return input as string[];
      }
      return bad(def.isMultiple ? "a string or an array of strings" : "a string");
    case "number":
    case "date":
    case "datetime":
      if (typeof input === "number" && Number.isFinite(input)) return input;
      return bad(type === "number" ? "a number" : "a number (Unix epoch milliseconds)");
    case "checkbox":
      return typeof input === "boolean" ? input : bad("a boolean");
    case "currency":
      if (isRecord(input) && typeof input.amount === "number" && Number.isFinite(input.amount)) {
        const code = input.currencyCode;
        if (typeof code === "string" && /^[A-Z]{3}$/.test(code)) {
          return { amount: input.amount, currencyCode: code };
        }
      }
      return bad("{ amount: number, currencyCode: 3-letter ISO code }");
    case "select":
      if (isRecord(input) && typeof input.optionId === "string") {
        return { optionId: checkOption(def, input.optionId) };
      }
      return bad("{ optionId }");
    case "multiselect":
      return decodeMultiselect(def, input, current, replace, bad);
    case "email":
    case "phone":
      return decodeContactPoints(def, input, bad);
    default:
      return assertExhaustive(type, "field type");
  }
}

function decodeMultiselect(
  def: StoredFieldDefinition,
  input: unknown,
  current: StoredValue | undefined,
  replace: boolean,
  bad: (expected: string) => never,
): { optionId: string }[] {
  if (!Array.isArray(input)) return bad("an array of { optionId }");
  const ids = input.map((item) =>
    isRecord(item) && typeof item.optionId === "string"
      ? checkOption(def, item.optionId)
      : bad("an array of { optionId }"),
  );
  const previous = !replace && Array.isArray(current) ? (current as { optionId: string }[]) : [];
  const merged = [...previous.map((item) => item.optionId), ...ids];
  return [...new Set(merged)].map((optionId) => ({ optionId }));
}

function decodeContactPoints(
  def: StoredFieldDefinition,
  input: unknown,
  bad: (expected: string) => never,
): ContactPoint[] {
  const expected = "a string, or an array of strings or { value, isPrimary? }";
  const items = Array.isArray(input) ? input : [input];
  const points = items.map((item): ContactPoint => {
    if (typeof item === "string") return { value: checkContact(def, item, bad), isPrimary: false };
    if (isRecord(item) && typeof item.value === "string") {
      if (item.isPrimary !== undefined && typeof item.isPrimary !== "boolean") return bad(expected);
      return { value: checkContact(def, item.value, bad), isPrimary: item.isPrimary === true };
    }
    return bad(expected);
  });
  if (points.filter((point) => point.isPrimary).length > 1) {
    return bad("at most one entry with isPrimary: true");
  }
  const primary = points.findIndex((point) => point.isPrimary);
  return points.map((point, index) => ({
    value: point.value,
    isPrimary: index === (primary === -1 ? 0 : primary),
  }));
}

function checkContact(
  def: StoredFieldDefinition,
  value: string,
  bad: (expected: string) => never,
): string {
  const trimmed = value.trim();
  if (def.fieldType === "email") {
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? trimmed : bad("a valid email address");
  }
  return /\d/.test(trimmed) && /^[+\d\s().-]+$/.test(trimmed) ? trimmed : bad("a phone number");
}

function checkOption(def: StoredFieldDefinition, optionId: string): string {
  const option = def.options?.find((candidate) => candidate.id === optionId && candidate.isActive);
  if (!option) {
    throw new ApiError("invalid_request", `fields.${def.slug}: unknown option ${optionId}`);
  }
  return option.id;
}

function isRecord(value: unknown): value is { [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
