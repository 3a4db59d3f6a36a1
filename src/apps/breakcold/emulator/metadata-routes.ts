import type { Context, Hono } from "hono";
import {
  crmObjectsCreateInput,
  crmObjectsListInput,
  crmObjectsUpdateInput,
  objectTypeIdInput,
} from "../crm-tool-inputs.ts";
import { breakcoldRoutes as routes } from "../routes.ts";
import type { FieldDefinition, ObjectType, Workspace } from "../schemas.ts";
import { workspacesListInput } from "../tool-inputs.ts";
import { ApiError, parseInput } from "./api-error.ts";
import { assertWorkspaceAccess } from "./auth.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";
import type { StoredFieldDefinition, StoredObjectType, StoredWorkspace } from "./model.ts";
import { paginate } from "./paginate.ts";
import { registerRoute } from "./register-route.ts";
import { bodyInput, definedOnly, queryInput } from "./request-input.ts";
import { addObjectType } from "./seed-workspace.ts";

/** Object-type slugs: lowercase snake_case, as the system ones (`person`, `company`, `deal`). */
export const SLUG = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Mounts workspaces_list (the key's workspaces, paginated) and crm_objects_list/get/create/update.
 * Object lists take no limit or cursor in tools.json and answer `{data}`; single objects answer
 * `{objectType}` [inferred]. A new object type gets an "All <plural>" view and no fields (add
 * them with crm_fields_create); its slug must be new in the workspace (409 `conflict`).
 */
export function registerMetadataRoutes(app: Hono<EmulatorEnv>, deps: EmulatorDeps): void {
  const { state, clock } = deps;

  registerRoute(app, deps, routes.workspaces_list, (c) => {
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

  registerRoute(app, deps, routes.crm_objects_list, (c) => {
    const input = parseInput(crmObjectsListInput, queryInput(c));
    assertWorkspaceAccess(c.get("apiKey"), input.workspaceId);
    return c.json({
      data: state.objectTypes.where("workspaceId", input.workspaceId).map(objectView),
    });
  });

  registerRoute(app, deps, routes.crm_objects_get, (c) => {
    const input = parseInput(objectTypeIdInput, queryInput(c));
    return c.json({ objectType: objectView(loadObjectType(deps, c, input.objectTypeId)) });
  });

  registerRoute(app, deps, routes.crm_objects_create, async (c) => {
    const input = parseInput(crmObjectsCreateInput, await bodyInput(c));
    assertWorkspaceAccess(c.get("apiKey"), input.workspaceId);
    if (!SLUG.test(input.slug)) {
      throw new ApiError("invalid_request", "slug: lowercase letters, digits and _ only");
    }
    if (
      state.objectTypes.where("workspaceId", input.workspaceId).some((o) => o.slug === input.slug)
    ) {
      throw new ApiError("conflict", `Object type ${input.slug} already exists`);
    }
    const { nameSingular: singular, namePlural: plural, ...rest } = input;
    const names = { ...definedOnly(rest), singular, plural };
    const objectType = addObjectType(state, input.workspaceId, names, false, clock.now());
    return c.json({ objectType: objectView(objectType) }, 201);
  });

  registerRoute(app, deps, routes.crm_objects_update, async (c) => {
    const { objectTypeId, ...input } = parseInput(crmObjectsUpdateInput, await bodyInput(c));
    const objectType = loadObjectType(deps, c, objectTypeId);
    const updated: StoredObjectType = {
      ...objectType,
      ...definedOnly(input),
      updatedAt: clock.now(),
    };
    state.objectTypes.put(updated);
    return c.json({ objectType: objectView(updated) });
  });
}

/** The object type `id` if the key can use its workspace; else 404 (ids do not leak). */
export function loadObjectType(
  { state }: EmulatorDeps,
  c: Context<EmulatorEnv>,
  id: string,
): StoredObjectType {
  const objectType = state.objectTypes.get(id);
  if (!objectType || !c.get("apiKey").workspaceIds.includes(objectType.workspaceId)) {
    throw new ApiError("not_found", `Object type ${id} not found`);
  }
  return objectType;
}

/** Wire shape of a stored workspace. */
export function workspaceView(workspace: StoredWorkspace): Workspace {
  return { ...workspace };
}

function objectView(objectType: StoredObjectType): ObjectType & { createdAt: number } {
  return { ...objectType };
}

/** Wire shape of a field definition: stored settings are echoed as top-level keys. */
export function fieldView(def: StoredFieldDefinition): FieldDefinition & { order: number } {
  const { settings, ...rest } = def;
  return { ...settings, ...rest };
}
