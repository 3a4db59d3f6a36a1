import type { Hono } from "hono";
import { breakcoldRoutes as routes } from "../routes.ts";
import type { FieldDefinition, ObjectType, Workspace } from "../schemas.ts";
import { crmFieldsListInput, crmObjectsListInput, workspacesListInput } from "../tool-inputs.ts";
import { ApiError, parseInput } from "./api-error.ts";
import { assertWorkspaceAccess } from "./auth.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";
import type { StoredFieldDefinition, StoredObjectType, StoredWorkspace } from "./model.ts";
import { paginate } from "./paginate.ts";
import { registerRoute } from "./register-route.ts";
import { queryInput } from "./request-input.ts";

/**
 * Mounts workspaces_list (the key's workspaces, paginated) and crm_objects_list /
 * crm_fields_list, which take no limit or cursor in tools.json and answer `{data}` [inferred].
 */
export function registerMetadataRoutes(app: Hono<EmulatorEnv>, deps: EmulatorDeps): void {
  const { state } = deps;

  registerRoute(app, routes.workspaces_list, (c) => {
    const input = parseInput(workspacesListInput, queryInput(c));
    const allowed = new Set(c.get("apiKey").workspaceIds);
    const page = paginate(
      state.workspaces.all(),
      (workspace) => allowed.has(workspace.id),
      input.limit,
      input.cursor,
    );
    return c.json({ data: page.data.map(workspaceView), pagination: page.pagination });
  });

  registerRoute(app, routes.crm_objects_list, (c) => {
    const input = parseInput(crmObjectsListInput, queryInput(c));
    assertWorkspaceAccess(c.get("apiKey"), input.workspaceId);
    return c.json({
      data: state.objectTypes.where("workspaceId", input.workspaceId).map(objectView),
    });
  });

  registerRoute(app, routes.crm_fields_list, (c) => {
    const input = parseInput(crmFieldsListInput, queryInput(c));
    const objectType = state.objectTypes.get(input.objectTypeId);
    if (!objectType || !c.get("apiKey").workspaceIds.includes(objectType.workspaceId)) {
      throw new ApiError("not_found", `Object type ${input.objectTypeId} not found`);
    }
    const defs = state.fields.where("objectTypeId", objectType.id);
    return c.json({ data: defs.sort((a, b) => a.order - b.order).map(fieldView) });
  });
}

/** Wire shape of a stored workspace. */
export function workspaceView(workspace: StoredWorkspace): Workspace {
  return { ...workspace };
}

function objectView(objectType: StoredObjectType): ObjectType & { createdAt: number } {
  return { ...objectType };
}

function fieldView(def: StoredFieldDefinition): FieldDefinition & { order: number } {
  return { ...def };
}
