import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  type BreakcoldClient,
  collect,
  createBreakcoldClient,
} from "../src/apps/breakcold/client.ts";
import { createHighLevelClient, type HighLevelClient } from "../src/apps/highlevel/client.ts";
import { listEvents } from "../src/store/inbox.ts";
import { claimLink } from "../src/store/links.ts";
import { listRuns } from "../src/store/runs.ts";
import { deliver, startTestBridge, type TestBridge, webhookSigner } from "./harness.ts";

const signer = webhookSigner();
let t: TestBridge;
let hl: HighLevelClient;
let bc: BreakcoldClient;
let locationId: string;
let workspaceId: string;

function sandbox() {
  const s = t.bridge.sandbox;
  assert.ok(s, "sandbox running");
  return s;
}

before(async () => {
  t = await startTestBridge(signer.env);
  const s = sandbox();
  locationId = s.info.highlevel.locationId;
  workspaceId = s.info.breakcold.workspaceId;
  hl = createHighLevelClient({
    baseUrl: "http://hl.test",
    token: s.highlevel.control.issuePrivateToken({ locationId }),
    fetch: s.highlevel.fetch,
  });
  bc = createBreakcoldClient({
    baseUrl: "http://bc.test/api/v1",
    apiKey: s.breakcold.control.issueApiKey({ workspaceIds: [workspaceId] }),
    fetch: s.breakcold.fetch,
  });
});
after(() => t.close());

const persons = () => sandbox().breakcold.control.records(workspaceId);

test("a new contact becomes a person with its notes and open tasks, each copied once", async () => {
  const contact = await hl.createContact({
    locationId,
    firstName: "Ada",
    lastName: "Lovelace",
    email: "Ada.Lovelace@Example.com",
    phone: "+44 20 7946 0018",
    companyName: "Analytical Engines",
  });
  await hl.createNote(contact.id, { body: "Met at the fair.\nWants a demo." });
  await hl.createTask(contact.id, {
    title: "Book demo",
    dueDate: "2026-12-10T15:00:00Z",
    completed: false,
  });
  await hl.createTask(contact.id, {
    title: "Old task",
    dueDate: "2026-11-01T09:00:00Z",
    completed: true,
  });
  await t.settle();

  const person = persons().find((p) => p.displayName === "Ada Lovelace");
  assert.ok(person, "person created");
  const record = await bc.getRecord(person.id);
  assert.deepEqual(record.fields.email, [{ value: "ada.lovelace@example.com", isPrimary: true }]);
  const notes = await collect(bc.listNotes(person.id), { limit: 10 });
  assert.deepEqual(
    notes.map((n) => n.contentPlain),
    ["Met at the fair.\nWants a demo."],
  );
  assert.equal(notes[0]?.title, "Met at the fair.");
  const tasks = await collect(bc.listTasks(person.id, { includeCompleted: true }), { limit: 10 });
  assert.deepEqual(
    tasks.map((x) => x.title),
    ["Book demo"],
    "the completed task is not copied",
  );
  assert.equal(tasks[0]?.dueAt, Date.parse("2026-12-10T15:00:00Z"));

  const runs = await listRuns(t.bridge.db, { subjectId: contact.id, limit: 10 });
  assert.equal(runs.length, 4, "one run per event: contact, note, two tasks");
  assert.ok(
    runs.every((run) => run.status === "succeeded"),
    JSON.stringify(runs),
  );
});

test("a note for a contact whose ContactCreate was lost takes the contact in first", async () => {
  const s = sandbox();
  const webhookUrl = s.highlevel.control.webhookUrl();
  s.highlevel.control.setWebhookUrl(null);
  const contact = await hl.createContact({
    locationId,
    firstName: "Grace",
    lastName: "Hopper",
    email: "grace@navy.example",
  });
  await hl.createNote(contact.id, { body: "Earlier note" });
  await hl.createTask(contact.id, {
    title: "Earlier task",
    dueDate: "2026-12-20T10:00:00Z",
    completed: false,
  });
  s.highlevel.control.setWebhookUrl(webhookUrl);
  await hl.createNote(contact.id, { body: "Later note" });
  await t.settle();

  const person = persons().find((p) => p.displayName === "Grace Hopper");
  assert.ok(person);
  const notes = await collect(bc.listNotes(person.id), { limit: 10 });
  assert.deepEqual(notes.map((n) => n.contentPlain).sort(), ["Earlier note", "Later note"]);
  const tasks = await collect(bc.listTasks(person.id), { limit: 10 });
  assert.deepEqual(
    tasks.map((x) => x.title),
    ["Earlier task"],
  );
});

