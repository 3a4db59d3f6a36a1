import type { MiddlewareHandler } from "hono";
import { sha256Hex } from "../../../lib/hash.ts";
import { opaqueId, randomSecret } from "../../../lib/ids.ts";
import type { BreakcoldRoute, BreakcoldScope } from "../routes.ts";
import { ApiError } from "./api-error.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";
import type { StoredApiKey } from "./model.ts";

/** Scopes a key gets when none are given: read and write on records, tasks, notes, metadata. */
export const DEFAULT_SCOPES: readonly BreakcoldScope[] = [
  "records:read",
  "records:write",
  "tasks:read",
  "tasks:write",
  "notes:read",
  "notes:write",
  "crm:metadata:read",
  "crm:metadata:write",
];

/** Every scope this emulator knows: the defaults plus `webhooks:write`. */
export const ALL_SCOPES: readonly BreakcoldScope[] = [...DEFAULT_SCOPES, "webhooks:write"];

const KEY_PREFIX = "bc_live_";

/**
 * Issues a personal API key limited to `workspaceIds` (all in one organization). Returns the
 * plaintext `bc_live_…` once; only its sha256 is stored. Throws on unknown workspaces or an
 * empty list, which are test-setup bugs.
 */
export function issueApiKey(
  { state, clock }: Pick<EmulatorDeps, "state" | "clock">,
  input: { workspaceIds: string[]; scopes?: string[]; expiresAt?: number; actorUserId?: string },
): string {
  if (input.workspaceIds.length === 0) throw new Error("issueApiKey: workspaceIds is empty");
  const organizations = new Set(
    input.workspaceIds.map((id) => {
      const workspace = state.workspaces.get(id);
      if (!workspace) throw new Error(`issueApiKey: unknown workspace ${id}`);
      return workspace.organizationId;
    }),
  );
  const [organizationId] = [...organizations];
  if (organizations.size !== 1 || organizationId === undefined) {
    throw new Error("issueApiKey: workspaces belong to different organizations");
  }
  const plaintext = `${KEY_PREFIX}${randomSecret(24)}`;
  const key: StoredApiKey = {
    id: sha256Hex(plaintext),
    organizationId,
    workspaceIds: [...input.workspaceIds],
    scopes: [...((input.scopes as BreakcoldScope[] | undefined) ?? DEFAULT_SCOPES)],
    actorUserId: input.actorUserId ?? opaqueId(),
    createdAt: clock.now(),
  };
  if (input.expiresAt !== undefined) key.expiresAt = input.expiresAt;
  state.apiKeys.put(key);
  return plaintext;
}

/**
 * Authenticates `Authorization: Bearer bc_live_…`: 401 when missing, without the `Bearer `
 * prefix, malformed, unknown or expired; 403 when `X-Breakcold-Organization-Id` names an
 * organization the key does not belong to.
 */
export function authenticate({
  state,
  clock,
}: Pick<EmulatorDeps, "state" | "clock">): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) throw new ApiError("unauthorized", "Missing Authorization header");
    if (!header.startsWith("Bearer ")) {
      throw new ApiError("unauthorized", "Authorization header must use the Bearer scheme");
    }
    const token = header.slice("Bearer ".length).trim();
    if (!token.startsWith(KEY_PREFIX)) throw new ApiError("unauthorized", "Malformed API key");
    const key = state.apiKeys.get(sha256Hex(token));
    if (!key) throw new ApiError("unauthorized", "Invalid API key");
    if (key.expiresAt !== undefined && key.expiresAt <= clock.now()) {
      throw new ApiError("unauthorized", "API key expired");
    }
    const organization = c.req.header("x-breakcold-organization-id");
    if (organization !== undefined && organization !== key.organizationId) {
      throw new ApiError("forbidden", "API key is not a member of this organization");
    }
    c.set("apiKey", key);
    await next();
  };
}

/** Marks the request with its route and answers 403 when the key lacks the route's scope. */
export function requireScope(target: BreakcoldRoute): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    c.set("operation", target);
    const scope = target.scope;
    if (scope !== null && !c.get("apiKey").scopes.includes(scope)) {
      throw new ApiError("forbidden", `Missing scope ${scope}`);
    }
    await next();
  };
}

/** 403 unless the key may act in `workspaceId` (used where the caller names the workspace). */
export function assertWorkspaceAccess(key: StoredApiKey, workspaceId: string): void {
  if (!key.workspaceIds.includes(workspaceId)) {
    throw new ApiError("forbidden", "API key has no access to this workspace");
  }
}
