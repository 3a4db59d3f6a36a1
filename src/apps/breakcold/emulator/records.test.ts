import assert from "node:assert/strict";
import { test } from "node:test";
import type { ManualClock } from "../../../lib/clock.ts";
import { readBreakcoldError } from "../breakcold-error.ts";
import { collect } from "../client.ts";
import { readEmails, toFieldInput } from "../field-values.ts";
import { createInProcessSandbox } from "./in-process-sandbox.ts";

async function rejectsWith(promise: Promise<unknown>, status: number, code: string) {
  const error = await promise.then(
    () => assert.fail("expected the call to fail"),
    (cause: unknown) => cause,
  );
  const body = readBreakcoldError(error);
  assert.equal(body?.status, status);
  assert.equal(body?.code, code);
  assert.match(body?.requestId ?? "", /^[a-z0-9]{32}$/);
}

test("create, get and update a person; null clears; email reads back as {value,isPrimary}", async () => {
  const { client, workspace, clock } = createInProcessSandbox();
  const created = await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: { first_name: "Ada", last_name: "Lovelace", email: "ada@example.com", city: "London" },
  });
  assert.equal(created.displayName, "Ada Lovelace");
  assert.equal(created.objectTypeSlug, "person");
  assert.match(created.id, /^[a-z0-9]{32}$/);
  assert.deepEqual(created.fields.email, [{ value: "ada@example.com", isPrimary: true }]);
  assert.equal(created.createdAt, Date.UTC(2026, 0, 1));

  (clock as ManualClock).advance(5_000);
  const updated = await client.updateRecord(created.id, {
    fields: {
      city: null,
      job_title: "Analyst",
      email: ["a@x.io", { value: "b@x.io", isPrimary: true }],
    },
  });
  assert.equal("city" in updated.fields, false);
  assert.equal(updated.fields.first_name, "Ada");
  assert.equal(updated.fields.job_title, "Analyst");
  assert.deepEqual(readEmails(updated), ["b@x.io", "a@x.io"]);
  assert.equal(updated.updatedAt, created.createdAt + 5_000);

  const fetched = await client.getRecord(created.id);
  assert.deepEqual(fetched, updated);
});

test("select and multiselect inputs resolve through field definitions", async () => {
  const { client, workspace } = createInProcessSandbox();
  const person = (await client.listObjects(workspace.id)).find((o) => o.slug === "person");
  assert.ok(person);
  const defs = await client.listFields(person.id);
  const status = defs.find((d) => d.slug === "status");
  const tags = defs.find((d) => d.slug === "tags");
  assert.ok(status && tags);
  const record = await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: {
      email: "x@y.io",
      status: toFieldInput(status, "Customer"),
      tags: toFieldInput(tags, ["vip"]),
    },
  });
  assert.deepEqual(record.fields.status, {
    optionId: status.options?.find((o) => o.value === "customer")?.id,
    value: "customer",
    label: "Customer",
    color: "green",
  });
  const appended = await client.updateRecord(record.id, {
    fields: { tags: toFieldInput(tags, ["referral"]) },
  });
  assert.deepEqual(
    (appended.fields.tags as { value: string }[]).map((t) => t.value),
    ["vip", "referral"],
  );
  const replaced = await client.updateRecord(record.id, {
    fields: { tags: toFieldInput(tags, ["newsletter"]) },
    multiselectMode: "replace",
  });
  assert.deepEqual(
    (replaced.fields.tags as { value: string }[]).map((t) => t.value),
    ["newsletter"],
  );
  assert.equal(replaced.displayName, "x@y.io");
});

test("unknown slug, wrong shape and bad body answer 400 invalid_request", async () => {
  const { client, workspace } = createInProcessSandbox();
  const create = (fields: Record<string, unknown>) =>
    client.createRecord({ workspaceId: workspace.id, objectTypeSlug: "person", fields });
  await rejectsWith(create({ favourite_colour: "blue" }), 400, "invalid_request");
  await rejectsWith(create({ first_name: 42 }), 400, "invalid_request");
  await rejectsWith(create({ status: "lead" }), 400, "invalid_request");
  await rejectsWith(create({ email: "not-an-email" }), 400, "invalid_request");
  await rejectsWith(
    client.createRecord({ workspaceId: "short", objectTypeSlug: "person" }),
    400,
    "invalid_request",
  );
  const person = await create({ first_name: "Ok" });
  await rejectsWith(
    client.updateRecord(person.id, { fields: { nope: 1 } }),
    400,
    "invalid_request",
  );
  assert.equal((await client.getRecord(person.id)).fields.first_name, "Ok");
});