test("an existing Breakcold person is matched by normalised email, then by phone", async () => {
  const byEmail = await bc.createRecord({
    workspaceId,
    objectTypeSlug: "person",
    fields: { first_name: "Alan", last_name: "Turing", email: ["ALAN@bletchley.example"] },
  });
  const byPhone = await bc.createRecord({
    workspaceId,
    objectTypeSlug: "person",
    fields: { first_name: "Joan", last_name: "Clarke", phone: ["+14155550134"] },
  });
  const count = persons().length;
  const alan = await hl.createContact({
    locationId,
    firstName: "Alan",
    email: " alan@Bletchley.example",
  });
  const joan = await hl.createContact({
    locationId,
    firstName: "Joan",
    phone: "(415) 555-0134",
    country: "US",
  });
  await t.settle();
  assert.equal(persons().length, count, "no new person");
  const links = async (subject: string) => {
    const response = await t.api(`/links?subject=${subject}`);
    return ((await response.json()) as { links: { kind: string; targetId: string }[] }).links;
  };
  assert.equal((await links(alan.id)).find((l) => l.kind === "contact")?.targetId, byEmail.id);
  assert.equal((await links(joan.id)).find((l) => l.kind === "contact")?.targetId, byPhone.id);
});

test("a copy claimed by a crashed attempt is adopted, not made twice", async () => {
  const contact = await hl.createContact({
    locationId,
    firstName: "Edsger",
    lastName: "Dijkstra",
    email: "ewd@example.nl",
  });
  await t.settle();
  const person = persons().find((p) => p.displayName === "Edsger Dijkstra");
  assert.ok(person);
  // Simulate a crash after Breakcold created the note but before the link was confirmed.
  const s = sandbox();
  const webhookUrl = s.highlevel.control.webhookUrl();
  s.highlevel.control.setWebhookUrl(null);
  const note = await hl.createNote(contact.id, { body: "Go To considered harmful" });
  await bc.createNote(person.id, {
    title: "x",
    content: "<p>x</p>",
    contentPlain: "Go To considered harmful",
  });
  await claimLink(
    t.bridge.db,
    {
      kind: "note",
      sourceConnectionId: s.info.highlevel.connectionId,
      sourceId: note.id,
      targetConnectionId: s.info.breakcold.connectionId,
    },
    contact.id,
    Date.now(),
  );
  s.highlevel.control.setWebhookUrl(webhookUrl);
  const body = JSON.stringify({
    type: "NoteCreate",
    locationId,
    id: note.id,
    body: note.body,
    contactId: contact.id,
    dateAdded: new Date().toISOString(),
    timestamp: new Date().toISOString(),
    webhookId: "crash-resume-1",
  });
  assert.equal(
    (await deliver(t.bridge, body, { "x-ghl-signature": signer.ed25519(body) })).status,
    200,
  );
  await t.settle();
  const notes = await collect(bc.listNotes(person.id), { limit: 10 });
  assert.equal(notes.length, 1);
});

test("a TaskCreate without contactId fails its run with a clear reason, once", async () => {
  const body = JSON.stringify({
    type: "TaskCreate",
    locationId,
    id: "T0000000000000000001",
    title: "Orphan",
    webhookId: "orphan-task",
  });
  assert.equal(
    (await deliver(t.bridge, body, { "x-ghl-signature": signer.ed25519(body) })).status,
    200,
  );
  await t.settle();
  const [event] = (await listEvents(t.bridge.db, { limit: 50 })).filter(
    (e) => e.deliveryId === "orphan-task",
  );
  assert.ok(event);
  const runs = await listRuns(t.bridge.db, { eventId: event.id, limit: 5 });
  assert.equal(runs.length, 1);
  assert.equal(runs[0]?.status, "failed");
  assert.match(runs[0]?.error ?? "", /no contact id/);
});
