import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { ConnectionTestReport } from "../src/engine/connection-test.ts";
import { addConnectionViaApi, startTestBridge, type TestBridge } from "./harness.ts";

let t: TestBridge;
before(async () => {
  t = await startTestBridge();
});
after(() => t.close());

async function add(body: Record<string, unknown>): Promise<string> {
  return (await addConnectionViaApi(t, body)).id;
}

async function runTest(id: string): Promise<ConnectionTestReport> {
  const response = await t.api(`/connections/${id}/test`, { method: "POST" });
  assert.equal(response.status, 200);
  return ((await response.json()) as { report: ConnectionTestReport }).report;
}

test("a working connection reports its sample, scopes, latency and rate budget", async () => {
  const s = t.bridge.sandbox;
  assert.ok(s);
  s.highlevel.control.seedContact(s.info.highlevel.locationId, { firstName: "Sample" });
  const report = await runTest(s.info.highlevel.connectionId);
  assert.equal(report.ok, true, report.summary);
  assert.equal(report.sample?.kind, "contact");
  assert.ok(report.sample?.id);
  assert.deepEqual(report.scopes, { known: ["contacts.readonly"], missing: [], unknown: [] });
  assert.ok(report.latencyMs >= 0);
  assert.ok((report.rateBudget.burst ?? 0) > 0 && (report.rateBudget.burst ?? 0) <= 100);
  const bc = await runTest(s.info.breakcold.connectionId);
  assert.equal(bc.ok, true, bc.summary);
  assert.equal(bc.scopes.missing.length, 0);
});

test("unknown scopes are reported as unknown; a read-only Breakcold key as missing what lead intake needs", async () => {
  const s = t.bridge.sandbox;
  assert.ok(s);
  const id = await add({
    app: "breakcold",
    authKind: "api_key",
    apiKey: s.breakcold.control.issueApiKey({
      workspaceIds: [s.info.breakcold.workspaceId],
      scopes: ["records:read"],
    }),
    workspaceId: s.info.breakcold.workspaceId,
    scopes: ["records:read"],
    baseUrl: s.info.breakcold.baseUrl,
  });
  const report = await runTest(id);
  assert.equal(report.ok, false, "it authenticates, but lead intake would fail");
  assert.ok(
    report.scopes.missing.includes("records:write") &&
      report.scopes.missing.includes("notes:write"),
  );
  assert.match(
    report.summary,
    /^authenticated; .* but it lacks records:write, .* which lead intake needs: grant them/,
  );
  const unknown = await add({
    app: "highlevel",
    authKind: "private_token",
    token: s.highlevel.control.issuePrivateToken({ locationId: s.info.highlevel.locationId }),
    locationId: s.info.highlevel.locationId,
    baseUrl: s.info.highlevel.baseUrl,
  });
  assert.deepEqual((await runTest(unknown)).scopes.unknown, ["contacts.readonly"]);
});

test("common failures come back as one line with the fix", async () => {
  const s = t.bridge.sandbox;
  assert.ok(s);
  const wrongPath = await add({
    app: "highlevel",
    authKind: "private_token",
    token: s.highlevel.control.issuePrivateToken({ locationId: s.info.highlevel.locationId }),
    locationId: s.info.highlevel.locationId,
    baseUrl: `${s.info.highlevel.baseUrl}/v9`,
  });
  assert.match((await runTest(wrongPath)).summary, /base URL or path is wrong; check --base-url/);
  const unreachable = await add({
    app: "breakcold",
    authKind: "api_key",
    apiKey: "bc_live_unreachable_host",
    workspaceId: "ws_123456",
    baseUrl: "http://127.0.0.1:9/api/v1",
  });
  const down = await runTest(unreachable);
  assert.equal(down.ok, false);
  assert.match(down.summary, /^cannot reach 127\.0\.0\.1:9: check the base URL/);
  const badKey = await add({
    app: "breakcold",
    authKind: "api_key",
    apiKey: "bc_live_not_a_real_key",
    workspaceId: s.info.breakcold.workspaceId,
    baseUrl: s.info.breakcold.baseUrl,
  });
  assert.match(
    (await runTest(badKey)).summary,
    /Breakcold rejected the API key .*create a new one/,
  );
});

test("bad input to connections add is refused with every problem named", async () => {
  const response = await t.api("/connections", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      app: "highlevel",
      authKind: "private_token",
      token: "x",
      baseUrl: "ftp://nope",
    }),
  });
  assert.equal(response.status, 400);
  const { error } = (await response.json()) as { error: { message: string } };
  assert.match(error.message, /token: token looks too short/);
  assert.match(error.message, /locationId/);
  assert.match(error.message, /baseUrl/);
  for (const baseUrl of [
    "https://user:pass@example.com",
    "https://example.com/?",
    "https://example.com/#",
    "not a url",
  ]) {
    const refused = await t.api("/connections", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        app: "highlevel",
        authKind: "private_token",
        token: "pit-12345678",
        locationId: "L1",
        baseUrl,
      }),
    });
    assert.equal(refused.status, 400, baseUrl);
    assert.match(
      ((await refused.json()) as { error: { message: string } }).error.message,
      /^baseUrl: /,
    );
  }
  const scopes = await t.api("/connections", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      app: "highlevel",
      authKind: "private_token",
      token: "pit-12345678",
      locationId: "L1",
      scopes: ["records:read"],
    }),
  });
  assert.match(
    ((await scopes.json()) as { error: { message: string } }).error.message,
    /records:read is not a scope of this app/,
  );
});

test("a real OAuth HighLevel connection without an Ed25519 key gets a warning", async () => {
  const s = t.bridge.sandbox;
  assert.ok(s);
  const connection = await t.bridge.core.vault.addConnection(
    {
      app: "highlevel",
      label: "Real OAuth location",
      authKind: "oauth",
      accountId: s.info.highlevel.locationId,
      baseUrl: "http://127.0.0.1:9/unreachable",
      credentials: {
        accessToken: "a",
        refreshToken: "r",
        expiresAt: String(Date.now() + 86_400_000),
      },
      scopes: ["contacts.readonly"],
      sandbox: false,
    },
    "test",
  );
  const report = await runTest(connection.id);
  assert.equal(report.warnings.length, 1);
  assert.match(report.warnings[0] ?? "", /HIGHLEVEL_WEBHOOK_ED25519_PUBLIC_KEY is not set/);
});
