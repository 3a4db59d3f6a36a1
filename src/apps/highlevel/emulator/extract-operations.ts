import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** A primitive type we check on request input; other declared types are not checked. */
export type PropertyType = "string" | "number" | "boolean" | "array" | "object";

/** One declared request property: its type and whether `null` is allowed. */
export interface PropertySpec {
  readonly type: PropertyType | null;
  readonly nullable: boolean;
}

/** The part of a request an operation declares: the allowed properties and the required ones. */
export interface ShapeSpec {
  readonly required: readonly string[];
  readonly properties: Readonly<Record<string, PropertySpec>>;
}

/** What the emulator needs to know about one operation, keyed by its `operationId`. */
export interface OperationSpec {
  readonly method: string;
  readonly path: string;
  readonly scopes: readonly string[];
  readonly query: ShapeSpec;
  /** Name of the request body DTO and its shape; null when the operation takes no body. */
  readonly body: (ShapeSpec & { readonly dto: string }) | null;
}

interface OpenApiProperty {
  type?: string;
  nullable?: boolean;
}
interface OpenApiSchema {
  properties?: Record<string, OpenApiProperty>;
  required?: string[];
}
interface OpenApiOperation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: OpenApiProperty }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

const TYPES = new Set<string>(["string", "number", "boolean", "array", "object"]);

function propertySpec(prop: OpenApiProperty | undefined): PropertySpec {
  const type = prop?.type && TYPES.has(prop.type) ? (prop.type as PropertyType) : null;
  return { type, nullable: prop?.nullable === true };
}

/**
 * Reduces the contacts OpenAPI document to per-operation allow-lists (query parameters, body
 * DTO properties, required names, scopes). The emulator rejects anything outside these lists
 * with 422, as HighLevel does (BEHAVIOUR.md "Unknown body or query property → 422").
 */
export function extractOperations(doc: OpenApiDocument): Record<string, OperationSpec> {
  const out: Record<string, OperationSpec> = {};
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!op.operationId) continue;
      const queryParams = (op.parameters ?? []).filter((p) => p.in === "query");
      const query: ShapeSpec = {
        required: queryParams.filter((p) => p.required).map((p) => p.name),
        properties: Object.fromEntries(queryParams.map((p) => [p.name, propertySpec(p.schema)])),
      };
      const ref = op.requestBody?.content?.["application/json"]?.schema?.$ref;
      const dto = ref?.split("/").pop();
      const schema = dto ? doc.components.schemas[dto] : undefined;
      const body =
        dto && schema
          ? {
              dto,
              required: schema.required ?? [],
              properties: Object.fromEntries(
                Object.entries(schema.properties ?? {}).map(([k, v]) => [k, propertySpec(v)]),
              ),
            }
          : null;
      const scopes = (op.security ?? []).flatMap((s) => Object.values(s).flat());
      out[op.operationId] = { method: method.toUpperCase(), path, scopes, query, body };
    }
  }
  return out;
}

// Regenerate: node --import tsx src/apps/highlevel/emulator/extract-operations.ts <contacts.json>
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const source = process.argv[2] ?? "../shared/specs/highlevel/apps/contacts.json";
  const doc = JSON.parse(readFileSync(source, "utf8")) as OpenApiDocument;
  const target = new URL("./operations.json", import.meta.url);
  writeFileSync(target, `${JSON.stringify(extractOperations(doc), null, 2)}\n`);
}
