import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ManualClock } from "../../../lib/clock.ts";
import { DocStore } from "../../../store/doc-store.ts";
import { readBreakcoldError } from "../breakcold-error.ts";
import { collect } from "../client.ts";
import { htmlToPlain } from "./activity-routes.ts";
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
  const { client, workspace, docs } = createInProcessSandbox();
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
  // tasks_complete is a later slice; mark it done in the store, as that route would.
  const tasks = docs.collection<{ id: string; status: string }>("breakcold.tasks");
  const stored = tasks.get(done.id);
  assert.ok(stored);
  tasks.put({ ...stored, status: "done" });

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
