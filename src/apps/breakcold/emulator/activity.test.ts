import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ManualClock } from "../../../lib/clock.ts";
import { DocStore } from "../../../store/doc-store.ts";
import { readBreakcoldError } from "../breakcold-error.ts";
import { collect } from "../client.ts";
import { htmlToPlain } from "./html-to-plain.ts";
import { createInProcessSandbox } from "./in-process-sandbox.ts";

test("notes: create with derived contentPlain, list across pages in creation order", async () => {
  const { client, workspace, clock } = createInProcessSandbox();
  const record = await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: { first_name: "N" },
  });
  const first = await client.createNote(record.id, {
    title: "Call",
    content: "<p>Call back <b>Tuesday</b></p><p>3pm</p>",
  });
  assert.equal(first.contentPlain, "Call back Tuesday\n3pm");
  assert.equal(first.recordId, record.id);
  assert.equal(first.workspaceId, workspace.id);
  assert.match(first.authorUserId ?? "", /^[a-z0-9]{32}$/);
  assert.equal(first.createdAt, clock.now());
  await client.createNote(record.id, { title: "Two", content: "<p>x</p>", contentPlain: "given" });
  await client.createNote(record.id, { title: "Three", content: "y" });
  const notes = await collect(client.listNotes(record.id, { pageSize: 2 }), { limit: 10 });
  assert.deepEqual(
    notes.map((n) => [n.title, n.contentPlain]),
    [
      ["Call", "Call back Tuesday\n3pm"],
      ["Two", "given"],
      ["Three", "y"],
    ],
  );
});

test("tasks: create, list open only unless includeCompleted; validation per tools.json", async () => {
  const { client, workspace } = createInProcessSandbox();
  const record = await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: { first_name: "T" },
  });
  const due = Date.UTC(2026, 0, 6, 15);
  const task = await client.createTask(record.id, {
    title: "Follow up",
    dueAt: due,
    descriptionPlain: "ring",
    assigneeUserIds: ["user000001"],
  });
  assert.deepEqual(
    {
      title: task.title,
      status: task.status,
      dueAt: task.dueAt,
      assignees: task.assigneeUserIds,
      html: "descriptionHtml" in task,
    },
    { title: "Follow up", status: "todo", dueAt: due, assignees: ["user000001"], html: false },
  );
  const done = await client.createTask(record.id, { title: "Done already" });
  const completed = await client.completeTask(done.id);
  assert.equal(completed.status, "done");
  assert.deepEqual(await client.completeTask(done.id), completed);

  const open = await collect(client.listTasks(record.id), { limit: 10 });
  assert.deepEqual(
    open.map((t) => t.title),
    ["Follow up"],
  );
  const all = await collect(client.listTasks(record.id, { includeCompleted: true, pageSize: 1 }), {
    limit: 10,
  });
  assert.deepEqual(
    all.map((t) => [t.title, t.status]),
    [
      ["Follow up", "todo"],
      ["Done already", "done"],
    ],
  );

  const bad = await client
    .createTask(record.id, { title: "x", dueAt: "tomorrow" as unknown as number })
    .then(() => undefined, readBreakcoldError);
  assert.deepEqual([bad?.status, bad?.code], [400, "invalid_request"]);
  assert.match(bad?.message ?? "", /dueAt/);
});

test("state and keys survive reopening the DocStore file", async () => {
  const path = join(mkdtempSync(join(tmpdir(), "bc-emu-")), "breakcold.sqlite");
  const clock = new ManualClock();
  const first = createInProcessSandbox({ path, clock });
  const record = await first.client.createRecord({
    workspaceId: first.workspace.id,
    objectTypeSlug: "person",
    fields: { first_name: "Persisted", email: "p@example.com" },
  });
  await first.client.createNote(record.id, { title: "kept", content: "body" });
  first.docs.close();

  const docs = DocStore.open(path);
  const reopened = createInProcessSandbox({ docs, clock });
  assert.equal(reopened.emulator.control.getWorkspace(first.workspace.id)?.name, "Acme");
  const client = reopened.clientFor(first.apiKey);
  assert.deepEqual(await client.getRecord(record.id), record);
  const notes = await collect(client.listNotes(record.id), { limit: 5 });
  assert.deepEqual(
    notes.map((n) => n.title),
    ["kept"],
  );
  assert.equal(
    docs
      .collection("breakcold.apiKeys")
      .all()
      .some((k) => JSON.stringify(k).includes(first.apiKey)),
    false,
  );
  docs.close();
});

