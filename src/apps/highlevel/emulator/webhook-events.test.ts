import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { createHighLevelSandbox } from "../testing.ts";
import { verifyHighLevelSignature } from "../webhook-signature.ts";
import { WEBHOOK_EVENT_TYPES } from "./webhook-payloads.ts";

const DOCS = new URL("../spec/docs/webhook-events/", import.meta.url);
const DOC_FILE: Record<string, string> = { INSTALL: "AppInstall", UNINSTALL: "AppUninstall" };

/** The first example payload of an event's doc (the block after the JSON schema). */
function docExample(type: string): Record<string, unknown> {
  const text = readFileSync(new URL(`${DOC_FILE[type] ?? type}.md`, DOCS), "utf8");
  const block = [...text.matchAll(/```json\n([\s\S]*?)```/g)][0]?.[1];
  assert.ok(block, `${type} has an example`);
  return JSON.parse(block);
}

const kind = (v: unknown) => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v);

/** Keys of `example` missing from `actual` or of another JSON type (one level into objects). */
function shapeGaps(
  example: Record<string, unknown>,
  actual: Record<string, unknown>,
  at = "",
): string[] {
  return Object.entries(example).flatMap(([key, value]) => {
    if (!(key in actual)) return [`${at}${key} missing`];
    if (kind(value) !== kind(actual[key])) return [`${at}${key} is ${kind(actual[key])}`];
    return kind(value) === "object" && key !== "dndSettings"
      ? shapeGaps(
          value as Record<string, unknown>,
          actual[key] as Record<string, unknown>,
          `${key}.`,
        )
      : [];
  });
}

const body = (bytes: Uint8Array) =>
  JSON.parse(Buffer.from(bytes).toString("utf8")) as Record<string, unknown>;

