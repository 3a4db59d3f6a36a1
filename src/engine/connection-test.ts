import {
  CredentialError,
  HttpError,
  NetworkError,
  ResponseShapeError,
  ScopeError,
  TimeoutError,
} from "../http/errors.ts";
import type { Clock } from "../lib/clock.ts";
import { type Connection, getConnection } from "../store/connections.ts";
import type { AuditLog } from "../vault/audit-log.ts";
import type { AppClients } from "./app-clients.ts";
import type { ConnectionAccess } from "./connection-access.ts";
import { RECIPES } from "./recipes/index.ts";

export interface ConnectionTestReport {
  readonly connectionId: string;
  readonly app: string;
  readonly ok: boolean;
  /** One line: what worked, or what failed and how to fix it. */
  readonly summary: string;
  readonly latencyMs: number;
  /** What was read to prove access (a contact or record id), if anything. */
  readonly sample: { readonly kind: string; readonly id: string | null } | null;
  /** Scopes the enabled recipes need, split by what is known of this connection. */
  readonly scopes: {
    readonly known: string[];
    readonly missing: string[];
    readonly unknown: string[];
  };
  /** Requests left in each rate budget right now, by budget name. */
  readonly rateBudget: Record<string, number>;
  /** Problems around the connection that the test itself cannot show (webhook verification). */
  readonly warnings: string[];
}

/** Scopes lead intake (today's only recipe) needs from each app. */
function neededScopes(app: string): string[] {
  return [...new Set([...RECIPES.values()].flatMap((recipe) => recipe.requiredScopes[app] ?? []))];
}

function scopeReport(connection: Connection, needed: readonly string[]) {
  const known: string[] = [];
  const missing: string[] = [];
  const unknown: string[] = [];
  for (const scope of needed) {
    if (connection.missingScopes.includes(scope)) missing.push(scope);
    else if (connection.scopes === null) unknown.push(scope);
    else if (connection.scopes.includes(scope)) known.push(scope);
    else missing.push(scope);
  }
  return { known, missing, unknown };
}

/** The one-line explanation of a failed test, with the fix. */
export function explainFailure(connection: Connection, error: unknown): string {
  const app = connection.app === "highlevel" ? "HighLevel" : "Breakcold";
  const credential = connection.app === "highlevel" ? "token" : "API key";
  if (error instanceof ScopeError) {
    return `${app} says the ${credential} lacks scope ${error.missingScopes.join(", ")}: grant it (or create a new ${credential} with it) and add the connection again`;
  }
  if (error instanceof CredentialError && error.status === "unreadable") {
    return `the stored ${credential} cannot be decrypted (${error.message.split(": ").pop()}): restart the bridge after a key rotation, or set the right BRIDGE_MASTER_KEY / restore master.key`;
  }
  if (error instanceof CredentialError) {
    return error.status === "needs_reconnect"
      ? `the authorization is no longer valid (${error.message.split(": ").pop()}): reconnect with \`contact-bridge connections add ${connection.app} --oauth\``
      : `${app} rejected the ${credential} (${error.message.split(": ").pop()}): create a new one and run \`contact-bridge connections add\` again`;
  }
  if (error instanceof HttpError && (error.status === 404 || error.status === 405)) {
    return `${connection.baseUrl} answered ${error.status} for ${error.request.url}: the base URL or path is wrong; check --base-url`;
  }
  if (error instanceof ResponseShapeError) {
    return `${connection.baseUrl} does not answer like the ${app} API: check --base-url`;
  }
  if (error instanceof HttpError && error.status === 403) {
    return `${app} refused access to ${connection.accountId} (${error.message.split(": ").pop()}): check that the ${credential} belongs to that account`;
  }
  if (error instanceof HttpError) {
    return `${app} answered ${error.status}: ${error.message.split(": ").pop()}`;
  }
  if (error instanceof TimeoutError) {
    return `${connection.baseUrl} did not answer in time: check the URL and that the host is up`;
  }
  if (error instanceof NetworkError) {
    const host = new URL(connection.baseUrl).host;
    if (connection.sandbox) {
      return `cannot reach the sandbox at ${host}: it runs inside the bridge, so start the bridge (npm start) with the same PORT`;
    }
    return `cannot reach ${host}: check the base URL, DNS and network (${String(error.cause ?? error.message).slice(0, 120)})`;
  }
  return `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
}

async function readSample(clients: AppClients, connection: Connection) {
  const options = { lane: "interactive" as const, actor: "connection-test" };
  if (connection.app === "highlevel") {
    const client = clients.highlevel(connection, options);
    for await (const contact of client.listContacts({
      locationId: connection.accountId,
      pageSize: 1,
    })) {
      return { kind: "contact", id: contact.id };
    }
    return { kind: "contact", id: null };
  }
  const client = clients.breakcold(connection, options);
  for await (const record of client.listRecords({
    workspaceId: connection.accountId,
    pageSize: 1,
  })) {
    return { kind: "record", id: record.id };
  }
  return { kind: "record", id: null };
}

/**
 * Tests a connection as a user would want: authenticate and read one contact or record, then
 * report latency, scopes (known, missing, unknown against what the recipes need) and the rate
 * budget left. Failures come back as one line that says what to fix.
 */
export async function testConnection(
  deps: {
    clients: AppClients;
    access: ConnectionAccess;
    audit: AuditLog;
    clock: Clock;
    config: { highlevelWebhookKeys: { ed25519?: string } };
  },
  connection: Connection,
): Promise<ConnectionTestReport> {
  const warnings: string[] = [];
  if (
    connection.app === "highlevel" &&
    connection.authKind === "oauth" &&
    // The sandbox's own signing keys are trusted without configuration.
    !connection.sandbox &&
    !deps.config.highlevelWebhookKeys.ed25519
  ) {
    warnings.push(
      "HIGHLEVEL_WEBHOOK_ED25519_PUBLIC_KEY is not set: HighLevel signs webhooks with Ed25519 only, so this location's events will be rejected",
    );
  }
  const started = performance.now();
  let sample: ConnectionTestReport["sample"] = null;
  let failure: unknown;
  try {
    sample = await readSample(deps.clients, connection);
  } catch (error) {
    failure = error;
  }
  const latencyMs = Math.round(performance.now() - started);
  // Re-read: the attempt may have learned a missing scope or marked the credential invalid.
  const fresh = (await getConnection(deps.access.db, connection.id)) ?? connection;
  const scopes = scopeReport(fresh, neededScopes(connection.app));
  const governor = deps.access.governor(fresh);
  const rateBudget: Record<string, number> = {};
  for (const name of Object.keys(deps.access.budgetsOf(fresh))) {
    rateBudget[name] = governor.budget(name)?.available(Date.now()) ?? 0;
  }
  const authenticated = failure === undefined;
  const ok = authenticated && scopes.missing.length === 0;
  const summary = authenticated
    ? `authenticated; read ${sample?.id ? `${sample.kind} ${sample.id}` : `no ${sample?.kind ?? "item"} (the account is empty)`} in ${latencyMs} ms${scopes.missing.length > 0 ? `; but it lacks ${scopes.missing.join(", ")}, which lead intake needs: grant them (or create a new ${connection.app === "highlevel" ? "token" : "API key"} with them) and add the connection again` : ""}`
    : explainFailure(fresh, failure);
  await deps.audit.append({
    actor: "connection-test",
    action: "connection.tested",
    connectionId: connection.id,
    detail: { ok, latencyMs, summary },
  });
  return {
    connectionId: connection.id,
    app: connection.app,
    ok,
    summary,
    latencyMs,
    sample,
    scopes,
    rateBudget,
    warnings,
  };
}
