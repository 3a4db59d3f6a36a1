import type { AppDescriptor } from "../../http/app-descriptor.ts";
import { breakcoldRateLimitPolicy } from "./rate-limit-policy.ts";
import { breakcoldRoutes } from "./routes.ts";

function errorOf(body: unknown): { code?: string; message: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    ...(typeof error?.code === "string" ? { code: error.code } : {}),
    message: typeof error?.message === "string" ? error.message : "request refused",
  };
}

/**
 * Breakcold as the connection layer sees it: the route table's operations and scopes, Bearer
 * API keys, 401 for a missing/expired/revoked key and 403 for a missing scope (API.md).
 */
export const breakcoldDescriptor: AppDescriptor = {
  app: "breakcold",
  operations: Object.values(breakcoldRoutes).map((route) => ({
    id: route.operation,
    method: route.method,
    path: route.path,
    scopes: route.scope ? [route.scope] : [],
  })),
  authorize(headers, credentials) {
    if (credentials.apiKey) headers.set("authorization", `Bearer ${credentials.apiKey}`);
  },
  classifyAuthFailure(status, body) {
    const { message } = errorOf(body);
    if (status === 401) return { kind: "bad_credentials", message };
    if (status === 403 && /scope/i.test(message)) return { kind: "missing_scope", message };
    return undefined;
  },
  rateLimit: breakcoldRateLimitPolicy,
};