test("htmlToPlain keeps text and line structure and decodes entities", () => {
  assert.equal(htmlToPlain("<p>a &amp; b</p><p>c<br>d</p>"), "a & b\nc\nd");
});

test("notes: get and update; new HTML content re-derives contentPlain unless given", async () => {
  const { client, workspace, clock, clientFor, emulator } = createInProcessSandbox();
  const record = await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: { first_name: "U" },
  });
  const note = await client.createNote(record.id, { title: "First", content: "<p>one</p>" });
  assert.deepEqual(await client.getNote(note.id), note);
  (clock as ManualClock).advance(1_000);
  const retitled = await client.updateNote(note.id, { title: "Renamed" });
  assert.deepEqual(
    [retitled.title, retitled.content, retitled.contentPlain, retitled.updatedAt],
    ["Renamed", "<p>one</p>", "one", note.createdAt + 1_000],
  );
  const rewritten = await client.updateNote(note.id, { content: "<p>two</p><p>lines</p>" });
  assert.equal(rewritten.contentPlain, "two\nlines");
  const explicit = await client.updateNote(note.id, { content: "<b>x</b>", contentPlain: "why" });
  assert.equal(explicit.contentPlain, "why");

  const other = emulator.control.createWorkspace({ name: "Other" });
  const outsider = clientFor(emulator.control.issueApiKey({ workspaceIds: [other.id] }));
  const hidden = await outsider.getNote(note.id).then(() => undefined, readBreakcoldError);
  assert.deepEqual([hidden?.status, hidden?.code], [404, "not_found"]);
  await client.archiveRecord(record.id);
  const archived = await client.getNote(note.id).then(() => undefined, readBreakcoldError);
  assert.equal(archived?.status, 404);
});

test("tasks: update merges, dueAt null clears, status done completes", async () => {
  const { client, workspace } = createInProcessSandbox();
  const record = await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: { first_name: "T" },
  });
  const task = await client.createTask(record.id, { title: "Call", dueAt: 5_000 });
  const moved = await client.updateTask(task.id, {
    title: "Call back",
    assigneeUserIds: ["user000002"],
  });
  assert.deepEqual(
    [moved.title, moved.dueAt, moved.assigneeUserIds, moved.status],
    ["Call back", 5_000, ["user000002"], "todo"],
  );
  const cleared = await client.updateTask(task.id, { dueAt: null });
  assert.equal("dueAt" in cleared, false);
  const done = await client.updateTask(task.id, { status: "done" });
  assert.equal(done.status, "done");
  const reopened = await client.updateTask(task.id, { status: "todo" });
  assert.equal(reopened.status, "todo");
  const bad = await client
    .updateTask(task.id, { status: "later" as "todo" })
    .then(() => undefined, readBreakcoldError);
  assert.deepEqual([bad?.status, bad?.code], [400, "invalid_request"]);
  const missing = await client.completeTask("nosuchtask").then(() => undefined, readBreakcoldError);
  assert.deepEqual([missing?.status, missing?.code], [404, "not_found"]);
});

test("custom activities: stored on the record, linked records checked", async () => {
  const { client, workspace, docs } = createInProcessSandbox();
  const [a, b] = await Promise.all(
    ["A", "B"].map((name) =>
      client.createRecord({
        workspaceId: workspace.id,
        objectTypeSlug: "person",
        fields: { first_name: name },
      }),
    ),
  );
  assert.ok(a && b);
  const activity = await client.createCustomActivity(a.id, {
    title: "Demo call",
    descriptionPlain: "went well",
    startAt: 1_000,
    endAt: 2_000,
    linkedRecordIds: [b.id],
  });
  assert.deepEqual(
    [activity.recordId, activity.title, activity.linkedRecordIds, activity.endAt],
    [a.id, "Demo call", [b.id], 2_000],
  );
  assert.equal(docs.collection("breakcold.activities").count(), 1);
  const unknownLink = await client
    .createCustomActivity(a.id, { title: "x", linkedRecordIds: ["nosuchrecord"] })
    .then(() => undefined, readBreakcoldError);
  assert.deepEqual([unknownLink?.status, unknownLink?.code], [400, "invalid_request"]);
  const backwards = await client
    .createCustomActivity(a.id, { title: "x", startAt: 2, endAt: 1 })
    .then(() => undefined, readBreakcoldError);
  assert.match(backwards?.message ?? "", /endAt/);
});
