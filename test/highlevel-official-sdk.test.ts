import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { HighLevel } from "@gohighlevel/api-client";
import { serve } from "@hono/node-server";
import { createHighLevelEmulator } from "../src/apps/highlevel/emulator/index.ts";
import { DocStore } from "../src/store/doc-store.ts";

// An independent check of the emulator: HighLevel's own SDK (axios, its own URL building and
// parameter handling) drives the seed's 16 operations against it over a real socket.
const docs = DocStore.open(":memory:");
const emulator = createHighLevelEmulator({ docs });
const location = emulator.control.createLocation({ name: "SDK location", timezone: "UTC" });
let server: ReturnType<typeof serve>;
let sdk: HighLevel;

before(async () => {
  server = await new Promise((resolve) => {
    const s = serve({ fetch: emulator.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const token = emulator.control.issuePrivateToken({ locationId: location.id });
  // The SDK defaults to a Version the contacts service does not declare (BEHAVIOUR.md).
  sdk = new HighLevel({
    privateIntegrationToken: token,
    apiVersion: "2021-07-28",
    logLevel: "none",
  });
  sdk.getHttpClient().defaults.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.close();
  docs.close();
});

test("the official SDK runs the seed's 16 operations against the emulator", async () => {
  const c = sdk.contacts;
  const created = await c.createContact({
    locationId: location.id,
    firstName: "Ada",
    lastName: "Lovelace",
    email: "ada@example.com",
    tags: ["lead"],
  });
  const contactId = created.contact?.id ?? "";
  assert.match(contactId, /^[A-Za-z0-9]{20}$/);
  assert.equal(created.contact?.firstNameLowerCase, "ada");

  const fetched = await c.getContact({ contactId });
  assert.equal(fetched.contact?.email, "ada@example.com");
  const updated = await c.updateContact({ contactId }, { city: "London", tags: ["vip"] });
  assert.equal(updated.succeded, true);
  assert.deepEqual(updated.contact?.tags, ["vip"]);
  const tagged = await c.addTags({ contactId }, { tags: ["speaker"] });
  assert.deepEqual(tagged.tags, ["vip", "speaker"]);

  const listed = await c.getContacts({ locationId: location.id, query: "lovelace", limit: 10 });
  assert.deepEqual(
    listed.contacts?.map((x) => x.id),
    [contactId],
  );
  await c.addRemoveContactFromBusiness({
    locationId: location.id,
    ids: [contactId],
    businessId: "biz1",
  });
  const byBusiness = await c.getContactsByBusinessId({
    businessId: "biz1",
    locationId: location.id,
  });
  assert.deepEqual(
    byBusiness.contacts?.map((x) => x.id),
    [contactId],
  );

  const task = await c.createTask(
    { contactId },
    { title: "Call", dueDate: "2026-02-01T10:00:00Z", completed: false },
  );
  const taskId = task.task?.id ?? "";
  assert.equal(task.task?.dueDate, "2026-02-01T10:00:00.000Z");
  assert.deepEqual(
    (await c.getAllTasks({ contactId })).tasks?.map((t) => t.id),
    [taskId],
  );
  assert.equal((await c.getTask({ contactId, taskId })).task?.title, "Call");
  assert.equal(
    (await c.updateTask({ contactId, taskId }, { title: "Call back" })).task?.title,
    "Call back",
  );
  assert.equal(
    (await c.updateTaskCompleted({ contactId, taskId }, { completed: true })).task?.completed,
    true,
  );
  assert.equal((await c.deleteTask({ contactId, taskId })).succeded, true);

  const note = await c.createNote({ contactId }, { body: "Met at the fair" });
  const noteId = note.note?.id ?? "";
  assert.deepEqual(
    (await c.getAllNotes({ contactId })).notes?.map((n) => n.body),
    ["Met at the fair"],
  );
  assert.equal((await c.getNote({ contactId, id: noteId })).note?.id, noteId);

  emulator.control.seedAppointment(contactId, {
    title: "Demo",
    startTime: "2026-01-06T15:00:00Z",
    endTime: "2026-01-06T15:30:00Z",
  });
  const events = await c.getAppointmentsForContact({ contactId });
  assert.deepEqual(
    events.events?.map((e) => [e.title, e.startTime]),
    [["Demo", "2026-01-06 15:00:00"]],
  );

  assert.equal((await c.deleteContact({ contactId })).succeded, true);
  await assert.rejects(c.getContact({ contactId }), (error: { statusCode?: number }) => {
    assert.equal(error.statusCode, 400);
    return true;
  });
});
