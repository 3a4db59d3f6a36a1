import assert from "node:assert/strict";
import { test } from "node:test";
import { BREAKCOLD_WEBHOOK_EVENTS, parseBreakcoldWebhook } from "./webhook-events.ts";

const envelope = {
  eventId: "evt_1",
  timestamp: "2026-01-01T00:00:00.000Z",
  workspaceId: "wsp_000001",
};

test("parses each documented event with its data shape", () => {
  const samples = {
    "record.created": {
      id: "r1",
      objectType: "person",
      objectTypeName: "Person",
      name: "Ada",
      fields: {},
      createdAt: envelope.timestamp,
      updatedAt: envelope.timestamp,
    },
    "record.deleted": { id: "r1", deleted: true },
    "note.updated": {
      recordId: "r1",
      noteId: "n1",
      title: "T",
      contentPlain: "x",
      author: null,
      createdAt: envelope.timestamp,
      updatedAt: envelope.timestamp,
    },
    "note.deleted": { recordId: "r1", noteId: "n1", title: "T" },
    "task.completed": { recordId: "r1", taskId: "t1", title: "Call", status: "done", dueAt: null },
  } as const;
  for (const [event, data] of Object.entries(samples)) {
    const parsed = parseBreakcoldWebhook(JSON.stringify({ ...envelope, event, data, extra: 1 }));
    assert.ok(parsed.ok, event);
    assert.deepEqual(parsed.value, { ...envelope, event, data }, event);
  }
  const bytes = new TextEncoder().encode(
    JSON.stringify({ ...envelope, event: "record.deleted", data: samples["record.deleted"] }),
  );
  assert.equal(parseBreakcoldWebhook(bytes).ok, true);
  assert.equal(BREAKCOLD_WEBHOOK_EVENTS.length, 8);
});

test("rejects non-JSON, unknown events, wrong data and epoch-ms times", () => {
  const message = (body: unknown) => {
    const parsed = parseBreakcoldWebhook(body);
    return parsed.ok ? "ok" : parsed.error.message;
  };
  assert.equal(message("{not json"), "body is not JSON");
  assert.match(message({ ...envelope, event: "record.merged", data: {} }), /event/);
  assert.match(
    message({ ...envelope, event: "record.deleted", data: { id: "r1", deleted: false } }),
    /data\.deleted/,
  );
  assert.match(
    message({
      ...envelope,
      timestamp: 1767225600000,
      event: "note.deleted",
      data: { recordId: "r", noteId: "n", title: "t" },
    }),
    /timestamp/,
  );
  assert.match(
    message({
      ...envelope,
      event: "task.created",
      data: { recordId: "r", taskId: "t", title: "x", status: "open", dueAt: null },
    }),
    /status/,
  );
});
