import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createHighLevelSandbox } from "../testing.ts";
import { verifyHighLevelSignature } from "../webhook-signature.ts";

function json(bytes: Uint8Array): Record<string, unknown> {
  return JSON.parse(Buffer.from(bytes).toString("utf8")) as Record<string, unknown>;
}

describe("HighLevel emulator: webhooks", () => {
  it("delivers signed ContactCreate, NoteCreate and TaskCreate to the app's one URL", async () => {
    const sb = createHighLevelSandbox();
    sb.emulator.control.setWebhookUrl("https://bridge.test/hooks/highlevel");
    const c = await sb.client.createContact({
      locationId: sb.location.id,
      firstName: "W",
      email: "w@w.io",
      tags: ["vip"],
    });
    const note = await sb.client.createNote(c.id, { body: "hello" });
    const task = await sb.client.createTask(c.id, {
      title: "t",
      dueDate: "2026-02-01T00:00:00Z",
      completed: false,
    });
    await sb.emulator.control.settle();

    assert.equal(sb.webhooks.length, 3);
    const [contactEvent, noteEvent, taskEvent] = sb.webhooks.map((w) => json(w.rawBody));
    assert.equal(contactEvent?.type, "ContactCreate");
    assert.equal(contactEvent?.id, c.id);
    assert.equal(contactEvent?.locationId, sb.location.id);
    assert.equal(contactEvent?.name, "W");
    assert.deepEqual(contactEvent?.tags, ["vip"]);
    assert.equal(contactEvent?.timestamp, "2026-01-05T09:00:00.000Z");
    assert.deepEqual(noteEvent, {
      type: "NoteCreate",
      locationId: sb.location.id,
      id: note.id,
      body: "hello",
      contactId: c.id,
      dateAdded: note.dateAdded,
      timestamp: "2026-01-05T09:00:00.000Z",
      webhookId: noteEvent?.webhookId,
    });
    assert.equal(taskEvent?.type, "TaskCreate");
    assert.equal(taskEvent?.contactId, c.id);
    assert.equal(taskEvent?.id, task.id);
    const ids = new Set(sb.webhooks.map((w) => json(w.rawBody).webhookId));
    assert.equal(ids.size, 3);

    const keys = sb.emulator.control.webhookPublicKeys();
    for (const hook of sb.webhooks) {
      assert.equal(hook.url, "https://bridge.test/hooks/highlevel");
      assert.equal(hook.headers.get("content-type"), "application/json");
      const ed = verifyHighLevelSignature({
        rawBody: hook.rawBody,
        headers: hook.headers,
        ed25519PublicKeyPem: keys.ed25519,
      });
      assert.deepEqual(ed, { ok: true, scheme: "ed25519" });
      const rsa = verifyHighLevelSignature({
        rawBody: hook.rawBody,
        headers: hook.headers,
        rsaPublicKeyPem: keys.rsa,
      });
      assert.deepEqual(rsa, { ok: true, scheme: "rsa" });
    }
    const deliveries = sb.emulator.control.deliveries();
    assert.deepEqual(
      deliveries.map((d) => [d.type, d.status]),
      [
        ["ContactCreate", 200],
        ["NoteCreate", 200],
        ["TaskCreate", 200],
      ],
    );
  });

  it("a tampered body fails verification", async () => {
    const sb = createHighLevelSandbox();
    sb.emulator.control.setWebhookUrl("https://bridge.test/hooks/highlevel");
    await sb.client.createContact({ locationId: sb.location.id, firstName: "T" });
    await sb.emulator.control.settle();
    const hook = sb.webhooks[0];
    assert.ok(hook);
    const tampered = Buffer.from(Buffer.from(hook.rawBody).toString("utf8").replace('"T"', '"X"'));
    assert.notDeepEqual(new Uint8Array(tampered), hook.rawBody);
    const keys = sb.emulator.control.webhookPublicKeys();
    const result = verifyHighLevelSignature({
      rawBody: tampered,
      headers: hook.headers,
      ed25519PublicKeyPem: keys.ed25519,
      rsaPublicKeyPem: keys.rsa,
    });
    assert.equal(result.ok, false);
  });

  it("sends nothing without a URL, none for seeded contacts, and records failures", async () => {
    const sb = createHighLevelSandbox();
    await sb.client.createContact({ locationId: sb.location.id, firstName: "Quiet" });
    sb.emulator.control.setWebhookUrl("https://bridge.test/hooks/highlevel");
    sb.emulator.control.seedContact(sb.location.id, { firstName: "Seeded" });
    await sb.emulator.control.settle();
    assert.equal(sb.webhooks.length, 0);
    assert.equal(sb.emulator.control.webhookUrl(), "https://bridge.test/hooks/highlevel");

    const failing = createHighLevelSandbox({ receiverStatus: 500 });
    failing.emulator.control.setWebhookUrl("https://down.test/");
    await failing.client.createContact({ locationId: failing.location.id, firstName: "F" });
    await failing.emulator.control.settle();
    assert.equal(failing.emulator.control.deliveries()[0]?.status, 500);
  });

  it("records a network failure without throwing", async () => {
    const { createHighLevelEmulator } = await import("./index.ts");
    const { DocStore } = await import("../../../store/doc-store.ts");
    const emu = createHighLevelEmulator({
      docs: DocStore.open(":memory:"),
      fetch: async () => {
        throw new Error("connection refused");
      },
    });
    const loc = emu.control.createLocation();
    const token = emu.control.issuePrivateToken({ locationId: loc.id });
    emu.control.setWebhookUrl("https://unreachable.test/");
    const res = await emu.fetch(
      new Request("http://hl.test/contacts/", {
        method: "POST",
        headers: {
          Authorization: `Bearer ${token}`,
          Version: "2021-07-28",
          "content-type": "application/json",
        },
        body: JSON.stringify({ locationId: loc.id, firstName: "N" }),
      }),
    );
    assert.equal(res.status, 201);
    await emu.control.settle();
    const [delivery] = emu.control.deliveries();
    assert.equal(delivery?.status, null);
    assert.equal(delivery?.error, "connection refused");
  });
});
