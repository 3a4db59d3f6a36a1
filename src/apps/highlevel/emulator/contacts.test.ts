import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { collect } from "../list-contacts.ts";
import { createHighLevelSandbox } from "../testing.ts";

describe("HighLevel emulator: contacts through the client", () => {
  it("creates with 201, derives name, reads custom fields as {id, value}", async () => {
    const sb = createHighLevelSandbox();
    const res = await sb.raw("POST", "/contacts/", {
      body: {
        locationId: sb.location.id,
        firstName: "Ada",
        lastName: "Lovelace",
        email: "Ada@Example.com",
        phone: "+1 888-888-8888",
        customFields: [{ id: "cf1", field_value: "gold" }],
        dateOfBirth: "12/10/1815",
      },
    });
    assert.equal(res.status, 201);
    const { contact } = (await res.json()) as { contact: Record<string, unknown> };
    assert.match(String(contact.id), /^[A-Za-z0-9]{20}$/);
    assert.equal(contact.name, "Ada Lovelace");
    assert.equal(contact.phone, "+18888888888");
    assert.equal(contact.emailLowerCase, "ada@example.com");
    assert.equal(contact.dateOfBirth, "1815-12-10T00:00:00.000Z");
    assert.equal(contact.dateAdded, "2026-01-05T09:00:00.000Z");
    assert.deepEqual(contact.customFields, [{ id: "cf1", value: "gold" }]);

    const fetched = await sb.client.getContact(String(contact.id));
    assert.equal(fetched.dateOfBirth, "1815-12-10");
    assert.deepEqual(fetched.customFields, [{ id: "cf1", value: "gold" }]);
  });

  it("updates: answers `succeded`, replaces tags, merges custom fields, bumps dateUpdated", async () => {
    const sb = createHighLevelSandbox();
    const created = await sb.client.createContact({
      locationId: sb.location.id,
      firstName: "Grace",
      tags: ["a", "b"],
      customFields: [
        { id: "cf1", value: "x" },
        { id: "cf2", value: "y" },
      ],
    });
    sb.clock.advance(60_000);
    const res = await sb.raw("PUT", `/contacts/${created.id}`, {
      body: { lastName: "Hopper", tags: ["c"], customFields: [{ id: "cf2", field_value: "z" }] },
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { succeded: boolean; contact: Record<string, unknown> };
    assert.equal(body.succeded, true);
    assert.equal(body.contact.name, "Grace Hopper");
    assert.deepEqual(body.contact.tags, ["c"]);
    assert.deepEqual(body.contact.customFields, [
      { id: "cf1", value: "x" },
      { id: "cf2", value: "z" },
    ]);
    assert.equal(body.contact.dateUpdated, "2026-01-05T09:01:00.000Z");
    const viaClient = await sb.client.updateContact(created.id, { email: "g@navy.mil" });
    assert.equal(viaClient.email, "g@navy.mil");
    assert.equal(viaClient.lastName, "Hopper");
  });

  it("lists every contact across pages, oldest first, with ties on dateAdded", async () => {
    const sb = createHighLevelSandbox();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      // Pairs of contacts share a timestamp, so the cursor must use the id to break ties.
      if (i % 2 === 0) sb.clock.advance(1000);
      const c = await sb.client.createContact({ locationId: sb.location.id, firstName: `P${i}` });
      ids.push(c.id);
    }
    const listed = await collect(
      sb.client.listContacts({ locationId: sb.location.id, pageSize: 3 }),
      100,
    );
    assert.equal(listed.length, 7);
    assert.deepEqual(new Set(listed.map((c) => c.id)), new Set(ids));
    const times = listed.map((c) => Date.parse(String(c.dateAdded)));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
  });

  it("keeps the query filter on every page and reports meta", async () => {
    const sb = createHighLevelSandbox();
    for (let i = 0; i < 5; i++) {
      sb.clock.advance(1000);
      await sb.client.createContact({
        locationId: sb.location.id,
        firstName: `Smith${i}`,
        email: `s${i}@x.io`,
      });
      await sb.client.createContact({
        locationId: sb.location.id,
        firstName: `Jones${i}`,
        email: `j${i}@x.io`,
      });
    }
    const smiths = await collect(
      sb.client.listContacts({ locationId: sb.location.id, query: "smith", pageSize: 2 }),
      100,
    );
    assert.deepEqual(
      smiths.map((c) => c.firstName),
      ["Smith0", "Smith1", "Smith2", "Smith3", "Smith4"],
    );

    const res = await sb.raw("GET", `/contacts/?locationId=${sb.location.id}&limit=4`);
    const page = (await res.json()) as { count: number; meta: Record<string, unknown> };
    assert.equal(page.count, 10);
    assert.equal(page.meta.total, 10);
    assert.equal(page.meta.currentPage, 1);
    assert.equal(page.meta.nextPage, 2);
    assert.equal(page.meta.prevPage, null);
    assert.match(String(page.meta.nextPageUrl), /startAfterId=/);
    assert.equal(typeof page.meta.startAfter, "number");
  });

  it("rejects a limit above 100 with 422", async () => {
    const sb = createHighLevelSandbox();
    const res = await sb.raw("GET", `/contacts/?locationId=${sb.location.id}&limit=101`);
    assert.equal(res.status, 422);
  });
});
