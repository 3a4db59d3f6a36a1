import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ShapeSpec } from "./extract-operations.ts";
import { validateShape } from "./validate-shape.ts";

const shape: ShapeSpec = {
  required: ["title"],
  properties: {
    title: { type: "string", nullable: false },
    done: { type: "boolean", nullable: false },
    name: { type: "string", nullable: true },
    limit: { type: "number", nullable: false },
    dob: { type: "object", nullable: true },
  },
};

describe("validateShape", () => {
  it("accepts a well-formed input, null for nullable fields and any value for `object`", () => {
    assert.deepEqual(
      validateShape({ title: "t", name: null, dob: "1990-01-01" }, shape, { fromQuery: false }),
      [],
    );
  });

  it("lists unknown, missing and mistyped properties", () => {
    assert.deepEqual(validateShape({ done: "yes", extra: 1 }, shape, { fromQuery: false }), [
      "property extra should not exist",
      "title should not be empty",
      "done must be a boolean value",
    ]);
  });

  it("reads numbers from query strings", () => {
    assert.deepEqual(validateShape({ title: "t", limit: "20" }, shape, { fromQuery: true }), []);
    assert.deepEqual(validateShape({ title: "t", limit: "many" }, shape, { fromQuery: true }), [
      "limit must be a number conforming to the specified constraints",
    ]);
  });
});
