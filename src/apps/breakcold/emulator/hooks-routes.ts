import type { Hono } from "hono";
import { opaqueId, randomSecret } from "../../../lib/ids.ts";
import { hookIdInput, integrationHooksCreateInput } from "../crm-tool-inputs.ts";
import { breakcoldRoutes as routes } from "../routes.ts";
import { ApiError, parseInput } from "./api-error.ts";
import { assertWorkspaceAccess } from "./auth.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";
import { soleWorkspace } from "./records-routes.ts";
import { registerRoute } from "./register-route.ts";
import { bodyInput, queryInput } from "./request-input.ts";
import type { StoredEndpoint } from "./webhook-model.ts";

/** A new endpoint signing secret; `whsec_` marks what it is in logs and configs. */
export function newSigningSecret(): string {
  return `whsec_${randomSecret(24)}`;
}

/**
 * Mounts integration_hooks_create/delete [inferred, API.md]. The url must be https, except for
 * loopback hosts (localhost, 127.0.0.1, [::1]) so a bridge on a developer machine can receive
 * the sandbox's webhooks. The answer `{hook: {id, url, events, signingSecret, createdAt}}` is the
 * only time the secret is shown. Delete answers 204; an unknown or foreign hook is a 404.
 */
export function registerHookRoutes(app: Hono<EmulatorEnv>, deps: EmulatorDeps): void {
  const { state, clock } = deps;

  registerRoute(app, deps, routes.integration_hooks_create, async (c) => {
    const input = parseInput(integrationHooksCreateInput, await bodyInput(c));
    const key = c.get("apiKey");
    const workspaceId = input.workspaceId ?? soleWorkspace(key);
    assertWorkspaceAccess(key, workspaceId);
    const url = new URL(input.url);
    const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    if (url.protocol !== "https:" && !loopback) {
      throw new ApiError("invalid_request", "url: must be an https URL");
    }
    const endpoint: StoredEndpoint = {
      id: opaqueId(),
      workspaceId,
      url: input.url,
      events: [...new Set(input.events)],
      secret: newSigningSecret(),
      source: "hook",
      enabled: true,
      consecutiveFailures: 0,
      createdAt: clock.now(),
    };
    state.endpoints.put(endpoint);
    const { id, url: hookUrl, events, secret: signingSecret, createdAt } = endpoint;
    return c.json({ hook: { id, url: hookUrl, events, signingSecret, createdAt } }, 201);
  });

  registerRoute(app, deps, routes.integration_hooks_delete, (c) => {
    const input = parseInput(hookIdInput, queryInput(c));
    const endpoint = state.endpoints.get(input.hookId);
    if (
      endpoint?.source !== "hook" ||
      !c.get("apiKey").workspaceIds.includes(endpoint.workspaceId)
    ) {
      throw new ApiError("not_found", `Integration hook ${input.hookId} not found`);
    }
    state.endpoints.delete(endpoint.id);
    return c.body(null, 204);
  });
}
