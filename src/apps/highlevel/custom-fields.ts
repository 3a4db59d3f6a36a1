/**
 * A custom field value in the one domain shape the client speaks: `{id, value}` (or `{key,
 * value}` where HighLevel accepts a field key). HighLevel writes it as `{id, field_value}` and
 * reads it back as `{id, value}` (BEHAVIOUR.md "Shapes"); the client converts on the way out.
 */
export type CustomFieldInput =
  | { id: string; key?: string; value: unknown }
  | { id?: undefined; key: string; value: unknown };

/** The wire form of `POST/PUT /contacts`: `field_value`, never `value`. */
export interface WireCustomField {
  id?: string;
  key?: string;
  field_value: unknown;
}

export function toWireCustomFields(fields: readonly CustomFieldInput[]): WireCustomField[] {
  return fields.map((field) => ({
    ...(field.id === undefined ? {} : { id: field.id }),
    ...(field.key === undefined ? {} : { key: field.key }),
    field_value: field.value,
  }));
}

/** Replaces a domain `customFields` list by its wire form; other fields pass unchanged. */
export function toWireContact<
  T extends Record<string, unknown> & { customFields?: readonly CustomFieldInput[] },
>(input: T): Omit<T, "customFields"> & { customFields?: WireCustomField[] } {
  const { customFields, ...rest } = input;
  return customFields === undefined
    ? rest
    : { ...rest, customFields: toWireCustomFields(customFields) };
}
