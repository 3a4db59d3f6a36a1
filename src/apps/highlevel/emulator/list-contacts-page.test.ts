import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pageContacts } from "./list-contacts-page.ts";
import type { Contact } from "./records.ts";

function contact(id: string, at: string, name = id): Contact {
  return {
    id,
    locationId: "L",
    name,
    type: "lead",
    tags: [],
    customFields: [],
    dateAdded: at,
    dateUpdated: at,
  };
}

const T1 = "2026-01-01T00:00:00.000Z";
const T2 = "2026-01-02T00:00:00.000Z";
const all = [contact("c", T1), contact("a", T1), contact("b", T2), contact("d", T1, "Dora")];

describe("pageContacts", () => {
  it("orders by (dateAdded, id) and resumes after the compound cursor", () => {
    const first = pageContacts(all, { limit: 2 });
    assert.deepEqual(
      first.contacts.map((c) => c.id),
      ["a", "c"],
    );
    assert.equal(first.hasMore, true);
    const second = pageContacts(all, { limit: 2, startAfter: Date.parse(T1), startAfterId: "c" });
    assert.deepEqual(
      second.contacts.map((c) => c.id),
      ["d", "b"],
    );
    assert.equal(second.offset, 2);
    assert.equal(second.hasMore, false);
  });

  it("treats startAfter alone as strictly after that time", () => {
    assert.deepEqual(
      pageContacts(all, { limit: 10, startAfter: Date.parse(T1) }).contacts.map((c) => c.id),
      ["b"],
    );
  });

  it("filters by query before counting", () => {
    const page = pageContacts(all, { limit: 10, query: "dor" });
    assert.deepEqual(
      page.contacts.map((c) => c.id),
      ["d"],
    );
    assert.equal(page.total, 1);
  });
});
