import { randomBytes } from "node:crypto";
import type { Clock } from "../../../lib/clock.ts";
import { sha256Hex } from "../../../lib/hash.ts";
import type { OAuthSecret, TokenGrant } from "./records.ts";
import type { EmulatorState } from "./state.ts";

/** Access tokens last about a day (`expires_in` 86399, BEHAVIOUR.md "OAuth"). */
export const ACCESS_TOKEN_TTL_SECONDS = 86_399;
/** Refresh tokens last a year unless used. */
export const REFRESH_TOKEN_TTL_MS = 365 * 86_400_000;
/** Authorization codes are short-lived. */
export const AUTH_CODE_TTL_MS = 10 * 60_000;

/** Who a token or code is for. */
export interface GrantSubject {
  clientId: string;
  userType: "Location" | "Company";
  locationId?: string;
  companyId: string;
  scopes: string[];
  userId: string;
}

function secret(prefix: string): string {
  return `${prefix}${randomBytes(24).toString("base64url")}`;
}

/** Issues an OAuth access token (only its hash is stored) expiring on the emulator clock. */
export function issueAccessToken(state: EmulatorState, clock: Clock, subject: GrantSubject) {
  const token = secret("hl-at-");
  const grant: TokenGrant = {
    id: sha256Hex(token),
    kind: "oauth",
    userType: subject.userType,
    clientId: subject.clientId,
    companyId: subject.companyId,
    scopes: subject.scopes,
    userId: subject.userId,
    createdAt: new Date(clock.now()).toISOString(),
    expiresAt: clock.now() + ACCESS_TOKEN_TTL_SECONDS * 1000,
  };
  if (subject.userType === "Location" && subject.locationId) grant.locationId = subject.locationId;
  state.tokens.put(grant);
  return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}

/** Issues a single-use authorization code or refresh token for `subject`. */
export function issueSecret(
  state: EmulatorState,
  clock: Clock,
  kind: OAuthSecret["kind"],
  subject: Omit<GrantSubject, "userType"> & { userType?: GrantSubject["userType"] },
  redirectUri?: string,
): string {
  const value = secret(kind === "code" ? "hl-code-" : "hl-rt-");
  const row: OAuthSecret = {
    id: sha256Hex(value),
    kind,
    clientId: subject.clientId,
    companyId: subject.companyId,
    scopes: subject.scopes,
    userId: subject.userId,
    expiresAt: clock.now() + (kind === "code" ? AUTH_CODE_TTL_MS : REFRESH_TOKEN_TTL_MS),
  };
  if (subject.locationId) row.locationId = subject.locationId;
  if (subject.userType) row.userType = subject.userType;
  if (redirectUri) row.redirectUri = redirectUri;
  state.oauthSecrets.put(row);
  return value;
}

/**
 * Takes a code or refresh token: returns its row and deletes it, so a second use fails
 * (refresh tokens rotate: "the old one stops working", BEHAVIOUR.md "OAuth").
 */
export function consumeSecret(
  state: EmulatorState,
  clock: Clock,
  kind: OAuthSecret["kind"],
  value: string,
  clientId: string,
): OAuthSecret | undefined {
  const row = state.oauthSecrets.get(sha256Hex(value));
  if (!row || row.kind !== kind || row.clientId !== clientId) return undefined;
  state.oauthSecrets.delete(row.id);
  return row.expiresAt > clock.now() ? row : undefined;
}
