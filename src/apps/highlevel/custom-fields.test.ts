import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toWireContact } from "./custom-fields.ts";

describe("custom fields", () => {
  it("writes the domain {id, value} as HighLevel's {id, field_value}", () => {
    const wire = toWireContact({
      firstName: "A",
      customFields: [
        { id: "f1", value: "x" },
        { key: "my_field", value: ["a", "b"] },
      ],
    });
    assert.deepEqual(wire, {
      firstName: "A",
      customFields: [
        { id: "f1", field_value: "x" },
        { key: "my_field", field_value: ["a", "b"] },
      ],
    });
    assert.deepEqual(toWireContact({ firstName: "B" }), { firstName: "B" });
  });
});
