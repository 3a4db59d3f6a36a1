import { type BreakcoldClient, createBreakcoldClient } from "../apps/breakcold/client.ts";
import { createHighLevelClient, type HighLevelClient } from "../apps/highlevel/client.ts";
import type { Connection } from "../store/connections.ts";
import type { AccessOptions, ConnectionAccess } from "./connection-access.ts";

/** Builds each app's client for a connection, every call going through {@link ConnectionAccess}. */
export interface AppClients {
  highlevel(connection: Connection, options?: Partial<AccessOptions>): HighLevelClient;
  breakcold(connection: Connection, options?: Partial<AccessOptions>): BreakcoldClient;
}

function expectApp(connection: Connection, app: string): void {
  if (connection.app !== app) {
    throw new Error(`connection ${connection.id} is a ${connection.app} connection, not ${app}`);
  }
}

/** Work started by webhooks runs in the webhook lane unless the caller says otherwise. */
const DEFAULTS: AccessOptions = { lane: "webhook", actor: "engine" };

/**
 * Clients whose credentials are put on each request by the connection's fetch (from the
 * vault, refreshed when needed), so the token given to the client itself stays empty.
 */
export function createAppClients(access: ConnectionAccess): AppClients {
  return {
    highlevel(connection, options) {
      expectApp(connection, "highlevel");
      return createHighLevelClient({
        baseUrl: connection.baseUrl,
        token: "",
        fetch: access.fetchFor(connection, { ...DEFAULTS, ...options }),
      });
    },
    breakcold(connection, options) {
      expectApp(connection, "breakcold");
      return createBreakcoldClient({
        baseUrl: connection.baseUrl,
        apiKey: "",
        fetch: access.fetchFor(connection, { ...DEFAULTS, ...options }),
      });
    },
  };
}
