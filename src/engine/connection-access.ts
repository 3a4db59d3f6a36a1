import type { AppDescriptor } from "../http/app-descriptor.ts";
import { CredentialError, ScopeError } from "../http/errors.ts";
import { governedFetch } from "../http/governed-fetch.ts";
import { createOperationMatcher, type OperationRoute } from "../http/operation-matcher.ts";
import { type Lane, RateGovernor } from "../http/rate-governor.ts";
import type { FetchLike } from "../http/transport.ts";
import type { Clock } from "../lib/clock.ts";
import { redactUrl } from "../lib/redact.ts";
import {
  type Connection,
  getConnection,
  setConnectionScopes,
  setConnectionStatus,
} from "../store/connections.ts";
import type { Db } from "../store/database.ts";
import { VaultError } from "../vault/aes-gcm.ts";
import type { AuditLog } from "../vault/audit-log.ts";
import {
  type OAuthLifecycle,
  ReconnectRequiredError,
  type TokenRefresher,
} from "../vault/oauth-lifecycle.ts";
import type { Vault } from "../vault/vault.ts";

/** One app as the connection layer runs it: its descriptor and, for OAuth, its token refresher. */
export interface AppRuntime {
  readonly descriptor: AppDescriptor;
  /** Builds the refresher for an OAuth connection (token endpoint under the connection's base URL). */
  readonly refresher?: (connection: Connection, fetch: FetchLike) => TokenRefresher;
}

export interface ConnectionAccessDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly vault: Vault;
  readonly audit: AuditLog;
  readonly oauth: OAuthLifecycle;
  readonly apps: ReadonlyMap<string, AppRuntime>;
  /** The network (or the sandbox router). */
  readonly fetch: FetchLike;
  /** Told about every 429 a remote server answered (metrics, benchmarks). */
  readonly on429?: (connectionId: string) => void;
}

export interface AccessOptions {
  readonly lane: Lane;
  /** Who is calling, for the audit log (a run id, "connection-test", "cli"). */
  readonly actor: string;
}

/**
 * Every outbound call made on behalf of a connection goes through here: scope check before
 * sending, credentials from the vault (OAuth refreshed ahead of expiry), the connection's rate
 * governor, audit of each credential use, and a 401/403 read before acting on it.
 */
export class ConnectionAccess {
  readonly #deps: ConnectionAccessDeps;
  readonly #governors = new Map<string, RateGovernor>();
  readonly #matchers = new Map<
    string,
    (method: string, path: string) => OperationRoute | undefined
  >();

  constructor(deps: ConnectionAccessDeps) {
    this.#deps = deps;
  }

  get db(): Db {
    return this.#deps.db;
  }

  /** The budgets a connection's app defines (name → limit and window). */
  budgetsOf(connection: Connection) {
    return this.#app(connection).descriptor.rateLimit.budgets;
  }

  /** The rate governor of a connection (one per connection per process). */
  governor(connection: Connection): RateGovernor {
    let governor = this.#governors.get(connection.id);
    if (!governor) {
      governor = new RateGovernor({ ...this.#app(connection).descriptor.rateLimit.budgets });
      this.#governors.set(connection.id, governor);
    }
    return governor;
  }

  #app(connection: Connection): AppRuntime {
    const app = this.#deps.apps.get(connection.app);
    if (!app) throw new Error(`no runtime for app ${connection.app}`);
    return app;
  }

  #operation(connection: Connection, request: Request): OperationRoute | undefined {
    const { descriptor } = this.#app(connection);
    let match = this.#matchers.get(descriptor.app);
    if (!match) {
      match = createOperationMatcher(descriptor.operations);
      this.#matchers.set(descriptor.app, match);
    }
    const base = new URL(connection.baseUrl).pathname.replace(/\/+$/, "");
    const path = new URL(request.url).pathname;
    return match(request.method, path.startsWith(base) ? path.slice(base.length) || "/" : path);
  }

  /** A fetch bound to one connection: use it as the app client's `fetch`. */
  fetchFor(connection: Connection, options: AccessOptions): FetchLike {
    const { descriptor, refresher: makeRefresher } = this.#app(connection);
    const deps = this.#deps;
    const refresher =
      connection.authKind === "oauth" && makeRefresher
        ? makeRefresher(connection, deps.fetch)
        : undefined;
    const governed = governedFetch(deps.fetch, this.governor(connection), descriptor.rateLimit, {
      lane: options.lane,
      operationOf: (request) => this.#operation(connection, request)?.id,
      ...(deps.on429 ? { on429: () => deps.on429?.(connection.id) } : {}),
    });
    const send = async (request: Request, credentials: Readonly<Record<string, string>>) => {
      const headers = new Headers(request.headers);
      descriptor.authorize(headers, credentials);
      return governed(new Request(request, { headers }));
    };
    return async (request) => {
      const info = { method: request.method, url: redactUrl(request.url) };
      const current = (await getConnection(deps.db, connection.id)) ?? connection;
      if (current.status !== "active") {
        throw new CredentialError(
          info,
          current.id,
          current.status,
          current.statusReason ?? "reconnect it",
        );
      }
      const operation = this.#operation(current, request);
      const required = operation?.scopes ?? [];
      const lacking = required.filter(
        (scope) =>
          current.missingScopes.includes(scope) ||
          (current.scopes !== null && !current.scopes.includes(scope)),
      );
      if (lacking.length > 0) {
        throw new ScopeError(info, current.id, lacking, "not granted; nothing was sent");
      }
      let credentials: Readonly<Record<string, string>>;
      try {
        credentials = refresher
          ? await deps.oauth.current(current, refresher)
          : await deps.vault.credentials(current.id);
      } catch (error) {
        if (error instanceof ReconnectRequiredError)
          throw new CredentialError(info, current.id, "needs_reconnect", error.message);
        // A secret this process cannot open is a local key problem, not a network one.
        if (error instanceof VaultError) {
          throw new CredentialError(info, current.id, "unreadable", error.message);
        }
        throw error;
      }
      await deps.audit.append({
        actor: options.actor,
        action: "credential.used",
        connectionId: current.id,
        detail: {
          operation: operation?.id ?? `${request.method} ${new URL(request.url).pathname}`,
          scopes: required,
        },
      });
      let response = await send(request, credentials);
      if (response.status !== 401 && response.status !== 403) return response;
      const body = await response
        .clone()
        .json()
        .catch(() => undefined);
      const failure = descriptor.classifyAuthFailure(response.status, body);
      if (!failure) return response;
      if (failure.kind === "missing_scope") {
        const missing = [...new Set([...current.missingScopes, ...required])];
        await setConnectionScopes(deps.db, current.id, { missing }, deps.clock.now());
        throw new ScopeError(
          info,
          current.id,
          required.length > 0 ? required : ["(unknown)"],
          failure.message,
        );
      }
      if (refresher) {
        // Any other 401 on an OAuth connection: one refresh, one retry.
        try {
          credentials = await deps.oauth.refresh(current, refresher, credentials.accessToken);
        } catch (error) {
          if (error instanceof ReconnectRequiredError)
            throw new CredentialError(info, current.id, "needs_reconnect", error.message);
          throw error;
        }
        response = await send(request, credentials);
        return response;
      }
      // A private token or API key that is refused will not start working by itself.
      await setConnectionStatus(deps.db, current.id, "invalid", failure.message, deps.clock.now());
      await deps.audit.append({
        actor: options.actor,
        action: "connection.status",
        connectionId: current.id,
        detail: { status: "invalid", reason: failure.message },
      });
      throw new CredentialError(info, current.id, "invalid", failure.message);
    };
  }
}
