import { type BreakcoldClient, createBreakcoldClient } from "../apps/breakcold/client.ts";
import { createHighLevelClient, type HighLevelClient } from "../apps/highlevel/client.ts";
import type { FetchLike } from "../http/transport.ts";
import type { Connection } from "../store/connections.ts";

/** Builds each app's client for a connection, all sharing one injected fetch. */
export interface AppClients {
  highlevel(connection: Connection): HighLevelClient;
  breakcold(connection: Connection): BreakcoldClient;
}

function credential(connection: Connection, name: string): string {
  const value = connection.credentials[name];
  if (!value) throw new Error(`connection ${connection.id} has no ${name}`);
  return value;
}

function expectApp(connection: Connection, app: string): void {
  if (connection.app !== app) {
    throw new Error(`connection ${connection.id} is a ${connection.app} connection, not ${app}`);
  }
}

export function createAppClients(options: { fetch?: FetchLike } = {}): AppClients {
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  return {
    highlevel(connection) {
      expectApp(connection, "highlevel");
      return createHighLevelClient({
        baseUrl: connection.baseUrl,
        token: credential(connection, "token"),
        ...fetchOption,
      });
    },
    breakcold(connection) {
      expectApp(connection, "breakcold");
      return createBreakcoldClient({
        baseUrl: connection.baseUrl,
        apiKey: credential(connection, "apiKey"),
        ...fetchOption,
      });
    },
  };
}
