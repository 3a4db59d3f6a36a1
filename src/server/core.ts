import { join } from "node:path";
import { breakcoldDescriptor } from "../apps/breakcold/descriptor.ts";
import { highlevelDescriptor } from "../apps/highlevel/descriptor.ts";
import { classifyTokenFailure, refreshCredentials } from "../apps/highlevel/oauth-connection.ts";
import type { Config } from "../config/env.ts";
import { type AppClients, createAppClients } from "../engine/app-clients.ts";
import { type AppRuntime, ConnectionAccess } from "../engine/connection-access.ts";
import type { FetchLike } from "../http/transport.ts";
import { type Clock, systemClock } from "../lib/clock.ts";
import { type Db, openDatabase } from "../store/database.ts";
import { AUDIT_HEAD_FILE, AuditLog } from "../vault/audit-log.ts";
import { loadKeyRing } from "../vault/key-ring-source.ts";
import { OAuthLifecycle, TokenEndpointError } from "../vault/oauth-lifecycle.ts";
import { Vault } from "../vault/vault.ts";

/** The data directory opened: database, vault, audit log, and the connection layer over them. */
export interface Core {
  readonly config: Config;
  /** How outbound calls leave the process. */
  readonly fetch: FetchLike;
  readonly db: Db;
  readonly clock: Clock;
  readonly vault: Vault;
  readonly audit: AuditLog;
  readonly oauth: OAuthLifecycle;
  readonly access: ConnectionAccess;
  readonly clients: AppClients;
  close(): Promise<void>;
}

export interface CoreOptions {
  readonly clock?: Clock;
  /** How outbound calls leave the process (the sandbox routes its own URLs in-process). */
  readonly fetch?: FetchLike;
  readonly on429?: (connectionId: string) => void;
}

/**
 * The apps this build knows, by name. HighLevel OAuth connections refresh through the
 * Marketplace app configured in `HIGHLEVEL_CLIENT_ID` / `HIGHLEVEL_CLIENT_SECRET`.
 */
export function appRuntimes(config: Config, clock: Clock): ReadonlyMap<string, AppRuntime> {
  const { clientId, clientSecret } = config.highlevelApp;
  const highlevel: AppRuntime = {
    descriptor: highlevelDescriptor,
    refresher: (connection, fetchFn) => {
      if (!clientId || !clientSecret) {
        return async () => {
          throw new TokenEndpointError(
            "reconnect",
            "HIGHLEVEL_CLIENT_ID and HIGHLEVEL_CLIENT_SECRET are not set, so the token cannot be refreshed",
          );
        };
      }
      const refresh = refreshCredentials(
        { clientId, clientSecret },
        { baseUrl: connection.baseUrl, fetch: fetchFn, clock },
      );
      return async (credentials) => {
        try {
          return await refresh(credentials);
        } catch (error) {
          throw new TokenEndpointError(
            classifyTokenFailure(error),
            error instanceof Error ? error.message : String(error),
          );
        }
      };
    },
  };
  return new Map([
    ["highlevel", highlevel],
    ["breakcold", { descriptor: breakcoldDescriptor }],
  ]);
}

/**
 * Opens the data directory: migrates the database, loads the master key (refusing a wrong
 * one), and builds the connection layer. Used by the server and by the CLI commands that
 * manage the data directory directly.
 */
export async function openCore(config: Config, options: CoreOptions = {}): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const db = await openDatabase(config.dataDir);
  try {
    const audit = new AuditLog(
      db,
      clock,
      config.auditHeadPath ?? join(config.dataDir, AUDIT_HEAD_FILE),
    );
    const sealedBefore = await db.selectFrom("vault_keys").select("key_id").limit(1).execute();
    const keys = loadKeyRing(config.dataDir, config.masterKey, {
      mustExist: sealedBefore.length > 0,
    });
    const vault = await Vault.open(db, clock, audit, keys);
    const oauth = new OAuthLifecycle(db, vault, audit, clock);
    const fetchFn: FetchLike = options.fetch ?? ((request) => fetch(request));
    const access = new ConnectionAccess({
      db,
      clock,
      vault,
      audit,
      oauth,
      apps: appRuntimes(config, clock),
      fetch: fetchFn,
      ...(options.on429 ? { on429: options.on429 } : {}),
    });
    return {
      config,
      fetch: fetchFn,
      db,
      clock,
      vault,
      audit,
      oauth,
      access,
      clients: createAppClients(access),
      close: () => db.destroy(),
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
