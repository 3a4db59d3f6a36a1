import type { Hono } from "hono";
import { opaqueId } from "../../../lib/ids.ts";
import { breakcoldRoutes as routes } from "../routes.ts";
import {
  recordsArchiveInput,
  recordsCreateInput,
  recordsGetInput,
  recordsListInput,
  recordsRestoreInput,
  recordsUpdateInput,
} from "../tool-inputs.ts";
import { ApiError, parseInput } from "./api-error.ts";
import { applyFieldInputs } from "./apply-field-inputs.ts";
import { assertWorkspaceAccess } from "./auth.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";
import type { StoredApiKey, StoredFieldDefinition, StoredRecord } from "./model.ts";
import { mapPage, paginate } from "./paginate.ts";
import { loadRecord, resolveObjectType } from "./record-access.ts";
import { matchesSearch, renderRecord } from "./record-view.ts";
import { registerRoute } from "./register-route.ts";
import { bodyInput, queryInput } from "./request-input.ts";

/**
 * Mounts records_list/create/get/update/archive/restore.
 * Lists run in creation order. `archived=true` includes archived records alongside active ones
 * [inferred: the docs only say lists hide archived records unless `archived=true`].
 */
export function registerRecordRoutes(app: Hono<EmulatorEnv>, deps: EmulatorDeps): void {
  const { state, clock } = deps;
  const defsCache = () => {
    const cache = new Map<string, StoredFieldDefinition[]>();
    return (objectTypeId: string) => {
      const defs = cache.get(objectTypeId) ?? state.fields.where("objectTypeId", objectTypeId);
      cache.set(objectTypeId, defs);
      return defs;
    };
  };
  const render = (record: StoredRecord) =>
    renderRecord(record, state.fields.where("objectTypeId", record.objectTypeId));

  registerRoute(app, routes.records_list, (c) => {
    const input = parseInput(recordsListInput, queryInput(c));
    const key = c.get("apiKey");
    const workspaceId = input.workspaceId ?? soleWorkspace(key);
    assertWorkspaceAccess(key, workspaceId);
    const objectType = resolveObjectType(state, workspaceId, input, true);
    // Saved views are not emulated, so no view id exists (as in a workspace without views).
    if (input.viewId !== undefined) {
      throw new ApiError("not_found", `View ${input.viewId} not found`);
    }
    const defsOf = defsCache();
    const search = input.search;
    const page = paginate(
      state.records.where("workspaceId", workspaceId),
      (record) =>
        (input.archived === true || !record.isArchived) &&
        (objectType === undefined || record.objectTypeId === objectType.id) &&
        (search === undefined || matchesSearch(record, defsOf(record.objectTypeId), search)),
      input.limit,
      input.cursor,
    );
    return c.json(mapPage(page, (record) => renderRecord(record, defsOf(record.objectTypeId))));
  });

  registerRoute(app, routes.records_create, async (c) => {
    const input = parseInput(recordsCreateInput, await bodyInput(c));
    assertWorkspaceAccess(c.get("apiKey"), input.workspaceId);
    const objectType = resolveObjectType(state, input.workspaceId, input, false);
    if (!objectType) throw new ApiError("invalid_request", "objectTypeSlug is required");
    const defs = state.fields.where("objectTypeId", objectType.id);
    const now = clock.now();
    const record: StoredRecord = {
      id: opaqueId(),
      workspaceId: input.workspaceId,
      objectTypeId: objectType.id,
      objectTypeSlug: objectType.slug,
      fields: applyFieldInputs(defs, {}, input.fields ?? {}, "replace"),
      isArchived: false,
      createdAt: now,
      updatedAt: now,
    };
    state.records.put(record);
    return c.json({ record: renderRecord(record, defs) }, 201);
  });

  registerRoute(app, routes.records_get, (c) => {
    const input = parseInput(recordsGetInput, queryInput(c));
    return c.json({ record: render(loadRecord(state, c.get("apiKey"), input.recordId)) });
  });

  registerRoute(app, routes.records_update, async (c) => {
    const input = parseInput(recordsUpdateInput, await bodyInput(c));
    const record = loadRecord(state, c.get("apiKey"), input.recordId);
    const defs = state.fields.where("objectTypeId", record.objectTypeId);
    const mode = input.multiselectMode ?? "append";
    const updated: StoredRecord = {
      ...record,
      fields: applyFieldInputs(defs, record.fields, input.fields, mode),
      updatedAt: clock.now(),
    };
    state.records.put(updated);
    return c.json({ record: renderRecord(updated, defs) });
  });

  // Archiving an archived record is a 404 like any read of it; restoring an active one is a no-op.
  registerRoute(app, routes.records_archive, (c) => {
    const input = parseInput(recordsArchiveInput, queryInput(c));
    const record = loadRecord(state, c.get("apiKey"), input.recordId);
    const now = clock.now();
    const archived: StoredRecord = { ...record, isArchived: true, archivedAt: now, updatedAt: now };
    state.records.put(archived);
    return c.json({ record: render(archived) });
  });

  registerRoute(app, routes.records_restore, (c) => {
    const input = parseInput(recordsRestoreInput, queryInput(c));
    const record = loadRecord(state, c.get("apiKey"), input.recordId, true);
    if (!record.isArchived) return c.json({ record: render(record) });
    const { archivedAt: _dropped, ...rest } = record;
    const restored: StoredRecord = { ...rest, isArchived: false, updatedAt: clock.now() };
    state.records.put(restored);
    return c.json({ record: render(restored) });
  });
}

/** Without `workspaceId` a list runs in the key's only workspace; with several it is a 400. */
function soleWorkspace(key: StoredApiKey): string {
  const [only, ...others] = key.workspaceIds;
  if (only === undefined || others.length > 0) {
    throw new ApiError(
      "invalid_request",
      "workspaceId is required for keys with several workspaces",
    );
  }
  return only;
}
