import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createHighLevelClient } from "../src/apps/highlevel/client.ts";
import { listRuns } from "../src/store/runs.ts";
import { addConnectionViaApi, startTestBridge, type TestBridge } from "./harness.ts";

let t: TestBridge;
before(async () => {
  t = await startTestBridge();
});
after(() => t.close());

async function post(path: string, body?: unknown) {
  return t.api(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

test("workflows wire a recipe between connections of the right apps, and can be switched off", async () => {
  const s = t.bridge.sandbox;
  assert.ok(s);
  const { highlevel, breakcold } = s.info;
  const wrong = await post("/workflows", {
    recipe: "lead-intake",
    sourceConnectionId: breakcold.connectionId,
    targetConnectionId: highlevel.connectionId,
  });
  assert.equal(wrong.status, 400);
  assert.match(
    ((await wrong.json()) as { error: { message: string } }).error.message,
    /source must be a highlevel connection/,
  );
  assert.equal(
    (await post("/workflows", { recipe: "nope", sourceConnectionId: "a", targetConnectionId: "b" }))
      .status,
    400,
  );

  // A second Breakcold connection (same sandbox workspace) gets its own lead-intake workflow.
  const second = await addConnectionViaApi(t, {
    app: "breakcold",
    authKind: "api_key",
    apiKey: s.breakcold.control.issueApiKey({ workspaceIds: [breakcold.workspaceId] }),
    workspaceId: breakcold.workspaceId,
    baseUrl: breakcold.baseUrl,
  });
  const added = await post("/workflows", {
    recipe: "lead-intake",
    sourceConnectionId: highlevel.connectionId,
    targetConnectionId: second.id,
  });
  assert.equal(added.status, 201);
  const { workflow } = (await added.json()) as { workflow: { id: string } };

  const hl = createHighLevelClient({
    baseUrl: "http://hl.test",
    token: s.highlevel.control.issuePrivateToken({ locationId: highlevel.locationId }),
    fetch: s.highlevel.fetch,
  });
  const one = await hl.createContact({
    locationId: highlevel.locationId,
    firstName: "Two",
    lastName: "Workflows",
  });
  await t.settle();
  assert.equal(
    (await listRuns(t.bridge.db, { subjectId: one.id, limit: 10 })).length,
    2,
    "one run per enabled workflow",
  );

  assert.equal((await post(`/workflows/${workflow.id}/disable`)).status, 200);
  const other = await hl.createContact({
    locationId: highlevel.locationId,
    firstName: "One",
    lastName: "Workflow",
  });
  await t.settle();
  assert.equal(
    (await listRuns(t.bridge.db, { subjectId: other.id, limit: 10 })).length,
    1,
    "the disabled one starts nothing",
  );
  assert.equal((await post("/workflows/wf_nope/enable")).status, 404);
});
