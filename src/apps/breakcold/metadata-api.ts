import type { z } from "zod";
import type { crmFieldsCreateInput, crmFieldsUpdateInput } from "./crm-tool-inputs.ts";
import type { RouteCaller } from "./route-caller.ts";
import { breakcoldRoutes as routes } from "./routes.ts";
import {
  type FieldDefinition,
  fieldDefinitionSchema,
  fieldEnvelope,
  listSchema,
  type ObjectType,
  objectTypeEnvelope,
  objectTypeSchema,
  type Workspace,
  workspaceSchema,
} from "./schemas.ts";

/** Body of `crm_objects_create` besides `workspaceId`. */
export interface ObjectTypeInput {
  slug: string;
  nameSingular: string;
  namePlural: string;
  icon?: string;
  color?: string;
}

/** Body of `crm_objects_update`: only the keys given change. */
export type ObjectTypePatch = Partial<Omit<ObjectTypeInput, "slug"> & { isActive: boolean }>;

/** Body of `crm_fields_create` besides `objectTypeId` (tools.json's shape, option ids included). */
export type FieldDefinitionInput = Omit<z.input<typeof crmFieldsCreateInput>, "objectTypeId">;

/** Body of `crm_fields_update`: only the keys given change; the field type never does. */
export type FieldDefinitionPatch = Omit<z.input<typeof crmFieldsUpdateInput>, "fieldDefinitionId">;

/** Workspaces and CRM metadata: object types and their field definitions. */
export interface BreakcoldMetadataApi {
  listWorkspaces(options?: { pageSize?: number }): AsyncIterable<Workspace>;
  /** Object types of a workspace (person, company, deal, custom). */
  listObjects(workspaceId: string): Promise<ObjectType[]>;
  getObject(objectTypeId: string): Promise<ObjectType>;
  createObject(workspaceId: string, input: ObjectTypeInput): Promise<ObjectType>;
  updateObject(objectTypeId: string, input: ObjectTypePatch): Promise<ObjectType>;
  /** Field definitions of an object type: the source of field slugs, types and options. */
  listFields(objectTypeId: string): Promise<FieldDefinition[]>;
  getField(fieldDefinitionId: string): Promise<FieldDefinition>;
  /** Adds a custom field; its slug must be new on the object type (else 409). */
  createField(objectTypeId: string, input: FieldDefinitionInput): Promise<FieldDefinition>;
  updateField(fieldDefinitionId: string, input: FieldDefinitionPatch): Promise<FieldDefinition>;
}

/** The metadata group of the client, on `caller`. */
export function metadataApi({ call, pages }: RouteCaller): BreakcoldMetadataApi {
  return {
    listWorkspaces: ({ pageSize } = {}) =>
      pages(routes.workspaces_list, {}, {}, pageSize, workspaceSchema),
    listObjects: async (workspaceId) =>
      (
        await call(
          routes.crm_objects_list,
          {},
          { query: { workspaceId } },
          listSchema(objectTypeSchema),
        )
      ).data,
    getObject: async (objectTypeId) =>
      (await call(routes.crm_objects_get, { objectTypeId }, {}, objectTypeEnvelope)).objectType,
    createObject: async (workspaceId, input) =>
      (
        await call(
          routes.crm_objects_create,
          {},
          { body: { workspaceId, ...input } },
          objectTypeEnvelope,
        )
      ).objectType,
    updateObject: async (objectTypeId, input) =>
      (await call(routes.crm_objects_update, { objectTypeId }, { body: input }, objectTypeEnvelope))
        .objectType,
    listFields: async (objectTypeId) =>
      (await call(routes.crm_fields_list, { objectTypeId }, {}, listSchema(fieldDefinitionSchema)))
        .data,
    getField: async (fieldDefinitionId) =>
      (await call(routes.crm_fields_get, { fieldDefinitionId }, {}, fieldEnvelope)).field,
    createField: async (objectTypeId, input) =>
      (await call(routes.crm_fields_create, { objectTypeId }, { body: input }, fieldEnvelope))
        .field,
    updateField: async (fieldDefinitionId, input) =>
      (await call(routes.crm_fields_update, { fieldDefinitionId }, { body: input }, fieldEnvelope))
        .field,
  };
}
