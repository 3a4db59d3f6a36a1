import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { extractOperations } from "./extract-operations.ts";
import { OPERATIONS, operationSpec } from "./operation-guard.ts";

const SPEC = new URL("../../../../../shared/specs/highlevel/apps/contacts.json", import.meta.url);

describe("operation contracts extracted from contacts.json", () => {
  it("the committed operations.json matches the spec", { skip: !existsSync(SPEC) }, () => {
    const doc = JSON.parse(readFileSync(SPEC, "utf8"));
    assert.deepEqual(extractOperations(doc), OPERATIONS);
  });

  it("UpdateContactDto has no locationId, companyName or gender; CreateContactDto has them", () => {
    const update = operationSpec("update-contact").body;
    const create = operationSpec("create-contact").body;
    assert.equal(update?.dto, "UpdateContactDto");
    for (const name of ["locationId", "companyName", "gender"]) {
      assert.equal(Object.hasOwn(update?.properties ?? {}, name), false, name);
      assert.equal(Object.hasOwn(create?.properties ?? {}, name), true, name);
    }
    assert.deepEqual(create?.required, ["locationId"]);
  });

  it("records scopes and query parameters per operation", () => {
    assert.deepEqual(operationSpec("get-contacts").scopes, ["contacts.readonly"]);
    assert.deepEqual(operationSpec("create-task").scopes, ["contacts.write"]);
    assert.deepEqual(Object.keys(operationSpec("get-contacts").query.properties).sort(), [
      "limit",
      "locationId",
      "query",
      "startAfter",
      "startAfterId",
    ]);
    assert.throws(() => operationSpec("no-such-operation"), /unknown HighLevel operationId/);
  });
});
