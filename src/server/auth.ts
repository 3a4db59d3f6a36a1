import type { MiddlewareHandler } from "hono";
import type { Db } from "../store/database.ts";
import { checkLocalToken } from "../store/local-tokens.ts";
import { apiError } from "./api-error.ts";

/** Requires `Authorization: Bearer <token>` matching a stored local token hash. */
export function requireLocalToken(db: Db): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    // The scheme name is case-insensitive (RFC 9110 §11.1).
    const token = /^bearer\s+/i.test(header) ? header.replace(/^bearer\s+/i, "").trim() : "";
    if (!token || !(await checkLocalToken(db, token))) {
      return apiError(c, 401, "unauthorized", "a valid local API token is required (Bearer)");
    }
    return next();
  };
}
