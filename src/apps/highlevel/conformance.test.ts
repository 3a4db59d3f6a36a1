import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { driveSuccesses } from "./conformance-drive.ts";
import { operationIdFor } from "./emulator/operation-for.ts";
import { OPERATIONS } from "./emulator/operation-guard.ts";
import {
  checkExampleProperties,
  createSpecValidator,
  exampleProperties,
  resolveRef,
} from "./spec-conformance.ts";
import { createHighLevelSandbox, type HighLevelSandbox } from "./testing.ts";

interface Exchange {
  operationId: string;
  specPath: string;
  method: string;
  status: number;
  body: unknown;
}

// Response properties no request of the operation can produce: a contact created through the
// API has no business and no web session yet. Everything else with an example is required.
const UNPRODUCIBLE = new Set([
  "CreateContactSchema.businessId",
  "CreateContactSchema.lastSessionActivityAt",
]);

const spec = createSpecValidator();
let sb: HighLevelSandbox;
const exchanges: Exchange[] = [];
const ids = { rich: "", created: "", note: "", task: "", business: "biz0000000000000000a" };

async function call(
  method: string,
  path: string,
  init: { body?: unknown; token?: string; version?: boolean } = {},
): Promise<Exchange> {
  const headers: Record<string, string> = { Authorization: `Bearer ${init.token ?? sb.token}` };
  if (init.version !== false) headers.Version = "2021-07-28";
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await sb.emulator.fetch(
    new Request(`http://hl.test${path}`, {
      method,
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    }),
  );
  const pathname = new URL(`http://hl.test${path}`).pathname;
  const operationId = operationIdFor(method, pathname) ?? "unknown";
  const exchange = {
    operationId,
    specPath: OPERATIONS[operationId]?.path ?? "?",
    method,
    status: res.status,
    body: await res.json(),
  };
  exchanges.push(exchange);
  return exchange;
}

/** Drives every declared 400/401/422 of every operation: no Version, a bad token, an unknown query property. */
async function driveErrors(): Promise<void> {
  for (const [operationId, op] of Object.entries(OPERATIONS)) {
    const path = op.path
      .replace("{contactId}", ids.rich)
      .replace("{taskId}", ids.task)
      .replace("{id}", ids.note)
      .replace("{businessId}", ids.business)
      .replace("{type}", "add")
      .replace(/\{\w+\}/g, "x0000000000000000001");
    const declared = Object.keys(
      spec.contacts.paths[op.path][op.method.toLowerCase()].responses,
    ).map(Number);
    const body = op.body ? {} : undefined;
    const init = body === undefined ? {} : { body };
    for (const status of declared) {
      let exchange: Exchange | undefined;
      if (status === 400) exchange = await call(op.method, path, { ...init, version: false });
      if (status === 401) exchange = await call(op.method, path, { ...init, token: "pit-unknown" });
      if (status === 422)
        exchange = await call(op.method, `${path}${path.includes("?") ? "&" : "?"}bogus=1`, init);
      if (exchange) assert.equal(exchange.status, status, `${operationId} answers ${status}`);
      if (exchange) exchange.operationId = operationId;
    }
  }
}

