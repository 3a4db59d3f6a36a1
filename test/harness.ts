import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config/env.ts";
import type { Clock } from "../src/lib/clock.ts";
import { createLogger } from "../src/lib/logger.ts";
import { type Bridge, createBridge } from "../src/server/runtime.ts";
import type { Connection } from "../src/store/connections.ts";

/** A bridge on a fresh data directory, sandbox on, worker drained by hand, webhooks in-process. */
export interface TestBridge {
  readonly bridge: Bridge;
  readonly dataDir: string;
  /** Waits for webhook deliveries, then runs every queued job. */
  settle(): Promise<void>;
  /** Calls the bridge's API with the CLI token. */
  api(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestBridge(
  env: Record<string, string> = {},
  options: { logLines?: string[]; dataDir?: string; clock?: Clock } = {},
): Promise<TestBridge> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "contact-bridge-test-"));
  const config = loadConfig({
    BRIDGE_DATA_DIR: dataDir,
    PORT: "8787",
    BRIDGE_SANDBOX: "on",
    LOG_LEVEL: "silent",
    ...env,
  });
  let target: Bridge | undefined;
  const bridge = await createBridge({
    config,
    logger: options.logLines
      ? createLogger("debug", (line) => options.logLines?.push(line))
      : createLogger("silent"),
    startWorker: false,
    ...(options.clock ? { clock: options.clock } : {}),
    webhookFetch: (request) => {
      if (!target) throw new Error("bridge not ready");
      return Promise.resolve(target.app.fetch(request));
    },
  });
  target = bridge;
  return {
    bridge,
    dataDir,
    async settle() {
      for (let round = 0; round < 20; round++) {
        await bridge.sandbox?.highlevel.control.settle();
        await bridge.sandbox?.breakcold.control.settle();
        if ((await bridge.worker.drain()) === 0) return;
      }
    },
    api: (path, init = {}) =>
      Promise.resolve(
        bridge.app.fetch(
          new Request(`http://bridge.test/api${path}`, {
            ...init,
            headers: { authorization: `Bearer ${bridge.cliToken}`, ...init.headers },
          }),
        ),
      ),
    async close() {
      await bridge.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signing identity standing in for HighLevel's, whose public keys the bridge is given. */
export function webhookSigner() {
  const ed = generateKeyPairSync("ed25519");
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    env: {
      HIGHLEVEL_WEBHOOK_ED25519_PUBLIC_KEY: ed.publicKey
        .export({ type: "spki", format: "pem" })
        .toString(),
      HIGHLEVEL_WEBHOOK_RSA_PUBLIC_KEY: rsa.publicKey
        .export({ type: "spki", format: "pem" })
        .toString(),
    },
    ed25519: (body: string) => sign(null, Buffer.from(body), ed.privateKey).toString("base64"),
    rsa: (body: string) => sign("sha256", Buffer.from(body), rsa.privateKey).toString("base64"),
  };
}

/** POSTs raw bytes to the HighLevel ingress with the given headers. */
export function deliver(
  bridge: Bridge,
  body: string,
  headers: Record<string, string>,
): Promise<Response> {
  return Promise.resolve(
    bridge.app.fetch(
      new Request("http://bridge.test/hooks/highlevel", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      }),
    ),
  );
}

/** Adds a connection through the product API and returns it (fails the test on refusal). */
export async function addConnectionViaApi(
  t: TestBridge,
  body: Record<string, unknown>,
): Promise<Connection> {
  const response = await t.api("/connections", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`add connection: ${await response.text()}`);
  return ((await response.json()) as { connection: Connection }).connection;
}
