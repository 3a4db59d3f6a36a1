import type { Command } from "commander";
import { testConnection } from "../engine/connection-test.ts";
import { addTokenConnection, removeConnection } from "../engine/connections-service.ts";
import { getConnection, listConnections } from "../store/connections.ts";
import { CliError, parseList } from "./cli-error.ts";
import { addOAuthConnection } from "./oauth-connect.ts";
import { withCore } from "./with-core.ts";

interface HighLevelAddOptions {
  oauth?: boolean;
  authUrl?: string;
  token?: string;
  location?: string;
  scopes?: string;
  baseUrl?: string;
  label?: string;
}

interface BreakcoldAddOptions {
  apiKey: string;
  workspace: string;
  scopes?: string;
  webhookSecret?: string;
  baseUrl?: string;
  label?: string;
}

function optional<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/** Input fields as the CLI user knows them: by their options. */
const FLAGS: Record<string, string> = {
  token: "--token",
  locationId: "--location",
  apiKey: "--api-key",
  workspaceId: "--workspace",
  scopes: "--scopes",
  webhookSecret: "--webhook-secret",
  baseUrl: "--base-url",
  label: "--label",
};

async function addWithToken(input: Record<string, unknown>): Promise<void> {
  await withCore(async (core) => {
    const result = await addTokenConnection(core.vault, input, "cli", {
      publicUrl: core.config.publicUrl,
      fieldNames: FLAGS,
    });
    if (!result.ok) throw new CliError(result.error.message);
    const c = result.value;
    console.log(
      `added ${c.app} connection ${c.id} (${c.label}); check it with: contact-bridge connections test ${c.id}`,
    );
  });
}

/** `contact-bridge connections …`: manage connections in the data directory directly. */
export function registerConnectionsCommand(program: Command): void {
  const connections = program.command("connections").description("manage connected accounts");
  const add = connections.command("add").description("connect an account");

  add
    .command("highlevel")
    .description("connect a HighLevel location with a private integration token, or by OAuth")
    .option("--token <token>", "private integration token")
    .option("--location <id>", "location id the token belongs to")
    .option("--scopes <list>", "scopes chosen when the token was created (comma-separated)")
    .option("--oauth", "authorize through HighLevel's consent page instead of a token")
    .option("--auth-url <url>", "consent page (OAuth; default HighLevel's chooselocation page)")
    .option("--base-url <url>", "API base URL")
    .option("--label <text>", "a name for the connection")
    .action(async (options: HighLevelAddOptions) => {
      if (options.oauth) {
        if (options.token) throw new CliError("--oauth and --token exclude each other");
        await addOAuthConnection(
          optional({ authUrl: options.authUrl, baseUrl: options.baseUrl, label: options.label }),
        );
        return;
      }
      if (!options.token || !options.location) {
        throw new CliError("give --token and --location, or --oauth");
      }
      await addWithToken({
        app: "highlevel",
        authKind: "private_token",
        token: options.token,
        locationId: options.location,
        ...optional({
          scopes: options.scopes === undefined ? undefined : parseList(options.scopes),
          baseUrl: options.baseUrl,
          label: options.label,
        }),
      });
    });

  add
    .command("breakcold")
    .description("connect a Breakcold workspace with an API key")
    .requiredOption("--api-key <key>", "personal API key (bc_live_…)")
    .requiredOption("--workspace <id>", "workspace id the key may use")
    .option("--scopes <list>", "scopes chosen when the key was created (comma-separated)")
    .option("--webhook-secret <secret>", "signing secret of the workspace's webhook endpoint")
    .option("--base-url <url>", "API base URL (EU: https://http.eu.breakcold.com/api/v1)")
    .option("--label <text>", "a name for the connection")
    .action(async (options: BreakcoldAddOptions) => {
      await addWithToken({
        app: "breakcold",
        authKind: "api_key",
        apiKey: options.apiKey,
        workspaceId: options.workspace,
        ...optional({
          scopes: options.scopes === undefined ? undefined : parseList(options.scopes),
          webhookSecret: options.webhookSecret,
          baseUrl: options.baseUrl,
          label: options.label,
        }),
      });
    });

  connections
    .command("list")
    .description("list connections (never their secrets)")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      await withCore(async (core) => {
        const all = await listConnections(core.db);
        if (options.json) {
          console.log(JSON.stringify({ connections: all }));
          return;
        }
        if (all.length === 0) console.log("no connections");
        for (const c of all) {
          const scopes =
            c.scopes === null ? "scopes unknown" : `scopes ${c.scopes.join(",") || "(none)"}`;
          const reason = c.statusReason ? ` (${c.statusReason})` : "";
          console.log(
            `${c.id}  ${c.app}  ${c.accountId}  ${c.authKind}  ${c.status}${reason}  ${scopes}${c.sandbox ? "  sandbox" : ""}`,
          );
        }
      });
    });

  connections
    .command("remove <id>")
    .description("remove a connection and its secrets (its workflows are disabled)")
    .action(async (id: string) => {
      await withCore(async (core) => {
        const result = await removeConnection(core.db, core.audit, id, "cli");
        if (!result.ok) throw new CliError(result.error.message);
        console.log(`removed ${result.value.app} connection ${id}`);
      });
    });

  connections
    .command("test <id>")
    .description("authenticate, read one item, and report scopes, latency and rate budget")
    .option("--json", "print JSON")
    .action(async (id: string, options: { json?: boolean }) => {
      await withCore(async (core) => {
        const connection = await getConnection(core.db, id);
        if (!connection)
          throw new CliError(`no connection ${id} (see: contact-bridge connections list)`);
        const report = await testConnection(core, connection);
        if (options.json) console.log(JSON.stringify(report));
        else {
          console.log(`${report.ok ? "ok" : "FAILED"}: ${report.summary}`);
          const { known, missing, unknown } = report.scopes;
          console.log(
            `scopes for lead intake: granted ${known.join(",") || "-"}; missing ${missing.join(",") || "-"}; unknown ${unknown.join(",") || "-"}`,
          );
          console.log(
            `latency ${report.latencyMs} ms; rate budget left: ${Object.entries(report.rateBudget)
              .filter(([k]) => !k.startsWith("op:"))
              .map(([k, v]) => `${k} ${v}`)
              .join(", ")}`,
          );
          for (const warning of report.warnings) console.log(`warning: ${warning}`);
        }
        if (!report.ok) process.exitCode = 1;
      });
    });
}
