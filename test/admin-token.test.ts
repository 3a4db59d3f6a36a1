import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { startTestBridge } from "./harness.ts";

async function status(t: Awaited<ReturnType<typeof startTestBridge>>, token: string) {
  const response = await t.bridge.app.fetch(
    new Request("http://bridge.test/api/connections", {
      headers: { authorization: `Bearer ${token}` },
    }),
  );
  return response.status;
}

test("the admin token is generated once, shown once, stored hashed; BRIDGE_ADMIN_TOKEN replaces it", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "contact-bridge-admin-"));
  try {
    const first = await startTestBridge({}, { dataDir });
    const admin = first.bridge.adminToken ?? "";
    assert.match(admin, /^cba_/);
    assert.equal(await status(first, admin), 200);
    const rows = await first.bridge.db.selectFrom("local_tokens").selectAll().execute();
    assert.ok(rows.every((row) => row.token_hash !== admin && !row.token_hash.includes(admin)));
    await first.bridge.stop();

    const second = await startTestBridge({}, { dataDir });
    assert.equal(second.bridge.adminToken, undefined, "not shown again");
    assert.equal(await status(second, admin), 200, "still valid after a restart");
    await second.bridge.stop();

    const fixed = "operator-chosen-admin-token-0123456789";
    const third = await startTestBridge({ BRIDGE_ADMIN_TOKEN: fixed }, { dataDir });
    assert.equal(await status(third, fixed), 200);
    assert.equal(await status(third, admin), 401, "the generated token is replaced");
    assert.equal(await status(third, "nope"), 401);
    const audit = await third.bridge.core.audit.list(100);
    assert.equal(audit.filter((e) => e.action === "admin.token_issued").length, 2);
    await third.bridge.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
