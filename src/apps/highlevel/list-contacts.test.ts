import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createTransport } from "../../http/transport.ts";
import { collect, paginateContacts } from "./list-contacts.ts";

function scripted(pages: unknown[]) {
  const urls: URL[] = [];
  const fetch = async (req: Request) => {
    urls.push(new URL(req.url));
    const body = pages[urls.length - 1] ?? { contacts: [] };
    return Response.json(body);
  };
  return { urls, transport: createTransport({ baseUrl: "http://hl.test", fetch }) };
}

const meta = (
  startAfter: number,
  startAfterId: string,
  nextPageUrl: string | null = "http://hl.test/contacts/?locationId=L",
) => ({
  startAfter,
  startAfterId,
  nextPageUrl,
});

describe("paginateContacts", () => {
  it("sends locationId, query and limit with the cursor on every page, ignoring nextPageUrl", async () => {
    const { urls, transport } = scripted([
      { contacts: [{ id: "a" }, { id: "b" }], meta: meta(1, "b") },
      { contacts: [{ id: "c" }], meta: meta(2, "c", null) },
    ]);
    const all = await collect(
      paginateContacts(transport, { locationId: "L", query: "smi", pageSize: 2 }),
      10,
    );
    assert.deepEqual(
      all.map((c) => c.id),
      ["a", "b", "c"],
    );
    assert.equal(urls.length, 2);
    for (const url of urls) {
      assert.equal(url.searchParams.get("locationId"), "L");
      assert.equal(url.searchParams.get("query"), "smi");
      assert.equal(url.searchParams.get("limit"), "2");
    }
    assert.equal(urls[1]?.searchParams.get("startAfter"), "1");
    assert.equal(urls[1]?.searchParams.get("startAfterId"), "b");
  });

  it("stops when the server repeats its cursor, and caps the page size at 100", async () => {
    const { urls, transport } = scripted([
      { contacts: [{ id: "a" }], meta: meta(1, "a") },
      { contacts: [{ id: "a" }], meta: meta(1, "a") },
      { contacts: [{ id: "z" }], meta: meta(9, "z") },
    ]);
    const all = await collect(paginateContacts(transport, { locationId: "L", pageSize: 500 }), 10);
    assert.equal(all.length, 2);
    assert.equal(urls.length, 2);
    assert.equal(urls[0]?.searchParams.get("limit"), "100");
  });

  it("collect stops at its limit", async () => {
    const { urls, transport } = scripted([
      { contacts: [{ id: "a" }, { id: "b" }], meta: meta(1, "b") },
      { contacts: [{ id: "c" }], meta: meta(2, "c") },
    ]);
    assert.deepEqual(
      (await collect(paginateContacts(transport, { locationId: "L" }), 1)).map((c) => c.id),
      ["a"],
    );
    assert.equal(urls.length, 1);
  });
});
