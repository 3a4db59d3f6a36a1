import assert from "node:assert/strict";
import { test } from "node:test";
import { createOperationMatcher } from "./operation-matcher.ts";

const match = createOperationMatcher([
  {
    id: "get-contact",
    method: "GET",
    path: "/contacts/{contactId}",
    scopes: ["contacts.readonly"],
  },
  {
    id: "duplicate",
    method: "GET",
    path: "/contacts/search/duplicate",
    scopes: ["contacts.readonly"],
  },
  { id: "search", method: "POST", path: "/contacts/search", scopes: ["contacts.readonly"] },
  { id: "list", method: "GET", path: "/contacts/", scopes: ["contacts.readonly"] },
  { id: "update-record", method: "PATCH", path: "/records/:recordId", scopes: ["records:write"] },
]);

test("literal paths win over parameters; method and length must agree", () => {
  assert.equal(match("POST", "/contacts/search")?.id, "search");
  assert.equal(match("GET", "/contacts/search")?.id, "get-contact");
  assert.equal(match("GET", "/contacts/search/duplicate?locationId=x")?.id, "duplicate");
  assert.equal(match("GET", "/contacts/abc")?.id, "get-contact");
  assert.equal(match("GET", "/contacts/")?.id, "list");
  assert.equal(match("patch", "/records/r1")?.id, "update-record");
  assert.equal(match("DELETE", "/records/r1"), undefined);
  assert.equal(match("GET", "/contacts/a/b/c"), undefined);
});
