import assert from "node:assert/strict";
import { test } from "node:test";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { DocStore } from "../../../store/doc-store.ts";
import { ALL_SCOPES } from "../emulator/auth.ts";
import { createBreakcoldEmulator } from "../emulator/index.ts";
import { errorEnvelopeSchema } from "../schemas.ts";
import { readBreakcoldTools } from "../spec/tools-json.ts";
import { CASES, type Fixture } from "./cases.ts";
import { invalidVariants, type JsonSchema } from "./schema-variants.ts";

// Conformance of the emulator (and the client's response schemas) to API.md and tools.json.
// Methods and paths come from cases.ts, written out from API.md: a wrong route table in
// routes.ts fails here instead of passing its own test.

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
const tools = readBreakcoldTools();

interface Answer {
  status: number;
  requestId: string | null;
  body: unknown;
}

/** A fresh emulator, a key with every scope, and `send` for a literal method and path. */
async function setup() {
  const emulator = createBreakcoldEmulator({
    docs: DocStore.open(":memory:"),
    rateLimits: { enabled: false },
    autoRetryWebhooks: false,
  });
  const workspace = emulator.control.createWorkspace({ name: "Conformance" });
  const apiKey = emulator.control.issueApiKey({
    workspaceIds: [workspace.id],
    scopes: [...ALL_SCOPES],
  });
  const send = async (
    method: string,
    template: string,
    input: { readonly [name: string]: unknown },
  ): Promise<Answer> => {
    const rest: { [name: string]: unknown } = { ...input };
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const value = rest[name];
      delete rest[name];
      return encodeURIComponent(String(value));
    });
    const url = new URL(`http://bc.test/api/v1${path}`);
    const init: RequestInit = { method, headers: { authorization: `Bearer ${apiKey}` } };
    if (method === "GET" || method === "DELETE") {
      for (const [key, value] of Object.entries(rest)) url.searchParams.set(key, String(value));
    } else {
      init.body = JSON.stringify(rest);
      init.headers = { ...init.headers, "content-type": "application/json" };
    }
    const response = await emulator.fetch(new Request(url, init));
    const text = await response.text();
    return {
      status: response.status,
      requestId: response.headers.get("x-request-id"),
      body: text === "" ? undefined : JSON.parse(text),
    };
  };
  const data = async (method: string, path: string, input: object, key: string) => {
    const answer = await send(method, path, input as { [name: string]: unknown });
    assert.ok(answer.status < 300, `setup ${method} ${path}: ${JSON.stringify(answer.body)}`);
    return (answer.body as { [key: string]: { id: string } })[key] as { id: string };
  };
  const ws = workspace.id;
  const person = await data(
    "POST",
    "/records",
    { workspaceId: ws, objectTypeSlug: "person", fields: { first_name: "Ada" } },
    "record",
  );
  const company = await data(
    "POST",
    "/records",
    { workspaceId: ws, objectTypeSlug: "company", fields: { name: "Acme" } },
    "record",
  );
  const objects = (await send("GET", "/crm/objects", { workspaceId: ws })).body as {
    data: { id: string; slug: string }[];
  };
  const personObjectId = objects.data.find((o) => o.slug === "person")?.id ?? "";
  const fields = (
    await send("GET", "/crm/objects/{objectTypeId}/fields", { objectTypeId: personObjectId })
  ).body as { data: { id: string }[] };
  const fx: Fixture = {
    workspaceId: ws,
    personObjectId,
    allPeopleViewId: emulator.control.views(ws).find((v) => v.name === "All people")?.id ?? "",
    personId: person.id,
    companyId: company.id,
    noteId: (
      await data(
        "POST",
        "/records/{recordId}/notes",
        { recordId: person.id, title: "N", content: "n" },
        "note",
      )
    ).id,
    taskId: (
      await data("POST", "/records/{recordId}/tasks", { recordId: person.id, title: "T" }, "task")
    ).id,
    fieldId: fields.data[0]?.id ?? "",
    hookId: (
      await data(
        "POST",
        "/integration-hooks",
        { url: "https://h.example/x", events: ["record.created"] },
        "hook",
      )
    ).id,
  };
  return { send, fx };
}

function assertRefused(answer: Answer, what: string): void {
  assert.equal(answer.status, 400, `${what}: ${JSON.stringify(answer.body)}`);
  const envelope = errorEnvelopeSchema.parse(answer.body);
  assert.equal(envelope.error.code, "invalid_request", what);
  assert.equal(envelope.error.requestId, answer.requestId, what);
  assert.ok(envelope.error.message.length > 0, what);
}

test("the cases cover every operation of API.md's table exactly once", () => {
  assert.equal(CASES.length, 26);
  assert.equal(new Set(CASES.map((c) => c.tool)).size, 26);
  assert.equal(new Set(CASES.map((c) => `${c.method} ${c.path}`)).size, 26);
  for (const c of CASES) assert.ok(c.inferredSchema ?? tools.get(c.tool), `${c.tool} has a schema`);
});

for (const c of CASES) {
  test(`${c.tool}: ${c.method} ${c.path}`, async () => {
    const schema = (c.inferredSchema ?? tools.get(c.tool)?.inputSchema) as JsonSchema;
    const validate = ajv.compile(schema);
    const { send, fx } = await setup();
    const valid = c.valid(fx);
    assert.ok(
      validate(valid),
      `${c.tool}: valid input fails its schema: ${ajv.errorsText(validate.errors)}`,
    );
    const pathParams = [...c.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const variants = [
      ...invalidVariants(schema, valid, {
        pathParams,
        inQuery: c.method === "GET" || c.method === "DELETE",
      }),
      ...(c.invalid?.(fx) ?? []).map((v) => ({ ...v, input: { ...valid, ...v.input } })),
    ];
    assert.ok(variants.length >= 1, `${c.tool}: no invalid variants`);
    for (const variant of variants) {
      assert.equal(
        validate(variant.input),
        false,
        `${c.tool} ${variant.name} is valid under the schema`,
      );
      assertRefused(await send(c.method, c.path, variant.input), `${c.tool} ${variant.name}`);
    }
    for (const variant of c.semantic?.(fx) ?? []) {
      assert.ok(validate(variant.input), `${c.tool} ${variant.name} should be schema-valid`);
      assertRefused(await send(c.method, c.path, variant.input), `${c.tool} ${variant.name}`);
    }
    const answer = await send(c.method, c.path, valid);
    assert.equal(answer.status, c.status, `${c.tool}: ${JSON.stringify(answer.body)}`);
    const parsed = c.response.safeParse(answer.body);
    assert.ok(parsed.success, `${c.tool}: answer does not parse: ${parsed.error?.message}`);
  });
}
