import { join } from "node:path";
import {
  type BreakcoldEmulator,
  createBreakcoldEmulator,
} from "../apps/breakcold/emulator/index.ts";
import {
  createHighLevelEmulator,
  type HighLevelEmulator,
} from "../apps/highlevel/emulator/index.ts";
import { HIGHLEVEL_OAUTH_SCOPES } from "../apps/highlevel/oauth-connection.ts";
import { SANDBOX_PATHS } from "../config/sandbox-paths.ts";
import type { FetchLike } from "../http/transport.ts";
import type { Clock } from "../lib/clock.ts";
import { DocStore } from "../store/doc-store.ts";
import { ensurePrivateDir } from "../store/private-file.ts";

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
      scopes: [...HIGHLEVEL_OAUTH_SCOPES],
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
