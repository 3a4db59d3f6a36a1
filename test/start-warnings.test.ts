import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { startTestBridge } from "./harness.ts";

test("start warns when a real OAuth HighLevel connection exists but no Ed25519 key is configured", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "contact-bridge-warn-"));
  try {
    const first = await startTestBridge({}, { dataDir });
    assert.deepEqual(first.bridge.warnings, []);
    await first.bridge.core.vault.addConnection(
      {
        app: "highlevel",
        label: "Real location",
        authKind: "oauth",
        accountId: "RealLocation000000001",
        baseUrl: "https://services.leadconnectorhq.com",
        credentials: {
          accessToken: "a",
          refreshToken: "r",
          expiresAt: String(Date.now() + 3_600_000),
        },
        scopes: ["contacts.readonly"],
        sandbox: false,
      },
      "test",
    );
    await first.bridge.stop();
    const second = await startTestBridge({}, { dataDir });
    assert.equal(second.bridge.warnings.length, 1);
    assert.match(
      second.bridge.warnings[0] ?? "",
      /HIGHLEVEL_WEBHOOK_ED25519_PUBLIC_KEY is not set/,
    );
    await second.bridge.stop();
    const keyed = await startTestBridge(
      {
        HIGHLEVEL_WEBHOOK_ED25519_PUBLIC_KEY:
          "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----",
      },
      { dataDir },
    );
    assert.deepEqual(keyed.bridge.warnings, []);
    await keyed.bridge.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
