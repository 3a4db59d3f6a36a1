import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HttpError } from "../../../http/errors.ts";
import { createHighLevelSandbox } from "../testing.ts";

async function httpError(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  assert.fail("expected an HttpError");
}

describe("HighLevel emulator: errors and quirks", () => {
  it("requires the Version header (400)", async () => {
    const sb = createHighLevelSandbox();
    const res = await sb.emulator.fetch(
      new Request(`http://hl.test/contacts/?locationId=${sb.location.id}`, {
        headers: { Authorization: `Bearer ${sb.token}` },
      }),
    );
    assert.equal(res.status, 400);
    const body = (await res.json()) as { statusCode: number; message: string };
    assert.equal(body.statusCode, 400);
    assert.match(body.message, /Version/);
  });

  it("answers 401 Invalid JWT for an unknown token", async () => {
    const sb = createHighLevelSandbox();
    const error = await httpError(sb.clientFor("pit-not-a-real-token").getContact("x"));
    assert.equal(error.status, 401);
    assert.deepEqual(error.body, {
      statusCode: 401,
      message: "Invalid JWT",
      error: "Unauthorized",
    });
  });

  it("rejects unknown body and query properties with a 422 string list", async () => {
    const sb = createHighLevelSandbox();
    const res = await sb.raw("POST", "/contacts/", {
      body: { locationId: sb.location.id, firstName: "A", additionalEmails: ["x@y.z"] },
    });
    assert.equal(res.status, 422);
    assert.deepEqual(await res.json(), {
      statusCode: 422,
      message: ["property additionalEmails should not exist"],
      error: "Unprocessable Entity",
    });
    const list = await sb.raw("GET", `/contacts/?locationId=${sb.location.id}&page=2`);
    assert.equal(list.status, 422);
    assert.deepEqual(((await list.json()) as { message: string[] }).message, [
      "property page should not exist",
    ]);
  });

  it("rejects locationId, companyName and gender on PUT", async () => {
    const sb = createHighLevelSandbox();
    const c = await sb.client.createContact({ locationId: sb.location.id, firstName: "A" });
    const error = await httpError(
      sb.client.updateContact(c.id, {
        companyName: "Acme",
        gender: "female",
        locationId: sb.location.id,
      } as never),
    );
    assert.equal(error.status, 422);
    assert.deepEqual(
      new Set((error.body as { message: string[] }).message),
      new Set([
        "property companyName should not exist",
        "property gender should not exist",
        "property locationId should not exist",
      ]),
    );
  });

  it("reports missing required fields and wrong types with 422", async () => {
    const sb = createHighLevelSandbox();
    const c = await sb.client.createContact({ locationId: sb.location.id, firstName: "A" });
    const res = await sb.raw("POST", `/contacts/${c.id}/tasks`, {
      body: { title: 5, dueDate: "2026-02-01T10:00:00Z" },
    });
    assert.equal(res.status, 422);
    const { message } = (await res.json()) as { message: string[] };
    assert.ok(message.includes("completed should not be empty"));
    assert.ok(message.includes("title must be a string"));
  });

  it("answers 400 naming the id for an unknown contact", async () => {
    const sb = createHighLevelSandbox();
    const error = await httpError(sb.client.getContact("nope00000000000000ab"));
    assert.equal(error.status, 400);
    assert.match(String((error.body as { message: string }).message), /nope00000000000000ab/);
    const notes = await httpError(sb.client.listNotes("nope00000000000000ab"));
    assert.equal(notes.status, 400);
  });

  it("rejects a duplicate email (case-insensitive) or E.164 phone with 400 and meta", async () => {
    const sb = createHighLevelSandbox();
    const first = await sb.client.createContact({
      locationId: sb.location.id,
      firstName: "Ann",
      lastName: "Lee",
      email: "ann@lee.io",
      phone: "(202) 555-0143",
    });
    const byEmail = await httpError(
      sb.client.createContact({ locationId: sb.location.id, email: "ANN@lee.io" }),
    );
    assert.equal(byEmail.status, 400);
    assert.deepEqual(byEmail.body, {
      statusCode: 400,
      message: "This location does not allow duplicated contacts.",
      meta: { contactId: first.id, contactName: "Ann Lee", matchingField: "email" },
    });
    const byPhone = await httpError(
      sb.client.createContact({ locationId: sb.location.id, phone: "+1 202-555-0143" }),
    );
    assert.equal((byPhone.body as { meta: { matchingField: string } }).meta.matchingField, "phone");
  });

  it("allows duplicates when the location allows them", async () => {
    const sb = createHighLevelSandbox({ location: { allowDuplicateContact: true } });
    const a = await sb.client.createContact({ locationId: sb.location.id, email: "d@d.io" });
    const b = await sb.client.createContact({ locationId: sb.location.id, email: "d@d.io" });
    assert.notEqual(a.id, b.id);
  });

  it("answers 403 for another location's contact or locationId", async () => {
    const sb = createHighLevelSandbox();
    const other = sb.emulator.control.createLocation();
    const foreign = sb.emulator.control.seedContact(other.id, { firstName: "F" });
    const message = "The token does not have access to this location.";
    const get = await httpError(sb.client.getContact(foreign.id));
    assert.equal(get.status, 403);
    assert.equal((get.body as { message: string }).message, message);
    const create = await httpError(
      sb.client.createContact({ locationId: other.id, firstName: "X" }),
    );
    assert.equal(create.status, 403);
    const list = await sb.raw("GET", `/contacts/?locationId=${other.id}`);
    assert.equal(list.status, 403);
  });

  it("answers 401 for a missing scope, and a read-only token can still read", async () => {
    const sb = createHighLevelSandbox();
    const readOnly = sb.clientFor(
      sb.emulator.control.issuePrivateToken({
        locationId: sb.location.id,
        scopes: ["contacts.readonly"],
      }),
    );
    const error = await httpError(
      readOnly.createContact({ locationId: sb.location.id, firstName: "R" }),
    );
    assert.equal(error.status, 401);
    assert.equal(
      (error.body as { message: string }).message,
      "The token is not authorized for this scope.",
    );
    const c = await sb.client.createContact({ locationId: sb.location.id, firstName: "R" });
    assert.equal((await readOnly.getContact(c.id)).firstName, "R");
    const writeOnly = sb.clientFor(
      sb.emulator.control.issuePrivateToken({
        locationId: sb.location.id,
        scopes: ["contacts.write"],
      }),
    );
    assert.equal((await httpError(writeOnly.getContact(c.id))).status, 401);
  });
});

describe("HighLevel emulator: request size", () => {
  it("refuses bodies over 5 MiB with 413 before reading them", async () => {
    const sb = createHighLevelSandbox();
    const response = await sb.raw("POST", "/contacts/", {
      body: { locationId: sb.location.id, firstName: "x".repeat(6 * 1024 * 1024) },
    });
    assert.equal(response.status, 413);
    assert.deepEqual(await response.json(), {
      statusCode: 413,
      message: "request entity too large",
      error: "Payload Too Large",
    });
  });
});
