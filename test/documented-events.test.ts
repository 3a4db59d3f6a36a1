import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { collect, createBreakcoldClient } from "../src/apps/breakcold/client.ts";
import { listEvents } from "../src/store/inbox.ts";
import { insertWorkflow } from "../src/store/workflows.ts";
import { deliver, startTestBridge, type TestBridge, webhookSigner } from "./harness.ts";

const FIXTURES = new URL("./fixtures/highlevel-webhooks/", import.meta.url);
const SPEC_DOCS = new URL("../../shared/specs/highlevel/docs/webhook-events/", import.meta.url);
const TYPES = ["ContactCreate", "NoteCreate", "TaskCreate"] as const;

function example(type: (typeof TYPES)[number]): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${type}.json`, FIXTURES), "utf8"));
}

test("the vendored examples equal the docs' examples", {
  skip: !existsSync(SPEC_DOCS) && "shared/specs not beside the repo",
}, () => {
  for (const type of TYPES) {
    const doc = readFileSync(new URL(`${type}.md`, SPEC_DOCS), "utf8");
    const block = /#### Example\s+```json\n([\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(block, `${type}.md has an example`);
    assert.deepEqual(example(type), JSON.parse(block));
  }
});

const signer = webhookSigner();
let t: TestBridge;
const contact = example("ContactCreate");
const note = example("NoteCreate");
const task = example("TaskCreate");
const locationId = String(contact.locationId);

before(async () => {
  t = await startTestBridge(signer.env);
  const sandbox = t.bridge.sandbox;
  assert.ok(sandbox);
  const hl = sandbox.highlevel.control;
  hl.createLocation({ id: locationId, name: "Documented example location" });
  const { id: _id, type: _type, locationId: _loc, ...fields } = contact;
  hl.seedContact(locationId, { ...fields, id: String(contact.id) });
  hl.seedContact(locationId, {
    id: String(note.contactId),
    firstName: "Priya",
    lastName: "Raman",
    email: "priya.raman@example.org",
    phone: "+14155552671",
  });
  const now = Date.now();
  const source = await t.bridge.core.vault.addConnection(
    {
      app: "highlevel",
      label: "Documented example location",
      authKind: "private_token",
      accountId: locationId,
      baseUrl: sandbox.info.highlevel.baseUrl,
      credentials: { token: hl.issuePrivateToken({ locationId }) },
      scopes: ["contacts.readonly", "contacts.write"],
      sandbox: true,
    },
    "test",
  );
  await insertWorkflow(
    t.bridge.db,
    {
      recipe: "lead-intake",
      name: "Lead intake (documented examples)",
      sourceConnectionId: source.id,
      targetConnectionId: sandbox.info.breakcold.connectionId,
      enabled: true,
      config: {},
    },
    now,
  );
});
after(() => t.close());

test("documented ContactCreate, NoteCreate and TaskCreate payloads run lead intake", async () => {
  const stamp = { timestamp: "2025-01-28T14:35:00Z" };
  const deliveries = TYPES.map((type, i) => ({
    ...example(type),
    ...stamp,
    webhookId: `doc-example-${i}`,
  }));
  for (const payload of deliveries) {
    const body = JSON.stringify(payload);
    const response = await deliver(t.bridge, body, { "x-ghl-signature": signer.ed25519(body) });
    assert.equal(response.status, 200, await response.clone().text());
  }
  await t.settle();

  const events = await listEvents(t.bridge.db, { app: "highlevel", limit: 10 });
  assert.deepEqual(events.map((e) => e.type).sort(), [...TYPES].sort());
  for (const event of events) {
    assert.equal(event.status, "dispatched");
    assert.equal(event.signatureScheme, "ed25519");
    const sent = deliveries.find((d) => d.webhookId === event.deliveryId);
    assert.deepEqual(event.payload, sent, "the stored payload is the delivered one");
  }

  const sandbox = t.bridge.sandbox;
  assert.ok(sandbox);
  const persons = sandbox.breakcold.control.records(sandbox.info.breakcold.workspaceId);
  assert.equal(persons.length, 2);
  const john = persons.find((p) => p.displayName === "John Deo");
  const priya = persons.find((p) => p.displayName === "Priya Raman");
  assert.ok(john && priya, `persons: ${persons.map((p) => p.displayName).join(", ")}`);

  const bc = createBreakcoldClient({
    baseUrl: "http://bc.test/api/v1",
    apiKey: sandbox.breakcold.control.issueApiKey({
      workspaceIds: [sandbox.info.breakcold.workspaceId],
    }),
    fetch: sandbox.breakcold.fetch,
  });
  const johnRecord = await bc.getRecord(john.id);
  assert.equal(johnRecord.fields.first_name, "John");
  assert.equal(johnRecord.fields.last_name, "Deo");
  assert.deepEqual(await collect(bc.listNotes(john.id), { limit: 10 }), []);
  assert.deepEqual(await collect(bc.listTasks(john.id), { limit: 10 }), []);

  const notes = await collect(bc.listNotes(priya.id), { limit: 10 });
  assert.deepEqual(
    notes.map((n) => n.contentPlain),
    [note.body],
  );
  const tasks = await collect(bc.listTasks(priya.id), { limit: 10 });
  assert.equal(tasks.length, 1);
  assert.equal(tasks[0]?.title, task.title);
  assert.equal(tasks[0]?.descriptionPlain, task.body);
  assert.equal(tasks[0]?.dueAt, Date.parse(String(task.dueDate)));
  assert.equal(tasks[0]?.status, "todo");

  // Re-delivering all three (HighLevel retries resend the same webhookId) creates nothing.
  for (const payload of deliveries) {
    const body = JSON.stringify(payload);
    const response = await deliver(t.bridge, body, { "x-wh-signature": signer.rsa(body) });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { duplicate: boolean }).duplicate, true);
  }
  await t.settle();
  assert.equal(sandbox.breakcold.control.records(sandbox.info.breakcold.workspaceId).length, 2);
  assert.equal((await collect(bc.listNotes(priya.id), { limit: 10 })).length, 1);
  assert.equal((await collect(bc.listTasks(priya.id), { limit: 10 })).length, 1);
  assert.equal((await listEvents(t.bridge.db, { app: "highlevel", limit: 50 })).length, 3);
});

test("a tampered body is rejected with 401 and leaves no trace", async () => {
  const before = await listEvents(t.bridge.db, { limit: 500 });
  const body = JSON.stringify({
    ...example("ContactCreate"),
    timestamp: "2025-01-28T14:35:00Z",
    webhookId: "tamper-1",
  });
  const signature = signer.ed25519(body);
  const tampered = body.replace("John", "Jahn");
  const response = await deliver(t.bridge, tampered, { "x-ghl-signature": signature });
  assert.equal(response.status, 401);
  const rsaSignature = signer.rsa(body);
  const legacy = await deliver(t.bridge, tampered, { "x-wh-signature": rsaSignature });
  assert.equal(legacy.status, 401);
  const unsigned = await deliver(t.bridge, body, {});
  assert.equal(unsigned.status, 401);
  const after = await listEvents(t.bridge.db, { limit: 500 });
  assert.equal(after.length, before.length);
  const jobs = await t.bridge.db.selectFrom("jobs").select("payload").execute();
  assert.ok(!jobs.some((job) => job.payload.includes("tamper-1")));
});
