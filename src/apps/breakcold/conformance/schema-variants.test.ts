import assert from "node:assert/strict";
import { test } from "node:test";
import { invalidVariants } from "./schema-variants.ts";

const schema = {
  type: "object",
  properties: {
    recordId: { type: "string", minLength: 6 },
    title: { type: "string" },
    limit: { type: "integer", minimum: 1, maximum: 100 },
    status: { type: "string", enum: ["todo", "done"] },
    ids: { type: "array", items: { type: "string", minLength: 6 } },
    extra: {},
  },
  required: ["recordId", "title"],
} as const;
const valid = { recordId: "abcdefgh", title: "T", limit: 5, status: "todo", ids: ["abcdefgh"] };

test("body variants: missing required, wrong types, broken constraints; path params by constraint only", () => {
  const variants = invalidVariants(schema, valid, { pathParams: ["recordId"], inQuery: false });
  assert.deepEqual(
    variants.map((v) => v.name),
    [
      "title: missing",
      "recordId: shorter than 6",
      "title: wrong type",
      "limit: wrong type",
      "limit: below 1",
      "limit: above 100",
      "status: wrong type",
      "status: not in enum",
      "ids: wrong type",
      "ids: short item",
    ],
  );
  assert.deepEqual(variants[0]?.input, {
    recordId: "abcdefgh",
    limit: 5,
    status: "todo",
    ids: ["abcdefgh"],
  });
  assert.equal(variants.find((v) => v.name === "limit: wrong type")?.input.limit, 2.5);
});

test("query variants: no wrong type for strings, text for numbers", () => {
  const names = invalidVariants(schema, valid, { pathParams: [], inQuery: true }).map(
    (v) => v.name,
  );
  assert.equal(names.includes("title: wrong type"), false);
  assert.equal(names.includes("limit: wrong type"), true);
  assert.equal(names.includes("recordId: missing"), true);
});
