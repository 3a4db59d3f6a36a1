import assert from "node:assert/strict";
import { test } from "node:test";
import { readBreakcoldError } from "../breakcold-error.ts";
import { collect } from "../client.ts";
import { toFieldInput } from "../field-values.ts";
import { createInProcessSandbox } from "./in-process-sandbox.ts";

const fail = (promise: Promise<unknown>) => promise.then(() => undefined, readBreakcoldError);

test("crm objects: list, get, create (slug unique, All view seeded), update", async () => {
  const { client, workspace, emulator } = createInProcessSandbox();
  const objects = await client.listObjects(workspace.id);
  assert.deepEqual(
    objects.map((o) => [o.slug, o.isSystem]),
    [
      ["person", true],
      ["company", true],
      ["deal", true],
    ],
  );
  const person = objects[0];
  assert.ok(person);
  assert.deepEqual(await client.getObject(person.id), person);

  const project = await client.createObject(workspace.id, {
    slug: "project",
    nameSingular: "Project",
    namePlural: "Projects",
    color: "teal",
  });
  assert.deepEqual(
    [project.slug, project.isSystem, project.isActive, project.color],
    ["project", false, true, "teal"],
  );
  assert.ok(emulator.control.views(workspace.id).some((v) => v.name === "All projects"));
  const duplicate = await fail(
    client.createObject(workspace.id, { slug: "project", nameSingular: "P", namePlural: "Ps" }),
  );
  assert.deepEqual([duplicate?.status, duplicate?.code], [409, "conflict"]);
  const badSlug = await fail(
    client.createObject(workspace.id, { slug: "Bad Slug", nameSingular: "P", namePlural: "Ps" }),
  );
  assert.equal(badSlug?.status, 400);

  const renamed = await client.updateObject(project.id, {
    namePlural: "All projects",
    isActive: false,
  });
  assert.deepEqual(
    [renamed.namePlural, renamed.isActive, renamed.slug],
    ["All projects", false, "project"],
  );
  assert.equal((await fail(client.getObject("nosuchobject")))?.status, 404);
});

test("crm fields: a created custom field is usable on records; get and update", async () => {
  const { client, workspace } = createInProcessSandbox();
  const person = (await client.listObjects(workspace.id)).find((o) => o.slug === "person");
  assert.ok(person);
  const plan = await client.createField(person.id, {
    slug: "plan",
    name: "Plan",
    fieldType: "select",
    description: "Billing plan",
    options: [
      {
        id: "opt_free_0",
        fieldDefinitionId: "pending",
        value: "free",
        label: "Free",
        order: 0,
        isDefault: true,
        isActive: true,
      },
      {
        id: "opt_paid_0",
        fieldDefinitionId: "pending",
        value: "paid",
        label: "Paid",
        order: 1,
        isDefault: false,
        isActive: true,
      },
    ],
  });
  assert.deepEqual(
    [plan.slug, plan.isSystem, plan.description, plan.options?.map((o) => o.fieldDefinitionId)],
    ["plan", false, "Billing plan", [plan.id, plan.id]],
  );
  const defs = await client.listFields(person.id);
  assert.equal(defs.at(-1)?.slug, "plan");
  const record = await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: { first_name: "Cy", plan: toFieldInput(plan, "Paid") },
  });
  assert.deepEqual(record.fields.plan, {
    optionId: "opt_paid_0",
    value: "paid",
    label: "Paid",
    color: null,
  });

  const score = await client.createField(person.id, {
    slug: "score",
    name: "Score",
    fieldType: "number",
  });
  const updated = await client.updateField(score.id, {
    name: "Lead score",
    isRequired: true,
    isHidden: true,
  });
  assert.deepEqual(
    [updated.name, updated.isRequired, updated.isHidden],
    ["Lead score", true, true],
  );
  assert.deepEqual(await client.getField(score.id), updated);
  const missingRequired = await fail(
    client.createRecord({
      workspaceId: workspace.id,
      objectTypeSlug: "person",
      fields: { first_name: "D" },
    }),
  );
  assert.match(missingRequired?.message ?? "", /score/);

  const again = await fail(
    client.createField(person.id, { slug: "plan", name: "x", fieldType: "text" }),
  );
  assert.deepEqual([again?.status, again?.code], [409, "conflict"]);
  const badType = await fail(
    client.createField(person.id, { slug: "z", name: "z", fieldType: "colour" }),
  );
  assert.deepEqual([badType?.status, badType?.code], [400, "invalid_request"]);
  const noOptions = await fail(
    client.createField(person.id, { slug: "y", name: "y", fieldType: "select" }),
  );
  assert.equal(noOptions?.status, 400);
  assert.equal((await fail(client.getField("nosuchfield")))?.status, 404);
});

