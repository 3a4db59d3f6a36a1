import { ManualClock } from "../../lib/clock.ts";
import { DocStore } from "../../store/doc-store.ts";
import { createHighLevelClient, type HighLevelClient } from "./client.ts";
import {
  createHighLevelEmulator,
  type HighLevelEmulator,
  type HighLevelEmulatorOptions,
  type Location,
} from "./emulator/index.ts";

/** Base URL used for in-process tests; never resolved, requests go to the emulator's fetch. */
export const TEST_BASE_URL = "http://hl.test";

/** A webhook request the emulator sent, with its exact body bytes. */
export interface CapturedWebhook {
  url: string;
  headers: Headers;
  rawBody: Uint8Array;
}

export interface HighLevelSandbox {
  docs: DocStore;
  clock: ManualClock;
  emulator: HighLevelEmulator;
  location: Location;
  token: string;
  client: HighLevelClient;
  /** Webhooks received by the capturing receiver, in arrival order. */
  webhooks: CapturedWebhook[];
  /** Raw request to the emulator with the sandbox token and Version header unless overridden. */
  raw(
    method: string,
    path: string,
    init?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  clientFor(token: string): HighLevelClient;
}

/**
 * An emulator on an in-memory (or given) DocStore with one location, a token for it and a
 * client wired in-process; webhooks go to a receiver that records them and answers `status`.
 */
export function createHighLevelSandbox(
  options: {
    docs?: DocStore;
    /** What the webhook receiver answers: a status, or one computed per delivery. */
    receiverStatus?: number | (() => number);
    location?: { allowDuplicateContact?: boolean };
    /** Rate limits, signature schemes, redelivery policy... */
    emulator?: Omit<HighLevelEmulatorOptions, "docs" | "clock" | "fetch">;
  } = {},
): HighLevelSandbox {
  const docs = options.docs ?? DocStore.open(":memory:");
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  const webhooks: CapturedWebhook[] = [];
  const status = options.receiverStatus ?? 200;
  const emulator = createHighLevelEmulator({
    ...options.emulator,
    docs,
    clock,
    fetch: async (req) => {
      webhooks.push({
        url: req.url,
        headers: req.headers,
        rawBody: new Uint8Array(await req.arrayBuffer()),
      });
      return new Response(null, { status: typeof status === "number" ? status : status() });
    },
  });
  const location = emulator.control.createLocation({ name: "Test Location", ...options.location });
  const token = emulator.control.issuePrivateToken({ locationId: location.id });
  const clientFor = (t: string) =>
    createHighLevelClient({ baseUrl: TEST_BASE_URL, token: t, fetch: emulator.fetch });
  return {
    docs,
    clock,
    emulator,
    location,
    token,
    client: clientFor(token),
    webhooks,
    clientFor,
    raw(method, path, init = {}) {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Version: "2021-07-28",
        ...init.headers,
      };
      const body = init.body === undefined ? undefined : JSON.stringify(init.body);
      if (body !== undefined) headers["content-type"] = "application/json";
      return emulator.fetch(
        new Request(`${TEST_BASE_URL}${path}`, { method, headers, ...(body ? { body } : {}) }),
      );
    },
  };
}
