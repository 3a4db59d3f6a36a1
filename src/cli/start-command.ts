import type { Command } from "commander";
import { loadConfig } from "../config/env.ts";
import { createLogger } from "../lib/logger.ts";
import { bindServer } from "../server/bind-server.ts";
import { createBridge } from "../server/runtime.ts";
import { markServerRunning, markServerStopped } from "../server/server-lock.ts";

/** `contact-bridge start`: the main job. */
export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("run the bridge (sandbox emulators when no real account is connected)")
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.logLevel);
      // Take the port first: a start that cannot listen must not touch the data directory.
      const server = await bindServer(config.host, config.port);
      const bridge = await createBridge({ config, logger, server }).catch(async (error) => {
        await server.close();
        throw error;
      });
      const port = server.port;
      markServerRunning(config.dataDir);
      const lines = [
        `contact-bridge listening on http://${config.host}:${port} (health: /healthz)`,
      ];
      if (bridge.adminToken) {
        lines.push(
          `admin token (shown once; keep it, only its hash is stored): ${bridge.adminToken}`,
        );
      }
      for (const warning of bridge.warnings) lines.push(`warning: ${warning}`);
      if (bridge.sandbox) {
        const { highlevel, breakcold } = bridge.sandbox.info;
        lines.push(
          config.sandbox === "on"
            ? "sandbox mode (BRIDGE_SANDBOX=on): built-in emulators running"
            : "sandbox mode: no real account connected, built-in emulators running",
          `  HighLevel sandbox: ${highlevel.baseUrl} (location ${highlevel.locationId})`,
          `  Breakcold sandbox: ${breakcold.baseUrl} (workspace ${breakcold.workspaceId})`,
          `  webhooks: ${config.publicUrl}/hooks/highlevel`,
          "try it: npx contact-bridge demo lead-intake --json",
        );
      }
      if (!bridge.sandbox && config.sandbox === "auto") {
        lines.push(
          "sandbox off: real accounts are connected (BRIDGE_SANDBOX=on keeps the emulators)",
        );
      }
      console.log(lines.join("\n"));
      const shutdown = async () => {
        await bridge.stop();
        markServerStopped(config.dataDir);
        process.exit(0);
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    });
}
