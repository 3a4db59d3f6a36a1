import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normaliseDateOfBirth } from "./date-of-birth.ts";

describe("normaliseDateOfBirth", () => {
  it("accepts the formats the spec lists", () => {
    for (const input of [
      "1990/09/25",
      "09/25/1990",
      "1990-09-25",
      "09-25-1990",
      "1990.09.25",
      "09_25_1990",
      "1990-09-25T00:00:00.000Z",
    ]) {
      assert.equal(normaliseDateOfBirth(input), "1990-09-25", input);
    }
  });

  it("rejects impossible dates and free text", () => {
    assert.equal(normaliseDateOfBirth("1990-02-30"), undefined);
    assert.equal(normaliseDateOfBirth("next week"), undefined);
  });
});
