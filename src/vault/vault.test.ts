import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ManualClock } from "../lib/clock.ts";
import { openDatabase } from "../store/database.ts";
import { AuditLog } from "./audit-log.ts";
import { KEY_FILE, loadKeyRing } from "./key-ring-source.ts";
import { Vault } from "./vault.ts";

const clock = new ManualClock();

async function openVault(dataDir: string, masterKey?: string) {
  const db = await openDatabase(dataDir);
  const audit = new AuditLog(db, clock);
  const vault = await Vault.open(db, clock, audit, loadKeyRing(dataDir, masterKey));
  return { db, vault };
}

const connection = {
  app: "breakcold",
  label: "test",
  authKind: "api_key",
  accountId: "ws_1",
  baseUrl: "http://bc.test/api/v1",
  scopes: null,
  sandbox: false,
} as const;

test("rotating an environment key gives a key that opens the data under the same variable", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vault-env-"));
  const oldKey = randomBytes(32).toString("base64");
  const first = await openVault(dir, oldKey);
  const added = await first.vault.addConnection(
    { ...connection, credentials: { apiKey: "bc_live_secret_1" } },
    "test",
  );
  const rotated = await first.vault.rotateKey("test");
  await first.db.destroy();
  assert.ok(rotated.newEnvKey);
  const second = await openVault(dir, rotated.newEnvKey);
  assert.deepEqual(await second.vault.credentials(added.id), { apiKey: "bc_live_secret_1" });
  await second.db.destroy();
  await assert.rejects(openVault(dir, oldKey), /encrypted with key env-/);
  assert.equal(existsSync(join(dir, KEY_FILE)), false, "no key file in environment mode");
  rmSync(dir, { recursive: true, force: true });
});

test("a running process follows a key file rotated by another, and nothing it seals is lost", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vault-file-"));
  const server = await openVault(dir);
  const cli = await openVault(dir);
  const before = await server.vault.addConnection(
    { ...connection, credentials: { apiKey: "bc_live_before" } },
    "server",
  );
  const rotated = await cli.vault.rotateKey("cli");
  assert.equal(rotated.resealed, 1);
  // The server still opens what it had, and seals new secrets under the new key.
  assert.deepEqual(await server.vault.credentials(before.id), { apiKey: "bc_live_before" });
  const after = await server.vault.addConnection(
    { ...connection, credentials: { apiKey: "bc_live_after" } },
    "server",
  );
  assert.equal(server.vault.currentKeyId, rotated.newKeyId);
  await server.db.destroy();
  await cli.db.destroy();
  const fresh = await openVault(dir);
  assert.deepEqual(await fresh.vault.credentials(after.id), { apiKey: "bc_live_after" });
  await fresh.db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

test("a missing key file is not replaced by a new one when secrets exist", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vault-missing-"));
  const first = await openVault(dir);
  await first.db.destroy();
  rmSync(join(dir, KEY_FILE));
  assert.throws(
    () => loadKeyRing(dir, undefined, { mustExist: true }),
    /is missing but this data directory holds encrypted secrets/,
  );
  assert.equal(existsSync(join(dir, KEY_FILE)), false);
  rmSync(dir, { recursive: true, force: true });
});
