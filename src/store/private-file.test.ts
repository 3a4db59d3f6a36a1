import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DataDirError, ensurePrivateDir, ensurePrivateFile } from "./private-file.ts";

test("data directories are made level by level with mode 0700, and tightened when they exist", () => {
  const root = mkdtempSync(join(tmpdir(), "private-"));
  const dir = join(root, "a", "b");
  ensurePrivateDir(dir);
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  chmodSync(dir, 0o755);
  ensurePrivateDir(dir);
  assert.equal(statSync(dir).mode & 0o777, 0o700);
});

test("a path under a file or an unwritable pseudo-filesystem fails at once with its name", () => {
  const root = mkdtempSync(join(tmpdir(), "private-"));
  const file = join(root, "plain");
  writeFileSync(file, "x");
  assert.throws(() => ensurePrivateDir(join(file, "data")), DataDirError);
  assert.throws(() => ensurePrivateDir("/proc/contact-bridge-data"), /\/proc\/contact-bridge-data/);
});

test("private files are 0600 whether new or already there", () => {
  const path = join(mkdtempSync(join(tmpdir(), "private-")), "token");
  writeFileSync(path, "x", { mode: 0o644 });
  ensurePrivateFile(path);
  assert.equal(statSync(path).mode & 0o777, 0o600);
});
