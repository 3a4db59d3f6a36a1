import assert from "node:assert/strict";
import { test } from "node:test";
import type { ManualClock } from "../../../lib/clock.ts";
import { BREAKCOLD_WEBHOOK_EVENTS, parseBreakcoldWebhook } from "../webhook-events.ts";
import { verifyBreakcoldSignature } from "../webhook-signature.ts";
import { createInProcessSandbox } from "./in-process-sandbox.ts";
import { DISABLE_AFTER_FAILURES } from "./webhook-dispatcher.ts";

interface Received {
  url: string;
  headers: Headers;
  raw: Uint8Array;
}

/** A receiver that records each request and answers the next scripted status (default 200). */
function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const fetch = async (request: Request) => {
    received.push({
      url: request.url,
      headers: request.headers,
      raw: new Uint8Array(await request.arrayBuffer()),
    });
    const status = statuses.shift() ?? 200;
    if (status === 0) throw new TypeError("fetch failed");
    return new Response(null, { status });
  };
  return { received, fetch };
}

const ALL = BREAKCOLD_WEBHOOK_EVENTS;

test("every event is delivered signed, with the documented headers and data", async () => {
  const hook = receiver();
  const { client, workspace, emulator, clock } = createInProcessSandbox({
    emulator: { fetch: hook.fetch },
  });
  const { secret } = emulator.control.addWebhookEndpoint({
    workspaceId: workspace.id,
    url: "https://bridge.example/hooks/breakcold/conn1",
    events: ALL,
  });
  const person = await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: { first_name: "Ada", email: "ada@example.com" },
  });
  await client.updateRecord(person.id, { fields: { last_name: "Lovelace" } });
  const note = await client.createNote(person.id, { title: "Intro", content: "<p>Hi</p>" });
  await client.updateNote(note.id, { title: "Intro call" });
  emulator.control.deleteNote(note.id);
  const task = await client.createTask(person.id, { title: "Call", dueAt: Date.UTC(2026, 0, 6) });
  await client.completeTask(task.id);
  await client.archiveRecord(person.id);
  await emulator.control.settle();

  const events = hook.received.map((r) => {
    const check = verifyBreakcoldSignature({
      rawBody: r.raw,
      headers: r.headers,
      secret,
      now: clock.now(),
    });
    assert.equal(check.ok, true, JSON.stringify(check));
    assert.equal(r.headers.get("user-agent"), "Breakcold-Webhooks/1.0");
    assert.equal(r.headers.get("x-webhook-timestamp"), String(Math.floor(clock.now() / 1000)));
    const parsed = parseBreakcoldWebhook(r.raw);
    assert.ok(parsed.ok, parsed.ok ? "" : parsed.error.message);
    assert.equal(parsed.value.event, r.headers.get("x-webhook-event"));
    assert.equal(parsed.value.workspaceId, workspace.id);
    return parsed.value;
  });
  assert.deepEqual(
    events.map((e) => e.event),
    [
      "record.created",
      "record.updated",
      "note.created",
      "note.updated",
      "note.deleted",
      "task.created",
      "task.completed",
      "record.deleted",
    ],
  );
  const [created, updated] = events;
  assert.deepEqual(created?.data, {
    id: person.id,
    objectType: "person",
    objectTypeName: "Person",
    name: "Ada",
    fields: { first_name: "Ada", email: [{ value: "ada@example.com", isPrimary: true }] },
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  });
  assert.equal(updated?.event === "record.updated" && updated.data.name, "Ada Lovelace");
  assert.deepEqual(events[4]?.data, { recordId: person.id, noteId: note.id, title: "Intro call" });
  assert.deepEqual(events[6]?.data, {
    recordId: person.id,
    taskId: task.id,
    title: "Call",
    status: "done",
    dueAt: "2026-01-06T00:00:00.000Z",
  });
  assert.deepEqual(events[7]?.data, { id: person.id, deleted: true });
  assert.equal(new Set(hook.received.map((r) => r.headers.get("x-webhook-delivery-id"))).size, 8);
});

test("endpoints get only their workspace's subscribed events; hooks sign with their secret", async () => {
  const hook = receiver();
  const { client, workspace, emulator, clientFor } = createInProcessSandbox({
    emulator: { fetch: hook.fetch },
  });
  const hooksClient = clientFor(
    emulator.control.issueApiKey({ workspaceIds: [workspace.id], scopes: ["webhooks:write"] }),
  );
  const created = await hooksClient.createIntegrationHook({
    url: "https://bridge.example/only-tasks",
    events: ["task.created"],
  });
  const other = emulator.control.createWorkspace({ name: "Other" });
  emulator.control.addWebhookEndpoint({
    workspaceId: other.id,
    url: "https://other.example/",
    events: ALL,
  });
  const person = await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: {},
  });
  await client.createTask(person.id, { title: "One" });
  await emulator.control.settle();
  assert.deepEqual(
    hook.received.map((r) => [r.url, r.headers.get("x-webhook-event")]),
    [["https://bridge.example/only-tasks", "task.created"]],
  );
  const [only] = hook.received;
  assert.ok(only);
  const check = verifyBreakcoldSignature({
    rawBody: only.raw,
    headers: only.headers,
    secret: created.signingSecret,
    now: emulator.control.now(),
  });
  assert.equal(check.ok, true);
});

