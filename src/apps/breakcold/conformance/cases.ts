import { z } from "zod";
import {
  activityEnvelope,
  fieldDefinitionSchema,
  fieldEnvelope,
  hookEnvelope,
  listSchema,
  noteEnvelope,
  noteSchema,
  objectTypeEnvelope,
  objectTypeSchema,
  pageSchema,
  recordEnvelope,
  recordSchema,
  taskEnvelope,
  taskSchema,
  workspaceSchema,
} from "../schemas.ts";
import { BREAKCOLD_WEBHOOK_EVENTS } from "../webhook-events.ts";
import type { JsonSchema, Variant } from "./schema-variants.ts";

/** Ids a case can use: a fresh workspace with one person, company, note, task and hook. */
export interface Fixture {
  readonly workspaceId: string;
  readonly personObjectId: string;
  readonly allPeopleViewId: string;
  readonly personId: string;
  readonly companyId: string;
  readonly noteId: string;
  readonly taskId: string;
  readonly fieldId: string;
  readonly hookId: string;
}

/**
 * One operation as API.md states it: method and path written out here (never taken from the
 * route table), a request valid under its tools.json input schema, the success status and the
 * client schema its answer must parse with. `semantic` variants are valid under the JSON Schema
 * but refused by Breakcold's documented rules (unknown field or object slug: 400).
 */
export interface ConformanceCase {
  readonly tool: string;
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  readonly path: string;
  readonly valid: (fx: Fixture) => { [name: string]: unknown };
  readonly status: 200 | 201 | 204;
  readonly response: z.ZodType;
  readonly semantic?: (fx: Fixture) => Variant[];
  /** Invalid inputs the schema-derived variants do not reach (patterns, formats, non-integers). */
  readonly invalid?: (fx: Fixture) => Variant[];
  /** For operations tools.json does not describe: API.md's inferred shape as JSON Schema. */
  readonly inferredSchema?: JsonSchema;
}

const at = Date.UTC(2026, 0, 6, 15);

