import type { Contact } from "./records.ts";

/** One condition or a nested group of `POST /contacts/search` (BEHAVIOUR.md "Search"). */
export type SearchFilter =
  | { field: string; operator: string; value?: unknown }
  | { group: "AND" | "OR"; filters: SearchFilter[] };

export const OPERATORS = [
  "eq",
  "not_eq",
  "contains",
  "not_contains",
  "exists",
  "not_exists",
  "range",
] as const;

const FIELDS: Record<string, (c: Contact) => unknown> = {
  id: (c) => c.id,
  firstName: (c) => c.firstName,
  lastName: (c) => c.lastName,
  name: (c) => c.name,
  email: (c) => c.email,
  phone: (c) => c.phone,
  companyName: (c) => c.companyName,
  address: (c) => c.address1,
  city: (c) => c.city,
  state: (c) => c.state,
  country: (c) => c.country,
  postalCode: (c) => c.postalCode,
  website: (c) => c.website,
  timezone: (c) => c.timezone,
  source: (c) => c.source,
  type: (c) => c.type,
  assignedTo: (c) => c.assignedTo,
  businessId: (c) => c.businessId,
  dnd: (c) => c.dnd,
  tags: (c) => c.tags,
  followers: (c) => c.followers ?? [],
  dateOfBirth: (c) => c.dateOfBirth,
  dateAdded: (c) => c.dateAdded,
  dateUpdated: (c) => c.dateUpdated,
};

/** Field names search can filter and sort on. */
export const SEARCH_FIELDS = Object.keys(FIELDS);

/** A field's value; dates become epoch ms so `range` and sorting compare numbers. */
export function fieldValue(contact: Contact, field: string): unknown {
  const value = FIELDS[field]?.(contact);
  if ((field === "dateAdded" || field === "dateUpdated") && typeof value === "string") {
    return Date.parse(value);
  }
  return value;
}

function lower(value: unknown): unknown {
  return typeof value === "string" ? value.toLowerCase() : value;
}

function present(value: unknown): boolean {
  return (
    value !== undefined &&
    value !== null &&
    value !== "" &&
    !(Array.isArray(value) && value.length === 0)
  );
}

function inRange(value: unknown, range: Record<string, unknown>): boolean {
  const n = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : NaN;
  if (Number.isNaN(n)) return false;
  const bound = (key: string) => {
    const raw = range[key];
    return typeof raw === "number" ? raw : typeof raw === "string" ? Date.parse(raw) : undefined;
  };
  const [gt, gte, lt, lte] = [bound("gt"), bound("gte"), bound("lt"), bound("lte")];
  return (
    (gt === undefined || n > gt) &&
    (gte === undefined || n >= gte) &&
    (lt === undefined || n < lt) &&
    (lte === undefined || n <= lte)
  );
}

function condition(contact: Contact, field: string, operator: string, wanted: unknown): boolean {
  // `phone` is compared as stored (E.164), without normalising the filter value: an `eq` on a
  // differently formatted number misses, as reported (BEHAVIOUR.md "Search").
  const value = field === "phone" ? contact.phone : fieldValue(contact, field);
  const values = Array.isArray(value) ? value : [value];
  switch (operator) {
    case "eq":
      return values.some((v) => lower(v) === lower(wanted));
    case "not_eq":
      return !values.some((v) => lower(v) === lower(wanted));
    case "contains":
      return values.some(
        (v) => typeof v === "string" && v.toLowerCase().includes(String(wanted).toLowerCase()),
      );
    case "not_contains":
      return !values.some(
        (v) => typeof v === "string" && v.toLowerCase().includes(String(wanted).toLowerCase()),
      );
    case "exists":
      return present(value);
    case "not_exists":
      return !present(value);
    case "range":
      return (
        typeof wanted === "object" &&
        wanted !== null &&
        inRange(value, wanted as Record<string, unknown>)
      );
    default:
      return false;
  }
}

/** Whether `contact` satisfies every top-level filter (a list is an implicit AND). */
export function matchesFilters(contact: Contact, filters: readonly SearchFilter[]): boolean {
  return filters.every((filter) => {
    if ("group" in filter) {
      const results = filter.filters.map((inner) => matchesFilters(contact, [inner]));
      return filter.group === "OR" ? results.some(Boolean) : results.every(Boolean);
    }
    return condition(contact, filter.field, filter.operator, filter.value);
  });
}
