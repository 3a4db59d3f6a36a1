import { Command } from "commander";
import { ConfigError, loadConfig } from "../config/env.ts";
import { createLogger } from "../lib/logger.ts";
import { createBridge } from "../server/runtime.ts";
import { BridgeUnavailableError, connectBridgeApi } from "./bridge-api.ts";
import { runLeadIntakeDemo } from "./demo-lead-intake.ts";

const program = new Command()
  .name("contact-bridge")
  .description("Connects HighLevel contacts with Breakcold: webhooks in, lead intake out.");

program
  .command("start")
  .description("run the bridge (sandbox emulators when no real account is connected)")
  .action(async () => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const bridge = await createBridge({ config, logger });
    const port = await bridge.listen();
    const lines = [`contact-bridge listening on http://${config.host}:${port} (health: /healthz)`];
    if (bridge.sandbox) {
      const { highlevel, breakcold } = bridge.sandbox.info;
      lines.push(
        "sandbox mode: no real account connected, built-in emulators running",
        `  HighLevel sandbox: ${highlevel.baseUrl} (location ${highlevel.locationId})`,
        `  Breakcold sandbox: ${breakcold.baseUrl} (workspace ${breakcold.workspaceId})`,
        `  webhooks: ${config.publicUrl}/hooks/highlevel`,
        "try it: npx contact-bridge demo lead-intake --json",
      );
    }
    console.log(lines.join("\n"));
    const shutdown = async () => {
      await bridge.stop();
      process.exit(0);
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  });

const demo = program.command("demo").description("show a recipe working against the sandbox");
demo
  .command("lead-intake")
  .description(
    "create a contact with 2 notes and 2 tasks in the HighLevel sandbox; wait for Breakcold",
  )
  .option("--json", "print one JSON line")
  .option("--timeout <seconds>", "how long to wait", "30")
  .action(async (options: { json?: boolean; timeout: string }) => {
    const config = loadConfig();
    const seconds = Number(options.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0)
      throw new CliUsageError("--timeout must be a positive number of seconds");
    const result = await runLeadIntakeDemo(connectBridgeApi(config), seconds * 1000);
    if (options.json) console.log(JSON.stringify(result));
    else {
      console.log(`Breakcold person: ${result.breakcoldRecordId ?? "(none)"}`);
      console.log(`notes copied: ${result.notesCopied}/2, tasks copied: ${result.tasksCopied}/2`);
      console.log(`runs: ${result.runIds.join(", ") || "(none)"}`);
      console.log(`status: ${result.status}`);
      for (const error of result.errors ?? []) console.log(`  ${error}`);
    }
    if (result.status !== "succeeded") process.exitCode = 1;
  });

class CliUsageError extends Error {}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof BridgeUnavailableError ||
    error instanceof CliUsageError
  ) {
    console.error(`contact-bridge: ${error.message}`);
  } else {
    console.error(`contact-bridge: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}
