import type { MiddlewareHandler } from "hono";
import { sha256Hex } from "../../../lib/hash.ts";
import { hlError, hlUnauthorized, MESSAGES } from "./hl-errors.ts";
import type { TokenGrant } from "./records.ts";
import type { EmulatorState } from "./state.ts";

/** The only `Version` value the v2 contacts spec declares (BEHAVIOUR.md "Requests"). */
export const API_VERSION = "2021-07-28";

/** Hono environment shared by the emulator's routes. */
export interface EmulatorEnv {
  Variables: {
    /** The grant of the bearer token that made the request. */
    grant: TokenGrant;
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

/**
 * Resolves `Authorization: Bearer <token>` against the stored SHA-256 hashes and sets `grant`.
 * Unknown or missing tokens get 401 "Invalid JWT" (BEHAVIOUR.md: bad or expired token → 401).
 */
export function authenticate(state: EmulatorState): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const grant = match?.[1] ? state.tokens.get(sha256Hex(match[1])) : undefined;
    if (!grant) return hlUnauthorized(c, MESSAGES.invalidToken);
    c.set("grant", grant);
    return next();
  };
}
