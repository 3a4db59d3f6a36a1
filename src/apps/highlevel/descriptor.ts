import type { AppDescriptor } from "../../http/app-descriptor.ts";
import operations from "./emulator/operations.json" with { type: "json" };
import { highlevelRateLimitPolicy } from "./rate-limit-policy.ts";

/** HighLevel's answer when a valid token lacks the operation's scope (BEHAVIOUR.md, Errors). */
const SCOPE_MESSAGE = /not authorized for this scope/i;

function messageOf(body: unknown): string {
  if (body && typeof body === "object" && "message" in body) {
    const message = (body as { message: unknown }).message;
    return Array.isArray(message) ? message.join("; ") : String(message);
  }
  return typeof body === "string" ? body : "unauthorized";
}

/**
 * HighLevel as the connection layer sees it: the 32 Contacts operations with the scopes the
 * spec gives them, Bearer tokens, and a 401 read before acting — "The token is not authorized
 * for this scope." is a missing scope (no refresh); any other 401 is a dead or expired token.
 */
export const highlevelDescriptor: AppDescriptor = {
  app: "highlevel",
  operations: Object.entries(operations).map(([id, op]) => ({
    id,
    method: op.method,
    path: op.path,
    scopes: op.scopes,
  })),
  authorize(headers, credentials) {
    const token = credentials.accessToken ?? credentials.token;
    if (token) headers.set("authorization", `Bearer ${token}`);
  },
  classifyAuthFailure(status, body) {
    if (status !== 401 && status !== 403) return undefined;
    const message = messageOf(body);
    if (status === 401 && SCOPE_MESSAGE.test(message)) return { kind: "missing_scope", message };
    if (status === 401) return { kind: "bad_credentials", message };
    return undefined;
  },
  rateLimit: highlevelRateLimitPolicy,
};
