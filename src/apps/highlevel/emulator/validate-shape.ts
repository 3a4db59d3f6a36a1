import type { PropertySpec, ShapeSpec } from "./extract-operations.ts";

const TYPE_MESSAGES = {
  string: "must be a string",
  boolean: "must be a boolean value",
  number: "must be a number conforming to the specified constraints",
  array: "must be an array",
} as const;

function typeMatches(spec: PropertySpec, value: unknown, fromQuery: boolean): boolean {
  if (value === null) return spec.nullable;
  switch (spec.type) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "number":
      return fromQuery ? value !== "" && Number.isFinite(Number(value)) : typeof value === "number";
    case "array":
      return Array.isArray(value);
    // `object` is not checked: the spec declares `dateOfBirth` as an object, yet it takes strings.
    case "object":
    case null:
      return true;
  }
}

/**
 * class-validator style messages for `input` against a declared shape: one
 * "property X should not exist" per undeclared key (HighLevel's whitelist → 422, BEHAVIOUR.md),
 * "X should not be empty" for missing required ones, and a type message for mistyped values.
 * Returns an empty list when the input is acceptable.
 */
export function validateShape(
  input: Record<string, unknown>,
  shape: ShapeSpec,
  options: { fromQuery: boolean },
): string[] {
  const messages: string[] = [];
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(shape.properties, key)) messages.push(`property ${key} should not exist`);
  }
  for (const name of shape.required) {
    const value = input[name];
    if (value === undefined || value === "") messages.push(`${name} should not be empty`);
  }
  for (const [name, spec] of Object.entries(shape.properties)) {
    const value = input[name];
    if (value === undefined || spec.type === null || spec.type === "object") continue;
    if (!typeMatches(spec, value, options.fromQuery)) {
      messages.push(`${name} ${TYPE_MESSAGES[spec.type]}`);
    }
  }
  return messages;
}
