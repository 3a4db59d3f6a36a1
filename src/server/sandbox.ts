import { join } from "node:path";
import {
  type BreakcoldEmulator,
  createBreakcoldEmulator,
} from "../apps/breakcold/emulator/index.ts";
import { BREAKCOLD_WEBHOOK_EVENTS } from "../apps/breakcold/webhook-events.ts";
import {
  createHighLevelEmulator,
  type HighLevelEmulator,
} from "../apps/highlevel/emulator/index.ts";
import { SANDBOX_PATHS } from "../config/sandbox-paths.ts";
import type { FetchLike } from "../http/transport.ts";
import type { Clock } from "../lib/clock.ts";
import { type Connection, listConnections, setConnectionBaseUrl } from "../store/connections.ts";
import { DocStore } from "../store/doc-store.ts";
import { ensurePrivateDir } from "../store/private-file.ts";
import { insertWorkflow, listWorkflows } from "../store/workflows.ts";
import type { Core } from "./core.ts";

export { SANDBOX_PATHS };

export interface SandboxInfo {
  readonly highlevel: { baseUrl: string; locationId: string; connectionId: string };
  readonly breakcold: { baseUrl: string; workspaceId: string; connectionId: string };
}

/** Both emulators, served under the bridge's own address. */
export interface SandboxEmulators {
  readonly highlevel: HighLevelEmulator;
  readonly breakcold: BreakcoldEmulator;
  readonly baseUrls: { readonly highlevel: string; readonly breakcold: string };
  /** The bridge's public base URL (webhook endpoints hang off it). */
  readonly publicUrl: string;
  /** Answers a request for a sandbox URL with the emulator's own response, else undefined. */
  handle(request: Request): Promise<Response> | undefined;
  close(): void;
}

/** The running sandbox: emulators plus the connections and workflow wired to them. */
export interface Sandbox extends SandboxEmulators {
  readonly info: SandboxInfo;
}

export interface SandboxOptions {
  /** Emulator state lives in `<dataDir>/sandbox/`; ":memory:" keeps it in memory. */
  readonly dataDir: string | ":memory:";
  readonly clock: Clock;
  /** The bridge's public base URL: sandbox base URLs and the webhook URL hang off it. */
  readonly publicUrl: string;
  /** How the HighLevel emulator delivers webhooks (default: the network). */
  readonly webhookFetch?: FetchLike;
  /** The Marketplace app the bridge is configured as: registered in the emulator for OAuth. */
  readonly highlevelApp?: { readonly clientId?: string; readonly clientSecret?: string };
}

function openDocs(dataDir: string | ":memory:", name: string): DocStore {
  if (dataDir === ":memory:") return DocStore.open(":memory:");
  const dir = join(dataDir, "sandbox");
  ensurePrivateDir(dir);
  return DocStore.open(join(dir, `${name}.sqlite`));
}

/** Routes requests for `origin` + `prefix` to `handler` with the prefix removed. */
function mountFetch(origin: string, prefix: string, handler: FetchLike) {
  return (request: Request): Promise<Response> | undefined => {
    const url = new URL(request.url);
    if (url.origin !== origin || !url.pathname.startsWith(prefix)) return undefined;
    url.pathname = url.pathname.slice(prefix.length) || "/";
    return handler(new Request(url, request));
  };
}

/** Starts both emulators with their state (data and keys) kept in the data directory. */
export function startSandboxEmulators(o: SandboxOptions): SandboxEmulators {
  const hlDocs = openDocs(o.dataDir, "highlevel");
  const bcDocs = openDocs(o.dataDir, "breakcold");
  const highlevel = createHighLevelEmulator({
    docs: hlDocs,
    clock: o.clock,
    ...(o.webhookFetch ? { fetch: o.webhookFetch } : {}),
  });
  const breakcold = createBreakcoldEmulator({
    docs: bcDocs,
    clock: o.clock,
    ...(o.webhookFetch ? { fetch: o.webhookFetch } : {}),
  });
  highlevel.control.setWebhookUrl(`${o.publicUrl}/hooks/highlevel`);
  const { clientId, clientSecret } = o.highlevelApp ?? {};
  if (clientId && clientSecret) {
    // The configured Marketplace app exists in the sandbox too, so OAuth runs offline.
    highlevel.control.registerApp({
      clientId,
      clientSecret,
      scopes: ["contacts.readonly", "contacts.write"],
      webhookUrl: `${o.publicUrl}/hooks/highlevel`,
    });
  }
  const origin = new URL(o.publicUrl).origin;
  const routes = [
    mountFetch(origin, SANDBOX_PATHS.highlevel, highlevel.fetch),
    mountFetch(origin, SANDBOX_PATHS.breakcold, breakcold.fetch),
  ];
  return {
    highlevel,
    breakcold,
    publicUrl: o.publicUrl,
    baseUrls: {
      highlevel: `${o.publicUrl}${SANDBOX_PATHS.highlevel}`,
      breakcold: `${o.publicUrl}${SANDBOX_PATHS.breakcold}/api/v1`,
    },
    handle(request) {
      for (const route of routes) {
        const response = route(request);
        if (response) return response;
      }
      return undefined;
    },
    close() {
      hlDocs.close();
      bcDocs.close();
    },
  };
}

/** What the sandbox credentials may do: everything lead intake and the API surfaces need. */
const HIGHLEVEL_SCOPES = ["contacts.readonly", "contacts.write"] as const;
const BREAKCOLD_SCOPES = [
  "records:read",
  "records:write",
  "notes:read",
  "notes:write",
  "tasks:read",
  "tasks:write",
  "crm:metadata:read",
  "crm:metadata:write",
  "webhooks:write",
] as const;

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
