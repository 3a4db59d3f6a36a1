import assert from "node:assert/strict";
import { test } from "node:test";
import { Hono } from "hono";
import type { ManualClock } from "../../../lib/clock.ts";
import { readBreakcoldError } from "../breakcold-error.ts";
import { collect, createBreakcoldClient } from "../client.ts";
import { createInProcessSandbox, IN_PROCESS_BASE_URL } from "./in-process-sandbox.ts";

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => assert.fail("expected the call to fail"),
    (cause: unknown) => cause,
  );
  const body = readBreakcoldError(error);
  assert.ok(body, `not a Breakcold error envelope: ${String(error)}`);
  return body;
}

test("401 for missing, malformed, unknown and expired keys", async () => {
  const { emulator, workspace, clock, clientFor } = createInProcessSandbox();
  const noAuth = await emulator.fetch(new Request(`${IN_PROCESS_BASE_URL}/workspaces`));
  assert.equal(noAuth.status, 401);
  const body = (await noAuth.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, "unauthorized");

  const basic = await emulator.fetch(
    new Request(`${IN_PROCESS_BASE_URL}/workspaces`, { headers: { authorization: "Basic abc" } }),
  );
  assert.equal(basic.status, 401);
  for (const key of ["not-a-key", "bc_live_unknown"]) {
    const error = await failure(collect(clientFor(key).listWorkspaces(), { limit: 1 }));
    assert.deepEqual([error.status, error.code], [401, "unauthorized"]);
  }

  const expiring = emulator.control.issueApiKey({
    workspaceIds: [workspace.id],
    expiresAt: clock.now() + 60_000,
  });
  assert.equal((await collect(clientFor(expiring).listWorkspaces(), { limit: 5 })).length, 1);
  (clock as ManualClock).advance(60_000);
  const expired = await failure(collect(clientFor(expiring).listWorkspaces(), { limit: 5 }));
  assert.deepEqual([expired.status, expired.code], [401, "unauthorized"]);
});

test("403 for a missing scope, another workspace or another organization", async () => {
  const { emulator, workspace, client, clientFor } = createInProcessSandbox();
  const readOnly = clientFor(
    emulator.control.issueApiKey({ workspaceIds: [workspace.id], scopes: ["records:read"] }),
  );
  const write = await failure(
    readOnly.createRecord({ workspaceId: workspace.id, objectTypeSlug: "person", fields: {} }),
  );
  assert.deepEqual([write.status, write.code], [403, "forbidden"]);
  assert.match(write.message, /records:write/);
  assert.deepEqual(
    await collect(readOnly.listRecords({ workspaceId: workspace.id }), { limit: 5 }),
    [],
  );
  const notes = await failure(readOnly.createNote("abcdefgh", { title: "t", content: "c" }));
  assert.equal(notes.status, 403);

  const other = emulator.control.createWorkspace({ name: "Other" });
  const cross = await failure(
    client.createRecord({ workspaceId: other.id, objectTypeSlug: "person", fields: {} }),
  );
  assert.deepEqual([cross.status, cross.code], [403, "forbidden"]);
  assert.equal((await failure(client.listObjects(other.id))).status, 403);

  const wrongOrg = createBreakcoldClient({
    baseUrl: IN_PROCESS_BASE_URL,
    apiKey: emulator.control.issueApiKey({ workspaceIds: [workspace.id] }),
    fetch: emulator.fetch,
    organizationId: "someoneelsesorganization",
  });
  assert.equal((await failure(collect(wrongOrg.listWorkspaces(), { limit: 1 }))).status, 403);
});

test("records, notes and fields of another workspace answer 404", async () => {
  const { emulator, client, clientFor } = createInProcessSandbox();
  const other = emulator.control.createWorkspace({ name: "Other" });
  const outsider = clientFor(emulator.control.issueApiKey({ workspaceIds: [other.id] }));
  const hidden = await outsider.createRecord({
    workspaceId: other.id,
    objectTypeSlug: "person",
    fields: { first_name: "Hidden" },
  });
  for (const call of [
    client.getRecord(hidden.id),
    client.updateRecord(hidden.id, { fields: { first_name: "Mine" } }),
    client.createNote(hidden.id, { title: "t", content: "c" }),
    collect(client.listTasks(hidden.id), { limit: 1 }),
  ]) {
    const error = await failure(call);
    assert.deepEqual([error.status, error.code], [404, "not_found"]);
  }
  const person = (await outsider.listObjects(other.id)).find((o) => o.slug === "person");
  assert.ok(person);
  assert.equal((await failure(client.listFields(person.id))).status, 404);
  assert.equal(emulator.control.records(other.id)[0]?.fields.first_name, "Hidden");
});

test("workspaces_list shows only the key's workspaces; unknown routes use the envelope", async () => {
  const { emulator, workspace, client, apiKey } = createInProcessSandbox();
  emulator.control.createWorkspace({ name: "Not mine" });
  const workspaces = await collect(client.listWorkspaces(), { limit: 10 });
  assert.deepEqual(
    workspaces.map((w) => [w.id, w.name]),
    [[workspace.id, "Acme"]],
  );
  const response = await emulator.fetch(
    new Request(`${IN_PROCESS_BASE_URL}/nowhere`, {
      headers: { authorization: `Bearer ${apiKey}` },
    }),
  );
  assert.equal(response.status, 404);
  const body = (await response.json()) as { error: { code: string; requestId: string } };
  assert.equal(body.error.code, "not_found");
  assert.equal(body.error.requestId, response.headers.get("x-request-id"));
});

test("the app mounts under a prefix and keeps its error envelope", async () => {
  const { emulator, workspace, apiKey } = createInProcessSandbox();
  const host = new Hono().route("/sandbox/breakcold", emulator.app);
  const client = createBreakcoldClient({
    baseUrl: "http://host.test/sandbox/breakcold/api/v1",
    apiKey,
    fetch: async (request) => host.fetch(request),
  });
  assert.equal((await collect(client.listWorkspaces(), { limit: 5 }))[0]?.id, workspace.id);
  const missing = await failure(client.getRecord("doesnotexist"));
  assert.deepEqual([missing.status, missing.code], [404, "not_found"]);
  const denied = await failure(
    createBreakcoldClient({ ...client.options, apiKey: "bc_live_wrong" }).getRecord("abcdefgh"),
  );
  assert.deepEqual([denied.status, denied.code], [401, "unauthorized"]);
});

test("bodies over 5 MiB get 413 in the envelope before they are read", async () => {
  const { emulator, workspace, apiKey } = createInProcessSandbox();
  const response = await emulator.fetch(
    new Request(`${IN_PROCESS_BASE_URL}/records`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({
        workspaceId: workspace.id,
        objectTypeSlug: "person",
        fields: { first_name: "x".repeat(6 * 1024 * 1024) },
      }),
    }),
  );
  assert.equal(response.status, 413);
  const body = (await response.json()) as { error: { code: string; requestId: string } };
  assert.equal(body.error.code, "payload_too_large");
  assert.ok(body.error.requestId);
});
