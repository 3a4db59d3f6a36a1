import type { Command } from "commander";
import { withCore } from "./with-core.ts";

/** `contact-bridge vault rotate-key`: re-encrypt every secret under a new key id. */
export function registerVaultCommand(program: Command): void {
  const vault = program.command("vault").description("the encrypted secret store");
  vault
    .command("rotate-key")
    .description("re-encrypt every secret under a new master key")
    .action(async () => {
      await withCore(async (core) => {
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
