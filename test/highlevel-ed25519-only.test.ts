import assert from "node:assert/strict";
import { test } from "node:test";
import { createHighLevelClient } from "../src/apps/highlevel/client.ts";
import { createHighLevelEmulator } from "../src/apps/highlevel/emulator/index.ts";
import { DocStore } from "../src/store/doc-store.ts";
import { listEvents } from "../src/store/inbox.ts";
import { startTestBridge, type TestBridge } from "./harness.ts";

/** A HighLevel that signs with Ed25519 only (as since 2026-07-01), delivering to `bridge`. */
function ed25519OnlyHighLevel(deliverTo: () => TestBridge) {
  const emulator = createHighLevelEmulator({
    docs: DocStore.open(":memory:"),
    signatureSchemes: ["ed25519"],
    fetch: (request) => Promise.resolve(deliverTo().bridge.app.fetch(request)),
  });
  emulator.control.setWebhookUrl("http://bridge.test/hooks/highlevel");
  const location = emulator.control.createLocation({ name: "Ed25519 only" });
  const client = createHighLevelClient({
    baseUrl: "http://hl.test",
    token: emulator.control.issuePrivateToken({ locationId: location.id }),
    fetch: emulator.fetch,
  });
  return { emulator, location, client };
}

test("Ed25519-only deliveries verify with the configured key and fail closed without one", async () => {
  let target: TestBridge | undefined;
  const hl = ed25519OnlyHighLevel(() => target as TestBridge);
  const keyed = await startTestBridge({
    BRIDGE_SANDBOX: "off",
    HIGHLEVEL_WEBHOOK_ED25519_PUBLIC_KEY: hl.emulator.control.webhookPublicKeys().ed25519,
  });
  const unkeyed = await startTestBridge({ BRIDGE_SANDBOX: "off" });
  try {
    target = keyed;
    await hl.client.createContact({
      locationId: hl.location.id,
      firstName: "Signed",
      email: "signed@example.com",
    });
    await hl.emulator.control.settle();
    const delivered = hl.emulator.control.deliveries();
    assert.equal(delivered.at(-1)?.status, 200);
    const [event] = await listEvents(keyed.bridge.db, { app: "highlevel", limit: 5 });
    assert.equal(event?.signatureScheme, "ed25519");
    assert.equal(event?.status, "unroutable", "no connection for that location: kept and shown");

    target = unkeyed;
    await hl.client.createContact({
      locationId: hl.location.id,
      firstName: "Refused",
      email: "refused@example.com",
    });
    await hl.emulator.control.settle();
    assert.equal(hl.emulator.control.deliveries().at(-1)?.status, 401);
    assert.equal((await listEvents(unkeyed.bridge.db, { limit: 5 })).length, 0);
  } finally {
    await keyed.close();
    await unkeyed.close();
  }
});