export const CASES: readonly ConformanceCase[] = [
  {
    tool: "workspaces_list",
    method: "GET",
    path: "/workspaces",
    valid: () => ({ limit: 10 }),
    status: 200,
    response: pageSchema(workspaceSchema),
  },
  {
    tool: "records_list",
    method: "GET",
    path: "/records",
    valid: (fx) => ({
      workspaceId: fx.workspaceId,
      objectTypeSlug: "person",
      viewId: fx.allPeopleViewId,
      archived: false,
      search: "ada",
      limit: 10,
    }),
    status: 200,
    response: pageSchema(recordSchema),
    invalid: () => [{ name: "limit: not an integer", input: { limit: 2.5 } }],
    semantic: (fx) => [
      {
        name: "unknown objectTypeSlug",
        input: { workspaceId: fx.workspaceId, objectTypeSlug: "unicorn" },
      },
    ],
  },
  {
    tool: "records_create",
    method: "POST",
    path: "/records",
    valid: (fx) => ({
      workspaceId: fx.workspaceId,
      objectTypeSlug: "person",
      fields: { first_name: "Grace", email: "grace@example.com", birthday: at },
    }),
    status: 201,
    response: recordEnvelope,
    semantic: (fx) => [
      {
        name: "unknown field slug",
        input: { workspaceId: fx.workspaceId, objectTypeSlug: "person", fields: { nope: 1 } },
      },
      {
        name: "unknown objectTypeSlug",
        input: { workspaceId: fx.workspaceId, objectTypeSlug: "unicorn" },
      },
      {
        name: "wrong field shape",
        input: { workspaceId: fx.workspaceId, objectTypeSlug: "person", fields: { email: 42 } },
      },
    ],
  },
  {
    tool: "records_get",
    method: "GET",
    path: "/records/{recordId}",
    valid: (fx) => ({ recordId: fx.personId }),
    status: 200,
    response: recordEnvelope,
  },
  {
    tool: "records_update",
    method: "PATCH",
    path: "/records/{recordId}",
    valid: (fx) => ({ recordId: fx.personId, fields: { job_title: "CTO", city: null } }),
    status: 200,
    response: recordEnvelope,
    semantic: (fx) => [
      { name: "unknown field slug", input: { recordId: fx.personId, fields: { nope: "x" } } },
    ],
  },
  {
    tool: "records_archive",
    method: "POST",
    path: "/records/{recordId}/archive",
    valid: (fx) => ({ recordId: fx.personId }),
    status: 200,
    response: recordEnvelope,
  },
  {
    tool: "records_restore",
    method: "POST",
    path: "/records/{recordId}/restore",
    valid: (fx) => ({ recordId: fx.personId }),
    status: 200,
    response: recordEnvelope,
  },
  {
    tool: "custom_activities_create",
    method: "POST",
    path: "/records/{recordId}/custom-activities",
    valid: (fx) => ({
      recordId: fx.personId,
      title: "Demo",
      descriptionHtml: "<p>Demo</p>",
      descriptionPlain: "Demo",
      startAt: at,
      endAt: at + 1_800_000,
      linkedRecordIds: [fx.companyId],
      participantUserIds: ["user000001"],
    }),
    status: 201,
    response: activityEnvelope,
  },
  {
    tool: "tasks_list",
    method: "GET",
    path: "/records/{recordId}/tasks",
    valid: (fx) => ({ recordId: fx.personId, includeCompleted: true, limit: 5 }),
    status: 200,
    response: pageSchema(taskSchema),
  },
  {
    tool: "tasks_create",
    method: "POST",
    path: "/records/{recordId}/tasks",
    valid: (fx) => ({
      recordId: fx.personId,
      title: "Call back",
      descriptionHtml: "<p>ring</p>",
      descriptionPlain: "ring",
      dueAt: at,
      assigneeUserIds: ["user000001"],
      conversationId: "conversation01",
    }),
    status: 201,
    response: taskEnvelope,
  },
  {
    tool: "tasks_update",
    method: "PATCH",
    path: "/tasks/{taskId}",
    valid: (fx) => ({
      taskId: fx.taskId,
      title: "Call later",
      descriptionHtml: "<p>x</p>",
      descriptionPlain: "x",
      status: "done",
      dueAt: null,
      assigneeUserIds: ["user000002"],
    }),
    status: 200,
    response: taskEnvelope,
  },
  {
    tool: "tasks_complete",
    method: "POST",
    path: "/tasks/{taskId}/complete",
    valid: (fx) => ({ taskId: fx.taskId }),
    status: 200,
    response: taskEnvelope,
  },
  {
    tool: "notes_list",
    method: "GET",
    path: "/records/{recordId}/notes",
    valid: (fx) => ({ recordId: fx.personId, limit: 5 }),
    status: 200,
    response: pageSchema(noteSchema),
  },
  {
    tool: "notes_create",
    method: "POST",
    path: "/records/{recordId}/notes",
    valid: (fx) => ({
      recordId: fx.personId,
      title: "Met",
      content: "<p>Met</p>",
      contentPlain: "Met",
    }),
    status: 201,
    response: noteEnvelope,
  },
  {
    tool: "notes_get",
    method: "GET",
    path: "/notes/{noteId}",
    valid: (fx) => ({ noteId: fx.noteId }),
    status: 200,
    response: noteEnvelope,
  },
  {
    tool: "notes_update",
    method: "PATCH",
    path: "/notes/{noteId}",
    valid: (fx) => ({
      noteId: fx.noteId,
      title: "Met again",
      content: "<p>b</p>",
      contentPlain: "b",
    }),
    status: 200,
    response: noteEnvelope,
  },
  {
    tool: "crm_objects_list",
    method: "GET",
    path: "/crm/objects",
    valid: (fx) => ({ workspaceId: fx.workspaceId }),
    status: 200,
    response: listSchema(objectTypeSchema),
  },
  {
    tool: "crm_objects_create",
    method: "POST",
    path: "/crm/objects",
    valid: (fx) => ({
      workspaceId: fx.workspaceId,
      slug: "project",
      nameSingular: "Project",
      namePlural: "Projects",
      icon: "folder",
      color: "teal",
    }),
    status: 201,
    response: objectTypeEnvelope,
  },
  {
    tool: "crm_objects_get",
    method: "GET",
    path: "/crm/objects/{objectTypeId}",
    valid: (fx) => ({ objectTypeId: fx.personObjectId }),
    status: 200,
    response: objectTypeEnvelope,
  },
  {
    tool: "crm_objects_update",
    method: "PATCH",
    path: "/crm/objects/{objectTypeId}",
    valid: (fx) => ({
      objectTypeId: fx.personObjectId,
      nameSingular: "Contact",
      namePlural: "Contacts",
      icon: "user",
      color: "blue",
      isActive: true,
    }),
    status: 200,
    response: objectTypeEnvelope,
  },
  {
    tool: "crm_fields_list",
    method: "GET",
    path: "/crm/objects/{objectTypeId}/fields",
    valid: (fx) => ({ objectTypeId: fx.personObjectId }),
    status: 200,
    response: listSchema(fieldDefinitionSchema),
  },
  {
    tool: "crm_fields_create",
    method: "POST",
    path: "/crm/objects/{objectTypeId}/fields",
    valid: (fx) => ({
      objectTypeId: fx.personObjectId,
      slug: "tier",
      name: "Tier",
      fieldType: "select",
      description: "Account tier",
      isRequired: false,
      isMultiple: false,
      showInCreateModal: true,
      defaultValue: null,
      validation: {},
      notifyOnAssign: false,
      interactionRollupMode: "none",
      defaultValueTemplate: "",
      isComputed: false,
      computeExpression: "",
      isIdentifier: false,
      targetObjectTypeId: fx.personObjectId,
      options: [
        {
          id: "opt_gold_01",
          fieldDefinitionId: "pending0",
          value: "gold",
          label: "Gold",
          color: "yellow",
          order: 0,
          isDefault: false,
          isActive: true,
        },
      ],
    }),
    status: 201,
    response: fieldEnvelope,
    semantic: (fx) => [
      {
        name: "unknown fieldType",
        input: { objectTypeId: fx.personObjectId, slug: "x1", name: "X", fieldType: "colour" },
      },
    ],
  },
  {
    tool: "crm_fields_get",
    method: "GET",
    path: "/crm/fields/{fieldDefinitionId}",
    valid: (fx) => ({ fieldDefinitionId: fx.fieldId }),
    status: 200,
    response: fieldEnvelope,
  },
  {
    tool: "crm_fields_update",
    method: "PATCH",
    path: "/crm/fields/{fieldDefinitionId}",
    valid: (fx) => ({
      fieldDefinitionId: fx.fieldId,
      name: "Given name",
      description: "First name",
      isRequired: false,
      isHidden: false,
      isMultiple: false,
      showInCreateModal: true,
      defaultValue: "",
      validation: { maxLength: 80 },
      notifyOnAssign: false,
      interactionRollupMode: "none",
      defaultValueTemplate: "",
      isComputed: false,
      computeExpression: "",
      isIdentifier: true,
      targetObjectTypeId: fx.personObjectId,
    }),
    status: 200,
    response: fieldEnvelope,
  },
  {
    tool: "integration_hooks_create",
    method: "POST",
    path: "/integration-hooks",
    valid: () => ({
      url: "https://bridge.example/hooks/breakcold/c1",
      events: ["record.created", "task.completed"],
    }),
    status: 201,
    response: hookEnvelope,
    invalid: () => [
      {
        name: "url: plain http",
        input: { url: "http://bridge.example/h", events: ["record.created"] },
      },
      { name: "url: not a URL", input: { url: "bridge example", events: ["record.created"] } },
    ],
    inferredSchema: {
      type: "object",
      properties: {
        url: { type: "string", pattern: "^https://", format: "uri" } as JsonSchema,
        events: { type: "array", minItems: 1, items: { enum: BREAKCOLD_WEBHOOK_EVENTS } },
      },
      required: ["url", "events"],
    },
  },
  {
    tool: "integration_hooks_delete",
    method: "DELETE",
    path: "/integration-hooks/{id}",
    valid: (fx) => ({ id: fx.hookId }),
    status: 204,
    response: z.undefined(),
    inferredSchema: {
      type: "object",
      properties: { id: { type: "string", minLength: 6 } },
      required: ["id"],
    },
  },
];
