import assert from "node:assert/strict";
import { test } from "node:test";
import { NetworkError, TimeoutError } from "../../../http/errors.ts";
import { readBreakcoldError } from "../breakcold-error.ts";
import { collect } from "../client.ts";
import { createInProcessSandbox } from "./in-process-sandbox.ts";

const fail = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (cause: unknown) => cause,
  );

test("status faults hit the chosen operation the chosen number of times", async () => {
  const { client, workspace, emulator } = createInProcessSandbox();
  const fault = emulator.control.injectFault({
    kind: "status",
    status: 503,
    operation: "records_create",
    times: 2,
  });
  const create = () =>
    client.createRecord({ workspaceId: workspace.id, objectTypeSlug: "company", fields: {} });
  for (let i = 0; i < 2; i++) {
    const body = readBreakcoldError(await fail(create()));
    assert.deepEqual([body?.status, body?.code], [503, "service_unavailable"]);
    assert.match(body?.requestId ?? "", /^[a-z0-9]{32}$/);
  }
  assert.equal(emulator.control.faults().length, 0, `${fault.id} used up`);
  assert.equal((await create()).objectTypeSlug, "company");
  assert.equal(emulator.control.records(workspace.id).length, 1);

  emulator.control.injectFault({ kind: "status", status: 500 });
  assert.equal(
    readBreakcoldError(await fail(client.getObject("abcdefgh")))?.code,
    "internal_error",
  );
  assert.equal(
    readBreakcoldError(await fail(collect(client.listWorkspaces(), { limit: 1 })))?.status,
    500,
  );
  emulator.control.clearFaults();
  assert.equal((await collect(client.listWorkspaces(), { limit: 1 })).length, 1);
});

test("forced 429s carry Retry-After and retryAfterMs; dropped connections reject fetch", async () => {
  const { client, workspace, emulator } = createInProcessSandbox();
  emulator.control.injectFault({
    kind: "rate_limit",
    retryAfterMs: 2_500,
    operation: "records_list",
    times: 1,
  });
  const limited = await fail(
    collect(client.listRecords({ workspaceId: workspace.id }), { limit: 1 }),
  );
  assert.deepEqual(
    [readBreakcoldError(limited)?.status, readBreakcoldError(limited)?.retryAfterMs],
    [429, 2_500],
  );
  assert.equal((limited as { headers: Record<string, string> }).headers["retry-after"], "3");

  emulator.control.injectFault({ kind: "drop", operation: "records_get", times: 1 });
  const dropped = await fail(client.getRecord("abcdefgh"));
  assert.ok(dropped instanceof NetworkError, String(dropped));
  assert.equal(readBreakcoldError(await fail(client.getRecord("abcdefgh")))?.status, 404);
});

test("latency delays the answer and combines with the client's timeout", async () => {
  const { client, emulator } = createInProcessSandbox();
  emulator.control.injectFault({ kind: "latency", ms: 60, operation: "workspaces_list" });
  const started = performance.now();
  assert.equal((await collect(client.listWorkspaces(), { limit: 1 })).length, 1);
  assert.ok(performance.now() - started >= 55);
  const impatient = client.withDefaults({ timeoutMs: 10 });
  assert.ok(
    (await fail(collect(impatient.listWorkspaces(), { limit: 1 }))) instanceof TimeoutError,
  );
  const [latency] = emulator.control.faults();
  assert.ok(latency && emulator.control.removeFault(latency.id));
  assert.equal(emulator.control.removeFault(latency.id), false);
});

test("the emulator clock is settable: times, key expiry", async () => {
  const { client, workspace, emulator, clientFor } = createInProcessSandbox();
  emulator.control.setTime(Date.UTC(2030, 5, 1));
  const record = await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "company",
    fields: {},
  });
  assert.equal(record.createdAt, Date.UTC(2030, 5, 1));
  const key = emulator.control.issueApiKey({
    workspaceIds: [workspace.id],
    expiresAt: Date.UTC(2030, 5, 2),
  });
  assert.equal((await clientFor(key).getRecord(record.id)).id, record.id);
  emulator.control.advanceTime(86_400_000);
  assert.equal(emulator.control.now(), Date.UTC(2030, 5, 2));
  assert.equal(readBreakcoldError(await fail(clientFor(key).getRecord(record.id)))?.status, 401);
});

test("HTTP control routes under /_emulator: clock, faults, rate limits, deliveries", async () => {
  const { client, emulator, workspace } = createInProcessSandbox({
    emulator: { rateLimits: { key: 1, windowMs: 60_000 } },
  });
  interface Answer {
    now: number;
    data: unknown[];
    fault: { id: string };
    error: { code: string };
  }
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await emulator.fetch(
      new Request(`http://bc.test/_emulator${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
      }),
    );
    const text = await response.text();
    return { status: response.status, body: (text === "" ? {} : JSON.parse(text)) as Answer };
  };
  assert.deepEqual(await call("POST", "/clock", { now: Date.UTC(2031, 0, 1) }), {
    status: 200,
    body: { now: Date.UTC(2031, 0, 1) },
  });
  assert.deepEqual((await call("POST", "/clock", { advanceMs: 1_000 })).body, {
    now: Date.UTC(2031, 0, 1) + 1_000,
  });
  assert.equal((await call("GET", "/clock")).body.now, emulator.control.now());
  assert.equal((await call("POST", "/clock", { now: "soon" })).status, 400);

  const added = await call("POST", "/faults", {
    kind: "status",
    status: 502,
    operation: "crm_objects_list",
  });
  assert.equal(added.status, 201);
  assert.equal(readBreakcoldError(await fail(client.listObjects(workspace.id)))?.status, 502);
  assert.equal((await call("GET", "/faults")).body.data.length, 1);
  assert.equal((await call("DELETE", `/faults/${added.body.fault.id}`)).status, 204);
  assert.equal((await call("DELETE", `/faults/${added.body.fault.id}`)).status, 404);
  const invalid = await call("POST", "/faults", { kind: "status", status: 200 });
  assert.deepEqual([invalid.status, invalid.body.error.code], [400, "invalid_request"]);
  await call("POST", "/faults", { kind: "drop" });
  assert.equal((await call("DELETE", "/faults")).status, 204);

  assert.equal((await client.listObjects(workspace.id)).length, 3);
  assert.equal(readBreakcoldError(await fail(client.listObjects(workspace.id)))?.status, 429);
  assert.equal((await call("POST", "/rate-limits/reset")).status, 204);
  assert.equal((await client.listObjects(workspace.id)).length, 3);

  assert.deepEqual((await call("GET", "/webhooks/deliveries")).body, { data: [] });
  assert.deepEqual((await call("POST", "/webhooks/run-due-retries")).body, { started: 0 });
});
