import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";

const BIN = join(new URL("..", import.meta.url).pathname, "bin", "contact-bridge.js");
const dataDir = mkdtempSync(join(tmpdir(), "contact-bridge-cli-data-"));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, BRIDGE_DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const SECRET_KEY = "bc_live_cli_test_secret_key_0123456789";

test("connections, vault and audit work on the data directory with no server running", async () => {
  const added = await cli([
    "connections",
    "add",
    "breakcold",
    "--api-key",
    SECRET_KEY,
    "--workspace",
    "ws_cli_123",
    "--scopes",
    "records:read,notes:read",
  ]);
  assert.equal(added.code, 0, added.stderr);
  const id = /connection (conn_[\w-]+)/.exec(added.stdout)?.[1];
  assert.ok(id, added.stdout);
  assert.equal(
    statSync(join(dataDir, "master.key")).mode & 0o777,
    0o600,
    "key file generated 0600",
  );

  const listed = await cli(["connections", "list", "--json"]);
  assert.equal(listed.code, 0);
  assert.ok(!listed.stdout.includes(SECRET_KEY), "no secret in the listing");
  const { connections } = JSON.parse(listed.stdout) as {
    connections: { id: string; scopes: string[] }[];
  };
  assert.deepEqual(connections.find((c) => c.id === id)?.scopes, ["records:read", "notes:read"]);

  const bad = await cli(["connections", "add", "highlevel", "--token", "pit-x"]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /give --token and --location/);

  const keyBefore = JSON.parse(readFileSync(join(dataDir, "master.key"), "utf8")) as {
    current: string;
  };
  const rotated = await cli(["vault", "rotate-key"]);
  assert.equal(rotated.code, 0, rotated.stderr);
  assert.match(rotated.stdout, /re-encrypted 1 secret\(s\) under key k\d{8}-/);
  const keyAfter = JSON.parse(readFileSync(join(dataDir, "master.key"), "utf8")) as {
    current: string;
    keys: object;
  };
  assert.notEqual(keyAfter.current, keyBefore.current);
  assert.deepEqual(Object.keys(keyAfter.keys), [keyAfter.current], "the old key is gone");
  const db = new Database(join(dataDir, "bridge.sqlite"));
  const sealed = db.prepare("SELECT credentials FROM connections WHERE id = ?").get(id) as {
    credentials: string;
  };
  assert.ok(sealed.credentials.startsWith(`v1:${keyAfter.current}:`));
  assert.ok(!sealed.credentials.includes(SECRET_KEY));

  const wrongKey = await cli(["connections", "list"], {
    BRIDGE_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
  });
  assert.equal(wrongKey.code, 1);
  assert.match(wrongKey.stderr, /encrypted with key .* which the configured master key is not/);

  const verified = await cli(["audit", "verify"]);
  assert.equal(verified.code, 0, verified.stderr);
  assert.match(verified.stdout, /audit log intact: \d+ entries/);

  const removed = await cli(["connections", "remove", id]);
  assert.equal(removed.code, 0);
  const again = await cli(["connections", "remove", id]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /no connection/);

  // Tampering: an edited row is named; so is a row cut from the end.
  const count = (db.prepare("SELECT COUNT(*) AS n FROM audit_log").get() as { n: number }).n;
  db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 2").run();
  const edited = await cli(["audit", "verify"]);
  assert.equal(edited.code, 1);
  assert.match(edited.stderr, /NOT intact at entry 2: entry 2 was modified/);
  db.prepare("DELETE FROM audit_log WHERE seq >= 2").run();
  const cut = await cli(["audit", "verify"]);
  assert.equal(cut.code, 1);
  assert.match(cut.stderr, new RegExp(`entries 2\\.\\.${count} were cut from the end`));
  db.close();
});
