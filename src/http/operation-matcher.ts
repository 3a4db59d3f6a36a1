/** One catalogued HTTP operation of an app, as far as scope checks and audit need it. */
export interface OperationRoute {
  readonly id: string;
  readonly method: string;
  /** Path template under the base URL; `{name}` or `:name` segments are parameters. */
  readonly path: string;
  /** Scopes the credential needs (all of them). Empty: any valid credential. */
  readonly scopes: readonly string[];
}

interface CompiledRoute {
  readonly route: OperationRoute;
  readonly segments: readonly (string | null)[];
  readonly literals: number;
  readonly trailingSlash: boolean;
}

function compile(route: OperationRoute): CompiledRoute {
  const parts = route.path.split("/").filter((part) => part.length > 0);
  const segments = parts.map((part) => (/^(\{.+\}|:.+)$/.test(part) ? null : part));
  return {
    route,
    segments,
    literals: segments.filter((segment) => segment !== null).length,
    trailingSlash: route.path.endsWith("/") && route.path.length > 1,
  };
}

/**
 * Finds the operation for a method and path (relative to the base URL). Literal segments win
 * over parameters, as on HighLevel where `/contacts/search` is not `/contacts/:contactId`.
 */
export function createOperationMatcher(
  routes: readonly OperationRoute[],
): (method: string, path: string) => OperationRoute | undefined {
  const compiled = routes.map(compile).sort((a, b) => b.literals - a.literals);
  return (method, path) => {
    const upper = method.toUpperCase();
    const parts =
      path
        .split("?")[0]
        ?.split("/")
        .filter((part) => part.length > 0) ?? [];
    for (const candidate of compiled) {
      if (candidate.route.method.toUpperCase() !== upper) continue;
      if (candidate.segments.length !== parts.length) continue;
      if (candidate.segments.every((segment, i) => segment === null || segment === parts[i])) {
        return candidate.route;
      }
    }
    return undefined;
  };
}