describe("HighLevel emulator: the 16 documented webhook events", () => {
  it("sends every event type with the documented fields, timestamp and webhookId", async () => {
    const sb = createHighLevelSandbox();
    const control = sb.emulator.control;
    control.setWebhookUrl("https://bridge.test/hooks/highlevel");
    control.registerApp({
      clientId: "app1",
      clientSecret: "x",
      webhookUrl: "https://app.test/hooks",
      scopes: ["contacts.readonly"],
    });
    control.authorize({ clientId: "app1", locationId: sb.location.id });
    const contact = await sb.client.createContact({
      locationId: sb.location.id,
      firstName: "John",
      lastName: "Deo",
      email: "john@deo.com",
      phone: "+919509597501",
      address1: "3535 1st St N",
      city: "Indore",
      state: "MP",
      companyName: "Loram",
      country: "IN",
      source: "xyz form",
      dateOfBirth: "2000-01-05",
      dnd: false,
      postalCode: "452001",
      tags: ["a"],
      website: "https://www.google.com/",
      assignedTo: "usr00000000000000001",
      customFields: [{ id: "cf1", value: "XYZ Corp" }],
    });
    await sb.client.updateContact(contact.id, { city: "Bhopal" });
    await sb.client.addTags(contact.id, ["b"]);
    await sb.client.updateContact(contact.id, {
      dnd: true,
      dndSettings: { SMS: { status: "active" } },
    });
    const note = await sb.client.createNote(contact.id, { body: "n" });
    await sb.client.updateNote(contact.id, note.id, { body: "n2" });
    await sb.client.deleteNote(contact.id, note.id);
    const task = await sb.client.createTask(contact.id, {
      title: "t",
      body: "b",
      assignedTo: "usr00000000000000001",
      dueDate: "2026-02-01T10:00:00Z",
      completed: false,
    });
    await sb.client.completeTask(contact.id, task.id);
    await sb.client.deleteTask(contact.id, task.id);
    const appt = control.createAppointment(contact.id, {
      title: "Demo",
      address: "https://example.com/meeting",
      groupId: "grp1",
      source: "booking_widget",
      assignedUserId: "usr00000000000000001",
      notes: "n",
      startTime: "2026-01-06T10:30:00Z",
      endTime: "2026-01-06T11:00:00Z",
    });
    control.updateAppointment(appt.id, { status: "confirmed" });
    control.deleteAppointment(appt.id);
    await sb.client.deleteContact(contact.id);
    control.uninstallApp({ clientId: "app1", locationId: sb.location.id });
    await control.settle();

    const seen = new Map<string, Record<string, unknown>>();
    const builtIn: string[] = [];
    for (const hook of sb.webhooks) {
      const event = body(hook.rawBody);
      assert.equal(event.timestamp, "2026-01-05T09:00:00.000Z");
      assert.match(String(event.webhookId), /^[0-9a-f-]{36}$/);
      // The installed app gets every event of its location plus its own INSTALL/UNINSTALL.
      if (hook.url === "https://app.test/hooks") seen.set(String(event.type), event);
      else builtIn.push(String(event.type));
    }
    assert.deepEqual(
      [...new Set(builtIn)].sort(),
      WEBHOOK_EVENT_TYPES.filter((t) => t !== "INSTALL" && t !== "UNINSTALL").sort(),
    );
    assert.deepEqual([...seen.keys()].sort(), [...WEBHOOK_EVENT_TYPES].sort());
    for (const type of WEBHOOK_EVENT_TYPES) {
      const example = docExample(type);
      // Paid-app fields (planId, trial) do not exist for a sandbox app.
      if (type === "INSTALL")
        for (const key of ["planId", "trial", "isWhitelabelCompany", "whitelabelDetails"])
          delete example[key];
      assert.deepEqual(shapeGaps(example, seen.get(type) ?? {}), [], type);
    }
    assert.equal(
      (seen.get("AppointmentCreate")?.appointment as { startTime?: string } | undefined)?.startTime,
      "2026-01-06T05:30:00-05:00",
    );
  });

  it("redelivers only after a 429, up to 6 times ~10 minutes apart, with the original bytes", async () => {
    const sb = createHighLevelSandbox({ receiverStatus: 429 });
    sb.emulator.control.setWebhookUrl("https://bridge.test/hooks/highlevel");
    await sb.client.createContact({ locationId: sb.location.id, firstName: "R" });
    await sb.emulator.control.settle();
    assert.equal(sb.webhooks.length, 1);
    assert.equal(await sb.emulator.control.runDueRedeliveries(), 0, "not due yet");
    for (let retry = 1; retry <= 6; retry++) {
      sb.clock.advance(11 * 60_000);
      assert.equal(await sb.emulator.control.runDueRedeliveries(), 1, `redelivery ${retry}`);
    }
    sb.clock.advance(60 * 60_000);
    assert.equal(await sb.emulator.control.runDueRedeliveries(), 0, "gives up after 6");
    assert.equal(sb.webhooks.length, 7);
    const first = sb.webhooks[0]?.rawBody;
    for (const hook of sb.webhooks) assert.deepEqual(hook.rawBody, first);
    const [summary] = sb.emulator.control.deliveries();
    assert.equal(summary?.attempts, 7);
    assert.equal(summary?.nextAttemptAt, null);
  });

  it("does not redeliver after other failures", async () => {
    const sb = createHighLevelSandbox({ receiverStatus: 500 });
    sb.emulator.control.setWebhookUrl("https://bridge.test/hooks/highlevel");
    await sb.client.createContact({ locationId: sb.location.id, firstName: "R" });
    await sb.emulator.control.settle();
    sb.clock.advance(11 * 60_000);
    assert.equal(await sb.emulator.control.runDueRedeliveries(), 0);
    assert.equal(sb.emulator.control.deliveries()[0]?.status, 500);
  });

  it("signs with Ed25519 only when told, as HighLevel does since 2026-07-01", async () => {
    const sb = createHighLevelSandbox({ emulator: { signatureSchemes: ["ed25519"] } });
    sb.emulator.control.setWebhookUrl("https://bridge.test/hooks/highlevel");
    await sb.client.createContact({ locationId: sb.location.id, firstName: "E" });
    await sb.emulator.control.settle();
    const [hook] = sb.webhooks;
    assert.ok(hook);
    assert.equal(hook.headers.get("x-wh-signature"), null);
    const check = verifyHighLevelSignature({
      rawBody: hook.rawBody,
      headers: hook.headers,
      ed25519PublicKeyPem: sb.emulator.control.webhookPublicKeys().ed25519,
    });
    assert.deepEqual(check, { ok: true, scheme: "ed25519" });
  });
});
