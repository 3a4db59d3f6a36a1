import assert from "node:assert/strict";
import { test } from "node:test";
import type { ManualClock } from "../../../lib/clock.ts";
import { readBreakcoldError } from "../breakcold-error.ts";
import { collect } from "../client.ts";
import { createInProcessSandbox, IN_PROCESS_BASE_URL } from "./in-process-sandbox.ts";
import type { RateLimitOptions } from "./rate-limiter.ts";

const roomy = { organization: 1000, workspace: 1000, actor: 1000, key: 1000 };

function sandboxWith(rateLimits: RateLimitOptions) {
  const sandbox = createInProcessSandbox({ emulator: { rateLimits } });
  const get = (apiKey: string, path = "/workspaces") =>
    sandbox.emulator.fetch(
      new Request(`${IN_PROCESS_BASE_URL}${path}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      }),
    );
  return { ...sandbox, get, clock: sandbox.clock as ManualClock };
}

test("an operation's own budget (records_create 60/min, scaled) answers 429 with Retry-After", async () => {
  const { client, workspace, clock } = sandboxWith({ windowMs: 1_000, scale: 0.05 });
  clock.set(Date.UTC(2026, 0, 1, 0, 0, 0, 250));
  const create = () =>
    client.createRecord({ workspaceId: workspace.id, objectTypeSlug: "company", fields: {} });
  for (let i = 0; i < 3; i++) await create();
  const error = await create().then(
    () => undefined,
    (cause: unknown) => cause,
  );
  const body = readBreakcoldError(error);
  assert.deepEqual(
    [body?.status, body?.code, body?.message, body?.retryAfterMs],
    [429, "rate_limited", "Public API rate limit exceeded", 750],
  );
  assert.equal((error as { headers: Record<string, string> }).headers["retry-after"], "1");
  assert.equal(
    (await collect(client.listRecords({ workspaceId: workspace.id }), { limit: 5 })).length,
    3,
  );
  clock.advance(750);
  assert.equal((await create()).objectTypeSlug, "company");
});

test("Retry-After is whole seconds up to the end of the window", async () => {
  const { apiKey, get, clock } = sandboxWith({ ...roomy, key: 1 });
  clock.set(Date.UTC(2026, 0, 1, 0, 0, 12));
  assert.equal((await get(apiKey)).status, 200);
  const limited = await get(apiKey);
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "48");
  const body = (await limited.json()) as { error: { retryAfterMs: number; requestId: string } };
  assert.equal(body.error.retryAfterMs, 48_000);
  assert.equal(body.error.requestId, limited.headers.get("x-request-id"));
});

test("key and actor budgets: keys sharing an actor share its budget", async () => {
  const { emulator, workspace, get } = sandboxWith({ ...roomy, key: 2, actor: 3 });
  const issue = (actorUserId: string) =>
    emulator.control.issueApiKey({ workspaceIds: [workspace.id], actorUserId });
  const [a1, a2, b] = [issue("actor_aaaaaa"), issue("actor_aaaaaa"), issue("actor_bbbbbb")];
  assert.deepEqual(
    [(await get(a1)).status, (await get(a1)).status, (await get(a1)).status],
    [200, 200, 429],
  );
  assert.deepEqual([(await get(a2)).status, (await get(a2)).status], [200, 429]);
  assert.deepEqual([(await get(b)).status, (await get(b)).status], [200, 200]);
});

test("workspace and organization budgets span keys and actors", async () => {
  const { emulator, workspace, get } = sandboxWith({ ...roomy, workspace: 2, organization: 3 });
  const other = emulator.control.createWorkspace({ name: "Second" });
  const here = () => emulator.control.issueApiKey({ workspaceIds: [workspace.id] });
  const there = emulator.control.issueApiKey({ workspaceIds: [other.id] });
  assert.deepEqual([(await get(here())).status, (await get(here())).status], [200, 200]);
  assert.equal((await get(here())).status, 429);
  assert.equal((await get(there)).status, 200);
  assert.equal((await get(there)).status, 429);
  const foreign = emulator.control.createWorkspace({
    name: "Elsewhere",
    organizationId: "org_another",
  });
  const outsider = emulator.control.issueApiKey({ workspaceIds: [foreign.id] });
  assert.equal((await get(outsider)).status, 200);
});

test("a refused request draws from no budget; reset and explicit operation limits", async () => {
  const { apiKey, get, emulator, clock } = sandboxWith({
    ...roomy,
    key: 3,
    operations: { workspaces_list: 1 },
  });
  clock.set(Date.UTC(2026, 0, 1));
  assert.equal((await get(apiKey)).status, 200);
  assert.equal((await get(apiKey)).status, 429);
  assert.equal((await get(apiKey, "/crm/objects?workspaceId=nosuchworkspace")).status, 403);
  assert.equal((await get(apiKey, "/records")).status, 200);
  assert.equal((await get(apiKey, "/records")).status, 429);
  emulator.control.resetRateLimits();
  assert.equal((await get(apiKey)).status, 200);
});

test("enabled: false turns every budget off", async () => {
  const { apiKey, get } = sandboxWith({ enabled: false, key: 1, organization: 1 });
  for (let i = 0; i < 5; i++) assert.equal((await get(apiKey)).status, 200);
});
