import type { MiddlewareHandler } from "hono";
import type { OperationSpec } from "./extract-operations.ts";
import { hlError, hlUnauthorized, hlUnprocessable, MESSAGES } from "./hl-errors.ts";
import operationsJson from "./operations.json" with { type: "json" };
import type { EmulatorEnv } from "./request-guard.ts";
import { validateShape } from "./validate-shape.ts";

/** Operation contracts extracted from contacts.json (regenerate with extract-operations.ts). */
export const OPERATIONS: Readonly<Record<string, OperationSpec>> = operationsJson as Record<
  string,
  OperationSpec
>;

/**
 * The two bulk operations declare no security in contacts.json, yet they write contacts: the
 * emulator asks for `contacts.write` there, as for every other write.
 */
const SCOPE_OVERRIDES: Readonly<Record<string, readonly string[]>> = {
  "create-association": ["contacts.write"],
  "add-remove-contact-from-business": ["contacts.write"],
};

/** Scopes that satisfy an operation (any one of them). */
export function operationScopes(operationId: string): readonly string[] {
  return SCOPE_OVERRIDES[operationId] ?? operationSpec(operationId).scopes;
}

/** Looks up an operation by its `operationId`; throws for ids not in the spec (a bug). */
export function operationSpec(operationId: string): OperationSpec {
  const spec = OPERATIONS[operationId];
  if (!spec) throw new Error(`unknown HighLevel operationId: ${operationId}`);
  return spec;
}

async function readJsonBody(req: Request): Promise<unknown> {
  const text = await req.text();
  return text.trim() === "" ? {} : JSON.parse(text);
}

/**
 * Enforces one operation's contract, in HighLevel's order: scope (401 "not authorized for this
 * scope"), `locationId` of another location in query or body (403), then the DTO whitelist and
 * required/type checks (422 string list). The parsed body is left in `c.var.body`. Set
 * `checkBodyShape: false` where the spec leaves the DTO empty and the route validates itself
 * (search, BEHAVIOUR.md "Search").
 */
export function operationGuard(
  operationId: string,
  options: { checkBodyShape?: boolean } = {},
): MiddlewareHandler<EmulatorEnv> {
  const spec = operationSpec(operationId);
  const scopes = operationScopes(operationId);
  const checkBody = options.checkBodyShape ?? true;
  return async (c, next) => {
    const grant = c.get("grant");
    if (scopes.length > 0 && !scopes.some((s) => grant.scopes.includes(s))) {
      return hlUnauthorized(c, MESSAGES.scope);
    }
    let body: Record<string, unknown> = {};
    if (spec.body) {
      let parsed: unknown;
      try {
        parsed = await readJsonBody(c.req.raw);
      } catch (cause) {
        return hlError(c, 400, cause instanceof Error ? cause.message : "Invalid JSON body");
      }
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        return hlError(c, 400, "Request body must be a JSON object");
      }
      body = parsed as Record<string, unknown>;
    }
    const query = c.req.query();
    for (const source of [query, body]) {
      const locationId = source.locationId;
      if (typeof locationId === "string" && locationId !== "" && locationId !== grant.locationId) {
        return hlError(c, 403, MESSAGES.location);
      }
    }
    const messages = [
      ...validateShape(query, spec.query, { fromQuery: true }),
      ...(spec.body && checkBody ? validateShape(body, spec.body, { fromQuery: false }) : []),
    ];
    if (messages.length > 0) return hlUnprocessable(c, messages);
    c.set("body", body);
    return next();
  };
}