test("3 attempts, retried after 5 s and 30 s on the emulator clock, same delivery id", async () => {
  const hook = receiver([500, 0, 204]);
  const { client, workspace, emulator, clock } = createInProcessSandbox({
    emulator: { fetch: hook.fetch },
  });
  emulator.control.addWebhookEndpoint({
    workspaceId: workspace.id,
    url: "https://b.example/h",
    events: ALL,
  });
  await client.createRecord({ workspaceId: workspace.id, objectTypeSlug: "company", fields: {} });
  await emulator.control.settle();
  assert.equal(hook.received.length, 1);
  const [first] = emulator.control.deliveries();
  assert.deepEqual([first?.status, first?.attempts, first?.lastStatus], ["retrying", 1, 500]);
  assert.equal(first?.nextAttemptAt, clock.now() + 5_000);

  (clock as ManualClock).advance(4_999);
  assert.equal(await emulator.control.runDueWebhookRetries(), 0);
  (clock as ManualClock).advance(1);
  assert.equal(await emulator.control.runDueWebhookRetries(), 1);
  const [second] = emulator.control.deliveries();
  assert.deepEqual(
    [second?.status, second?.attempts, second?.lastError],
    ["retrying", 2, "fetch failed"],
  );
  assert.equal(second?.nextAttemptAt, clock.now() + 30_000);

  (clock as ManualClock).advance(30_000);
  assert.equal(await emulator.control.runDueWebhookRetries(), 1);
  const [third] = emulator.control.deliveries();
  assert.deepEqual([third?.status, third?.attempts, third?.lastStatus], ["succeeded", 3, 204]);
  const ids = new Set(hook.received.map((r) => r.headers.get("x-webhook-delivery-id")));
  const stamps = hook.received.map((r) => Number(r.headers.get("x-webhook-timestamp")));
  assert.deepEqual([ids.size, hook.received.length], [1, 3]);
  assert.deepEqual(
    stamps.slice(1).map((stamp, index) => stamp - (stamps[index] ?? 0)),
    [5, 30],
  );
  assert.equal(emulator.control.webhookEndpoints()[0]?.consecutiveFailures, 0);
});

test("a delivery fails after 3 attempts; 50 failures in a row disable the endpoint", async () => {
  const hook = receiver(Array.from({ length: 100 }, () => 503));
  const { client, workspace, emulator, clock } = createInProcessSandbox({
    emulator: { fetch: hook.fetch },
  });
  const { id } = emulator.control.addWebhookEndpoint({
    workspaceId: workspace.id,
    url: "https://b.example/h",
    events: ["record.created"],
  });
  const create = () =>
    client.createRecord({ workspaceId: workspace.id, objectTypeSlug: "company", fields: {} });
  const exhaust = async () => {
    for (let i = 0; i < 2; i++) {
      (clock as ManualClock).advance(30_000);
      await emulator.control.runDueWebhookRetries();
    }
  };
  await create();
  await emulator.control.settle();
  await exhaust();
  assert.deepEqual(
    emulator.control.deliveries().map((d) => [d.status, d.attempts]),
    [["failed", 3]],
  );
  for (let i = 0; i < 16; i++) await create();
  await emulator.control.settle();
  await exhaust();
  const endpoint = emulator.control.webhookEndpoints()[0];
  assert.deepEqual(
    [endpoint?.enabled, endpoint?.consecutiveFailures, endpoint?.disabledAt !== undefined],
    [false, DISABLE_AFTER_FAILURES, true],
  );
  assert.equal(hook.received.length, DISABLE_AFTER_FAILURES);
  await create();
  await emulator.control.settle();
  assert.equal(hook.received.length, DISABLE_AFTER_FAILURES);

  emulator.control.enableWebhookEndpoint(id);
  await create();
  await emulator.control.settle();
  assert.equal(hook.received.length, DISABLE_AFTER_FAILURES + 1);
});

test("a slow endpoint times out and counts as a failed attempt", async () => {
  const slow = async (request: Request) =>
    new Promise<Response>((_resolve, reject) => {
      request.signal.addEventListener("abort", () => reject(request.signal.reason));
    });
  const { client, workspace, emulator } = createInProcessSandbox({
    emulator: { fetch: slow, webhookTimeoutMs: 20 },
  });
  emulator.control.addWebhookEndpoint({
    workspaceId: workspace.id,
    url: "https://b.example/h",
    events: ["record.created"],
  });
  // AbortSignal.timeout does not keep the event loop alive; this interval does, meanwhile.
  const keepAlive = setInterval(() => undefined, 5);
  await client.createRecord({ workspaceId: workspace.id, objectTypeSlug: "company", fields: {} });
  await emulator.control.settle();
  clearInterval(keepAlive);
  const [delivery] = emulator.control.deliveries();
  assert.equal(delivery?.status, "retrying");
  assert.match(delivery?.lastError ?? "", /timeout|aborted/i);
});
