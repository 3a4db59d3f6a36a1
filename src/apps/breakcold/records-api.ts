import type { RouteCaller } from "./route-caller.ts";
import { type BreakcoldRoute, breakcoldRoutes as routes } from "./routes.ts";
import {
  activityEnvelope,
  type BreakcoldRecord,
  type CustomActivity,
  recordEnvelope,
  recordSchema,
} from "./schemas.ts";

export interface ListRecordsQuery {
  /** Optional when the key can access exactly one workspace. */
  readonly workspaceId?: string;
  readonly objectTypeSlug?: string;
  readonly objectTypeId?: string;
  /** Case-insensitive substring of display name, emails or phones. */
  readonly search?: string;
  /** Include archived records. Default: false. */
  readonly archived?: boolean;
  /** A saved view of the object type: its filters apply on top of the query's. */
  readonly viewId?: string;
  /** Records per request, 1–100. Default: 100 (fewest calls against the rate budget). */
  readonly pageSize?: number;
}

/** Field map of a create or update: slug to a `FieldInputValue` (build them with `toFieldInput`). */
export type FieldInputs = { readonly [slug: string]: unknown };

/** Body of `custom_activities_create`; times are epoch milliseconds. */
export interface CustomActivityInput {
  title: string;
  descriptionHtml?: string;
  descriptionPlain?: string;
  startAt?: number;
  endAt?: number;
  linkedRecordIds?: string[];
  participantUserIds?: string[];
}

/** Records and their timeline: list/search, create, get, update, archive, restore, activities. */
export interface BreakcoldRecordsApi {
  listRecords(query: ListRecordsQuery): AsyncIterable<BreakcoldRecord>;
  getRecord(recordId: string): Promise<BreakcoldRecord>;
  /** Give the object type by slug or id. */
  createRecord(input: {
    workspaceId: string;
    objectTypeSlug?: string;
    objectTypeId?: string;
    fields?: FieldInputs;
  }): Promise<BreakcoldRecord>;
  /** Merges `fields` (`null` clears); multiselects append unless `multiselectMode: "replace"`. */
  updateRecord(
    recordId: string,
    input: { fields: FieldInputs; multiselectMode?: "append" | "replace" },
  ): Promise<BreakcoldRecord>;
  /** Breakcold's delete: the record leaves lists and reads until restored. */
  archiveRecord(recordId: string): Promise<BreakcoldRecord>;
  restoreRecord(recordId: string): Promise<BreakcoldRecord>;
  createCustomActivity(recordId: string, input: CustomActivityInput): Promise<CustomActivity>;
}

/** The records group of the client, on `caller`. */
export function recordsApi({ call, pages }: RouteCaller): BreakcoldRecordsApi {
  const recordCall = async (target: BreakcoldRoute, recordId: string, body?: unknown) =>
    (await call(target, { recordId }, { body }, recordEnvelope)).record;
  return {
    listRecords: ({ pageSize, ...query }) =>
      pages(routes.records_list, {}, query, pageSize, recordSchema),
    getRecord: (recordId) => recordCall(routes.records_get, recordId),
    createRecord: async (input) =>
      (await call(routes.records_create, {}, { body: input }, recordEnvelope)).record,
    updateRecord: (recordId, input) => recordCall(routes.records_update, recordId, input),
    archiveRecord: (recordId) => recordCall(routes.records_archive, recordId),
    restoreRecord: (recordId) => recordCall(routes.records_restore, recordId),
    createCustomActivity: async (recordId, input) =>
      (await call(routes.custom_activities_create, { recordId }, { body: input }, activityEnvelope))
        .activity,
  };
}
