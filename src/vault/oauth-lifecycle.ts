import { setTimeout as sleep } from "node:timers/promises";
import type { Clock } from "../lib/clock.ts";
import { newId } from "../lib/ids.ts";
import {
  type Connection,
  releaseRefreshLease,
  setConnectionStatus,
  takeRefreshLease,
} from "../store/connections.ts";
import type { Db } from "../store/database.ts";
import type { AuditLog } from "./audit-log.ts";
import type { Credentials, Vault } from "./vault.ts";

/**
 * Calls an app's token endpoint with the current credentials and returns the new set. Throws
 * {@link TokenEndpointError}; the vault never knows which app it talks to.
 */
export type TokenRefresher = (credentials: Credentials) => Promise<Credentials>;

/**
 * A token-endpoint failure. `reconnect`: the grant is dead (`invalid_grant`, or an undocumented
 * 400 such as "Location is not active") — stop and ask the user; `transient`: try again later.
 */
export class TokenEndpointError extends Error {
  override name = "TokenEndpointError";
  readonly kind: "reconnect" | "transient";
  constructor(kind: "reconnect" | "transient", message: string) {
    super(message);
    this.kind = kind;
  }
}

/** The connection needs the user to connect it again; no call will be tried until then. */
export class ReconnectRequiredError extends Error {
  override name = "ReconnectRequiredError";
  readonly connectionId: string;
  constructor(connectionId: string, message: string) {
    super(message);
    this.connectionId = connectionId;
  }
}

export interface OAuthLifecycleOptions {
  /** Refresh when the access token expires within this many ms. Default 5 minutes. */
  readonly refreshAheadMs?: number;
  /** How long a refresh lease lasts before another process may take over. Default 30 s. */
  readonly leaseMs?: number;
  /** Poll interval while another process refreshes. Default 100 ms. */
  readonly pollMs?: number;
}

/** Milliseconds since epoch at which the stored access token expires, if known. */
export function expiresAt(credentials: Credentials): number | undefined {
  const value = Number(credentials.expiresAt);
  return credentials.expiresAt && Number.isFinite(value) ? value : undefined;
}

/**
 * The OAuth token lifecycle of every connection: refresh ahead of expiry, one refresh at a time
 * per connection (in this process by sharing one promise, across processes by a row lease),
 * the rotated refresh token saved before the new access token is used, and a dead grant
 * marking the connection `needs_reconnect` with the server's message.
 */
export class OAuthLifecycle {
  readonly #db: Db;
  readonly #vault: Vault;
  readonly #audit: AuditLog;
  readonly #clock: Clock;
  readonly #owner = newId("proc");
  readonly #inFlight = new Map<string, Promise<Credentials>>();
  readonly #aheadMs: number;
  readonly #leaseMs: number;
  readonly #pollMs: number;

  constructor(
    db: Db,
    vault: Vault,
    audit: AuditLog,
    clock: Clock,
    options: OAuthLifecycleOptions = {},
  ) {
    this.#db = db;
    this.#vault = vault;
    this.#audit = audit;
    this.#clock = clock;
    this.#aheadMs = options.refreshAheadMs ?? 300_000;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#pollMs = options.pollMs ?? 100;
  }

  /** Credentials fit to use now: refreshed first when the access token is about to expire. */
  async current(connection: Connection, refresher: TokenRefresher): Promise<Credentials> {
    const credentials = await this.#vault.credentials(connection.id);
    const expiry = expiresAt(credentials);
    if (expiry === undefined || expiry - this.#clock.now() > this.#aheadMs) return credentials;
    return this.refresh(connection, refresher, credentials.accessToken);
  }

  /**
   * Refreshes unless someone already replaced `staleAccessToken` (then their result is used).
   * Concurrent callers share one token-endpoint call.
   */
  refresh(
    connection: Connection,
    refresher: TokenRefresher,
    staleAccessToken?: string,
  ): Promise<Credentials> {
    const running = this.#inFlight.get(connection.id);
    if (running) return running;
    const work = this.#refreshOnce(connection, refresher, staleAccessToken).finally(() =>
      this.#inFlight.delete(connection.id),
    );
    this.#inFlight.set(connection.id, work);
    return work;
  }

  async #refreshOnce(
    connection: Connection,
    refresher: TokenRefresher,
    stale?: string,
  ): Promise<Credentials> {
    for (;;) {
      const latest = await this.#vault.credentials(connection.id);
      const fresh = stale !== undefined && latest.accessToken !== stale;
      const expiry = expiresAt(latest);
      if (fresh && (expiry === undefined || expiry - this.#clock.now() > this.#aheadMs))
        return latest;
      if (
        await takeRefreshLease(
          this.#db,
          connection.id,
          this.#owner,
          this.#clock.now(),
          this.#leaseMs,
        )
      ) {
        try {
          // Re-read under the lease: the previous holder may have just saved a new pair.
          const current = await this.#vault.credentials(connection.id);
          if (stale !== undefined && current.accessToken !== stale) return current;
          return await this.#callEndpoint(connection, refresher, current);
        } finally {
          await releaseRefreshLease(this.#db, connection.id, this.#owner);
        }
      }
      await sleep(this.#pollMs);
    }
  }

  async #callEndpoint(connection: Connection, refresher: TokenRefresher, current: Credentials) {
    let next: Credentials;
    try {
      next = await refresher(current);
    } catch (error) {
      if (error instanceof TokenEndpointError && error.kind === "reconnect") {
        await setConnectionStatus(
          this.#db,
          connection.id,
          "needs_reconnect",
          error.message,
          this.#clock.now(),
        );
        await this.#audit.append({
          actor: "oauth",
          action: "connection.status",
          connectionId: connection.id,
          detail: { status: "needs_reconnect", reason: error.message },
        });
        throw new ReconnectRequiredError(
          connection.id,
          `connection ${connection.id} needs to be reconnected: ${error.message}`,
        );
      }
      throw error;
    }
    // Saved before anyone uses the new access token: the old refresh token is already dead.
    await this.#vault.replaceCredentials(connection.id, next, "oauth");
    await this.#audit.append({
      actor: "oauth",
      action: "credential.refreshed",
      connectionId: connection.id,
      detail: { expiresAt: next.expiresAt ?? null },
    });
    return next;
  }
}
