import type { z } from "zod";
import { METADATA_CASES } from "./metadata-cases.ts";
import { RECORD_CASES } from "./record-cases.ts";
import type { JsonSchema, Variant } from "./schema-variants.ts";

/** Ids a case can use: a fresh workspace with one person, company, note, task and hook. */
export interface Fixture {
  readonly workspaceId: string;
  readonly personObjectId: string;
  readonly allPeopleViewId: string;
  readonly personId: string;
  readonly companyId: string;
  readonly noteId: string;
  readonly taskId: string;
  readonly fieldId: string;
  readonly hookId: string;
}

/**
 * One operation as API.md states it: method and path written out here (never taken from the
 * route table), a request valid under its tools.json input schema, the success status and the
 * client schema its answer must parse with. `semantic` variants are valid under the JSON Schema
 * but refused by Breakcold's documented rules (unknown field or object slug: 400).
 */
export interface ConformanceCase {
  readonly tool: string;
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  readonly path: string;
  readonly valid: (fx: Fixture) => { [name: string]: unknown };
  readonly status: 200 | 201 | 204;
  readonly response: z.ZodType;
  readonly semantic?: (fx: Fixture) => Variant[];
  /** Invalid inputs the schema-derived variants do not reach (patterns, formats, non-integers). */
  readonly invalid?: (fx: Fixture) => Variant[];
  /** For operations tools.json does not describe: API.md's inferred shape as JSON Schema. */
  readonly inferredSchema?: JsonSchema;
}

/** Every operation of API.md's table, once. */
export const CASES: readonly ConformanceCase[] = [...RECORD_CASES, ...METADATA_CASES];
