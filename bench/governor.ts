import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHighLevelEmulator } from "../src/apps/highlevel/emulator/index.ts";
import { loadConfig } from "../src/config/env.ts";
import { addTokenConnection } from "../src/engine/connections-service.ts";
import { openCore } from "../src/server/core.ts";
import { DocStore } from "../src/store/doc-store.ts";

/** Options of the governor benchmark (environment: BENCH_CALLS, BENCH_WINDOW_MS, BENCH_LIMIT). */
export interface GovernorBenchOptions {
  readonly calls: number;
  readonly limit: number;
  readonly windowMs: number;
  readonly concurrency: number;
}

export interface GovernorBenchResult {
  readonly calls: number;
  readonly seconds: number;
  readonly minimumSeconds: number;
  readonly ratioToMinimum: number;
  readonly responses429: number;
  readonly interactiveWaitMs: number;
  readonly windowMs: number;
  readonly limit: number;
  readonly errors: number;
}

/**
 * Drives `calls` HighLevel reads through the bridge's connection layer (vault, audit, scope
 * check, rate governor) against the in-process emulator, whose window is scaled down to
 * `limit` per `windowMs`, while one interactive call is made a third of the way in.
 */
export async function runGovernorBench(
  options: GovernorBenchOptions,
): Promise<GovernorBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "bench-governor-"));
  const emulator = createHighLevelEmulator({
    docs: DocStore.open(":memory:"),
    rateLimits: { burst: { max: options.limit, intervalMs: options.windowMs } },
  });
  let responses429 = 0;
  const core = await openCore(loadConfig({ BRIDGE_DATA_DIR: dataDir, LOG_LEVEL: "silent" }), {
    fetch: (request) => emulator.fetch(request),
    on429: () => responses429++,
  });
  try {
    const location = emulator.control.createLocation({ name: "Bench location" });
    const token = emulator.control.issuePrivateToken({ locationId: location.id });
    const contact = emulator.control.seedContact(location.id, {
      firstName: "Bench",
      email: "bench@example.com",
    });
    const added = await addTokenConnection(
      core.vault,
      {
        app: "highlevel",
        authKind: "private_token",
        token,
        locationId: location.id,
        baseUrl: "http://hl.bench",
      },
      "bench",
    );
    if (!added.ok) throw new Error(added.error.message);
    const backfill = core.clients.highlevel(added.value, { lane: "backfill", actor: "bench" });
    const interactive = core.clients.highlevel(added.value, {
      lane: "interactive",
      actor: "bench",
    });
    let next = 0;
    let errors = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < options.calls) {
        next++;
        try {
          await backfill.getContact(contact.id);
        } catch {
          errors++;
        }
      }
    };
    const minimumMs = (options.calls / options.limit) * options.windowMs;
    const probe = (async () => {
      await new Promise((resolve) => setTimeout(resolve, minimumMs / 3));
      const asked = performance.now();
      await interactive.getContact(contact.id);
      return performance.now() - asked;
    })();
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    const interactiveWaitMs = Math.round(await probe);
    const minimumSeconds = minimumMs / 1000;
    return {
      calls: options.calls,
      seconds: Math.round(seconds * 1000) / 1000,
      minimumSeconds,
      ratioToMinimum: Math.round((seconds / minimumSeconds) * 10_000) / 10_000,
      responses429,
      interactiveWaitMs,
      windowMs: options.windowMs,
      limit: options.limit,
      errors,
    };
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
