import type { Command } from "commander";
import { runningServerPid } from "../server/server-lock.ts";
import { CliError } from "./cli-error.ts";
import { withCore } from "./with-core.ts";

/** `contact-bridge vault rotate-key`: re-encrypt every secret under a new key id. */
export function registerVaultCommand(program: Command): void {
  const vault = program.command("vault").description("the encrypted secret store");
  vault
    .command("rotate-key")
    .description("re-encrypt every secret under a new master key")
    .action(async () => {
      await withCore(async (core) => {
        const pid = runningServerPid(core.config.dataDir);
        if (core.vault.sourceKind === "env" && pid !== undefined) {
          // A running bridge cannot learn a new environment key; it would fail on every secret.
          throw new CliError(
            `the bridge (pid ${pid}) is running with BRIDGE_MASTER_KEY: stop it, rotate, then start it with the new key`,
          );
        }
        const result = await core.vault.rotateKey("cli");
        console.log(
          `re-encrypted ${result.resealed} secret(s) under key ${result.newKeyId} (was ${result.previousKeyIds.join(", ")})`,
        );
        if (result.newEnvKey) {
          console.log(
            `BRIDGE_MASTER_KEY is set, so the new key is shown once here; set it before the next start:\nBRIDGE_MASTER_KEY=${result.newEnvKey}`,
          );
        }
      });
    });
}
