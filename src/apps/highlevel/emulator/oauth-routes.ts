import { Hono } from "hono";
import { safeEqual, sha256Hex } from "../../../lib/hash.ts";
import { firebaseId } from "../../../lib/ids.ts";
import { companyOf, installApp } from "./app-installs.ts";
import { hlUnauthorized, MESSAGES } from "./hl-errors.ts";
import { consumeSecret, issueAccessToken, issueSecret } from "./oauth-grants.ts";
import type { MarketplaceApp } from "./records.ts";
import { findGrant } from "./request-guard.ts";
import type { RouteDeps } from "./route-deps.ts";

type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unsupported_grant_type";

/**
 * OAuth errors carry both HighLevel's `{statusCode, message}` (BadRequestDTO/UnauthorizedDTO of
 * apps/oauth.json) and the RFC 6749 `error` code, so a client can tell `invalid_grant` apart.
 */
function oauthError(code: OAuthErrorCode, message: string): Response {
  const status = code === "invalid_client" ? 401 : 400;
  return Response.json(
    { statusCode: status, message, error: code, error_description: message },
    { status },
  );
}

function requireFields(form: Record<string, string>, names: string[]): Response | undefined {
  const missing = names.filter((name) => !form[name]);
  if (missing.length === 0) return undefined;
  return Response.json(
    {
      statusCode: 422,
      message: missing.map((name) => `${name} should not be empty`),
      error: "Unprocessable Entity",
    },
    { status: 422 },
  );
}

async function readForm(req: Request): Promise<Record<string, string>> {
  const text = await req.text();
  return Object.fromEntries(new URLSearchParams(text));
}

function authenticateClient(deps: RouteDeps, form: Record<string, string>) {
  const app = deps.state.apps.get(form.client_id ?? "");
  if (!app || !safeEqual(app.secretHash, sha256Hex(form.client_secret ?? ""))) return undefined;
  return app;
}

