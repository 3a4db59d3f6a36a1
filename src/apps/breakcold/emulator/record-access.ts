import { ApiError } from "./api-error.ts";
import type { EmulatorState, StoredApiKey, StoredObjectType, StoredRecord } from "./model.ts";

/**
 * Loads a record the key may see. Missing, other-workspace and (unless `allowArchived`)
 * archived records all answer 404 `not_found`, so ids of other workspaces do not leak
 * (API.md "Errors").
 */
export function loadRecord(
  state: EmulatorState,
  key: StoredApiKey,
  recordId: string,
  allowArchived = false,
): StoredRecord {
  const record = state.records.get(recordId);
  if (!record || !key.workspaceIds.includes(record.workspaceId)) {
    throw new ApiError("not_found", `Record ${recordId} not found`);
  }
  if (record.isArchived && !allowArchived) {
    throw new ApiError("not_found", `Record ${recordId} not found`);
  }
  return record;
}

/**
 * Resolves the object type named by id or slug within `workspaceId`. With neither given it
 * returns `undefined` when `optional`, else 400. A name that does not resolve is a 400.
 */
export function resolveObjectType(
  state: EmulatorState,
  workspaceId: string,
  ref: { objectTypeId?: string | undefined; objectTypeSlug?: string | undefined },
  optional: boolean,
): StoredObjectType | undefined {
  if (ref.objectTypeId === undefined && ref.objectTypeSlug === undefined) {
    if (optional) return undefined;
    throw new ApiError("invalid_request", "objectTypeId or objectTypeSlug is required");
  }
  const match = state.objectTypes
    .where("workspaceId", workspaceId)
    .find(
      (type) =>
        (ref.objectTypeId === undefined || type.id === ref.objectTypeId) &&
        (ref.objectTypeSlug === undefined || type.slug === ref.objectTypeSlug),
    );
  if (!match) {
    const name = ref.objectTypeId ?? ref.objectTypeSlug;
    throw new ApiError("invalid_request", `Unknown object type ${name} in this workspace`);
  }
  return match;
}

/**
 * Loads a note, task or activity the key may see: it must exist, be in one of the key's
 * workspaces and hang off a record that is not archived; else 404 naming `kind`.
 */
export function loadChild<T extends { workspaceId: string; recordId: string }>(
  state: EmulatorState,
  key: StoredApiKey,
  found: T | undefined,
  kind: string,
  id: string,
): T {
  const record = found ? state.records.get(found.recordId) : undefined;
  if (!found || !record || record.isArchived || !key.workspaceIds.includes(found.workspaceId)) {
    throw new ApiError("not_found", `${kind} ${id} not found`);
  }
  return found;
}
