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
  /** The MCP tool name in `mcp/tools.json` (integration hooks: our name, no tool exists). */
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

type Row = readonly [
  BreakcoldRoute["method"],
  string,
  BreakcoldScope | null,
  number,
  BreakcoldRoute["evidence"],
];

// Columns: method, path, scope, per-organization requests/min (tools.json), evidence.
// Integration hooks have no tool in tools.json; their 60/min is the docs' write default guess.
const TABLE = {
  workspaces_list: ["GET", "/workspaces", null, 120, "doc"],
  records_list: ["GET", "/records", "records:read", 120, "doc"],
  records_create: ["POST", "/records", "records:write", 60, "doc"],
  records_get: ["GET", "/records/:recordId", "records:read", 180, "inferred"],
  records_update: ["PATCH", "/records/:recordId", "records:write", 90, "doc"],
  records_archive: ["POST", "/records/:recordId/archive", "records:write", 90, "inferred"],
  records_restore: ["POST", "/records/:recordId/restore", "records:write", 90, "inferred"],
  custom_activities_create: [
    "POST",
    "/records/:recordId/custom-activities",
    "records:write",
    90,
    "doc",
  ],
  tasks_list: ["GET", "/records/:recordId/tasks", "tasks:read", 120, "inferred"],
  tasks_create: ["POST", "/records/:recordId/tasks", "tasks:write", 90, "doc"],
  tasks_update: ["PATCH", "/tasks/:taskId", "tasks:write", 90, "inferred"],
  tasks_complete: ["POST", "/tasks/:taskId/complete", "tasks:write", 90, "inferred"],
  notes_list: ["GET", "/records/:recordId/notes", "notes:read", 120, "inferred"],
  notes_create: ["POST", "/records/:recordId/notes", "notes:write", 90, "inferred"],
  notes_get: ["GET", "/notes/:noteId", "notes:read", 180, "inferred"],
  notes_update: ["PATCH", "/notes/:noteId", "notes:write", 90, "inferred"],
  crm_objects_list: ["GET", "/crm/objects", "crm:metadata:read", 120, "inferred"],
  crm_objects_create: ["POST", "/crm/objects", "crm:metadata:write", 60, "doc"],
  crm_objects_get: ["GET", "/crm/objects/:objectTypeId", "crm:metadata:read", 180, "inferred"],
  crm_objects_update: ["PATCH", "/crm/objects/:objectTypeId", "crm:metadata:write", 90, "inferred"],
  crm_fields_list: [
    "GET",
    "/crm/objects/:objectTypeId/fields",
    "crm:metadata:read",
    120,
    "inferred",
  ],
  crm_fields_create: ["POST", "/crm/objects/:objectTypeId/fields", "crm:metadata:write", 60, "doc"],
  crm_fields_get: ["GET", "/crm/fields/:fieldDefinitionId", "crm:metadata:read", 180, "doc"],
  crm_fields_update: ["PATCH", "/crm/fields/:fieldDefinitionId", "crm:metadata:write", 90, "doc"],
  integration_hooks_create: ["POST", "/integration-hooks", "webhooks:write", 60, "inferred"],
  integration_hooks_delete: [
    "DELETE",
    "/integration-hooks/:hookId",
    "webhooks:write",
    60,
    "inferred",
  ],
} as const satisfies { [operation: string]: Row };

export type BreakcoldOperation = keyof typeof TABLE;

/** Every route of API.md's operations table, keyed by operation name. */
export const breakcoldRoutes = Object.fromEntries(
  Object.entries(TABLE).map(([operation, [method, path, scope, perMinute, evidence]]) => [
    operation,
    { operation, method, path, scope, evidence, perMinute } satisfies BreakcoldRoute,
  ]),
) as { readonly [K in BreakcoldOperation]: BreakcoldRoute & { readonly operation: K } };

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

/** Every scope some route of the table needs: what a key able to do everything holds. */
export const BREAKCOLD_ROUTE_SCOPES: readonly BreakcoldScope[] = [
  ...new Set(
    Object.values(breakcoldRoutes)
      .map((entry) => entry.scope)
      .filter((scope): scope is BreakcoldScope => scope !== null),
  ),
];
