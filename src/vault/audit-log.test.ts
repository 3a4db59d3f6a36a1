import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { sql } from "kysely";
import { ManualClock } from "../lib/clock.ts";
import { openDatabase } from "../store/database.ts";
import { AUDIT_HEAD_FILE, AuditLog } from "./audit-log.ts";

async function logWithEntries(count: number) {
  const dir = mkdtempSync(join(tmpdir(), "audit-"));
  const db = await openDatabase(dir);
  const log = new AuditLog(db, new ManualClock(), join(dir, AUDIT_HEAD_FILE));
  for (let i = 0; i < count; i++) {
    await log.append({
      actor: "cli",
      action: "credential.used",
      connectionId: "c1",
      detail: { operation: `op${i}` },
    });
  }
  return { db, log, dir };
}

test("an intact chain verifies", async () => {
  const { log, db } = await logWithEntries(5);
  const verdict = await log.verify();
  assert.deepEqual(verdict.ok && verdict.count, 5);
  await db.destroy();
});

test("an edited row is named", async () => {
  const { log, db } = await logWithEntries(5);
  await sql`UPDATE audit_log SET detail = '{"operation":"forged"}' WHERE seq = 3`.execute(db);
  assert.deepEqual(await log.verify(), { ok: false, seq: 3, reason: "entry 3 was modified" });
  await db.destroy();
});

test("a deleted row in the middle is named", async () => {
  const { log, db } = await logWithEntries(5);
  await sql`DELETE FROM audit_log WHERE seq = 2`.execute(db);
  assert.deepEqual(await log.verify(), { ok: false, seq: 2, reason: "entry 2 is missing" });
  await db.destroy();
});

test("rows cut from the end are caught by the head kept outside the table", async () => {
  const { log, db } = await logWithEntries(5);
  await sql`DELETE FROM audit_log WHERE seq >= 4`.execute(db);
  const verdict = await log.verify();
  assert.equal(verdict.ok, false);
  assert.equal(!verdict.ok && verdict.seq, 4);
  await db.destroy();
});

test("a rewritten chain does not match the recorded head", async () => {
  const { log, db, dir } = await logWithEntries(3);
  writeFileSync(join(dir, AUDIT_HEAD_FILE), JSON.stringify({ count: 3, lastHash: "f".repeat(64) }));
  const verdict = await log.verify();
  assert.equal(verdict.ok, false);
  await db.destroy();
});

test("appending after rows were cut keeps the evidence: verify still fails", async () => {
  const { log, db } = await logWithEntries(5);
  await sql`DELETE FROM audit_log WHERE seq >= 4`.execute(db);
  await log.append({ actor: "server", action: "credential.used", detail: { operation: "later" } });
  await log.append({ actor: "server", action: "credential.used", detail: { operation: "later" } });
  await log.append({ actor: "server", action: "credential.used", detail: { operation: "later" } });
  const verdict = await log.verify();
  assert.equal(verdict.ok, false);
  assert.equal(!verdict.ok && verdict.seq, 4);
  assert.match(
    !verdict.ok ? verdict.reason : "",
    /held 3 entries where the head recorded 5 entries/,
  );
  await db.destroy();
});

test("a damaged or deleted head file is a breach that later appends do not hide", async () => {
  const { log, db, dir } = await logWithEntries(3);
  writeFileSync(join(dir, AUDIT_HEAD_FILE), "garbage");
  assert.deepEqual((await log.verify()).ok, false);
  await log.append({ actor: "server", action: "credential.used" });
  const verdict = await log.verify();
  assert.equal(verdict.ok, false);
  assert.match(!verdict.ok ? verdict.reason : "", /the head file was damaged/);
  await db.destroy();
});

test("a deleted head file with rows cut is still caught after more appends", async () => {
  const { log, db, dir } = await logWithEntries(4);
  rmSync(join(dir, AUDIT_HEAD_FILE));
  await sql`DELETE FROM audit_log WHERE seq >= 3`.execute(db);
  await log.append({ actor: "server", action: "credential.used" });
  const verdict = await log.verify();
  assert.equal(verdict.ok, false);
  assert.match(!verdict.ok ? verdict.reason : "", /no head file/);
  await db.destroy();
});
