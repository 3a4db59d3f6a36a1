import { mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  type BreakcoldEmulator,
  createBreakcoldEmulator,
} from "../apps/breakcold/emulator/index.ts";
import {
  createHighLevelEmulator,
  type HighLevelEmulator,
} from "../apps/highlevel/emulator/index.ts";
import type { FetchLike } from "../http/transport.ts";
import type { Clock } from "../lib/clock.ts";
import {
  type Connection,
  insertConnection,
  listConnections,
  updateCredentials,
} from "../store/connections.ts";
import type { Db } from "../store/database.ts";
import { DocStore } from "../store/doc-store.ts";
import { insertWorkflow, listWorkflows } from "../store/workflows.ts";

/** Path prefixes under which the bridge serves the emulators. */
export const SANDBOX_PATHS = { highlevel: "/sandbox/highlevel", breakcold: "/sandbox/breakcold" };

export interface SandboxInfo {
  readonly highlevel: { baseUrl: string; locationId: string; connectionId: string };
  readonly breakcold: { baseUrl: string; workspaceId: string; connectionId: string };
}

/** Both emulators, their sandbox connections, and a fetch that reaches them in-process. */
export interface Sandbox {
  readonly highlevel: HighLevelEmulator;
  readonly breakcold: BreakcoldEmulator;
  readonly info: SandboxInfo;
  /** Sends sandbox URLs to the emulators without a socket; other URLs to the network. */
  readonly fetch: FetchLike;
  /** Answers a request under a sandbox path with the emulator's own response, else undefined. */
  handle(request: Request): Promise<Response> | undefined;
  close(): void;
}

export interface SandboxOptions {
  readonly db: Db;
  /** Emulator state lives in `<dataDir>/sandbox/`; ":memory:" keeps it in memory. */
  readonly dataDir: string | ":memory:";
  readonly clock: Clock;
  /** The bridge's public base URL: sandbox base URLs and the webhook URL hang off it. */
  readonly publicUrl: string;
  /** How the HighLevel emulator delivers webhooks (default: the network). */
  readonly webhookFetch?: FetchLike;
}

function openDocs(dataDir: string | ":memory:", name: string): DocStore {
  if (dataDir === ":memory:") return DocStore.open(":memory:");
  const dir = join(dataDir, "sandbox");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return DocStore.open(join(dir, `${name}.sqlite`));
}

/** Routes requests under `prefix` to `handler` with the prefix removed. */
function mountFetch(
  prefix: string,
  handler: FetchLike,
): (request: Request) => Promise<Response> | undefined {
  return (request) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(prefix)) return undefined;
    url.pathname = url.pathname.slice(prefix.length) || "/";
    return handler(new Request(url, request));
  };
}

async function ensureHighLevel(
  o: SandboxOptions,
  emu: HighLevelEmulator,
  baseUrl: string,
  existing?: Connection,
) {
  const now = o.clock.now();
  if (existing && emu.control.getLocation(existing.accountId)) return existing;
  const location = emu.control.createLocation(
    existing ? { id: existing.accountId, name: "Sandbox location" } : { name: "Sandbox location" },
  );
  const token = emu.control.issuePrivateToken({ locationId: location.id });
  if (existing) {
    await updateCredentials(o.db, existing.id, { token }, now);
    return existing;
  }
  return insertConnection(
    o.db,
    {
      app: "highlevel",
      label: "HighLevel sandbox",
      authKind: "private_token",
      accountId: location.id,
      baseUrl,
      credentials: { token },
      scopes: ["contacts.readonly", "contacts.write"],
      sandbox: true,
    },
    now,
  );
}

async function ensureBreakcold(
  o: SandboxOptions,
  emu: BreakcoldEmulator,
  baseUrl: string,
  existing?: Connection,
) {
  const now = o.clock.now();
  if (existing && emu.control.getWorkspace(existing.accountId)) return existing;
  const workspace = emu.control.createWorkspace(
    existing
      ? { id: existing.accountId, name: "Sandbox workspace" }
      : { name: "Sandbox workspace" },
  );
  const apiKey = emu.control.issueApiKey({ workspaceIds: [workspace.id] });
  if (existing) {
    await updateCredentials(o.db, existing.id, { apiKey }, now);
    return existing;
  }
  return insertConnection(
    o.db,
    {
      app: "breakcold",
      label: "Breakcold sandbox",
      authKind: "api_key",
      accountId: workspace.id,
      baseUrl,
      credentials: { apiKey },
      scopes: [
        "records:read",
        "records:write",
        "notes:read",
        "notes:write",
        "tasks:read",
        "tasks:write",
      ],
      sandbox: true,
    },
    now,
  );
}

/**
 * Starts both emulators with their state in the data directory, makes sure the sandbox
 * location, workspace, connections and the lead-intake workflow exist (reusing them across
 * restarts), and points the HighLevel app's one webhook URL at the bridge.
 */
export async function startSandbox(o: SandboxOptions): Promise<Sandbox> {
  const hlDocs = openDocs(o.dataDir, "highlevel");
  const bcDocs = openDocs(o.dataDir, "breakcold");
  const highlevel = createHighLevelEmulator({
    docs: hlDocs,
    clock: o.clock,
    ...(o.webhookFetch ? { fetch: o.webhookFetch } : {}),
  });
  const breakcold = createBreakcoldEmulator({ docs: bcDocs, clock: o.clock });
  const hlBase = `${o.publicUrl}${SANDBOX_PATHS.highlevel}`;
  const bcBase = `${o.publicUrl}${SANDBOX_PATHS.breakcold}/api/v1`;

  const sandboxConnections = (await listConnections(o.db)).filter((c) => c.sandbox);
  const hl = await ensureHighLevel(
    o,
    highlevel,
    hlBase,
    sandboxConnections.find((c) => c.app === "highlevel"),
  );
  const bc = await ensureBreakcold(
    o,
    breakcold,
    bcBase,
    sandboxConnections.find((c) => c.app === "breakcold"),
  );
  const workflows = await listWorkflows(o.db);
  if (!workflows.some((w) => w.sourceConnectionId === hl.id && w.targetConnectionId === bc.id)) {
    await insertWorkflow(
      o.db,
      {
        recipe: "lead-intake",
        name: "Lead intake (sandbox)",
        sourceConnectionId: hl.id,
        targetConnectionId: bc.id,
        enabled: true,
        config: {},
      },
      o.clock.now(),
    );
  }
  highlevel.control.setWebhookUrl(`${o.publicUrl}/hooks/highlevel`);

  const routes = [
    mountFetch(new URL(hlBase).pathname, highlevel.fetch),
    mountFetch(new URL(`${o.publicUrl}${SANDBOX_PATHS.breakcold}`).pathname, breakcold.fetch),
  ];
  const origin = new URL(o.publicUrl).origin;
  const handle = (request: Request) => {
    for (const route of routes) {
      const response = route(request);
      if (response) return response;
    }
    return undefined;
  };
  const sandboxFetch: FetchLike = (request) =>
    (new URL(request.url).origin === origin ? handle(request) : undefined) ?? fetch(request);
  return {
    highlevel,
    breakcold,
    info: {
      highlevel: { baseUrl: hlBase, locationId: hl.accountId, connectionId: hl.id },
      breakcold: { baseUrl: bcBase, workspaceId: bc.accountId, connectionId: bc.id },
    },
    fetch: sandboxFetch,
    handle,
    close() {
      hlDocs.close();
      bcDocs.close();
    },
  };
}
