/**
 * The one table of Breakcold API v1 REST routes this project calls and emulates.
 *
 * Breakcold publishes its operations (MCP tool names, scopes, rate limits) but only some REST
 * paths; the rest are our reading of the docs (`evidence: "inferred"`, see
 * shared/specs/breakcold/API.md). Correct a path here and both the client and the emulator follow.
 */

/** A Breakcold API key scope (API.md "Scopes"). */
export type BreakcoldScope =
  | "records:read"
  | "records:write"
  | "tasks:read"
  | "tasks:write"
  | "notes:read"
  | "notes:write"
  | "crm:metadata:read"
  | "crm:metadata:write"
  | "webhooks:write";

/** One REST route: its MCP tool name, method, path template (`:param` segments) and scope. */
export interface BreakcoldRoute {
  /** The MCP tool name in `mcp/tools.json`. */
  readonly operation: string;
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path under the `/api/v1` base, with `:name` placeholders. */
  readonly path: string;
  /** Scope the key needs; `null` means any authenticated key (workspaces_list). */
  readonly scope: BreakcoldScope | null;
  /** Whether Breakcold documents the REST path or we inferred it. */
  readonly evidence: "doc" | "inferred";
  /** Per-operation budget per organization, requests per minute, from `tools.json` `rateLimit`. */
  readonly perMinute: number;
}

function route(
  operation: string,
  method: BreakcoldRoute["method"],
  path: string,
  scope: BreakcoldScope | null,
  evidence: BreakcoldRoute["evidence"],
  perMinute: number,
): BreakcoldRoute {
  return { operation, method, path, scope, evidence, perMinute };
}

/** The routes of the records, notes, tasks and CRM-metadata slice, keyed by operation name. */
export const breakcoldRoutes = {
  workspaces_list: route("workspaces_list", "GET", "/workspaces", null, "doc", 120),
  records_list: route("records_list", "GET", "/records", "records:read", "doc", 120),
  records_create: route("records_create", "POST", "/records", "records:write", "doc", 60),
  records_get: route("records_get", "GET", "/records/:recordId", "records:read", "inferred", 180),
  records_update: route(
    "records_update",
    "PATCH",
    "/records/:recordId",
    "records:write",
    "doc",
    90,
  ),
  records_archive: route(
    "records_archive",
    "POST",
    "/records/:recordId/archive",
    "records:write",
    "inferred",
    90,
  ),
  records_restore: route(
    "records_restore",
    "POST",
    "/records/:recordId/restore",
    "records:write",
    "inferred",
    90,
  ),
  notes_list: route("notes_list", "GET", "/records/:recordId/notes", "notes:read", "inferred", 120),
  notes_create: route(
    "notes_create",
    "POST",
    "/records/:recordId/notes",
    "notes:write",
    "inferred",
    90,
  ),
  tasks_list: route("tasks_list", "GET", "/records/:recordId/tasks", "tasks:read", "inferred", 120),
  tasks_create: route("tasks_create", "POST", "/records/:recordId/tasks", "tasks:write", "doc", 90),
  crm_objects_list: route(
    "crm_objects_list",
    "GET",
    "/crm/objects",
    "crm:metadata:read",
    "inferred",
    120,
  ),
  crm_fields_list: route(
    "crm_fields_list",
    "GET",
    "/crm/objects/:objectTypeId/fields",
    "crm:metadata:read",
    "inferred",
    120,
  ),
} as const satisfies { [operation: string]: BreakcoldRoute };

export type BreakcoldOperation = keyof typeof breakcoldRoutes;

/**
 * Fills a route's `:name` placeholders with URI-encoded values.
 * Throws when a placeholder has no value: that is a bug in the caller, not a runtime condition.
 *
 * @example fillPath(breakcoldRoutes.records_get, { recordId: "abc123" }) // "/records/abc123"
 */
export function fillPath(target: BreakcoldRoute, params: { [name: string]: string } = {}): string {
  return target.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${target.operation}: missing path param ${name}`);
    return encodeURIComponent(value);
  });
}
