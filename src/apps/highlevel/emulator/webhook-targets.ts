import type { EmulatorState } from "./state.ts";
import type { WebhookEvent } from "./webhook-payloads.ts";

/**
 * The URLs an event goes to. Each marketplace app has ONE webhook URL for every location that
 * installed it (BEHAVIOUR.md "Webhooks"); `INSTALL`/`UNINSTALL` go to their own app only. The
 * sandbox's built-in app (`setWebhookUrl` without a client id) stands for an app installed on
 * every location, which is how the bridge's sandbox receives events for its location.
 */
export function webhookTargets(
  state: EmulatorState,
  event: WebhookEvent,
  appId?: string,
): string[] {
  if (appId !== undefined) {
    const url = state.apps.get(appId)?.webhookUrl;
    return url ? [url] : [];
  }
  const urls: string[] = [];
  const builtIn = state.webhookSettings.get("app")?.url;
  if (builtIn) urls.push(builtIn);
  if (event.locationId) {
    for (const install of state.installs.where("locationId", event.locationId)) {
      const url = state.apps.get(install.clientId)?.webhookUrl;
      if (url) urls.push(url);
    }
  }
  return urls;
}
