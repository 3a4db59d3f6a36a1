import { OPERATIONS } from "./operation-guard.ts";

interface Matcher {
  readonly operationId: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly params: number;
}

const MATCHERS: readonly Matcher[] = Object.entries(OPERATIONS)
  .map(([operationId, spec]) => {
    const source = spec.path
      .split("/")
      .map((segment) =>
        /^\{.+\}$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
      )
      .join("/");
    return {
      operationId,
      method: spec.method,
      pattern: new RegExp(`^${source}$`),
      params: (spec.path.match(/\{/g) ?? []).length,
    };
  })
  // Literal paths win over `{contactId}` (BEHAVIOUR.md "Requests"): fewest parameters first.
  .sort((a, b) => a.params - b.params);

/** The spec's `operationId` for a request's method and path, or undefined for other routes. */
export function operationIdFor(method: string, pathname: string): string | undefined {
  const upper = method.toUpperCase();
  return MATCHERS.find((m) => m.method === upper && m.pattern.test(pathname))?.operationId;
}
