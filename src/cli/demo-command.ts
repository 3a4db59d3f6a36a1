import type { Command } from "commander";
import { loadConfig } from "../config/env.ts";
import { connectBridgeApi } from "./bridge-api.ts";
import { CliError } from "./cli-error.ts";
import { runLeadIntakeDemo } from "./demo-lead-intake.ts";

/** `contact-bridge demo lead-intake`: the recipe shown working against the running sandbox. */
export function registerDemoCommand(program: Command): void {
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
      if (!Number.isFinite(seconds) || seconds <= 0) {
        throw new CliError("--timeout must be a positive number of seconds");
      }
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
}
