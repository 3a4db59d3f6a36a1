import { randomBytes } from "node:crypto";
import { HIGHLEVEL_BASE_URL } from "../apps/highlevel/client.ts";
import {
  consentUrl,
  exchangeCode,
  HIGHLEVEL_CONSENT_URL,
  tokenCredentials,
} from "../apps/highlevel/oauth-connection.ts";
import type { Config } from "../config/env.ts";
import { isSandboxUrl } from "../config/sandbox-paths.ts";
import type { FetchLike } from "../http/transport.ts";
import type { Clock } from "../lib/clock.ts";
import { err, ok, type Result } from "../lib/result.ts";
import {
  type Connection,
  getConnection,
  listConnections,
  setConnectionScopes,
  setConnectionStatus,
} from "../store/connections.ts";
import type { Db } from "../store/database.ts";
import { claimPending, finishPending, getPending, insertPending } from "../store/oauth-pending.ts";
import type { Vault } from "../vault/vault.ts";

/** Path of the OAuth callback under `BRIDGE_PUBLIC_URL`. */
export const HIGHLEVEL_CALLBACK_PATH = "/oauth/highlevel/callback";
/** How long a consent URL stays usable. */
const PENDING_MS = 15 * 60_000;

export interface OAuthDeps {
  readonly config: Config;
  readonly db: Db;
  readonly vault: Vault;
  readonly clock: Clock;
  readonly fetch: FetchLike;
}

export type OAuthError = {
  readonly code: "oauth_failed" | "oauth_not_configured";
  readonly message: string;
};

function highlevelApp(
  config: Config,
): Result<{ clientId: string; clientSecret: string }, OAuthError> {
  const { clientId, clientSecret } = config.highlevelApp;
  if (!clientId || !clientSecret) {
    return err({
      code: "oauth_not_configured",
      message:
        "set HIGHLEVEL_CLIENT_ID and HIGHLEVEL_CLIENT_SECRET (your HighLevel Marketplace app) first",
    });
  }
  return ok({ clientId, clientSecret });
}

/**
 * Starts the authorization-code flow: remembers a random `state` with where the tokens will be
 * fetched, and returns the consent URL for the user to open.
 */
export async function beginHighLevelOAuth(
  deps: OAuthDeps,
  options: { authUrl?: string; baseUrl?: string; label?: string },
): Promise<Result<{ url: string; state: string; redirectUri: string }, OAuthError>> {
  const app = highlevelApp(deps.config);
  if (!app.ok) return app;
  const state = randomBytes(24).toString("base64url");
  const redirectUri = `${deps.config.publicUrl}${HIGHLEVEL_CALLBACK_PATH}`;
  const now = deps.clock.now();
  await insertPending(
    deps.db,
    {
      state,
      app: "highlevel",
      baseUrl: (options.baseUrl ?? HIGHLEVEL_BASE_URL).replace(/\/+$/, ""),
      redirectUri,
      label: options.label ?? null,
      expiresAt: now + PENDING_MS,
    },
    now,
  );
  const url = consentUrl({
    authUrl: options.authUrl ?? HIGHLEVEL_CONSENT_URL,
    clientId: app.value.clientId,
    redirectUri,
    state,
  });
  return ok({ url, state, redirectUri });
}

async function storeTokens(
  deps: OAuthDeps,
  baseUrl: string,
  label: string | null,
  credentials: Record<string, string>,
  accountId: string,
  scopes: string[],
) {
  const now = deps.clock.now();
  const existing = (await listConnections(deps.db)).find(
    (c) =>
      c.app === "highlevel" &&
      c.authKind === "oauth" &&
      c.accountId === accountId &&
      c.baseUrl === baseUrl,
  );
  if (existing) {
    // Reconnecting: the same connection gets the new grant and is active again.
    await deps.vault.replaceCredentials(existing.id, credentials, "oauth");
    await setConnectionScopes(deps.db, existing.id, { granted: scopes, missing: [] }, now);
    await setConnectionStatus(deps.db, existing.id, "active", null, now);
    return (await getConnection(deps.db, existing.id)) as Connection;
  }
  return deps.vault.addConnection(
    {
      app: "highlevel",
      label: label ?? `HighLevel location ${accountId}`,
      authKind: "oauth",
      accountId,
      baseUrl,
      credentials,
      scopes,
      sandbox: isSandboxUrl(baseUrl, deps.config.publicUrl),
    },
    "oauth",
  );
}

/**
 * Finishes the flow on the callback: checks `state` (unknown, expired or already used states
 * are refused), exchanges the code, and stores the tokens and granted scopes.
 */
export async function completeHighLevelOAuth(
  deps: OAuthDeps,
  query: { state?: string | undefined; code?: string | undefined; error?: string | undefined },
): Promise<Result<Connection, OAuthError>> {
  const fail = (message: string) => err({ code: "oauth_failed" as const, message });
  if (!query.state) return fail("the callback has no state");
  const pending = await getPending(deps.db, query.state);
  if (!pending || !(await claimPending(deps.db, query.state, deps.clock.now()))) {
    return fail(
      "unknown, expired or already used state: start again with `connections add highlevel --oauth`",
    );
  }
  const finish = async (message: string) => {
    await finishPending(deps.db, pending.state, { error: message });
    return fail(message);
  };
  if (query.error || !query.code)
    return finish(`HighLevel did not authorize: ${query.error ?? "no code"}`);
  const app = highlevelApp(deps.config);
  if (!app.ok) return finish(app.error.message);
  try {
    const token = await exchangeCode(app.value, {
      baseUrl: pending.baseUrl,
      code: query.code,
      redirectUri: pending.redirectUri,
      fetch: deps.fetch,
    });
    const accountId = token.locationId ?? token.companyId;
    if (!accountId) return finish("the token answer names no location or company");
    const scopes = (token.scope ?? "").split(/\s+/).filter((scope) => scope.length > 0);
    const connection = await storeTokens(
      deps,
      pending.baseUrl,
      pending.label,
      tokenCredentials(token, deps.clock.now()),
      accountId,
      scopes,
    );
    await finishPending(deps.db, pending.state, { connectionId: connection.id });
    return ok(connection);
  } catch (error) {
    return finish(
      `the code exchange failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
