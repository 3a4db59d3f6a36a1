import type { Collection, DocStore } from "../../../store/doc-store.ts";
import type { BreakcoldScope } from "../routes.ts";
import type { FieldOption, FieldType } from "../schemas.ts";

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
  readonly apiKeys: Collection<StoredApiKey>;
  readonly meta: Collection<StoredMeta>;
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
    apiKeys: docs.collection("breakcold.apiKeys"),
    meta: docs.collection("breakcold.meta"),
  };
}
