import { z } from "zod";
import { HttpError } from "../../http/errors.ts";
import { createTransport, type FetchLike } from "../../http/transport.ts";
import { HIGHLEVEL_API_VERSION, HIGHLEVEL_BASE_URL } from "./client.ts";

/** Token response of `POST /oauth/token` (GetAccessCodeSuccessfulResponseDto of apps/oauth.json). */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number(),
  refresh_token: z.string(),
  scope: z.string().optional(),
  userType: z.enum(["Location", "Company"]).optional(),
  locationId: z.string().optional(),
  companyId: z.string().optional(),
  approvedLocations: z.array(z.string()).optional(),
  userId: z.string(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** `POST /oauth/locationToken` (GetLocationAccessTokenSuccessfulResponseDto): no refresh token. */
export const locationTokenResponseSchema = z.looseObject({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number(),
  scope: z.string().optional(),
  locationId: z.string().optional(),
  userId: z.string(),
});
export type LocationTokenResponse = z.infer<typeof locationTokenResponseSchema>;

export type UserType = "Location" | "Company";

export interface HighLevelOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Default `HIGHLEVEL_BASE_URL`; the emulator's URL in the sandbox. */
  baseUrl?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

/**
 * HighLevel's token endpoint calls, form-encoded as it requires (BEHAVIOUR.md "OAuth"). Errors
 * are the transport's `HttpError` with HighLevel's body and message kept; `isInvalidGrant`
 * tells a dead code or refresh token (reconnect needed) from other failures. Every refresh
 * returns a NEW refresh token and retires the old one: save the pair before using it.
 */
export interface HighLevelOAuthClient {
  exchangeCode(input: {
    code: string;
    redirectUri?: string;
    userType?: UserType;
  }): Promise<TokenResponse>;
  refreshToken(input: { refreshToken: string; userType?: UserType }): Promise<TokenResponse>;
  /** Mints a location token from an agency (Company) token with `oauth.write`. */
  locationToken(input: {
    agencyToken: string;
    companyId: string;
    locationId: string;
  }): Promise<LocationTokenResponse>;
}

export function createHighLevelOAuthClient(opts: HighLevelOAuthOptions): HighLevelOAuthClient {
  const transport = createTransport({
    baseUrl: opts.baseUrl ?? HIGHLEVEL_BASE_URL,
    headers: { Version: HIGHLEVEL_API_VERSION },
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
  });
  const token = (form: Record<string, string>) =>
    transport.request(
      {
        method: "POST",
        path: "/oauth/token",
        form: { client_id: opts.clientId, client_secret: opts.clientSecret, ...form },
      },
      tokenResponseSchema,
    );
  return {
    exchangeCode: ({ code, redirectUri, userType = "Location" }) =>
      token({
        grant_type: "authorization_code",
        code,
        user_type: userType,
        ...(redirectUri === undefined ? {} : { redirect_uri: redirectUri }),
      }),
    refreshToken: ({ refreshToken, userType = "Location" }) =>
      token({ grant_type: "refresh_token", refresh_token: refreshToken, user_type: userType }),
    locationToken: ({ agencyToken, companyId, locationId }) =>
      transport.request(
        {
          method: "POST",
          path: "/oauth/locationToken",
          form: { companyId, locationId },
          headers: { Authorization: `Bearer ${agencyToken}` },
        },
        locationTokenResponseSchema,
      ),
  };
}

/**
 * True when the token endpoint rejected the grant itself (`error: "invalid_grant"`, or a
 * message saying so): the code or refresh token is dead and the connection needs reconnecting.
 */
export function isInvalidGrant(error: unknown): boolean {
  if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 401)) return false;
  const body = error.body as { error?: unknown; message?: unknown } | undefined;
  if (body?.error === "invalid_grant") return true;
  return typeof body?.message === "string" && /invalid[_ ]grant/i.test(body.message);
}
