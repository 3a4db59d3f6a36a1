import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/** Test support: the vendored HighLevel spec, ajv over it, and the "every example property" check. */

const SPEC_DIR = new URL("./spec/", import.meta.url);
const CONTACTS_ID = "https://spec.highlevel.test/apps/contacts.json";
const COMMON_ID = "https://spec.highlevel.test/common/common-schemas.json";

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked generically
type Json = any;

export function readSpec(path: string): Json {
  return JSON.parse(readFileSync(new URL(path, SPEC_DIR), "utf8"));
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function shapeOf(example: unknown): Json {
  if (Array.isArray(example))
    return { type: "array", items: example.length ? shapeOf(example[0]) : {} };
  if (example === null) return {};
  return { type: typeof example === "object" ? "object" : typeof example };
}

/**
 * Properties whose own `example` fails their declared schema (the spec contradicts itself, e.g.
 * `UpdateTagsResponseDTO.responses`: declared strings, example objects). Validation accepts
 * either shape for them; the list is reported, not hidden.
 */
export function specContradictions(contacts: Json): string[] {
  const ajv = new Ajv({ strict: false });
  const found: string[] = [];
  for (const [schemaName, schema] of Object.entries<Json>(contacts.components.schemas)) {
    for (const [name, prop] of Object.entries<Json>(schema.properties ?? {})) {
      if (!("example" in prop) || prop.$ref) continue;
      const { example: _e, description: _d, ...declared } = prop;
      if (!ajv.validate(declared, prop.example)) {
        found.push(`${schemaName}.${name}`);
        schema.properties[name] = {
          anyOf: [declared, shapeOf(prop.example)],
          example: prop.example,
        };
      }
    }
  }
  return found;
}

/** Ajv over contacts.json + common-schemas.json (OpenAPI 3.0: `nullable`, `example` allowed). */
export function createSpecValidator() {
  const contacts = { ...readSpec("apps/contacts.json"), $id: CONTACTS_ID };
  const contradictions = specContradictions(contacts);
  const common = { ...readSpec("common/common-schemas.json"), $id: COMMON_ID };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(common);
  ajv.addSchema(contacts);
  const cache = new Map<string, ValidateFunction>();
  const pointer = (path: string, method: string, status: number) =>
    [
      "paths",
      path,
      method.toLowerCase(),
      "responses",
      String(status),
      "content",
      "application/json",
      "schema",
    ]
      .map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1"))
      .join("/");
  return {
    contacts,
    common,
    contradictions,
    /** The declared response schema (possibly a `$ref`), or undefined when the spec has none. */
    responseSchema(path: string, method: string, status: number): Json | undefined {
      return contacts.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.[
        "application/json"
      ]?.schema;
    },
    validate(path: string, method: string, status: number, body: unknown): string[] {
      const key = `${method} ${path} ${status}`;
      let fn = cache.get(key);
      if (!fn) {
        fn = ajv.compile({ $ref: `${CONTACTS_ID}#/${pointer(path, method, status)}` });
        cache.set(key, fn);
      }
      return fn(body) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    },
    validateComponent(name: string, value: unknown): string[] {
      const fn = ajv.compile({ $ref: `${CONTACTS_ID}#/components/schemas/${name}` });
      return fn(value) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    },
  };
}

/** Resolves a local or common-schemas `$ref` to `{name, schema}`. */
export function resolveRef(
  ref: string,
  docs: { contacts: Json; common: Json },
): { name: string; schema: Json } {
  const name = ref.split("/").pop() ?? ref;
  const doc = ref.startsWith("#") ? docs.contacts : docs.common;
  return { name, schema: doc.components.schemas[name] };
}

function typeMatches(type: string | undefined, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
    case "integer":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

function hasExamples(
  schema: Json,
  docs: { contacts: Json; common: Json },
  seen = new Set<string>(),
): boolean {
  const target = schema?.$ref ? resolveRef(schema.$ref, docs) : { name: "", schema };
  if (target.name && seen.has(target.name)) return false;
  if (target.name) seen.add(target.name);
  const s = target.schema ?? {};
  if (s.type === "array") return hasExamples(s.items, docs, seen);
  return Object.values<Json>(s.properties ?? {}).some(
    (p) => "example" in p || hasExamples(p, docs, new Set(seen)),
  );
}

/**
 * Checks, recursively, that `value` carries every property of `schema` that has an `example`
 * in the spec, with the declared type; arrays whose items have such properties must be
 * non-empty so their items get checked too. Returns problems; records `Schema.property` for
 * every property it checked in `checked`. `skip` lists `Schema.property` names left out.
 */
export function checkExampleProperties(
  schema: Json,
  value: unknown,
  docs: { contacts: Json; common: Json },
  checked: Set<string>,
  skip: ReadonlySet<string> = new Set(),
  at = "",
): string[] {
  const target = schema?.$ref ? resolveRef(schema.$ref, docs) : { name: "(inline)", schema };
  const s = target.schema ?? {};
  if (s.type === "array" || Array.isArray(value)) {
    if (!Array.isArray(value)) return [`${at}: expected an array`];
    if (value.length === 0 && hasExamples(s.items, docs))
      return [`${at}: empty, items not checked`];
    return value.flatMap((item, i) =>
      checkExampleProperties(s.items, item, docs, checked, skip, `${at}[${i}]`),
    );
  }
  if (!s.properties || typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const [name, prop] of Object.entries<Json>(s.properties)) {
    const id = `${target.name}.${name}`;
    const path = `${at}.${name}`;
    if ("example" in prop && !skip.has(id)) {
      checked.add(id);
      if (!(name in record)) problems.push(`${path} (${id}) missing`);
      else if (!typeMatches(prop.type, record[name]))
        problems.push(`${path} (${id}) is not ${prop.type}`);
    }
    if (name in record && (prop.$ref || prop.type === "array" || prop.properties)) {
      if (prop.type === "array" && !prop.items?.$ref) continue;
      problems.push(...checkExampleProperties(prop, record[name], docs, checked, skip, path));
    }
  }
  return problems;
}

/** Every `Schema.property` with an `example` in `doc`, and the number of properties overall. */
export function exampleProperties(doc: Json): { withExample: string[]; total: number } {
  const withExample: string[] = [];
  let total = 0;
  for (const [schemaName, schema] of Object.entries<Json>(doc.components.schemas)) {
    for (const [name, prop] of Object.entries<Json>(schema.properties ?? {})) {
      total += 1;
      if ("example" in prop) withExample.push(`${schemaName}.${name}`);
    }
  }
  return { withExample, total };
}
