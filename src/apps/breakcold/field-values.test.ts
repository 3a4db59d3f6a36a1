import assert from "node:assert/strict";
import { test } from "node:test";
import {
  fromFieldValue,
  readEmails,
  readPhones,
  toFieldInput,
  tryFieldInput,
} from "./field-values.ts";
import type { BreakcoldRecord, FieldDefinition } from "./schemas.ts";

function def(
  slug: string,
  fieldType: string,
  extra: Partial<FieldDefinition> = {},
): FieldDefinition {
  return {
    id: `fld_${slug}_000`,
    objectTypeId: "obj_person",
    slug,
    name: slug,
    fieldType,
    ...extra,
  };
}

const status = def("status", "select", {
  options: [
    {
      id: "opt_lead_01",
      fieldDefinitionId: "fld_status_000",
      value: "lead",
      label: "Lead",
      order: 0,
      isDefault: false,
      isActive: true,
    },
    {
      id: "opt_gone_01",
      fieldDefinitionId: "fld_status_000",
      value: "gone",
      label: "Gone",
      order: 1,
      isDefault: false,
      isActive: false,
    },
  ],
});

function record(fields: Record<string, unknown>): BreakcoldRecord {
  return {
    id: "rec_000001",
    workspaceId: "wsp_000001",
    objectTypeId: "obj_person",
    objectTypeSlug: "person",
    displayName: "",
    fields,
    isArchived: false,
    createdAt: 0,
    updatedAt: 0,
  };
}

test("readEmails/readPhones return primary first, deduplicated; custom fields need definitions", () => {
  const r = record({
    email: [
      { value: "b@x.io", isPrimary: false },
      { value: "a@x.io", isPrimary: true },
      { value: "b@x.io", isPrimary: false },
    ],
    phone: [{ value: "+14155550100", isPrimary: true }],
    work_email: [{ value: "w@corp.io", isPrimary: true }],
  });
  assert.deepEqual(readEmails(r), ["a@x.io", "b@x.io"]);
  assert.deepEqual(readPhones(r), ["+14155550100"]);
  assert.deepEqual(readEmails(r, [def("email", "email"), def("work_email", "email")]), [
    "a@x.io",
    "w@corp.io",
    "b@x.io",
  ]);
  assert.deepEqual(readEmails(record({ email: "not-a-list" })), []);
});

test("toFieldInput converts per field type", () => {
  assert.equal(toFieldInput(def("first_name", "text"), "Ada"), "Ada");
  assert.equal(toFieldInput(def("first_name", "text"), null), null);
  assert.equal(toFieldInput(def("first_name", "text"), undefined), null);
  assert.deepEqual(toFieldInput(def("email", "email"), "a@x.io"), ["a@x.io"]);
  assert.deepEqual(toFieldInput(def("phone", "phone"), ["+1", "+1", "+2"]), ["+1", "+2"]);
  assert.equal(toFieldInput(def("n", "number"), "12.5"), 12.5);
  assert.equal(toFieldInput(def("d", "date"), "2026-01-02T00:00:00Z"), Date.UTC(2026, 0, 2));
  assert.equal(toFieldInput(def("d", "datetime"), new Date(5)), 5);
  assert.equal(toFieldInput(def("c", "checkbox"), "true"), true);
  assert.deepEqual(toFieldInput(def("m", "currency"), { amount: 10, currencyCode: "EUR" }), {
    amount: 10,
    currencyCode: "EUR",
  });
  assert.deepEqual(toFieldInput(status, "LEAD"), { optionId: "opt_lead_01" });
  assert.deepEqual(toFieldInput(status, "Lead"), { optionId: "opt_lead_01" });
  assert.deepEqual(toFieldInput(status, { optionId: "opt_lead_01" }), { optionId: "opt_lead_01" });
  assert.deepEqual(toFieldInput({ ...status, fieldType: "multiselect" }, ["lead"]), [
    { optionId: "opt_lead_01" },
  ]);
  assert.deepEqual(toFieldInput(def("x", "future_type"), { any: 1 }), { any: 1 });
});

test("tryFieldInput reports misfits as results; toFieldInput throws them", () => {
  const gone = tryFieldInput(status, "gone");
  assert.equal(gone.ok, false);
  assert.equal(gone.ok ? undefined : gone.error.code, "invalid_field_value");
  assert.equal(tryFieldInput(def("d", "date"), "someday").ok, false);
  assert.equal(tryFieldInput(def("n", "number"), "ten").ok, false);
  assert.equal(tryFieldInput(def("t", "text"), ["a", "b"]).ok, false);
  assert.equal(tryFieldInput(def("m", "currency"), 10).ok, false);
  assert.throws(() => toFieldInput(status, "unknown"), /status: expected an option/);
});

test("fromFieldValue reads select values, contact lists and empty fields", () => {
  assert.equal(
    fromFieldValue(status, {
      optionId: "opt_lead_01",
      value: "lead",
      label: "Lead",
      color: "blue",
    }),
    "lead",
  );
  assert.deepEqual(
    fromFieldValue(def("tags", "multiselect"), [
      { optionId: "o1", value: "vip" },
      { optionId: "o2", value: null },
    ]),
    ["vip", "o2"],
  );
  assert.deepEqual(
    fromFieldValue(def("email", "email"), [
      { value: "b", isPrimary: false },
      { value: "a", isPrimary: true },
    ]),
    ["a", "b"],
  );
  assert.equal(fromFieldValue(def("first_name", "text"), undefined), null);
  assert.equal(fromFieldValue(def("n", "number"), 3), 3);
});
