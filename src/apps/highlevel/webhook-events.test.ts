import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHighLevelWebhookEvent } from "./webhook-events.ts";

// The examples of docs/webhook-events/{ContactCreate,NoteCreate,TaskCreate}.md.
const contactCreate = {
  type: "ContactCreate",
  locationId: "ve9EPM428h8vShlRW1KT",
  id: "nmFmQEsNgz6AVpgLVUJ0",
  address1: "3535 1st St N",
  city: "ruDolomitebika",
  state: "AL",
  companyName: "Loram ipsum",
  country: "DE",
  source: "xyz form",
  dateAdded: "2021-11-26T12:41:02.193Z",
  dateOfBirth: "2000-01-05T00:00:00.000Z",
  dnd: true,
  email: "JohnDeo@gmail.comm",
  name: "John Deo",
  firstName: "John",
  lastName: "Deo",
  phone: "+919509597501",
  postalCode: "452001",
  tags: ["id magna sed Lorem", "Duis dolor commodo aliqua"],
  website: "https://www.google.com/",
  attachments: [],
  assignedTo: "nmFmQEsNgz6AVpgLVUJ0",
  customFields: [{ id: "BcdmQEsNgz6AVpgLVUJ0", value: "XYZ Corp" }],
};

describe("parseHighLevelWebhookEvent", () => {
  it("parses the documented ContactCreate example with envelope fields", () => {
    const result = parseHighLevelWebhookEvent({
      ...contactCreate,
      timestamp: "2025-01-28T14:35:00Z",
      webhookId: "abc",
    });
    assert.ok(result.ok);
    assert.equal(result.value.type, "ContactCreate");
    assert.equal(result.value.webhookId, "abc");
    if (result.value.type === "ContactCreate")
      assert.equal(result.value.customFields?.[0]?.value, "XYZ Corp");
  });

  it("accepts the reported gaps: TaskCreate without contactId/body, NoteCreate without title/userId", () => {
    const task = parseHighLevelWebhookEvent({
      type: "TaskCreate",
      locationId: "L",
      id: "T",
      title: "t",
      dueDate: "2021-11-26T12:41:02.193Z",
    });
    assert.ok(task.ok);
    assert.equal(task.value.type === "TaskCreate" ? task.value.contactId : "x", undefined);
    const note = parseHighLevelWebhookEvent({
      type: "NoteCreate",
      locationId: "ve9EPM428h8vShlRW1KT",
      id: "otg8dTQqGLh3Q6iQI55w",
      body: "Loram ipsum",
      contactId: "CWBf1PR9LvvBkcYqiXlc",
      dateAdded: "2021-11-26T12:41:02.193Z",
    });
    assert.ok(note.ok);
  });

  it("separates unsupported types from invalid payloads", () => {
    const other = parseHighLevelWebhookEvent({ type: "ContactDelete", locationId: "L", id: "C" });
    assert.equal(other.ok ? "" : other.error.code, "unsupported_type");
    const broken = parseHighLevelWebhookEvent({ type: "NoteCreate", id: "N" });
    assert.equal(broken.ok ? "" : broken.error.code, "invalid_payload");
    const notObject = parseHighLevelWebhookEvent("hello");
    assert.equal(notObject.ok ? "" : notObject.error.code, "unsupported_type");
  });
});
