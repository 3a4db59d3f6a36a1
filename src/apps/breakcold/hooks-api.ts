import { z } from "zod";
import type { RouteCaller } from "./route-caller.ts";
import { breakcoldRoutes as routes } from "./routes.ts";
import { hookEnvelope, type IntegrationHook } from "./schemas.ts";
import type { BreakcoldWebhookEventName } from "./webhook-events.ts";

/** Integration hooks: webhook endpoints created through the API [inferred paths, API.md]. */
export interface BreakcoldHooksApi {
  /**
   * Registers `url` (https) for `events`. The answer carries the `signingSecret` once: keep it to
   * verify `X-Webhook-Signature`. `workspaceId` is needed only by keys with several workspaces.
   */
  createIntegrationHook(input: {
    url: string;
    events: readonly BreakcoldWebhookEventName[];
    workspaceId?: string;
  }): Promise<IntegrationHook & { signingSecret: string }>;
  /** Removes the hook; deliveries to it stop. Answers 204 with no body. */
  deleteIntegrationHook(hookId: string): Promise<void>;
}

/** The integration-hooks group of the client, on `caller`. */
export function hooksApi({ call }: RouteCaller): BreakcoldHooksApi {
  return {
    createIntegrationHook: async (input) =>
      (await call(routes.integration_hooks_create, {}, { body: input }, hookEnvelope)).hook,
    deleteIntegrationHook: async (hookId) => {
      await call(routes.integration_hooks_delete, { hookId }, {}, z.undefined());
    },
  };
}
