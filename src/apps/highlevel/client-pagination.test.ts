import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { collect } from "./list-contacts.ts";
import { createHighLevelSandbox } from "./testing.ts";

describe("HighLevel client: search and business pagination", () => {
  it("pages search with page/pageLimit to 10,000 rows, then continues with searchAfter", async () => {
    const sb = createHighLevelSandbox({ emulator: { rateLimits: false } });
    const bodies: Record<string, unknown>[] = [];
    const client = sb.client.withDefaults({
      fetch: async (req) => {
        if (req.url.endsWith("/contacts/search"))
          bodies.push((await req.clone().json()) as Record<string, unknown>);
        return sb.emulator.fetch(req);
      },
    });
    sb.docs.transaction(() => {
      for (let i = 0; i < 10_050; i++) {
        sb.clock.advance(1);
        sb.emulator.control.seedContact(sb.location.id, { firstName: `C${i}`, tags: ["bulk"] });
      }
    });
    sb.emulator.control.seedContact(sb.location.id, { firstName: "Untagged" });
    const seen = new Set<string>();
    for await (const contact of client.searchContacts({
      locationId: sb.location.id,
      pageLimit: 500,
      filters: [{ field: "tags", operator: "eq", value: "bulk" }],
      sort: [{ field: "dateAdded", direction: "asc" }],
    })) {
      seen.add(contact.id);
    }
    assert.equal(seen.size, 10_050);
    assert.equal(bodies.length, 21);
    assert.deepEqual(
      bodies.slice(0, 20).map((b) => b.page),
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const last = bodies[20] ?? {};
    assert.equal("page" in last, false);
    assert.equal((last.searchAfter as unknown[]).length, 2);
    for (const body of bodies) {
      assert.equal(body.locationId, sb.location.id);
      assert.deepEqual(body.filters, [{ field: "tags", operator: "eq", value: "bulk" }]);
    }
  });

  it("pages contacts by business with skip/limit, keeping locationId and query", async () => {
    const sb = createHighLevelSandbox();
    const ids = Array.from(
      { length: 5 },
      (_, i) => sb.emulator.control.seedContact(sb.location.id, { firstName: `Biz${i}` }).id,
    );
    sb.emulator.control.seedContact(sb.location.id, { firstName: "Elsewhere" });
    assert.deepEqual(
      (
        await sb.client.bulkUpdateBusiness({ locationId: sb.location.id, ids, businessId: "b1" })
      ).sort(),
      [...ids].sort(),
    );
    const urls: URL[] = [];
    const client = sb.client.withDefaults({
      fetch: (req) => {
        urls.push(new URL(req.url));
        return sb.emulator.fetch(req);
      },
    });
    const found = await collect(
      client.listBusinessContacts("b1", { locationId: sb.location.id, query: "biz", pageSize: 2 }),
      100,
    );
    assert.deepEqual(found.map((c) => c.id).sort(), [...ids].sort());
    assert.deepEqual(
      urls.map((u) => u.searchParams.get("skip")),
      ["0", "2", "4"],
    );
    for (const url of urls) {
      assert.equal(url.searchParams.get("locationId"), sb.location.id);
      assert.equal(url.searchParams.get("query"), "biz");
    }
  });
});
