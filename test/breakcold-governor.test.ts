import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createBreakcoldEmulator } from "../src/apps/breakcold/emulator/index.ts";
import { loadConfig } from "../src/config/env.ts";
import { addTokenConnection } from "../src/engine/connections-service.ts";
import { openCore } from "../src/server/core.ts";
import { DocStore } from "../src/store/doc-store.ts";

test("Breakcold: documented budgets first, corrected by 429s and their retryAfterMs", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "bc-governor-"));
  // A stricter server than the documentation says: 4 creates per 500 ms.
  const emulator = createBreakcoldEmulator({
    docs: DocStore.open(":memory:"),
    rateLimits: { windowMs: 500, operations: { records_create: 4 } },
  });
  let answered429 = 0;
  const core = await openCore(loadConfig({ BRIDGE_DATA_DIR: dataDir }), {
    fetch: (request) => emulator.fetch(request),
    on429: () => answered429++,
  });
  try {
    const workspace = emulator.control.createWorkspace({ name: "Governed" });
    const apiKey = emulator.control.issueApiKey({ workspaceIds: [workspace.id] });
    const added = await addTokenConnection(
      core.vault,
      {
        app: "breakcold",
        authKind: "api_key",
        apiKey,
        workspaceId: workspace.id,
        baseUrl: "http://bc.test/api/v1",
      },
      "test",
    );
    assert.ok(added.ok);
    const client = core.clients.breakcold(added.value, { lane: "backfill" });
    const started = Date.now();
    const records = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        client.createRecord({
          workspaceId: workspace.id,
          objectTypeSlug: "person",
          fields: { first_name: `P${i}` },
        }),
      ),
    );
    assert.equal(records.length, 12, "every call succeeded despite the 429s");
    assert.equal(emulator.control.records(workspace.id).length, 12, "no call was made twice");
    assert.ok(answered429 >= 1, "the stricter server answered 429");
    // Worst case without hammering: the 8 that did not fit the first window and the 4 that did
    // not fit the second each meet one 429 and wait as told; none is refused twice in a row.
    assert.ok(answered429 <= 12, `the governor paused instead of hammering (${answered429} 429s)`);
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 500, `12 creates at 4 per 500 ms wait for later windows (${elapsed} ms)`);
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
