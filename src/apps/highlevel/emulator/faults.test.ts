import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HttpError, NetworkError, TimeoutError } from "../../../http/errors.ts";
import { createHighLevelClient } from "../client.ts";
import { createHighLevelSandbox, TEST_BASE_URL } from "../testing.ts";

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail("expected a rejection");
}

describe("HighLevel emulator: fault injection and HTTP control", () => {
  it("answers chosen status codes for chosen operations, a set number of times", async () => {
    const sb = createHighLevelSandbox();
    const contact = sb.emulator.control.seedContact(sb.location.id, { firstName: "F" });
    sb.emulator.control.injectFault({ operationId: "get-contact", status: 503, times: 2 });
    sb.emulator.control.injectFault({ operationId: "get-contact", status: 429 });
    for (const status of [503, 503, 429]) {
      const error = await rejection(sb.client.getContact(contact.id));
      assert.ok(error instanceof HttpError);
      assert.equal(error.status, status);
    }
    assert.equal((await sb.client.getContact(contact.id)).id, contact.id);
    assert.equal((await sb.client.listNotes(contact.id)).length, 0, "other operations untouched");
  });

  it("answers 422 after storing, so a retry must look up first", async () => {
    const sb = createHighLevelSandbox();
    sb.emulator.control.injectFault({
      operationId: "create-contact",
      status: 422,
      afterHandler: true,
    });
    const error = await rejection(
      sb.client.createContact({ locationId: sb.location.id, email: "a@b.co" }),
    );
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 422);
    const stored = await sb.client.findDuplicateContact({
      locationId: sb.location.id,
      email: "a@b.co",
    });
    assert.equal(stored?.email, "a@b.co");
  });

  it("adds latency, rejects the fetch, or breaks the body mid-stream", async () => {
    const sb = createHighLevelSandbox();
    const contact = sb.emulator.control.seedContact(sb.location.id, { firstName: "F" });
    sb.emulator.control.injectFault({ operationId: "get-contact", latencyMs: 200 });
    const slow = createHighLevelClient({
      baseUrl: TEST_BASE_URL,
      token: sb.token,
      fetch: sb.emulator.fetch,
      timeoutMs: 20,
    });
    assert.ok((await rejection(slow.getContact(contact.id))) instanceof TimeoutError);
    sb.emulator.control.injectFault({ operationId: "get-contact", drop: "reject" });
    assert.ok((await rejection(sb.client.getContact(contact.id))) instanceof NetworkError);
    sb.emulator.control.injectFault({ operationId: "get-contact", drop: "body-error" });
    const broken = await rejection(sb.client.getContact(contact.id));
    assert.match(String(broken), /connection dropped mid-body/);
    assert.equal((await sb.client.getContact(contact.id)).id, contact.id);
  });

  it("serves control over HTTP under /_emulator: seed, faults, clock", async () => {
    const sb = createHighLevelSandbox();
    const control = (method: string, path: string, body?: unknown) =>
      sb.emulator.fetch(
        new Request(`${TEST_BASE_URL}/_emulator${path}`, {
          method,
          ...(body === undefined
            ? {}
            : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
        }),
      );
    const seeded = (await (
      await control("POST", `/locations/${sb.location.id}/contacts`, { firstName: "Http" })
    ).json()) as { id: string };
    assert.equal((await sb.client.getContact(seeded.id)).name, "Http");
    assert.equal(
      (await control("POST", "/faults", { operationId: "get-contact", status: 500 })).status,
      201,
    );
    assert.equal(((await rejection(sb.client.getContact(seeded.id))) as HttpError).status, 500);
    const before = ((await (await control("GET", "/clock")).json()) as { now: number }).now;
    const after = (
      (await (await control("POST", "/clock", { advanceMs: 60_000 })).json()) as { now: number }
    ).now;
    assert.equal(after - before, 60_000);
    const { token } = (await (
      await control("POST", "/tokens", {
        locationId: sb.location.id,
        scopes: ["contacts.readonly"],
      })
    ).json()) as { token: string };
    const readOnly = sb.clientFor(token);
    assert.equal((await readOnly.getContact(seeded.id)).id, seeded.id);
    const denied = (await rejection(readOnly.deleteContact(seeded.id))) as HttpError;
    assert.equal(denied.status, 401);
    assert.equal((await control("POST", "/locations/nope/contacts", {})).status, 400);
  });
});
