import { z } from "zod";
import { fieldOptionSchema } from "./schemas.ts";
import { id } from "./tool-inputs.ts";
import { BREAKCOLD_WEBHOOK_EVENTS } from "./webhook-events.ts";

/**
 * Zod mirrors of the CRM-metadata tools' `inputSchema`s in `spec/tools.json`, plus the
 * integration-hook bodies that tools.json does not describe (API.md's inferred shape).
 * See `tool-inputs.ts` for the conventions.
 */

export const crmObjectsListInput = z.object({ workspaceId: id });
export const objectTypeIdInput = z.object({ objectTypeId: id });

export const crmObjectsCreateInput = z.object({
  workspaceId: id,
  slug: z.string(),
  nameSingular: z.string(),
  namePlural: z.string(),
  icon: z.string().optional(),
  color: z.string().optional(),
});

export const crmObjectsUpdateInput = z.object({
  objectTypeId: id,
  nameSingular: z.string().optional(),
  namePlural: z.string().optional(),
  icon: z.string().optional(),
  color: z.string().optional(),
  isActive: z.boolean().optional(),
});

/** Options as tools.json requires them on `crm_fields_create`: the read shape, ids included. */
export const fieldOptionInput = fieldOptionSchema;

/** The field properties both create and update accept (besides their own). */
const fieldSettings = {
  description: z.string().optional(),
  isRequired: z.boolean().optional(),
  isMultiple: z.boolean().optional(),
  showInCreateModal: z.boolean().optional(),
  defaultValue: z.unknown().optional(),
  validation: z.record(z.string(), z.unknown()).optional(),
  targetObjectTypeId: id.optional(),
  notifyOnAssign: z.boolean().optional(),
  interactionRollupMode: z.string().optional(),
  defaultValueTemplate: z.string().optional(),
  isComputed: z.boolean().optional(),
  computeExpression: z.string().optional(),
  isIdentifier: z.boolean().optional(),
};

export const crmFieldsCreateInput = z.object({
  objectTypeId: id,
  slug: z.string(),
  name: z.string(),
  fieldType: z.string(),
  options: z.array(fieldOptionInput).optional(),
  ...fieldSettings,
});

export const fieldDefinitionIdInput = z.object({ fieldDefinitionId: id });

export const crmFieldsUpdateInput = z.object({
  fieldDefinitionId: id,
  name: z.string().optional(),
  isHidden: z.boolean().optional(),
  ...fieldSettings,
});

/**
 * `POST /integration-hooks` [inferred, API.md]: an https `url` and a non-empty list of event
 * names from the webhook table. `workspaceId` is needed only by keys with several workspaces.
 */
export const integrationHooksCreateInput = z.object({
  workspaceId: id.optional(),
  url: z.url({ protocol: /^https?$/ }),
  events: z.array(z.enum(BREAKCOLD_WEBHOOK_EVENTS)).min(1),
});

export const hookIdInput = z.object({ hookId: id });