test("list filters by object type and search, and walks many cursor pages", async () => {
  const { client, workspace, emulator } = createInProcessSandbox();
  for (let i = 0; i < 7; i++) {
    await client.createRecord({
      workspaceId: workspace.id,
      objectTypeSlug: "person",
      fields: { first_name: `Person${i}`, email: `p${i}@Example.com`, phone: `+1 415 555 01${i}0` },
    });
  }
  await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "company",
    fields: { name: "Example Inc" },
  });

  const people = await collect(
    client.listRecords({ workspaceId: workspace.id, objectTypeSlug: "person", pageSize: 3 }),
    { limit: 100 },
  );
  assert.deepEqual(
    people.map((p) => p.fields.first_name),
    ["Person0", "Person1", "Person2", "Person3", "Person4", "Person5", "Person6"],
  );
  assert.equal(emulator.control.records(workspace.id).length, 8);

  const byEmail = await collect(
    client.listRecords({ workspaceId: workspace.id, search: "P3@EXAMPLE" }),
    { limit: 10 },
  );
  assert.deepEqual(
    byEmail.map((r) => r.displayName),
    ["Person3"],
  );
  const byPhone = await collect(
    client.listRecords({ workspaceId: workspace.id, search: "555 0150" }),
    { limit: 10 },
  );
  assert.deepEqual(
    byPhone.map((r) => r.displayName),
    ["Person5"],
  );
  const byName = await collect(
    client.listRecords({ workspaceId: workspace.id, search: "example inc" }),
    { limit: 10 },
  );
  assert.deepEqual(
    byName.map((r) => r.objectTypeSlug),
    ["company"],
  );
  const firstTwo = await collect(client.listRecords({ workspaceId: workspace.id, pageSize: 1 }), {
    limit: 2,
  });
  assert.equal(firstTwo.length, 2);
});

test("archived records are hidden from lists and reads until restored", async () => {
  const { client, workspace } = createInProcessSandbox();
  const a = await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: { first_name: "A" },
  });
  await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: { first_name: "B" },
  });
  const archived = await client.archiveRecord(a.id);
  assert.equal(archived.isArchived, true);
  assert.equal(typeof archived.archivedAt, "number");

  const visible = await collect(client.listRecords({ workspaceId: workspace.id }), { limit: 10 });
  assert.deepEqual(
    visible.map((r) => r.displayName),
    ["B"],
  );
  const all = await collect(client.listRecords({ workspaceId: workspace.id, archived: true }), {
    limit: 10,
  });
  assert.deepEqual(
    all.map((r) => r.displayName),
    ["A", "B"],
  );
  await rejectsWith(client.getRecord(a.id), 404, "not_found");

  const restored = await client.restoreRecord(a.id);
  assert.equal(restored.isArchived, false);
  assert.equal("archivedAt" in restored, false);
  assert.equal((await client.getRecord(a.id)).displayName, "A");
});

test("list pages by cursor on the wire; bad limit or cursor is a 400", async () => {
  const { emulator, workspace, apiKey, client } = createInProcessSandbox();
  for (const name of ["A", "B", "C"]) {
    await client.createRecord({
      workspaceId: workspace.id,
      objectTypeSlug: "company",
      fields: { name },
    });
  }
  interface WireAnswer {
    data: { displayName: string }[];
    pagination: { cursor: string | null; hasMore: boolean };
    error: { code: string };
  }
  const get = async (query: string) => {
    const response = await emulator.fetch(
      new Request(`http://bc.test/api/v1/records?${query}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      }),
    );
    return { status: response.status, body: (await response.json()) as WireAnswer };
  };
  const first = await get("limit=2");
  assert.equal(first.status, 200);
  assert.deepEqual(
    first.body.data.map((r) => r.displayName),
    ["A", "B"],
  );
  assert.equal(first.body.pagination.hasMore, true);
  const second = await get(`limit=2&cursor=${first.body.pagination.cursor}`);
  assert.deepEqual(
    second.body.data.map((r) => r.displayName),
    ["C"],
  );
  assert.deepEqual(second.body.pagination, { cursor: null, hasMore: false });
  for (const query of ["limit=0", "limit=101", "limit=abc", "cursor=garbage", "archived=yes"]) {
    const answer = await get(query);
    assert.equal(answer.status, 400, query);
    assert.equal(answer.body.error.code, "invalid_request", query);
  }
});
