import type { BreakcoldRecord } from "../schemas.ts";
import type { ContactPoint, StoredFieldDefinition, StoredRecord, StoredValue } from "./model.ts";

/**
 * Renders a stored record to Breakcold's read shape: selects gain `value`, `label` and `color`,
 * emails and phones are `{value, isPrimary}[]`, and `displayName` is derived (person: first and
 * last name, else primary email, else primary phone; other objects: the `name` field).
 */
export function renderRecord(
  record: StoredRecord,
  defs: readonly StoredFieldDefinition[],
): BreakcoldRecord {
  const bySlug = new Map(defs.map((def) => [def.slug, def]));
  const fields: { [slug: string]: unknown } = {};
  for (const [slug, value] of Object.entries(record.fields)) {
    const def = bySlug.get(slug);
    fields[slug] = def ? renderValue(def, value) : value;
  }
  const view: BreakcoldRecord = {
    id: record.id,
    workspaceId: record.workspaceId,
    objectTypeId: record.objectTypeId,
    objectTypeSlug: record.objectTypeSlug,
    displayName: displayNameOf(record),
    fields,
    isArchived: record.isArchived,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
  if (record.archivedAt !== undefined) view.archivedAt = record.archivedAt;
  return view;
}

function renderValue(def: StoredFieldDefinition, value: StoredValue): unknown {
  if (def.fieldType !== "select" && def.fieldType !== "multiselect") return value;
  const render = (optionId: string) => {
    const option = def.options?.find((candidate) => candidate.id === optionId);
    return {
      optionId,
      value: option?.value ?? null,
      label: option?.label ?? null,
      color: option?.color ?? null,
    };
  };
  if (Array.isArray(value)) return (value as { optionId: string }[]).map((v) => render(v.optionId));
  return render((value as { optionId: string }).optionId);
}

/** The derived display name of a stored record. */
export function displayNameOf(record: StoredRecord): string {
  const text = (slug: string) => {
    const value = record.fields[slug];
    return typeof value === "string" ? value.trim() : "";
  };
  if (record.objectTypeSlug === "person") {
    const name = `${text("first_name")} ${text("last_name")}`.trim();
    return name || primaryOf(record.fields.email) || primaryOf(record.fields.phone) || "";
  }
  return text("name");
}

function primaryOf(value: StoredValue | undefined): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const points = value as ContactPoint[];
  return (points.find((point) => point.isPrimary) ?? points[0])?.value;
}

/**
 * Whether `record` matches a `search` query: case-insensitive substring of the display name or of
 * any email or phone value (fields typed email or phone by their definitions).
 */
export function matchesSearch(
  record: StoredRecord,
  defs: readonly StoredFieldDefinition[],
  query: string,
): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === "") return true;
  const haystack = [displayNameOf(record)];
  for (const def of defs) {
    if (def.fieldType !== "email" && def.fieldType !== "phone") continue;
    const value = record.fields[def.slug];
    if (Array.isArray(value)) haystack.push(...(value as ContactPoint[]).map((p) => p.value));
  }
  return haystack.some((candidate) => candidate.toLowerCase().includes(needle));
}
