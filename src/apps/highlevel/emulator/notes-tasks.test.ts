import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HttpError } from "../../../http/errors.ts";
import { createHighLevelSandbox } from "../testing.ts";

describe("HighLevel emulator: notes, tasks, appointments", () => {
  it("creates, lists (newest first) and gets notes", async () => {
    const sb = createHighLevelSandbox();
    const c = await sb.client.createContact({ locationId: sb.location.id, firstName: "N" });
    const first = await sb.client.createNote(c.id, {
      body: "first",
      userId: "user0000000000000001",
    });
    sb.clock.advance(1000);
    const second = await sb.client.createNote(c.id, { body: "second" });
    assert.equal(first.contactId, c.id);
    assert.equal(first.userId, "user0000000000000001");
    assert.deepEqual(
      (await sb.client.listNotes(c.id)).map((n) => n.body),
      ["second", "first"],
    );
    assert.equal((await sb.client.getNote(c.id, second.id)).body, "second");
    const created = await sb.raw("POST", `/contacts/${c.id}/notes`, { body: { body: "raw" } });
    assert.equal(created.status, 201);
  });

  it("answers 400 for a note of another contact", async () => {
    const sb = createHighLevelSandbox();
    const a = await sb.client.createContact({ locationId: sb.location.id, firstName: "A" });
    const b = await sb.client.createContact({ locationId: sb.location.id, firstName: "B" });
    const note = await sb.client.createNote(a.id, { body: "mine" });
    await assert.rejects(
      sb.client.getNote(b.id, note.id),
      (e) => e instanceof HttpError && e.status === 400,
    );
  });

  it("creates, lists and gets tasks with dueDate normalised to ISO", async () => {
    const sb = createHighLevelSandbox();
    const c = await sb.client.createContact({ locationId: sb.location.id, firstName: "T" });
    const task = await sb.client.createTask(c.id, {
      title: "Call back",
      body: "about pricing",
      dueDate: "2026-02-01T15:00:00Z",
      completed: false,
      assignedTo: "user0000000000000002",
    });
    assert.equal(task.dueDate, "2026-02-01T15:00:00.000Z");
    assert.equal(task.contactId, c.id);
    assert.equal(task.completed, false);
    const listed = await sb.client.listTasks(c.id);
    assert.deepEqual(
      listed.map((t) => t.id),
      [task.id],
    );
    assert.equal((await sb.client.getTask(c.id, task.id)).title, "Call back");
    const bad = await sb.raw("POST", `/contacts/${c.id}/tasks`, {
      body: { title: "x", dueDate: "next tuesday", completed: false },
    });
    assert.equal(bad.status, 422);
  });

  it("lists appointments under `events` in the location's local time", async () => {
    const sb = createHighLevelSandbox();
    const c = await sb.client.createContact({ locationId: sb.location.id, firstName: "A" });
    sb.emulator.control.seedAppointment(c.id, {
      title: "Demo",
      startTime: "2026-03-02T15:00:00Z",
      endTime: "2026-03-02T15:30:00Z",
      assignedUserId: "user0000000000000003",
    });
    const res = await sb.raw("GET", `/contacts/${c.id}/appointments`);
    const body = (await res.json()) as { events: Array<Record<string, unknown>> };
    assert.equal(body.events.length, 1);
    // America/New_York is UTC-5 in early March (before DST starts on March 8, 2026).
    assert.equal(body.events[0]?.startTime, "2026-03-02 10:00:00");
    const viaClient = await sb.client.listAppointments(c.id);
    assert.equal(viaClient[0]?.endTime, "2026-03-02 10:30:00");
    assert.equal(viaClient[0]?.assignedUserId, "user0000000000000003");
  });
});
