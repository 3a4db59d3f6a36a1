import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import type { Config } from "../config/env.ts";
import { HttpError, NetworkError, TimeoutError } from "../http/errors.ts";
import { createTransport, type Transport } from "../http/transport.ts";
import { CLI_TOKEN_FILE } from "../server/runtime.ts";

/** Thrown when the CLI cannot reach or authenticate to the running bridge; the message says why. */
export class BridgeUnavailableError extends Error {
  override name = "BridgeUnavailableError";
}

/** Reads the local CLI token that `npm start` wrote into the data directory. */
export function readCliToken(dataDir: string): string {
  const path = join(dataDir, CLI_TOKEN_FILE);
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    throw new BridgeUnavailableError(
      `no CLI token at ${path}: start the bridge first (npm start) with the same BRIDGE_DATA_DIR`,
    );
  }
}

/** A client for the running bridge's `/api`, authenticated with the local CLI token. */
export interface BridgeApi {
  get<S extends z.ZodType>(
    path: string,
    schema: S,
    query?: Record<string, string>,
  ): Promise<z.output<S>>;
  post<S extends z.ZodType>(path: string, schema: S, body?: unknown): Promise<z.output<S>>;
}

export function connectBridgeApi(config: Config): BridgeApi {
  const transport: Transport = createTransport({
    baseUrl: `${config.bridgeUrl}/api`,
    headers: { authorization: `Bearer ${readCliToken(config.dataDir)}` },
    timeoutMs: 10_000,
  });
  const explain = (error: unknown): never => {
    if (error instanceof NetworkError || error instanceof TimeoutError) {
      throw new BridgeUnavailableError(
        `cannot reach the bridge at ${config.bridgeUrl}: is \`npm start\` running there (see BRIDGE_URL, PORT)?`,
      );
    }
    if (error instanceof HttpError && error.status === 401) {
      throw new BridgeUnavailableError(
        `the bridge at ${config.bridgeUrl} refused the CLI token: was it started with BRIDGE_DATA_DIR=${config.dataDir}?`,
      );
    }
    throw error;
  };
  return {
    get: (path, schema, query) =>
      transport
        .request({ method: "GET", path, ...(query ? { query } : {}) }, schema)
        .catch(explain),
    post: (path, schema, body) =>
      transport
        .request({ method: "POST", path, ...(body === undefined ? {} : { body }) }, schema)
        .catch(explain),
  };
}
