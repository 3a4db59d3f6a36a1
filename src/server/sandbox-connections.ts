import { BREAKCOLD_ROUTE_SCOPES } from "../apps/breakcold/routes.ts";
import { BREAKCOLD_WEBHOOK_EVENTS } from "../apps/breakcold/webhook-events.ts";
import { HIGHLEVEL_OAUTH_SCOPES } from "../apps/highlevel/oauth-connection.ts";
import { type Connection, listConnections, setConnectionBaseUrl } from "../store/connections.ts";
import { insertWorkflow, listWorkflows } from "../store/workflows.ts";
import type { Core } from "./core.ts";
import type { SandboxEmulators, SandboxInfo } from "./sandbox.ts";

/** What the sandbox credentials may do: every scope the clients' operations need. */
const HIGHLEVEL_SCOPES = HIGHLEVEL_OAUTH_SCOPES;
const BREAKCOLD_SCOPES = BREAKCOLD_ROUTE_SCOPES;

/**
 * The sandbox lives under the bridge's own address, which may change between starts (another
 * PORT): its connections follow, so no credential is ever sent to the old address.
 */
async function follow(core: Core, connection: Connection, baseUrl: string): Promise<Connection> {
  if (connection.baseUrl === baseUrl) return connection;
  await setConnectionBaseUrl(core.db, connection.id, baseUrl, core.clock.now());
  return { ...connection, baseUrl };
}

async function ensureHighLevel(core: Core, emu: SandboxEmulators, found?: Connection) {
  const control = emu.highlevel.control;
  const existing = found && (await follow(core, found, emu.baseUrls.highlevel));
  if (existing && control.getLocation(existing.accountId)) return existing;
  const location = control.createLocation({
    ...(existing ? { id: existing.accountId } : {}),
    name: "Sandbox location",
  });
  const token = control.issuePrivateToken({
    locationId: location.id,
    scopes: [...HIGHLEVEL_SCOPES],
  });
  if (existing) {
    await core.vault.replaceCredentials(existing.id, { token }, "sandbox");
    return existing;
  }
  return core.vault.addConnection(
    {
      app: "highlevel",
      label: "HighLevel sandbox",
      authKind: "private_token",
      accountId: location.id,
      baseUrl: emu.baseUrls.highlevel,
      credentials: { token },
      scopes: HIGHLEVEL_SCOPES,
      sandbox: true,
    },
    "sandbox",
  );
}

/**
 * The workspace's webhook endpoint pointing at this connection's ingress, as a user would set
 * it in Breakcold's settings; its signing secret goes into the connection's credentials.
 */
async function ensureBreakcoldWebhook(core: Core, emu: SandboxEmulators, connection: Connection) {
  const url = `${emu.publicUrl}/hooks/breakcold/${connection.id}`;
  const control = emu.breakcold.control;
  const ours = control
    .webhookEndpoints(connection.accountId)
    .filter((endpoint) => endpoint.url.endsWith(`/hooks/breakcold/${connection.id}`));
  const credentials = await core.vault.credentials(connection.id);
  if (ours.length === 1 && ours[0]?.url === url && credentials.webhookSecret) return;
  // Endpoints at an earlier address of the bridge (or without a known secret) are replaced.
  for (const endpoint of ours) control.removeWebhookEndpoint(endpoint.id);
  const { secret } = control.addWebhookEndpoint({
    workspaceId: connection.accountId,
    url,
    events: [...BREAKCOLD_WEBHOOK_EVENTS],
  });
  await core.vault.replaceCredentials(
    connection.id,
    { ...credentials, webhookSecret: secret },
    "sandbox",
  );
}

async function ensureBreakcold(core: Core, emu: SandboxEmulators, found?: Connection) {
  const control = emu.breakcold.control;
  const existing = found && (await follow(core, found, emu.baseUrls.breakcold));
  if (existing && control.getWorkspace(existing.accountId)) return existing;
  const workspace = control.createWorkspace({
    ...(existing ? { id: existing.accountId } : {}),
    name: "Sandbox workspace",
  });
  const apiKey = control.issueApiKey({
    workspaceIds: [workspace.id],
    scopes: [...BREAKCOLD_SCOPES],
  });
  if (existing) {
    await core.vault.replaceCredentials(existing.id, { apiKey }, "sandbox");
    return existing;
  }
  return core.vault.addConnection(
    {
      app: "breakcold",
      label: "Breakcold sandbox",
      authKind: "api_key",
      accountId: workspace.id,
      baseUrl: emu.baseUrls.breakcold,
      credentials: { apiKey },
      scopes: BREAKCOLD_SCOPES,
      sandbox: true,
    },
    "sandbox",
  );
}

/**
 * Makes sure the sandbox location, workspace, their connections and the lead-intake workflow
 * exist, reusing them across restarts (the emulators keep their state in the data directory).
 */
export async function ensureSandboxConnections(
  core: Core,
  emu: SandboxEmulators,
): Promise<SandboxInfo> {
  const sandboxConnections: Connection[] = [];
  for (const connection of (await listConnections(core.db)).filter((c) => c.sandbox)) {
    // Connections a user added against the sandbox follow the bridge's address too.
    const url = new URL(connection.baseUrl);
    const moved = `${emu.publicUrl}${url.pathname}`.replace(/\/+$/, "");
    sandboxConnections.push(await follow(core, connection, moved));
  }
  const hl = await ensureHighLevel(
    core,
    emu,
    sandboxConnections.find((c) => c.app === "highlevel"),
  );
  const bc = await ensureBreakcold(
    core,
    emu,
    sandboxConnections.find((c) => c.app === "breakcold"),
  );
  await ensureBreakcoldWebhook(core, emu, bc);
  const workflows = await listWorkflows(core.db);
  if (!workflows.some((w) => w.sourceConnectionId === hl.id && w.targetConnectionId === bc.id)) {
    await insertWorkflow(
      core.db,
      {
        recipe: "lead-intake",
        name: "Lead intake (sandbox)",
        sourceConnectionId: hl.id,
        targetConnectionId: bc.id,
        enabled: true,
        config: {},
      },
      core.clock.now(),
    );
  }
  return {
    highlevel: { baseUrl: emu.baseUrls.highlevel, locationId: hl.accountId, connectionId: hl.id },
    breakcold: { baseUrl: emu.baseUrls.breakcold, workspaceId: bc.accountId, connectionId: bc.id },
  };
}
