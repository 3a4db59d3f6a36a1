import type { AppInstall, Location, MarketplaceApp } from "./records.ts";
import { isoNow, type RouteDeps } from "./route-deps.ts";
import { appEvent } from "./webhook-payloads.ts";

/** The agency id of a location (rows stored before companies existed get a derived one). */
export function companyOf(location: Location): string {
  return location.companyId ?? `company-${location.id}`;
}

/**
 * Installs `app` on `location` (idempotent) and sends `INSTALL` to the app's webhook URL, as the
 * consent page does when a user approves.
 */
export function installApp(
  deps: RouteDeps,
  app: MarketplaceApp,
  location: Location,
  scopes: string[],
  userId: string,
): AppInstall {
  const id = `${app.id}:${location.id}`;
  const existing = deps.state.installs.get(id);
  const install = deps.state.installs.put({
    id,
    clientId: app.id,
    locationId: location.id,
    companyId: companyOf(location),
    scopes,
    installedAt: existing?.installedAt ?? isoNow(deps),
  });
  if (!existing) {
    deps.webhooks.dispatch(
      appEvent("INSTALL", {
        appId: app.id,
        locationId: location.id,
        companyId: install.companyId,
        userId,
        companyName: location.name,
      }),
      { appId: app.id },
    );
  }
  return install;
}

/** Removes the install, revokes the app's tokens for the location and sends `UNINSTALL`. */
export function uninstallApp(deps: RouteDeps, clientId: string, locationId: string): boolean {
  const install = deps.state.installs.get(`${clientId}:${locationId}`);
  if (!install) return false;
  deps.state.installs.delete(install.id);
  for (const grant of deps.state.tokens.where("clientId", clientId)) {
    if (grant.locationId === locationId) deps.state.tokens.delete(grant.id);
  }
  // Refresh tokens and unused codes die with the install: a refresh afterwards is invalid_grant.
  for (const secret of deps.state.oauthSecrets.where("clientId", clientId)) {
    if (secret.locationId === locationId) deps.state.oauthSecrets.delete(secret.id);
  }
  deps.webhooks.dispatch(
    appEvent("UNINSTALL", { appId: clientId, locationId, companyId: install.companyId }),
    { appId: clientId },
  );
  return true;
}
