import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { perMinuteOf, readBreakcoldTools, TOOLS_JSON_PATH } from "./tools-json.ts";

// The repository sits beside `shared/` in the workspace; a plain clone has no `shared/`.
const upstream = fileURLToPath(
  new URL("../../../../../shared/specs/breakcold/mcp/tools.json", import.meta.url),
);

test("the vendored tools.json is byte-identical to shared/specs when that exists", {
  skip: existsSync(upstream) ? false : "no ../shared beside the repository",
}, () => {
  assert.equal(readFileSync(TOOLS_JSON_PATH, "utf8"), readFileSync(upstream, "utf8"));
});

test("tools parse with names, scopes and per-minute budgets", () => {
  const tools = readBreakcoldTools();
  assert.equal(tools.size, 55);
  const create = tools.get("records_create");
  assert.ok(create);
  assert.deepEqual(create.requiredScopes, ["records:write"]);
  assert.equal(perMinuteOf(create), 60);
  const discovery = tools.get("tools_search");
  assert.ok(discovery);
  assert.equal(perMinuteOf(discovery), undefined);
});
