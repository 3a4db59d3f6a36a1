import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { createHighLevelClient, type HighLevelClient } from "../src/apps/highlevel/client.ts";
import { listEvents } from "../src/store/inbox.ts";
import { listRuns } from "../src/store/runs.ts";
import {
  addConnectionViaApi,
  deliver,
  startTestBridge,
  type TestBridge,
  webhookSigner,
} from "./harness.ts";

const signer = webhookSigner();
let t: TestBridge;
let hl: HighLevelClient;
let locationId: string;

before(async () => {
  t = await startTestBridge(signer.env);
  const s = t.bridge.sandbox;
  assert.ok(s);
  locationId = s.info.highlevel.locationId;
  hl = createHighLevelClient({
    baseUrl: "http://hl.test",
    token: s.highlevel.control.issuePrivateToken({ locationId }),
    fetch: s.highlevel.fetch,
  });
});
after(() => t.close());

test("ingress: old timestamps with a new webhookId are accepted; unknown locations are kept as unroutable", async () => {
  const contact = await hl.createContact({ locationId, firstName: "Late", lastName: "Delivery" });
  const old = new Date(Date.now() - 70 * 60_000).toISOString();
  const body = JSON.stringify({
    type: "ContactCreate",
    locationId,
    id: contact.id,
    timestamp: old,
    webhookId: "retry-70-min",
  });
  const response = await deliver(t.bridge, body, { "x-ghl-signature": signer.ed25519(body) });
  assert.equal(response.status, 200);
  assert.equal(((await response.json()) as { duplicate: boolean }).duplicate, false);

  const stray = JSON.stringify({
    type: "ContactCreate",
    locationId: "NoSuchLocation000000",
    id: "x",
    webhookId: "stray-1",
  });
  const strayResponse = await deliver(t.bridge, stray, {
    "x-ghl-signature": signer.ed25519(stray),
  });
  assert.equal(strayResponse.status, 200);
  await t.settle();
  const listed = await t.api("/events?status=unroutable");
  const { events } = (await listed.json()) as {
    events: { deliveryId: string; accountId: string }[];
  };
  assert.deepEqual(
    events.map((e) => [e.deliveryId, e.accountId]),
    [["stray-1", "NoSuchLocation000000"]],
  );
  const strayRuns = await listRuns(t.bridge.db, { subjectId: "x", limit: 5 });
  assert.equal(strayRuns.length, 0);
});

test("the product API needs the local token", async () => {
  const response = await t.bridge.app.fetch(new Request("http://bridge.test/api/runs"));
  assert.equal(response.status, 401);
  const wrong = await t.bridge.app.fetch(
    new Request("http://bridge.test/api/runs", { headers: { authorization: "Bearer nope" } }),
  );
  assert.equal(wrong.status, 401);
  assert.equal((await t.api("/runs")).status, 200);
  const lower = await t.bridge.app.fetch(
    new Request("http://bridge.test/api/runs", {
      headers: { authorization: `bearer ${t.bridge.cliToken}` },
    }),
  );
  assert.equal(lower.status, 200, "the Bearer scheme name is case-insensitive");
  const badQuery = await t.api("/runs?limit=abc");
  assert.equal(badQuery.status, 400);
  const { error } = (await badQuery.json()) as { error: { message: string } };
  assert.match(error.message, /^limit: /);
});

test("oversized webhook bodies are refused before they are read", async () => {
  const body = JSON.stringify({
    type: "ContactCreate",
    locationId,
    pad: "x".repeat(2 * 1024 * 1024),
  });
  const response = await deliver(t.bridge, body, { "x-ghl-signature": signer.ed25519(body) });
  assert.equal(response.status, 413);
});

test("ingress answers 429 when the event cannot be stored", async () => {
  await sql`ALTER TABLE inbox_events RENAME TO inbox_events_away`.execute(t.bridge.db);
  try {
    const body = JSON.stringify({
      type: "ContactCreate",
      locationId,
      id: "abc",
      webhookId: "store-fails",
    });
    const response = await deliver(t.bridge, body, { "x-ghl-signature": signer.ed25519(body) });
    assert.equal(response.status, 429);
  } finally {
    await sql`ALTER TABLE inbox_events_away RENAME TO inbox_events`.execute(t.bridge.db);
  }
  const events = await listEvents(t.bridge.db, { limit: 500 });
  assert.ok(!events.some((e) => e.deliveryId === "store-fails"));
});

test("a second connection for the same location does not take its events away", async () => {
  const s = t.bridge.sandbox;
  assert.ok(s);
  await addConnectionViaApi(t, {
    app: "highlevel",
    authKind: "private_token",
    token: "pit-second-connection-for-location",
    locationId,
    baseUrl: "https://services.leadconnectorhq.com",
  });
  const body = JSON.stringify({
    type: "NoteCreate",
    locationId,
    id: "n1",
    contactId: "c1",
    body: "x",
    webhookId: "second-conn-1",
  });
  assert.equal(
    (await deliver(t.bridge, body, { "x-ghl-signature": signer.ed25519(body) })).status,
    200,
  );
  const [event] = (await listEvents(t.bridge.db, { limit: 100 })).filter(
    (e) => e.deliveryId === "second-conn-1",
  );
  assert.equal(
    event?.connectionId,
    s.info.highlevel.connectionId,
    "routed to the connection with the workflow",
  );
});