test("views: seeded All view per object narrows the list; saved search; unknown → 404", async () => {
  const { client, workspace, emulator } = createInProcessSandbox();
  await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: { first_name: "Ann" },
  });
  await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "person",
    fields: { first_name: "Bob" },
  });
  await client.createRecord({
    workspaceId: workspace.id,
    objectTypeSlug: "company",
    fields: { name: "Ann Co" },
  });
  const views = emulator.control.views(workspace.id);
  assert.deepEqual(
    views.map((v) => v.name),
    ["All people", "All companies", "All deals"],
  );
  const allPeople = views[0];
  assert.ok(allPeople);
  const list = (query: Parameters<typeof client.listRecords>[0]) =>
    collect(client.listRecords(query), { limit: 10 }).then((rs) => rs.map((r) => r.displayName));
  assert.deepEqual(await list({ workspaceId: workspace.id, viewId: allPeople.id }), ["Ann", "Bob"]);
  assert.deepEqual(await list({ workspaceId: workspace.id, viewId: allPeople.id, search: "ann" }), [
    "Ann",
  ]);
  const saved = emulator.control.createView({
    objectTypeId: allPeople.objectTypeId,
    name: "Bobs",
    search: "bob",
  });
  assert.deepEqual(await list({ workspaceId: workspace.id, viewId: saved.id }), ["Bob"]);

  const unknown = await fail(list({ workspaceId: workspace.id, viewId: "nosuchview" }));
  assert.deepEqual([unknown?.status, unknown?.code], [404, "not_found"]);
  const mismatch = await fail(
    list({ workspaceId: workspace.id, viewId: allPeople.id, objectTypeSlug: "company" }),
  );
  assert.deepEqual([mismatch?.status, mismatch?.code], [400, "invalid_request"]);
});

test("integration hooks: create returns a signing secret once; delete; scope and https", async () => {
  const { client, workspace, emulator, clientFor } = createInProcessSandbox();
  const denied = await fail(
    client.createIntegrationHook({ url: "https://x.io/h", events: ["record.created"] }),
  );
  assert.deepEqual([denied?.status, denied?.code], [403, "forbidden"]);

  const hooks = clientFor(
    emulator.control.issueApiKey({ workspaceIds: [workspace.id], scopes: ["webhooks:write"] }),
  );
  const hook = await hooks.createIntegrationHook({
    url: "https://bridge.example/hooks/breakcold/c1",
    events: ["record.created", "note.created", "record.created"],
  });
  assert.match(hook.signingSecret, /^whsec_/);
  assert.deepEqual(hook.events, ["record.created", "note.created"]);
  const [endpoint] = emulator.control.webhookEndpoints(workspace.id);
  assert.deepEqual([endpoint?.id, endpoint?.source, endpoint?.enabled], [hook.id, "hook", true]);
  assert.equal("secret" in (endpoint ?? {}), false);

  const local = await hooks.createIntegrationHook({
    url: "http://localhost:3000/h",
    events: ["task.created"],
  });
  assert.equal(local.url, "http://localhost:3000/h");
  const plainHttp = await fail(
    hooks.createIntegrationHook({ url: "http://bridge.example/h", events: ["task.created"] }),
  );
  assert.deepEqual([plainHttp?.status, plainHttp?.code], [400, "invalid_request"]);

  await hooks.deleteIntegrationHook(hook.id);
  assert.deepEqual(
    emulator.control.webhookEndpoints(workspace.id).map((e) => e.id),
    [local.id],
  );
  const gone = await fail(hooks.deleteIntegrationHook(hook.id));
  assert.deepEqual([gone?.status, gone?.code], [404, "not_found"]);
});