describe("HighLevel emulator conformance with contacts.json", () => {
  before(async () => {
    sb = createHighLevelSandbox();
    await driveSuccesses(sb, call, ids);
    await driveErrors();
  });
  after(() => sb.docs.close());

  it("drives all 32 operations with a 2xx answer", () => {
    assert.equal(Object.keys(OPERATIONS).length, 32);
    const succeeded = new Set(exchanges.filter((e) => e.status < 300).map((e) => e.operationId));
    assert.deepEqual([...succeeded].sort(), Object.keys(OPERATIONS).sort());
    for (const e of exchanges.filter((x) => x.status < 300)) {
      const declared = Object.keys(
        spec.contacts.paths[e.specPath][e.method.toLowerCase()].responses,
      );
      assert.ok(
        declared.includes(String(e.status)),
        `${e.operationId} answered ${e.status}, declares ${declared}`,
      );
    }
  });

  it("validates every answer with ajv against its declared schema", () => {
    let validated = 0;
    for (const e of exchanges) {
      if (!spec.responseSchema(e.specPath, e.method, e.status)) continue;
      assert.deepEqual(
        spec.validate(e.specPath, e.method, e.status, e.body),
        [],
        `${e.operationId} ${e.status}`,
      );
      validated += 1;
    }
    assert.ok(validated >= 100, `validated ${validated}`);
  });

  it("carries every response property the spec gives an example, with its declared type", () => {
    const checked = new Set<string>();
    for (const e of exchanges) {
      const schema = spec.responseSchema(e.specPath, e.method, e.status);
      if (!schema) continue;
      const problems = checkExampleProperties(schema, e.body, spec, checked, UNPRODUCIBLE);
      assert.deepEqual(problems, [], `${e.operationId} ${e.status}`);
    }
    const all = exampleProperties(spec.contacts);
    const inResponses = new Set<string>();
    for (const path of Object.values<
      Record<
        string,
        { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }
      >
    >(spec.contacts.paths)) {
      for (const op of Object.values(path)) {
        for (const res of Object.values(op.responses)) {
          const ref = res.content?.["application/json"]?.schema?.$ref;
          if (ref) collectReachable(ref, inResponses);
        }
      }
    }
    const reachable = all.withExample.filter((id) => inResponses.has(id.split(".")[0] ?? ""));
    const missing = reachable.filter((id) => !checked.has(id) && !UNPRODUCIBLE.has(id));
    assert.deepEqual(missing, []);
    assert.equal(all.total, 320);
    assert.equal(all.withExample.length, 269);
    // 269 of 320 properties of contacts.json carry an example; 137 of them sit in schemas that
    // responses use, and all but the two UNPRODUCIBLE ones are present in the answers above,
    // as are the 8 example properties of common-schemas.json's error DTOs.
    const fromCommon = [...checked].filter((id) => !all.withExample.includes(id));
    assert.equal(reachable.length, 137);
    assert.equal(checked.size - fromCommon.length, reachable.length - UNPRODUCIBLE.size);
    assert.equal(fromCommon.length, 8);
  });

  it("answers GET /contacts/ meta, search and duplicate lookup in BEHAVIOUR.md's shapes", () => {
    const list = exchanges.find((e) => e.operationId === "get-contacts" && e.status === 200)
      ?.body as Record<string, unknown>;
    assert.deepEqual(Object.keys(list).sort(), ["contacts", "count", "meta"]);
    assert.deepEqual(spec.validateComponent("ContactsMetaSchema", list.meta), []);
    assert.deepEqual(Object.keys(list.meta as object).sort(), [
      "currentPage",
      "nextPage",
      "nextPageUrl",
      "prevPage",
      "startAfter",
      "startAfterId",
      "total",
    ]);
    const search = exchanges.find(
      (e) => e.operationId === "search-contacts-advanced" && e.status === 200,
    )?.body as {
      contacts: Record<string, unknown>[];
      total: number;
    };
    assert.equal(typeof search.total, "number");
    assert.ok(search.contacts.length > 0);
    for (const contact of search.contacts) {
      const [value, id] = contact.searchAfter as [unknown, unknown];
      assert.equal(typeof value, "number");
      assert.equal(id, contact.id);
      assert.ok(!("address1" in contact));
      for (const key of ["additionalEmails", "additionalPhones", "followers", "opportunities"])
        assert.ok(Array.isArray(contact[key]), key);
    }
    const [found, none] = exchanges.filter(
      (e) => e.operationId === "get-duplicate-contact" && e.status === 200,
    );
    assert.equal((found?.body as { contact?: { id: string } } | undefined)?.contact?.id, ids.rich);
    assert.deepEqual(none?.body, { contact: null });
  });
});

function collectReachable(ref: string, into: Set<string>): void {
  const { name, schema } = resolveRef(ref, spec);
  if (into.has(name)) return;
  into.add(name);
  for (const prop of Object.values<{ $ref?: string; items?: { $ref?: string } }>(
    schema?.properties ?? {},
  )) {
    const inner = prop.$ref ?? prop.items?.$ref;
    if (inner) collectReachable(inner, into);
  }
}
