import type { Clock } from "../../../lib/clock.ts";
import { opaqueId } from "../../../lib/ids.ts";
import type { FieldOption, FieldType } from "../schemas.ts";
import type {
  EmulatorState,
  StoredFieldDefinition,
  StoredObjectType,
  StoredWorkspace,
} from "./model.ts";

interface FieldSeed {
  slug: string;
  name: string;
  fieldType: FieldType;
  isMultiple?: boolean;
  options?: { value: string; label: string; color: string }[];
}

/**
 * System objects and fields every new workspace gets. Slugs follow API.md ("Person fields
 * seen"); email and phone are multi-value (`isMultiple`), read back as `{value, isPrimary}[]`.
 */
const SYSTEM_OBJECTS: { slug: string; singular: string; plural: string; fields: FieldSeed[] }[] = [
  {
    slug: "person",
    singular: "Person",
    plural: "People",
    fields: [
      { slug: "first_name", name: "First name", fieldType: "text" },
      { slug: "last_name", name: "Last name", fieldType: "text" },
      { slug: "email", name: "Email", fieldType: "email", isMultiple: true },
      { slug: "phone", name: "Phone", fieldType: "phone", isMultiple: true },
      { slug: "company", name: "Company", fieldType: "text" },
      { slug: "job_title", name: "Job title", fieldType: "text" },
      { slug: "linkedin", name: "LinkedIn", fieldType: "linkedin" },
      { slug: "city", name: "City", fieldType: "location" },
      { slug: "website", name: "Website", fieldType: "url" },
      {
        slug: "status",
        name: "Status",
        fieldType: "select",
        options: [
          { value: "lead", label: "Lead", color: "blue" },
          { value: "contacted", label: "Contacted", color: "yellow" },
          { value: "customer", label: "Customer", color: "green" },
          { value: "lost", label: "Lost", color: "red" },
        ],
      },
      {
        slug: "tags",
        name: "Tags",
        fieldType: "multiselect",
        isMultiple: true,
        options: [
          { value: "vip", label: "VIP", color: "purple" },
          { value: "newsletter", label: "Newsletter", color: "gray" },
          { value: "referral", label: "Referral", color: "orange" },
        ],
      },
      { slug: "birthday", name: "Birthday", fieldType: "date" },
      { slug: "do_not_contact", name: "Do not contact", fieldType: "checkbox" },
    ],
  },
  {
    slug: "company",
    singular: "Company",
    plural: "Companies",
    fields: [
      { slug: "name", name: "Name", fieldType: "text" },
      { slug: "domain", name: "Domain", fieldType: "url" },
      { slug: "industry", name: "Industry", fieldType: "text" },
      { slug: "phone", name: "Phone", fieldType: "phone", isMultiple: true },
      { slug: "linkedin", name: "LinkedIn", fieldType: "linkedin" },
      { slug: "city", name: "City", fieldType: "location" },
      { slug: "employees", name: "Employees", fieldType: "number" },
    ],
  },
  {
    slug: "deal",
    singular: "Deal",
    plural: "Deals",
    fields: [
      { slug: "name", name: "Name", fieldType: "text" },
      { slug: "amount", name: "Amount", fieldType: "currency" },
      { slug: "close_date", name: "Close date", fieldType: "date" },
      {
        slug: "stage",
        name: "Stage",
        fieldType: "select",
        options: [
          { value: "qualification", label: "Qualification", color: "blue" },
          { value: "proposal", label: "Proposal", color: "yellow" },
          { value: "won", label: "Won", color: "green" },
          { value: "lost", label: "Lost", color: "red" },
        ],
      },
    ],
  },
];

/** The default organization id, created on first use and kept in the store. */
export function defaultOrganizationId(state: EmulatorState): string {
  const existing = state.meta.get("defaultOrganizationId");
  if (existing) return existing.value;
  return state.meta.put({ id: "defaultOrganizationId", value: opaqueId() }).value;
}

/**
 * Creates a workspace with the system object types and their field definitions, in one
 * transaction. Throws when `id` is taken: seeding twice is a test bug.
 */
export function seedWorkspace(
  state: EmulatorState,
  clock: Clock,
  input: { id?: string; name?: string; organizationId?: string },
): StoredWorkspace {
  return state.docs.transaction(() => {
    const id = input.id ?? opaqueId();
    if (state.workspaces.get(id)) throw new Error(`workspace ${id} already exists`);
    const now = clock.now();
    const workspace: StoredWorkspace = {
      id,
      name: input.name ?? "Sandbox workspace",
      organizationId: input.organizationId ?? defaultOrganizationId(state),
      createdAt: now,
      updatedAt: now,
    };
    state.workspaces.put(workspace);
    for (const seed of SYSTEM_OBJECTS) {
      const objectType = addObjectType(state, id, seed, true, now);
      seed.fields.forEach((field, order) => {
        state.fields.put(fieldFromSeed(field, objectType, order, now));
      });
    }
    return workspace;
  });
}

/**
 * Stores a new object type of `workspaceId` with its seeded "All <plural>" view (the view a user
 * would find in a fresh workspace; `records_list?viewId=` accepts it).
 */
export function addObjectType(
  state: EmulatorState,
  workspaceId: string,
  names: { slug: string; singular: string; plural: string; icon?: string; color?: string },
  isSystem: boolean,
  now: number,
): StoredObjectType {
  const objectType: StoredObjectType = {
    id: opaqueId(),
    workspaceId,
    slug: names.slug,
    nameSingular: names.singular,
    namePlural: names.plural,
    isSystem,
    isActive: true,
    createdAt: now,
    updatedAt: now,
  };
  if (names.icon !== undefined) objectType.icon = names.icon;
  if (names.color !== undefined) objectType.color = names.color;
  state.objectTypes.put(objectType);
  state.views.put({
    id: opaqueId(),
    workspaceId,
    objectTypeId: objectType.id,
    name: `All ${names.plural.toLowerCase()}`,
    createdAt: now,
  });
  return objectType;
}

function fieldFromSeed(
  seed: FieldSeed,
  objectType: StoredObjectType,
  order: number,
  now: number,
): StoredFieldDefinition {
  const id = opaqueId();
  const field: StoredFieldDefinition = {
    id,
    workspaceId: objectType.workspaceId,
    objectTypeId: objectType.id,
    slug: seed.slug,
    name: seed.name,
    fieldType: seed.fieldType,
    isMultiple: seed.isMultiple ?? false,
    isRequired: false,
    isSystem: true,
    order,
    createdAt: now,
    updatedAt: now,
  };
  if (seed.options) {
    field.options = seed.options.map(
      (option, index): FieldOption => ({
        id: opaqueId(),
        fieldDefinitionId: id,
        value: option.value,
        label: option.label,
        color: option.color,
        order: index,
        isDefault: false,
        isActive: true,
      }),
    );
  }
  return field;
}
