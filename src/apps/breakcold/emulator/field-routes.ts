import type { Context, Hono } from "hono";
import { opaqueId } from "../../../lib/ids.ts";
import {
  crmFieldsCreateInput,
  crmFieldsUpdateInput,
  fieldDefinitionIdInput,
  objectTypeIdInput,
} from "../crm-tool-inputs.ts";
import { breakcoldRoutes as routes } from "../routes.ts";
import { type FieldType, fieldTypes } from "../schemas.ts";
import { ApiError, parseInput } from "./api-error.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";
import { fieldView, loadObjectType, SLUG } from "./metadata-routes.ts";
import type { StoredFieldDefinition } from "./model.ts";
import { registerRoute } from "./register-route.ts";
import { bodyInput, definedOnly, queryInput } from "./request-input.ts";

/**
 * Mounts crm_fields_list/get/create/update. A created field is a custom field (`isSystem:
 * false`) that records can use at once; its slug must be new on the object type (409), its
 * `fieldType` one of API.md's types (400), and select/multiselect fields need options, whose ids
 * the caller picks (tools.json requires them). The field type and slug never change.
 */
export function registerFieldRoutes(app: Hono<EmulatorEnv>, deps: EmulatorDeps): void {
  const { state, clock } = deps;
  const loadField = (c: Context<EmulatorEnv>, id: string) => {
    const def = state.fields.get(id);
    if (!def || !c.get("apiKey").workspaceIds.includes(def.workspaceId)) {
      throw new ApiError("not_found", `Field ${id} not found`);
    }
    return def;
  };

  registerRoute(app, deps, routes.crm_fields_list, (c) => {
    const input = parseInput(objectTypeIdInput, queryInput(c));
    const objectType = loadObjectType(deps, c, input.objectTypeId);
    const defs = state.fields.where("objectTypeId", objectType.id);
    return c.json({ data: defs.sort((a, b) => a.order - b.order).map(fieldView) });
  });

  registerRoute(app, deps, routes.crm_fields_get, (c) => {
    const input = parseInput(fieldDefinitionIdInput, queryInput(c));
    return c.json({ field: fieldView(loadField(c, input.fieldDefinitionId)) });
  });

  registerRoute(app, deps, routes.crm_fields_create, async (c) => {
    const input = parseInput(crmFieldsCreateInput, await bodyInput(c));
    const { objectTypeId, slug, name, fieldType, options, isRequired, isMultiple, ...settings } =
      input;
    const objectType = loadObjectType(deps, c, objectTypeId);
    if (!SLUG.test(slug)) {
      throw new ApiError("invalid_request", "slug: lowercase letters, digits and _ only");
    }
    if (!(fieldTypes as readonly string[]).includes(fieldType)) {
      throw new ApiError("invalid_request", `fieldType: unknown field type ${fieldType}`);
    }
    const siblings = state.fields.where("objectTypeId", objectType.id);
    if (siblings.some((def) => def.slug === slug)) {
      throw new ApiError("conflict", `Field ${slug} already exists on ${objectType.slug}`);
    }
    const choice = fieldType === "select" || fieldType === "multiselect";
    if (choice && (options ?? []).length === 0) {
      throw new ApiError("invalid_request", `options: a ${fieldType} field needs options`);
    }
    const id = opaqueId();
    const now = clock.now();
    const def: StoredFieldDefinition = {
      id,
      workspaceId: objectType.workspaceId,
      objectTypeId: objectType.id,
      slug,
      name,
      fieldType: fieldType as FieldType,
      isMultiple: isMultiple ?? fieldType === "multiselect",
      isRequired: isRequired ?? false,
      isSystem: false,
      order: siblings.length,
      settings: definedOnly(settings),
      createdAt: now,
      updatedAt: now,
    };
    if (choice && options) {
      def.options = options.map((option) => ({ ...definedOnly(option), fieldDefinitionId: id }));
    }
    state.fields.put(def);
    return c.json({ field: fieldView(def) }, 201);
  });

  registerRoute(app, deps, routes.crm_fields_update, async (c) => {
    const input = parseInput(crmFieldsUpdateInput, await bodyInput(c));
    const { fieldDefinitionId, name, isRequired, isMultiple, isHidden, ...settings } = input;
    const def = loadField(c, fieldDefinitionId);
    const updated: StoredFieldDefinition = {
      ...def,
      ...definedOnly({ name, isRequired, isMultiple, isHidden }),
      settings: { ...def.settings, ...definedOnly(settings) },
      updatedAt: clock.now(),
    };
    state.fields.put(updated);
    return c.json({ field: fieldView(updated) });
  });
}
