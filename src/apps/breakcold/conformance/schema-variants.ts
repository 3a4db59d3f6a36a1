/**
 * Invalid variants of a valid tool input, derived from the tool's JSON Schema: each required
 * property left out, each property given the wrong JSON type, and each `minLength`, `minimum`,
 * `maximum`, `enum`, `minItems` and array-item constraint broken. Used by the conformance test,
 * which also checks every variant against the schema with ajv, so a wrong variant cannot pass.
 */

/** The subset of JSON Schema that tools.json uses. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: { readonly [name: string]: JsonSchema };
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly enum?: readonly unknown[];
  /** Checked by ajv only; variants for these are written by hand. */
  readonly pattern?: string;
  readonly format?: string;
}

/** One invalid input: what was broken and the input with it broken. */
export interface Variant {
  readonly name: string;
  readonly input: { [name: string]: unknown };
}

/**
 * Variants of `valid` for `schema`. `pathParams` can only be broken by constraint (a path segment
 * is always a string and never absent); `inQuery` properties travel as text, so a wrong type is
 * only possible for numbers and booleans.
 */
export function invalidVariants(
  schema: JsonSchema,
  valid: { readonly [name: string]: unknown },
  options: { pathParams: readonly string[]; inQuery: boolean },
): Variant[] {
  const variants: Variant[] = [];
  const add = (name: string, property: string, value: unknown) =>
    variants.push({ name: `${property}: ${name}`, input: { ...valid, [property]: value } });
  for (const property of schema.required ?? []) {
    if (options.pathParams.includes(property)) continue;
    const { [property]: _left, ...rest } = valid;
    variants.push({ name: `${property}: missing`, input: rest });
  }
  for (const [property, spec] of Object.entries(schema.properties ?? {})) {
    const inPath = options.pathParams.includes(property);
    const wrong = wrongType(spec, options.inQuery);
    if (!inPath && wrong !== undefined) add("wrong type", property, wrong);
    if (spec.minLength !== undefined && spec.minLength > 0) {
      add(`shorter than ${spec.minLength}`, property, "a".repeat(spec.minLength - 1));
    }
    if (spec.minimum !== undefined) add(`below ${spec.minimum}`, property, spec.minimum - 1);
    if (spec.maximum !== undefined) add(`above ${spec.maximum}`, property, spec.maximum + 1);
    if (spec.enum !== undefined) add("not in enum", property, "not-an-option");
    if (spec.minItems !== undefined && spec.minItems > 0) add("too few items", property, []);
    const item = spec.items;
    if (item?.minLength !== undefined)
      add("short item", property, ["a".repeat(item.minLength - 1)]);
    if (item?.required !== undefined) add("item missing required keys", property, [{}]);
    if (item?.enum !== undefined) add("item not in enum", property, ["not-an-option"]);
  }
  return variants;
}

function wrongType(spec: JsonSchema, inQuery: boolean): unknown {
  const types = spec.type === undefined ? [] : [spec.type].flat();
  if (types.length === 0) return undefined;
  if (types.includes("string")) return inQuery ? undefined : 12345;
  if (types.includes("integer")) return inQuery ? "seven" : 2.5;
  if (types.includes("number")) return inQuery ? undefined : "seven";
  if (types.includes("boolean")) return inQuery ? "yes" : "true";
  if (types.includes("array")) return "not-an-array";
  if (types.includes("object")) return "not-an-object";
  return undefined;
}
