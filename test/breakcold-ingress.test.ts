import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { collect, createBreakcoldClient } from "../src/apps/breakcold/client.ts";
import { signBreakcoldPayload } from "../src/apps/breakcold/webhook-signature.ts";
import { listEvents } from "../src/store/inbox.ts";
import { startTestBridge, type TestBridge } from "./harness.ts";

let t: TestBridge;
before(async () => {
  t = await startTestBridge();
});
after(() => t.close());

function sandbox() {
  const s = t.bridge.sandbox;
  assert.ok(s);
  return s;
}

async function post(connectionId: string, body: string, headers: Record<string, string>) {
  return t.bridge.app.fetch(
    new Request(`http://bridge.test/hooks/breakcold/${connectionId}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    }),
  );
}

async function signedHeaders(body: string, deliveryId: string, ageSeconds = 0) {
  const s = sandbox();
  const secret = (await t.bridge.core.vault.credentials(s.info.breakcold.connectionId))
    .webhookSecret;
  assert.ok(secret, "the sandbox wired a signing secret");
  const timestampSeconds = Math.floor(Date.now() / 1000) - ageSeconds;
  return {
    "x-webhook-signature": signBreakcoldPayload({
      secret,
      timestampSeconds,
      rawBody: Buffer.from(body),
    }),
    "x-webhook-timestamp": String(timestampSeconds),
    "x-webhook-delivery-id": deliveryId,
    "x-webhook-event": "record.created",
  };
}

test("Breakcold's own signed deliveries land in the inbox once", async () => {
  const s = sandbox();
  const client = createBreakcoldClient({
    baseUrl: "http://bc.test/api/v1",
    apiKey: s.breakcold.control.issueApiKey({ workspaceIds: [s.info.breakcold.workspaceId] }),
    fetch: s.breakcold.fetch,
  });
  const record = await client.createRecord({
    workspaceId: s.info.breakcold.workspaceId,
    objectTypeSlug: "person",
    fields: { first_name: "Katherine", last_name: "Johnson" },
  });
  await client.createNote(record.id, { title: "Orbit", content: "<p>Checked the numbers</p>" });
  await s.breakcold.control.settle();
  const events = await listEvents(t.bridge.db, { app: "breakcold", limit: 10 });
  assert.deepEqual(events.map((e) => e.type).sort(), ["note.created", "record.created"]);
  assert.ok(
    events.every(
      (e) =>
        e.signatureScheme === "hmac-sha256" && e.connectionId === s.info.breakcold.connectionId,
    ),
  );
  assert.equal(await collect(client.listNotes(record.id), { limit: 5 }).then((n) => n.length), 1);
});

test("bad signatures, stale timestamps and unknown endpoints are refused; repeats are no-ops", async () => {
  const connectionId = sandbox().info.breakcold.connectionId;
  const body = JSON.stringify({
    eventId: "evt_1",
    timestamp: new Date().toISOString(),
    workspaceId: sandbox().info.breakcold.workspaceId,
    event: "record.deleted",
    data: { id: "rec_gone", deleted: true },
  });
  const good = await signedHeaders(body, "dlv-1");
  assert.equal((await post(connectionId, body, good)).status, 200);
  const again = await post(connectionId, body, good);
  assert.equal(again.status, 200);
  assert.equal(((await again.json()) as { duplicate: boolean }).duplicate, true);

  const tampered = body.replace("rec_gone", "rec_other");
  assert.equal(
    (await post(connectionId, tampered, await signedHeaders(body, "dlv-2"))).status,
    401,
  );
  assert.equal(
    (await post(connectionId, body, await signedHeaders(body, "dlv-3", 3600))).status,
    401,
  );
  assert.equal((await post(connectionId, body, {})).status, 401);
  assert.equal((await post("conn_nope", body, good)).status, 404);
  const stored = await listEvents(t.bridge.db, { app: "breakcold", limit: 50 });
  assert.deepEqual(
    stored.filter((e) => e.type === "record.deleted").map((e) => e.deliveryId),
    ["dlv-1"],
  );
});
