import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DocStore } from "./doc-store.ts";

test("documents survive reopening and keep insertion order on replace", () => {
  const path = join(mkdtempSync(join(tmpdir(), "docstore-")), "emu.sqlite");
  const store = DocStore.open(path);
  const people = store.collection<{ id: string; name: string; team: string }>("people");
  people.put({ id: "a", name: "Ann", team: "x" });
  people.put({ id: "b", name: "Bob", team: "y" });
  people.put({ id: "a", name: "Anne", team: "x" });
  store.close();

  const reopened = DocStore.open(path).collection<{ id: string; name: string; team: string }>(
    "people",
  );
  assert.deepEqual(
    reopened.all().map((p) => p.name),
    ["Anne", "Bob"],
  );
  assert.deepEqual(
    reopened.where("team", "y").map((p) => p.id),
    ["b"],
  );
  assert.equal(reopened.delete("b"), true);
  assert.equal(reopened.count(), 1);
});
