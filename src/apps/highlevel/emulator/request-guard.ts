import type { MiddlewareHandler } from "hono";
import type { Clock } from "../../../lib/clock.ts";
import { sha256Hex } from "../../../lib/hash.ts";
import { hlError, hlUnauthorized, MESSAGES } from "./hl-errors.ts";
import type { TokenGrant } from "./records.ts";
import type { EmulatorState } from "./state.ts";

/** The only `Version` value the v2 contacts spec declares (BEHAVIOUR.md "Requests"). */
export const API_VERSION = "2021-07-28";

/** A grant bound to one location: what every contacts route runs under. */
export type LocationGrant = TokenGrant & { locationId: string };

/** Hono environment shared by the emulator's routes. */
export interface EmulatorEnv {
  Variables: {
    /** The grant of the bearer token that made the request. */
    grant: LocationGrant;
    /** The validated JSON body (empty object for requests without one). */
    body: Record<string, unknown>;
  };
}

/** Rejects requests without `Version: 2021-07-28` with HighLevel's 400 body. */
export function requireVersion(): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const version = c.req.header("Version");
    if (version === undefined) return hlError(c, 400, MESSAGES.version);
    if (version !== API_VERSION) return hlError(c, 400, `Version ${version} is not supported`);
    return next();
  };
}

/** The stored grant of a bearer token, or undefined when unknown or expired on `clock`. */
export function findGrant(
  state: EmulatorState,
  clock: Clock,
  authorization: string | undefined,
): TokenGrant | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  const grant = match?.[1] ? state.tokens.get(sha256Hex(match[1])) : undefined;
  if (!grant) return undefined;
  if (grant.expiresAt !== undefined && clock.now() >= grant.expiresAt) return undefined;
  return grant;
}

/**
 * Resolves `Authorization: Bearer <token>` against the stored SHA-256 hashes and sets `grant`.
 * Unknown, missing and expired tokens get 401 "Invalid JWT" (BEHAVIOUR.md: bad or expired
 * token → 401). Company (agency) tokens are refused on the location-level contacts API.
 */
export function authenticate(state: EmulatorState, clock: Clock): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const grant = findGrant(state, clock, c.req.header("Authorization"));
    if (!grant) return hlUnauthorized(c, MESSAGES.invalidToken);
    if (grant.locationId === undefined) return hlUnauthorized(c, MESSAGES.authClass);
    c.set("grant", grant as LocationGrant);
    return next();
  };
}
