import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createHighLevelClient } from "../src/apps/highlevel/client.ts";
import { listConnections } from "../src/store/connections.ts";
import { addConnectionViaApi, startTestBridge } from "./harness.ts";

test("a restart at another address keeps the sandbox and moves its connections and webhooks", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "contact-bridge-restart-"));
  try {
    const first = await startTestBridge(
      { BRIDGE_PUBLIC_URL: "http://127.0.0.1:9001" },
      { dataDir },
    );
    const before = first.bridge.sandbox?.info;
    assert.ok(before);
    // A connection the user adds against the sandbox is a sandbox connection too.
    const mine = await addConnectionViaApi(first, {
      app: "highlevel",
      authKind: "private_token",
      token: first.bridge.sandbox?.highlevel.control.issuePrivateToken({
        locationId: before.highlevel.locationId,
      }),
      locationId: before.highlevel.locationId,
      baseUrl: before.highlevel.baseUrl,
    });
    assert.equal(mine.sandbox, true);
    await first.bridge.stop();

    const second = await startTestBridge(
      { BRIDGE_PUBLIC_URL: "http://127.0.0.1:9002" },
      { dataDir },
    );
    try {
      const sandbox = second.bridge.sandbox;
      assert.ok(sandbox);
      assert.equal(sandbox.info.highlevel.locationId, before.highlevel.locationId);
      assert.equal(sandbox.info.breakcold.connectionId, before.breakcold.connectionId);
      const connections = await listConnections(second.bridge.db);
      assert.deepEqual(
        connections.map((c) => new URL(c.baseUrl).port),
        ["9002", "9002", "9002"],
        "no credential goes to the old address",
      );
      assert.equal(sandbox.highlevel.control.webhookUrl(), "http://127.0.0.1:9002/hooks/highlevel");
      assert.deepEqual(
        sandbox.breakcold.control
          .webhookEndpoints(sandbox.info.breakcold.workspaceId)
          .map((e) => e.url),
        [`http://127.0.0.1:9002/hooks/breakcold/${sandbox.info.breakcold.connectionId}`],
      );

      // The stored (sealed) credentials still open and still work against the kept emulators.
      const hl = createHighLevelClient({
        baseUrl: "http://hl.test",
        token: sandbox.highlevel.control.issuePrivateToken({
          locationId: sandbox.info.highlevel.locationId,
        }),
        fetch: sandbox.highlevel.fetch,
      });
      const contact = await hl.createContact({
        locationId: sandbox.info.highlevel.locationId,
        firstName: "Restart",
        lastName: "Survivor",
        email: "restart@example.com",
      });
      await second.settle();
      const runs = await second.api(`/runs?subject=${contact.id}`);
      const { runs: list } = (await runs.json()) as { runs: { status: string }[] };
      assert.deepEqual(
        list.map((r) => r.status),
        ["succeeded"],
      );
      const brk = await second.api("/events?app=breakcold");
      const { events } = (await brk.json()) as { events: { type: string }[] };
      assert.ok(
        events.some((e) => e.type === "record.created"),
        "Breakcold's webhook reached the moved endpoint",
      );
    } finally {
      await second.bridge.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
