import assert from "node:assert/strict";
import { test } from "node:test";
import { breakcoldRoutes, fillPath } from "./routes.ts";
import { perMinuteOf, readBreakcoldTools } from "./spec/tools-json.ts";

test("every route is keyed by its operation and has a unique method+path", () => {
  const seen = new Set<string>();
  for (const [key, route] of Object.entries(breakcoldRoutes)) {
    assert.equal(route.operation, key);
    const signature = `${route.method} ${route.path}`;
    assert.equal(seen.has(signature), false, signature);
    seen.add(signature);
  }
  assert.equal(Object.keys(breakcoldRoutes).length, 26);
  assert.equal(breakcoldRoutes.workspaces_list.scope, null);
  assert.equal(breakcoldRoutes.records_create.perMinute, 60);
});

test("scopes and per-operation budgets match tools.json for every tool-backed route", () => {
  const tools = readBreakcoldTools();
  const withoutTool: string[] = [];
  for (const route of Object.values(breakcoldRoutes)) {
    const tool = tools.get(route.operation);
    if (!tool) {
      withoutTool.push(route.operation);
      continue;
    }
    assert.deepEqual(
      route.scope === null ? [] : [route.scope],
      tool.requiredScopes,
      route.operation,
    );
    assert.equal(route.perMinute, perMinuteOf(tool), route.operation);
  }
  assert.deepEqual(withoutTool, ["integration_hooks_create", "integration_hooks_delete"]);
});

test("fillPath encodes params and refuses a missing one", () => {
  assert.equal(fillPath(breakcoldRoutes.records_get, { recordId: "a/b c" }), "/records/a%2Fb%20c");
  assert.equal(fillPath(breakcoldRoutes.records_list), "/records");
  assert.throws(() => fillPath(breakcoldRoutes.notes_list), /missing path param recordId/);
});
