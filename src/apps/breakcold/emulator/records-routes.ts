import type { Hono } from "hono";
import { opaqueId } from "../../../lib/ids.ts";
import { breakcoldRoutes as routes } from "../routes.ts";
import {
  recordIdInput,
  recordsCreateInput,
  recordsListInput,
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
import { resolveView } from "./saved-views.ts";
import { recordData } from "./webhook-payloads.ts";

/**
 * Mounts records_list/create/get/update/archive/restore. Lists run in creation order.
 * `archived=true` includes archived records alongside active ones [inferred: the docs only say
 * lists hide archived records unless `archived=true`]; `viewId` narrows to the view's object type
 * and saved search. Writes send `record.created`, `record.updated` (update and restore) and
 * `record.deleted` (archive: Breakcold's delete).
 */
export function registerRecordRoutes(app: Hono<EmulatorEnv>, deps: EmulatorDeps): void {
  const { state, clock, webhooks } = deps;
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
  /** Stores `record`, sends `event` and answers its read shape. */
  const save = (record: StoredRecord, event: "record.created" | "record.updated") => {
    state.records.put(record);
    const view = render(record);
    const objectType = state.objectTypes.get(record.objectTypeId);
    if (objectType) webhooks.emit(record.workspaceId, event, recordData(view, objectType));
    return { record: view };
  };

  registerRoute(app, deps, routes.records_list, (c) => {
    const input = parseInput(recordsListInput, queryInput(c));
    const key = c.get("apiKey");
    const workspaceId = input.workspaceId ?? soleWorkspace(key);
    assertWorkspaceAccess(key, workspaceId);
    const named = resolveObjectType(state, workspaceId, input, true);
    const view =
      input.viewId === undefined
        ? undefined
        : resolveView(state, key, workspaceId, input.viewId, named);
    const objectTypeId = view?.objectTypeId ?? named?.id;
    const searches = [input.search, view?.search].filter((s): s is string => s !== undefined);
    const defsOf = defsCache();
    const page = paginate(
      state.records.where("workspaceId", workspaceId),
      (record) =>
        (input.archived === true || !record.isArchived) &&
        (objectTypeId === undefined || record.objectTypeId === objectTypeId) &&
        searches.every((search) => matchesSearch(record, defsOf(record.objectTypeId), search)),
      input.limit,
      input.cursor,
    );
    return c.json(mapPage(page, (record) => renderRecord(record, defsOf(record.objectTypeId))));
  });

  registerRoute(app, deps, routes.records_create, async (c) => {
    const input = parseInput(recordsCreateInput, await bodyInput(c));
    assertWorkspaceAccess(c.get("apiKey"), input.workspaceId);
    const objectType = resolveObjectType(state, input.workspaceId, input, false);
    if (!objectType) throw new ApiError("invalid_request", "objectTypeSlug is required");
    const defs = state.fields.where("objectTypeId", objectType.id);
    const fields = applyFieldInputs(defs, {}, input.fields ?? {}, "replace");
    const missing = defs.find((def) => def.isRequired && fields[def.slug] === undefined);
    if (missing) throw new ApiError("invalid_request", `fields.${missing.slug}: is required`);
    const now = clock.now();
    const record: StoredRecord = {
      id: opaqueId(),
      workspaceId: input.workspaceId,
      objectTypeId: objectType.id,
      objectTypeSlug: objectType.slug,
      fields,
      isArchived: false,
      createdAt: now,
      updatedAt: now,
    };
    return c.json(save(record, "record.created"), 201);
  });

  registerRoute(app, deps, routes.records_get, (c) => {
    const input = parseInput(recordIdInput, queryInput(c));
    return c.json({ record: render(loadRecord(state, c.get("apiKey"), input.recordId)) });
  });

  registerRoute(app, deps, routes.records_update, async (c) => {
    const input = parseInput(recordsUpdateInput, await bodyInput(c));
    const record = loadRecord(state, c.get("apiKey"), input.recordId);
    const defs = state.fields.where("objectTypeId", record.objectTypeId);
    const mode = input.multiselectMode ?? "append";
    const fields = applyFieldInputs(defs, record.fields, input.fields, mode);
    return c.json(save({ ...record, fields, updatedAt: clock.now() }, "record.updated"));
  });

  // Archiving an archived record is a 404 like any read of it; restoring an active one is a no-op.
  registerRoute(app, deps, routes.records_archive, (c) => {
    const input = parseInput(recordIdInput, queryInput(c));
    const record = loadRecord(state, c.get("apiKey"), input.recordId);
    const now = clock.now();
    const archived: StoredRecord = { ...record, isArchived: true, archivedAt: now, updatedAt: now };
    state.records.put(archived);
    webhooks.emit(record.workspaceId, "record.deleted", { id: record.id, deleted: true });
    return c.json({ record: render(archived) });
  });

  registerRoute(app, deps, routes.records_restore, (c) => {
    const input = parseInput(recordIdInput, queryInput(c));
    const record = loadRecord(state, c.get("apiKey"), input.recordId, true);
    if (!record.isArchived) return c.json({ record: render(record) });
    const { archivedAt: _dropped, ...rest } = record;
    return c.json(save({ ...rest, isArchived: false, updatedAt: clock.now() }, "record.updated"));
  });
}

/** Without `workspaceId` a list runs in the key's only workspace; with several it is a 400. */
export function soleWorkspace(key: StoredApiKey): string {
  const [only, ...others] = key.workspaceIds;
  if (only === undefined || others.length > 0) {
    throw new ApiError(
      "invalid_request",
      "workspaceId is required for keys with several workspaces",
    );
  }
  return only;
}
