import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";

const VENDORED = new URL("./spec/", import.meta.url);
const SHARED = new URL("../../../../shared/specs/highlevel/", import.meta.url);
const FILES = [
  "apps/contacts.json",
  "apps/oauth.json",
  "common/common-schemas.json",
  ...readdirSync(new URL("docs/webhook-events/", VENDORED)).map((f) => `docs/webhook-events/${f}`),
];

describe("vendored HighLevel spec", () => {
  it("holds the contacts spec, the OAuth spec, the common schemas and the 16 event docs", () => {
    assert.equal(FILES.length, 3 + 16);
  });

  it("still equals the shared copy byte for byte", {
    skip: !existsSync(SHARED) && "shared/specs not beside the repo",
  }, () => {
    for (const file of FILES) {
      assert.ok(
        readFileSync(new URL(file, VENDORED)).equals(readFileSync(new URL(file, SHARED))),
        `${file} differs from shared/specs/highlevel/${file}`,
      );
    }
  });
});
