import type { Hono } from "hono";
import { opaqueId } from "../../../lib/ids.ts";
import { breakcoldRoutes as routes } from "../routes.ts";
import type { CustomActivity } from "../schemas.ts";
import { customActivitiesCreateInput } from "../tool-inputs.ts";
import { ApiError, parseInput } from "./api-error.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";
import type { StoredActivity } from "./model.ts";
import { loadRecord } from "./record-access.ts";
import { registerRoute } from "./register-route.ts";
import { bodyInput, definedOnly } from "./request-input.ts";

/**
 * Mounts custom_activities_create: an entry on a record's timeline answered as `{activity}`
 * [inferred shape]. `linkedRecordIds` must name records the key can see in the same workspace
 * (else 400), and `endAt` may not precede `startAt`.
 */
export function registerCustomActivityRoutes(app: Hono<EmulatorEnv>, deps: EmulatorDeps): void {
  const { state, clock } = deps;
  registerRoute(app, deps, routes.custom_activities_create, async (c) => {
    const { recordId, ...input } = parseInput(customActivitiesCreateInput, await bodyInput(c));
    const key = c.get("apiKey");
    const record = loadRecord(state, key, recordId);
    for (const linked of input.linkedRecordIds ?? []) {
      const other = state.records.get(linked);
      if (!other || other.workspaceId !== record.workspaceId || other.isArchived) {
        throw new ApiError("invalid_request", `linkedRecordIds: unknown record ${linked}`);
      }
    }
    if (input.startAt !== undefined && input.endAt !== undefined && input.endAt < input.startAt) {
      throw new ApiError("invalid_request", "endAt: must not be before startAt");
    }
    const now = clock.now();
    const activity: StoredActivity = {
      ...definedOnly(input),
      id: opaqueId(),
      workspaceId: record.workspaceId,
      recordId: record.id,
      createdAt: now,
      updatedAt: now,
    };
    state.activities.put(activity);
    return c.json({ activity: activity satisfies CustomActivity }, 201);
  });
}