function consentError(message: string): Response {
  return new Response(`<!doctype html><title>Authorization failed</title><p>${message}</p>`, {
    status: 400,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

function requestedScopes(app: MarketplaceApp, raw: string | undefined): string[] | string {
  const scopes = (raw ?? "").split(/[\s+]+/).filter(Boolean);
  const granted = scopes.length > 0 ? scopes : app.scopes;
  const outside = granted.filter((s) => app.scopes.length > 0 && !app.scopes.includes(s));
  return outside.length > 0 ? `scope not allowed for this app: ${outside.join(" ")}` : granted;
}

/**
 * The OAuth server side: the consent page at HighLevel's path (approves at once in the sandbox:
 * the location is `locationId` from the query or the first one), `POST /oauth/token`
 * (authorization_code and refresh_token, form-encoded, refresh tokens rotate) and
 * `POST /oauth/locationToken` (agency token with `oauth.write` → location token).
 */
export function oauthRoutes(deps: RouteDeps): Hono {
  const { state, clock } = deps;
  const app = new Hono();

  app.get("/v2/oauth/chooselocation", (c) => {
    const q = c.req.query();
    if (q.response_type !== "code") return consentError("response_type must be code");
    const client = state.apps.get(q.client_id ?? "");
    if (!client) return consentError("Unknown client_id");
    const redirectUri = q.redirect_uri ?? client.redirectUris[0];
    if (
      !redirectUri ||
      (client.redirectUris.length > 0 && !client.redirectUris.includes(redirectUri))
    ) {
      return consentError("redirect_uri is not registered for this app");
    }
    const scopes = requestedScopes(client, q.scope);
    if (typeof scopes === "string") return consentError(scopes);
    const location = q.locationId ? state.locations.get(q.locationId) : state.locations.all()[0];
    if (!location) return consentError("No location to install the app on");
    const userId = firebaseId();
    installApp(deps, client, location, scopes, userId);
    const code = issueSecret(
      state,
      clock,
      "code",
      {
        clientId: client.id,
        locationId: location.id,
        companyId: companyOf(location),
        scopes,
        userId,
      },
      q.redirect_uri,
    );
    const target = new URL(redirectUri);
    target.searchParams.set("code", code);
    if (q.state !== undefined) target.searchParams.set("state", q.state);
    return c.redirect(target.toString(), 302);
  });

  app.post("/oauth/token", async (c) => {
    const form = await readForm(c.req.raw);
    const missing = requireFields(form, ["client_id", "client_secret", "grant_type"]);
    if (missing) return missing;
    const client = authenticateClient(deps, form);
    if (!client) return oauthError("invalid_client", "Invalid client credentials");
    let row: ReturnType<typeof consumeSecret>;
    if (form.grant_type === "authorization_code") {
      row = consumeSecret(state, clock, "code", form.code ?? "", client.id);
      if (!row) return oauthError("invalid_grant", "Invalid grant: authorization code is invalid");
      if (row.redirectUri && form.redirect_uri && row.redirectUri !== form.redirect_uri) {
        return oauthError("invalid_grant", "Invalid grant: redirect_uri does not match");
      }
    } else if (form.grant_type === "refresh_token") {
      row = consumeSecret(state, clock, "refresh", form.refresh_token ?? "", client.id);
      if (!row) return oauthError("invalid_grant", "Invalid grant: refresh token is invalid");
    } else {
      return oauthError("unsupported_grant_type", `grant_type ${form.grant_type} is not supported`);
    }
    const userType =
      form.user_type === "Company" || form.user_type === "Location"
        ? form.user_type
        : (row.userType ?? "Location");
    const subject = {
      clientId: client.id,
      userType,
      companyId: row.companyId,
      scopes: row.scopes,
      userId: row.userId,
      ...(row.locationId ? { locationId: row.locationId } : {}),
    } as const;
    const access = issueAccessToken(state, clock, subject);
    const refresh = issueSecret(state, clock, "refresh", subject);
    return c.json({
      access_token: access.token,
      token_type: "Bearer",
      expires_in: access.expiresIn,
      refresh_token: refresh,
      scope: row.scopes.join(" "),
      userType,
      companyId: row.companyId,
      ...(userType === "Location" && row.locationId ? { locationId: row.locationId } : {}),
      ...(userType === "Company" && row.locationId ? { approvedLocations: [row.locationId] } : {}),
      userId: row.userId,
      isBulkInstallation: false,
    });
  });

  app.post("/oauth/locationToken", async (c) => {
    const grant = findGrant(state, clock, c.req.header("Authorization"));
    if (!grant) return hlUnauthorized(c, MESSAGES.invalidToken);
    if (grant.userType !== "Company" || !grant.scopes.includes("oauth.write")) {
      return hlUnauthorized(c, MESSAGES.scope);
    }
    const form = await readForm(c.req.raw);
    const missing = requireFields(form, ["companyId", "locationId"]);
    if (missing) return missing;
    const location = state.locations.get(form.locationId ?? "");
    if (
      form.companyId !== grant.companyId ||
      !location ||
      companyOf(location) !== grant.companyId
    ) {
      return c.json({ statusCode: 400, message: "Location not found for this company" }, 400);
    }
    const install = grant.clientId
      ? state.installs.get(`${grant.clientId}:${location.id}`)
      : undefined;
    if (!install || !grant.clientId) {
      return c.json({ statusCode: 400, message: "The app is not installed on this location" }, 400);
    }
    const userId = grant.userId ?? firebaseId();
    const access = issueAccessToken(state, clock, {
      clientId: grant.clientId,
      userType: "Location",
      locationId: location.id,
      companyId: grant.companyId,
      scopes: install.scopes,
      userId,
    });
    return c.json({
      access_token: access.token,
      token_type: "Bearer",
      expires_in: access.expiresIn,
      scope: install.scopes.join(" "),
      locationId: location.id,
      userId,
      appId: grant.clientId,
    });
  });

  return app;
}
