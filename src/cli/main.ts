import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { ConfigError } from "../config/env.ts";
import { PortInUseError } from "../server/bind-server.ts";
import { DataDirError } from "../store/private-file.ts";
import { VaultError } from "../vault/aes-gcm.ts";
import { registerAuditCommand } from "./audit-command.ts";
import { BridgeUnavailableError } from "./bridge-api.ts";
import { CliError } from "./cli-error.ts";
import { registerConnectionsCommand } from "./connections-command.ts";
import { registerDemoCommand } from "./demo-command.ts";
import { registerSandboxCommand } from "./sandbox-command.ts";
import { registerStartCommand } from "./start-command.ts";
import { registerVaultCommand } from "./vault-command.ts";
import { registerWorkflowsCommand } from "./workflows-command.ts";

const VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

const program = new Command()
  .name("contact-bridge")
  .description("Connects HighLevel contacts with Breakcold: webhooks in, lead intake out.")
  .version(VERSION, "-V, --version")
  .exitOverride();

registerStartCommand(program);
registerDemoCommand(program);
registerConnectionsCommand(program);
registerVaultCommand(program);
registerAuditCommand(program);
registerWorkflowsCommand(program);
registerSandboxCommand(program);

const EXPECTED = [
  ConfigError,
  BridgeUnavailableError,
  CliError,
  VaultError,
  DataDirError,
  PortInUseError,
];

// Output piped into `head` and the like may close early: stop quietly, as other tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const message = error instanceof Error ? error.message : String(error);
  const expected = EXPECTED.some((kind) => error instanceof kind);
  console.error(`contact-bridge: ${message}`);
  if (!expected && process.env.LOG_LEVEL === "debug" && error instanceof Error) {
    console.error(error.stack);
  }
  process.exit(1);
}
