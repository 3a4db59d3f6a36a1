import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import type { Hono } from "hono";
import type { Config } from "../config/env.ts";
import { createAppClients } from "../engine/app-clients.ts";
import type { WebhookKeySet } from "../engine/ingress/highlevel.ts";
import { Worker } from "../engine/worker.ts";
import type { FetchLike } from "../http/transport.ts";
import { type Clock, systemClock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { listConnections } from "../store/connections.ts";
import { type Db, openDatabase } from "../store/database.ts";
import { addLocalToken, removeLocalTokens } from "../store/local-tokens.ts";
import { createServerApp } from "./app.ts";
import { type Sandbox, startSandbox } from "./sandbox.ts";

/** File in the data directory holding the local CLI token (mode 0600). */
export const CLI_TOKEN_FILE = "cli-token";

/** A running bridge: database, optional sandbox, worker and HTTP app. */
export interface Bridge {
  readonly db: Db;
  readonly app: Hono;
  readonly sandbox: Sandbox | undefined;
  readonly worker: Worker;
  readonly cliToken: string;
  /** Starts the HTTP listener; resolves with the bound port. */
  listen(): Promise<number>;
  stop(): Promise<void>;
}

export interface BridgeOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Overrides how the sandbox HighLevel emulator delivers webhooks (tests deliver in-process). */
  readonly webhookFetch?: FetchLike;
  /** Start the background worker (default true; tests may drain it by hand). */
  readonly startWorker?: boolean;
}

async function wantsSandbox(db: Db, mode: Config["sandbox"]): Promise<boolean> {
  if (mode !== "auto") return mode === "on";
  return !(await listConnections(db)).some((connection) => !connection.sandbox);
}

/** Issues a new CLI token: its hash goes to the database, the token to a 0600 file. */
async function issueCliToken(db: Db, dataDir: string, now: number): Promise<string> {
  const token = `cbl_${randomBytes(32).toString("base64url")}`;
  await removeLocalTokens(db, "cli");
  await addLocalToken(db, "cli", token, now);
  writeFileSync(join(dataDir, CLI_TOKEN_FILE), `${token}\n`, { mode: 0o600 });
  return token;
}

/** Opens everything the main job needs, without listening yet. */
export async function createBridge(options: BridgeOptions): Promise<Bridge> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const db = await openDatabase(config.dataDir);
  const sandbox = (await wantsSandbox(db, config.sandbox))
    ? await startSandbox({
        db,
        dataDir: config.dataDir,
        clock,
        publicUrl: config.publicUrl,
        ...(options.webhookFetch ? { webhookFetch: options.webhookFetch } : {}),
      })
    : undefined;
  const clients = createAppClients(sandbox ? { fetch: sandbox.fetch } : {});
  const worker = new Worker(
    { db, clock, clients },
    {
      onError: (error, job) =>
        logger.warn("job attempt failed", {
          jobId: job.id,
          kind: job.kind,
          attempt: job.attempts,
          error: error instanceof Error ? error.message : String(error),
        }),
    },
  );
  const keySets: WebhookKeySet[] = [config.highlevelWebhookKeys];
  if (sandbox) keySets.push(sandbox.highlevel.control.webhookPublicKeys());
  const app = createServerApp(
    { db, clock, logger, sandbox, wakeWorker: () => worker.wake() },
    () => keySets,
  );
  const cliToken = await issueCliToken(db, config.dataDir, clock.now());
  let server: ServerType | undefined;
  if (options.startWorker ?? true) worker.start();
  return {
    db,
    app,
    sandbox,
    worker,
    cliToken,
    listen: () =>
      new Promise((resolve, reject) => {
        const listener = serve(
          { fetch: app.fetch, port: config.port, hostname: config.host },
          (info) => resolve(info.port),
        );
        listener.once("error", reject);
        server = listener;
      }),
    async stop() {
      await worker.stop();
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      if (sandbox) {
        await sandbox.highlevel.control.settle();
        sandbox.close();
      }
      await db.destroy();
    },
  };
}
