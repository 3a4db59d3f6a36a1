import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { Command } from "commander";
import { createBreakcoldEmulator } from "../apps/breakcold/emulator/index.ts";
import type { BreakcoldScope } from "../apps/breakcold/routes.ts";
import { createHighLevelEmulator, DEFAULT_SCOPES } from "../apps/highlevel/emulator/index.ts";
import { DocStore } from "../store/doc-store.ts";
import { CliError } from "./cli-error.ts";

// A record over the scope union: adding a Breakcold scope without listing it here fails to compile.
const BREAKCOLD_SCOPES: Record<BreakcoldScope, true> = {
  "records:read": true,
  "records:write": true,
  "tasks:read": true,
  "tasks:write": true,
  "notes:read": true,
  "notes:write": true,
  "crm:metadata:read": true,
  "crm:metadata:write": true,
  "webhooks:write": true,
};

/** Every 5 s (real time), HighLevel webhooks due for a 429 redelivery are resent. */
const REDELIVERY_TICK_MS = 5_000;

type Server = ReturnType<typeof serve>;

function listen(fetch: (req: Request) => Promise<Response>, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: "127.0.0.1" }, () => resolve(server));
    server.once("error", reject);
  });
}

/** Listens on `port`, or on the next free port above it when taken (any free port for 0). */
async function listenFrom(
  fetch: (req: Request) => Promise<Response>,
  port: number,
): Promise<Server> {
  for (let candidate = port; ; candidate++) {
    try {
      return await listen(fetch, candidate);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (port === 0 || code !== "EADDRINUSE" || candidate >= 65_535) throw error;
    }
  }
}

function openDocs(dataDir: string | undefined, name: string): DocStore {
  if (!dataDir) return DocStore.open(":memory:");
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return DocStore.open(join(dataDir, `${name}.sqlite`));
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

/**
 * `contact-bridge sandbox`: both emulators on local ports, each with a fresh location /
 * workspace and a token holding every scope, until SIGINT/SIGTERM. With `--json` the first
 * stdout line is `{"highlevel":{baseUrl,locationId,token},"breakcold":{baseUrl,workspaceId,token}}`.
 * Their control surfaces answer under `/_emulator` on each port.
 */
export function registerSandboxCommand(program: Command): void {
  program
    .command("sandbox")
    .description("run the HighLevel and Breakcold emulators on local ports")
    .option(
      "--port <port>",
      "port of the HighLevel emulator; Breakcold takes the next free one",
      "0",
    )
    .option("--data-dir <dir>", "keep emulator state in this directory (default: in memory)")
    .option("--json", "print one JSON line with base URLs, ids and tokens")
    .action(async (options: { port: string; dataDir?: string; json?: boolean }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        throw new CliError("--port must be a port number (0 for any free port)");
      }
      const hlDocs = openDocs(options.dataDir, "highlevel");
      const bcDocs = openDocs(options.dataDir, "breakcold");
      const highlevel = createHighLevelEmulator({ docs: hlDocs });
      const breakcold = createBreakcoldEmulator({ docs: bcDocs });
      const location = highlevel.control.createLocation({ name: "Sandbox location" });
      const hlToken = highlevel.control.issuePrivateToken({
        locationId: location.id,
        scopes: [...DEFAULT_SCOPES],
      });
      const workspace = breakcold.control.createWorkspace({ name: "Sandbox workspace" });
      const bcToken = breakcold.control.issueApiKey({
        workspaceIds: [workspace.id],
        scopes: Object.keys(BREAKCOLD_SCOPES),
      });
      const hlServer = await listenFrom(highlevel.fetch, port);
      const bcServer = await listenFrom(breakcold.fetch, port === 0 ? 0 : portOf(hlServer) + 1);
      const info = {
        highlevel: {
          baseUrl: `http://127.0.0.1:${portOf(hlServer)}`,
          locationId: location.id,
          token: hlToken,
        },
        breakcold: {
          baseUrl: `http://127.0.0.1:${portOf(bcServer)}/api/v1`,
          workspaceId: workspace.id,
          token: bcToken,
        },
      };
      if (options.json) console.log(JSON.stringify(info));
      else {
        console.log(`HighLevel emulator: ${info.highlevel.baseUrl} (location ${location.id})`);
        console.log(`  token: ${hlToken}`);
        console.log(`Breakcold emulator: ${info.breakcold.baseUrl} (workspace ${workspace.id})`);
        console.log(`  token: ${bcToken}`);
        console.log("control: /_emulator on each port; Ctrl-C to stop");
      }
      const tick = setInterval(() => {
        highlevel.control.runDueRedeliveries().catch(() => undefined);
      }, REDELIVERY_TICK_MS);
      const shutdown = () => {
        clearInterval(tick);
        hlServer.close();
        bcServer.close();
        hlDocs.close();
        bcDocs.close();
        process.exit(0);
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    });
}
