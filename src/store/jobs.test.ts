import assert from "node:assert/strict";
import { test } from "node:test";
import { openDatabase } from "./database.ts";
import { claimJob, completeJob, countOpenJobs, enqueueJob, failJob } from "./jobs.ts";

test("jobs are claimed oldest first, leased, and retried or failed", async () => {
  const db = await openDatabase(":memory:");
  await enqueueJob(db, "dispatch", { eventId: "e1" }, 1000);
  await enqueueJob(db, "run", { runId: "r1" }, 1000, { runAt: 5000, maxAttempts: 2 });

  const first = await claimJob(db, 1000, 60_000);
  assert.deepEqual(first?.payload, { eventId: "e1" });
  assert.equal(
    await claimJob(db, 1000, 60_000),
    undefined,
    "leased job and future job are not ready",
  );

  // The lease runs out (the worker died): the job is ready again, with its attempt counted.
  const reclaimed = await claimJob(db, 61_001, 60_000);
  assert.equal(reclaimed?.id, first?.id);
  assert.equal(reclaimed?.attempts, 2);
  if (reclaimed) await completeJob(db, reclaimed.id);

  const run = await claimJob(db, 70_000, 60_000);
  assert.equal(run?.kind, "run");
  assert.ok(run);
  assert.equal(await failJob(db, run, "503", 80_000), "retrying");
  assert.equal(await claimJob(db, 79_999, 60_000), undefined, "not before its retry time");
  const retried = await claimJob(db, 80_000, 60_000);
  assert.ok(retried);
  assert.equal(await failJob(db, retried, "503 again", 90_000), "failed", "attempts used up");
  assert.equal(await countOpenJobs(db), 0);
  await db.destroy();
});
