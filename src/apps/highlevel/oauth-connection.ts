import { HttpError, NetworkError, TimeoutError } from "../../http/errors.ts";
import type { FetchLike } from "../../http/transport.ts";
import type { Clock } from "../../lib/clock.ts";
import {
  createHighLevelOAuthClient,
  isInvalidGrant,
  type TokenResponse,
  type UserType,
} from "./oauth.ts";

/** HighLevel's consent page (BEHAVIOUR.md "OAuth"). */
export const HIGHLEVEL_CONSENT_URL = "https://marketplace.gohighlevel.com/v2/oauth/chooselocation";

/** Scopes the bridge asks for: read contacts (lead intake) and write them (sync, actions). */
export const HIGHLEVEL_OAUTH_SCOPES = ["contacts.readonly", "contacts.write"] as const;

export interface HighLevelApp {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The consent URL the user opens: response_type=code, space-separated scopes, our state. */
export function consentUrl(input: {
  authUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scopes?: readonly string[];
}): string {
  const url = new URL(input.authUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("redirect_uri", input.redirectUri);
  url.searchParams.set("client_id", input.clientId);
  url.searchParams.set("scope", (input.scopes ?? HIGHLEVEL_OAUTH_SCOPES).join(" "));
  url.searchParams.set("state", input.state);
  return url.toString();
}

/** Credentials as the vault keeps them for an OAuth connection. */
export function tokenCredentials(token: TokenResponse, now: number): Record<string, string> {
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    expiresAt: String(now + token.expires_in * 1000),
    userType: token.userType ?? "Location",
    ...(token.scope ? { scope: token.scope } : {}),
  };
}

/**
 * How a token-endpoint failure should be treated: `reconnect` for a dead grant — including the
 * undocumented 400s such as "Location is not active" (BEHAVIOUR.md) — `transient` for network
 * trouble, timeouts, 429 and 5xx.
 */
export function classifyTokenFailure(error: unknown): "reconnect" | "transient" {
  if (isInvalidGrant(error)) return "reconnect";
  if (error instanceof NetworkError || error instanceof TimeoutError) return "transient";
  if (error instanceof HttpError) {
    return error.status === 429 || error.status >= 500 ? "transient" : "reconnect";
  }
  return "transient";
}

/** Exchanges an authorization code at `<baseUrl>/oauth/token`. */
export async function exchangeCode(
  app: HighLevelApp,
  input: { baseUrl: string; code: string; redirectUri: string; fetch?: FetchLike },
): Promise<TokenResponse> {
  const client = createHighLevelOAuthClient({
    ...app,
    baseUrl: input.baseUrl,
    ...(input.fetch ? { fetch: input.fetch } : {}),
  });
  return client.exchangeCode({ code: input.code, redirectUri: input.redirectUri });
}

/**
 * A refresh for one connection: posts the stored refresh token and returns the new credential
 * set (HighLevel rotates the refresh token on every refresh).
 */
export function refreshCredentials(
  app: HighLevelApp,
  input: { baseUrl: string; fetch: FetchLike; clock: Clock },
): (credentials: Readonly<Record<string, string>>) => Promise<Record<string, string>> {
  const client = createHighLevelOAuthClient({ ...app, baseUrl: input.baseUrl, fetch: input.fetch });
  return async (credentials) => {
    const refreshToken = credentials.refreshToken;
    if (!refreshToken) throw new Error("no refresh token stored");
    const userType = (credentials.userType as UserType | undefined) ?? "Location";
    const token = await client.refreshToken({ refreshToken, userType });
    return tokenCredentials(token, input.clock.now());
  };
}
