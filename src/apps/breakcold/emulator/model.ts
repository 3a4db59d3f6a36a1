import type { Collection, DocStore } from "../../../store/doc-store.ts";
import type { BreakcoldScope } from "../routes.ts";
import type { FieldOption, FieldType } from "../schemas.ts";
import type { StoredDelivery, StoredEndpoint } from "./webhook-model.ts";

/**
 * Stored documents of the Breakcold emulator and the DocStore collections holding them.
 * Rows are kept separate from wire shapes: records store raw values (`{optionId}` for selects)
 * and are rendered to the read shape on the way out, so renaming an option shows everywhere.
 */

export interface StoredWorkspace {
  id: string;
  name: string;
  organizationId: string;
  createdAt: number;
  updatedAt: number;
}

export interface StoredObjectType {
  id: string;
  workspaceId: string;
  slug: string;
  nameSingular: string;
  namePlural: string;
  isSystem: boolean;
  isActive: boolean;
  icon?: string;
  color?: string;
  createdAt: number;
  updatedAt: number;
}

export interface StoredFieldDefinition {
  id: string;
  workspaceId: string;
  objectTypeId: string;
  slug: string;
  name: string;
  fieldType: FieldType;
  isMultiple: boolean;
  isRequired: boolean;
  isSystem: boolean;
  order: number;
  options?: FieldOption[];
  isHidden?: boolean;
  /** Settings of `crm_fields_create/update` the emulator stores and echoes but does not act on. */
  settings?: { [name: string]: unknown };
  createdAt: number;
  updatedAt: number;
}

/** One address of a multi-value email or phone field; exactly one per field is primary. */
export interface ContactPoint {
  value: string;
  isPrimary: boolean;
}

/** A stored field value; JSON-serialisable, never empty (empty values are deleted instead). */
export type StoredValue =
  | string
  | number
  | boolean
  | string[]
  | ContactPoint[]
  | { optionId: string }
  | { optionId: string }[]
  | { amount: number; currencyCode: string };

export interface StoredRecord {
  id: string;
  workspaceId: string;
  objectTypeId: string;
  objectTypeSlug: string;
  fields: { [slug: string]: StoredValue };
  isArchived: boolean;
  archivedAt?: number;
  createdAt: number;
  updatedAt: number;
}

export interface StoredNote {
  id: string;
  workspaceId: string;
  recordId: string;
  title: string;
  content: string;
  contentPlain: string;
  authorUserId: string;
  createdAt: number;
  updatedAt: number;
}

export interface StoredTask {
  id: string;
  workspaceId: string;
  recordId: string;
  title: string;
  descriptionHtml?: string;
  descriptionPlain?: string;
  dueAt?: number;
  assigneeUserIds?: string[];
  status: "todo" | "done";
  createdAt: number;
  updatedAt: number;
}

/** A custom activity on a record's timeline. */
export interface StoredActivity {
  id: string;
  workspaceId: string;
  recordId: string;
  title: string;
  descriptionHtml?: string;
  descriptionPlain?: string;
  startAt?: number;
  endAt?: number;
  linkedRecordIds?: string[];
  participantUserIds?: string[];
  createdAt: number;
  updatedAt: number;
}

/**
 * A saved view of an object type's records. The emulator seeds "All <plural>" (no filter) for
 * every object type; `search` is the view's saved filter, applied like the list's `search`.
 */
export interface StoredView {
  id: string;
  workspaceId: string;
  objectTypeId: string;
  name: string;
  search?: string;
  createdAt: number;
}

/** An API key: `id` is the sha256 hex of the plaintext key, which is never stored. */
export interface StoredApiKey {
  id: string;
  organizationId: string;
  workspaceIds: string[];
  scopes: BreakcoldScope[];
  /** The user the key acts as (author of notes it creates). */
  actorUserId: string;
  expiresAt?: number;
  createdAt: number;
}

/** Emulator-wide settings, e.g. the default organization id. */
export interface StoredMeta {
  id: string;
  value: string;
}

/** Typed handles on every collection the emulator uses. */
export interface EmulatorState {
  readonly docs: DocStore;
  readonly workspaces: Collection<StoredWorkspace>;
  readonly objectTypes: Collection<StoredObjectType>;
  readonly fields: Collection<StoredFieldDefinition>;
  readonly records: Collection<StoredRecord>;
  readonly notes: Collection<StoredNote>;
  readonly tasks: Collection<StoredTask>;
  readonly activities: Collection<StoredActivity>;
  readonly views: Collection<StoredView>;
  readonly apiKeys: Collection<StoredApiKey>;
  readonly meta: Collection<StoredMeta>;
  readonly endpoints: Collection<StoredEndpoint>;
  readonly deliveries: Collection<StoredDelivery>;
}

/** Opens the emulator's collections; names are prefixed so other emulators can share the file. */
export function openState(docs: DocStore): EmulatorState {
  return {
    docs,
    workspaces: docs.collection("breakcold.workspaces"),
    objectTypes: docs.collection("breakcold.objectTypes"),
    fields: docs.collection("breakcold.fields"),
    records: docs.collection("breakcold.records"),
    notes: docs.collection("breakcold.notes"),
    tasks: docs.collection("breakcold.tasks"),
    activities: docs.collection("breakcold.activities"),
    views: docs.collection("breakcold.views"),
    apiKeys: docs.collection("breakcold.apiKeys"),
    meta: docs.collection("breakcold.meta"),
    endpoints: docs.collection("breakcold.webhookEndpoints"),
    deliveries: docs.collection("breakcold.webhookDeliveries"),
  };
}
