import { type Clock, ManualClock } from "../../../lib/clock.ts";
import { DocStore } from "../../../store/doc-store.ts";
import { type BreakcoldClient, createBreakcoldClient } from "../client.ts";
import type { Workspace } from "../schemas.ts";
import {
  type BreakcoldEmulator,
  type BreakcoldEmulatorOptions,
  createBreakcoldEmulator,
} from "./index.ts";

/** The base URL in-process clients use; no socket is opened for it. */
export const IN_PROCESS_BASE_URL = "http://bc.test/api/v1";

/** An emulator with one workspace, one key and a client wired to it in-process. */
export interface InProcessSandbox {
  readonly docs: DocStore;
  readonly clock: Clock;
  readonly emulator: BreakcoldEmulator;
  readonly workspace: Workspace;
  readonly apiKey: string;
  readonly client: BreakcoldClient;
  /** A client for the same emulator with another key. */
  clientFor(apiKey: string): BreakcoldClient;
}

/**
 * Builds an {@link InProcessSandbox} for tests: DocStore `path` (default `":memory:"`), a
 * `ManualClock` unless one is given, a default-scoped key for one fresh workspace. `emulator`
 * passes further emulator options (rate limits, webhook fetch); webhook retries run only when a
 * test calls `control.runDueWebhookRetries()` unless it sets `autoRetryWebhooks`.
 */
export function createInProcessSandbox(
  options: {
    path?: string;
    clock?: Clock;
    docs?: DocStore;
    emulator?: Omit<BreakcoldEmulatorOptions, "docs" | "clock">;
  } = {},
): InProcessSandbox {
  const docs = options.docs ?? DocStore.open(options.path ?? ":memory:");
  const clock = options.clock ?? new ManualClock();
  const emulator = createBreakcoldEmulator({
    autoRetryWebhooks: false,
    ...options.emulator,
    docs,
    clock,
  });
  const workspace = emulator.control.createWorkspace({ name: "Acme" });
  const apiKey = emulator.control.issueApiKey({ workspaceIds: [workspace.id] });
  const clientFor = (key: string) =>
    createBreakcoldClient({ baseUrl: IN_PROCESS_BASE_URL, apiKey: key, fetch: emulator.fetch });
  return { docs, clock, emulator, workspace, apiKey, client: clientFor(apiKey), clientFor };
}
