import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { startTestBridge } from "./harness.ts";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function occurrences(haystacks: readonly (string | Buffer)[], needle: string): number {
  return haystacks.filter((h) =>
    typeof h === "string" ? h.includes(needle) : h.includes(Buffer.from(needle)),
  ).length;
}

test("a stored token appears nowhere: not in the data directory, the logs or any API answer", async () => {
  const logLines: string[] = [];
  const t = await startTestBridge({}, { logLines });
  const token = `pit-${"K".repeat(8)}-known-secret-${Date.now()}`;
  const marker = `marker-${Date.now()}-written-like-the-token`;
  const answers: string[] = [];
  const call = async (path: string, init?: RequestInit) => {
    const response = await t.api(path, init);
    answers.push(
      `${response.status} ${JSON.stringify([...response.headers])} ${await response.clone().text()}`,
    );
    return response;
  };
  try {
    const sandbox = t.bridge.sandbox;
    assert.ok(sandbox);
    // The marker goes in through the same API call and column family as the token, in clear.
    const created = await call("/connections", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        app: "highlevel",
        authKind: "private_token",
        token,
        locationId: sandbox.info.highlevel.locationId,
        label: marker,
        baseUrl: sandbox.info.highlevel.baseUrl,
      }),
    });
    assert.equal(created.status, 201);
    const { connection } = (await created.json()) as { connection: { id: string } };
    // Use the token for real: the sandbox emulator refuses it, and the bridge records why.
    const tested = await call(`/connections/${connection.id}/test`, { method: "POST" });
    assert.equal(tested.status, 200);
    const { report } = (await tested.json()) as { report: { ok: boolean; summary: string } };
    assert.equal(report.ok, false);
    assert.match(report.summary, /rejected the token/);
    await call("/connections");
    await call(`/connections/${connection.id}`);
    await call("/events");
    await call("/runs");
    await t.bridge.core.audit.verify();
  } finally {
    await t.bridge.stop();
  }
  const files = filesUnder(t.dataDir).map((path) => readFileSync(path));
  rmSync(t.dataDir, { recursive: true, force: true });
  assert.ok(files.length >= 5, "database, WAL, key file, sandbox stores searched");
  assert.ok(occurrences(files, marker) > 0, "the search finds what was written in clear");
  assert.ok(occurrences(answers, marker) > 0);
  assert.equal(occurrences(files, token), 0, "token in the data directory");
  assert.equal(occurrences(logLines, token), 0, "token in the logs");
  assert.equal(occurrences(answers, token), 0, "token in an API answer");
});
