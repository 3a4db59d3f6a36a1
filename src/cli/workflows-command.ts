import type { Command } from "commander";
import { addRecipeWorkflow, switchWorkflow } from "../engine/workflows-service.ts";
import { listWorkflows } from "../store/workflows.ts";
import { CliError } from "./cli-error.ts";
import { withCore } from "./with-core.ts";

/** `contact-bridge workflows …`: wire recipes between connections. */
export function registerWorkflowsCommand(program: Command): void {
  const workflows = program.command("workflows").description("recipes wired between connections");
  workflows
    .command("add <recipe>")
    .description("run a recipe (lead-intake) from a source connection to a target connection")
    .requiredOption("--source <id>", "connection the trigger events come from (HighLevel)")
    .requiredOption("--target <id>", "connection the steps write to (Breakcold)")
    .option("--name <text>", "a name for the workflow")
    .action(async (recipe: string, options: { source: string; target: string; name?: string }) => {
      await withCore(async (core) => {
        const result = await addRecipeWorkflow(
          core,
          {
            recipe,
            sourceConnectionId: options.source,
            targetConnectionId: options.target,
            ...(options.name ? { name: options.name } : {}),
          },
          "cli",
        );
        if (!result.ok) throw new CliError(result.error.message);
        console.log(`workflow ${result.value.id} (${result.value.name}) is enabled`);
      });
    });
  workflows
    .command("list")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      await withCore(async (core) => {
        const all = await listWorkflows(core.db);
        if (options.json) console.log(JSON.stringify({ workflows: all }));
        else if (all.length === 0) console.log("no workflows");
        else
          for (const w of all)
            console.log(
              `${w.id}  ${w.recipe}  ${w.enabled ? "enabled" : "disabled"}  ${w.sourceConnectionId} → ${w.targetConnectionId}  ${w.name}`,
            );
      });
    });
  for (const [verb, enabled] of [
    ["enable", true],
    ["disable", false],
  ] as const) {
    workflows.command(`${verb} <id>`).action(async (id: string) => {
      await withCore(async (core) => {
        const result = await switchWorkflow(core, id, enabled, "cli");
        if (!result.ok) throw new CliError(result.error.message);
        console.log(`workflow ${id} ${enabled ? "enabled" : "disabled"}`);
      });
    });
  }
}
