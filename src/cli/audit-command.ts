import type { Command } from "commander";
import { CliError } from "./cli-error.ts";
import { withCore } from "./with-core.ts";

/** `contact-bridge audit verify|list`: check and read the hash-chained audit log. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command("audit").description("the append-only audit log");
  audit
    .command("verify")
    .description("check the hash chain; exits non-zero naming the first bad entry")
    .action(async () => {
      await withCore(async (core) => {
        const verdict = await core.audit.verify();
        if (!verdict.ok)
          throw new CliError(`audit log is NOT intact at entry ${verdict.seq}: ${verdict.reason}`);
        console.log(
          `audit log intact: ${verdict.count} entries, head ${verdict.lastHash.slice(0, 16)}…`,
        );
      });
    });
  audit
    .command("list")
    .description("newest entries first")
    .option("--limit <n>", "how many", "20")
    .option("--connection <id>", "only entries about this connection")
    .option("--json", "print JSON")
    .action(async (options: { limit: string; connection?: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError("--limit must be a positive integer");
      await withCore(async (core) => {
        const entries = await core.audit.list(limit, options.connection);
        if (options.json) console.log(JSON.stringify({ entries }));
        else {
          for (const e of entries) {
            console.log(
              `${e.seq}  ${new Date(e.at).toISOString()}  ${e.actor}  ${e.action}  ${e.connectionId ?? "-"}  ${JSON.stringify(e.detail)}`,
            );
          }
        }
      });
    });
}
