import { ApiError } from "./api-error.ts";
import type { EmulatorState, StoredApiKey, StoredObjectType, StoredView } from "./model.ts";

/**
 * Resolves the `viewId` of a records list. A view is a saved list of one object type (every
 * object type has its seeded "All <plural>" view) with an optional saved `search`. An unknown
 * view, or one of a workspace the key cannot use or other than the list's, answers 404 like any
 * missing resource; a view of another object type than the one named in the query is a 400.
 */
export function resolveView(
  state: EmulatorState,
  key: StoredApiKey,
  workspaceId: string,
  viewId: string,
  objectType: StoredObjectType | undefined,
): StoredView {
  const view = state.views.get(viewId);
  if (!view || view.workspaceId !== workspaceId || !key.workspaceIds.includes(view.workspaceId)) {
    throw new ApiError("not_found", `View ${viewId} not found`);
  }
  if (objectType !== undefined && objectType.id !== view.objectTypeId) {
    throw new ApiError(
      "invalid_request",
      `viewId: view ${viewId} lists another object type than ${objectType.slug}`,
    );
  }
  return view;
}
