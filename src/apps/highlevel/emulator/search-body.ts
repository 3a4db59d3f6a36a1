import { err, ok, type Result } from "../../../lib/result.ts";
import { OPERATORS, SEARCH_FIELDS, type SearchFilter } from "./search-filters.ts";

/** HighLevel's caps: page-based search reaches the first 10,000 rows, at most 500 per page. */
export const SEARCH_LIMITS = { maxPageLimit: 500, maxPagedRows: 10_000, maxQueryLength: 75 };

/** A validated `POST /contacts/search` body (BEHAVIOUR.md "Search"; not in the spec). */
export interface SearchBody {
  locationId: string;
  pageLimit: number;
  page?: number;
  query?: string;
  searchAfter?: [number | string, string];
  filters: SearchFilter[];
  sort: { field: string; direction: "asc" | "desc" }[];
}

const KEYS = ["locationId", "pageLimit", "page", "query", "searchAfter", "filters", "sort"];

function readFilters(raw: unknown, path: string, messages: string[]): SearchFilter[] {
  if (!Array.isArray(raw)) {
    messages.push(`${path} must be an array`);
    return [];
  }
  return raw.flatMap((entry, i): SearchFilter[] => {
    const at = `${path}.${i}`;
    const f = (entry ?? {}) as Record<string, unknown>;
    if ("group" in f) {
      if (f.group !== "AND" && f.group !== "OR") messages.push(`${at}.group must be AND or OR`);
      const inner = readFilters(f.filters, `${at}.filters`, messages);
      return [{ group: f.group === "OR" ? "OR" : "AND", filters: inner }];
    }
    if (typeof f.field !== "string" || !SEARCH_FIELDS.includes(f.field)) {
      messages.push(`${at}.field ${String(f.field)} is not supported`);
    }
    if (!(OPERATORS as readonly unknown[]).includes(f.operator)) {
      messages.push(`${at}.operator must be one of ${OPERATORS.join(", ")}`);
    }
    return [{ field: String(f.field), operator: String(f.operator), value: f.value }];
  });
}

/** Validates a search body; every problem becomes one string of a 422 message list. */
export function parseSearchBody(
  body: Record<string, unknown>,
): Result<SearchBody, { code: "invalid"; messages: string[] }> {
  const messages = Object.keys(body)
    .filter((key) => !KEYS.includes(key))
    .map((key) => `property ${key} should not exist`);
  const { locationId, pageLimit, page, query, searchAfter } = body;
  if (typeof locationId !== "string" || locationId === "")
    messages.push("locationId should not be empty");
  if (typeof pageLimit !== "number" || !Number.isInteger(pageLimit) || pageLimit < 1) {
    messages.push("pageLimit must be a positive integer");
  } else if (pageLimit > SEARCH_LIMITS.maxPageLimit) {
    messages.push(`pageLimit must not be greater than ${SEARCH_LIMITS.maxPageLimit}`);
  }
  if (
    query !== undefined &&
    (typeof query !== "string" || query.length > SEARCH_LIMITS.maxQueryLength)
  ) {
    messages.push(`query must be a string of at most ${SEARCH_LIMITS.maxQueryLength} characters`);
  }
  if (page !== undefined && (typeof page !== "number" || !Number.isInteger(page) || page < 1)) {
    messages.push("page must be a positive integer");
  }
  if (
    typeof page === "number" &&
    typeof pageLimit === "number" &&
    page * pageLimit > SEARCH_LIMITS.maxPagedRows
  ) {
    messages.push(
      `page-based search is limited to ${SEARCH_LIMITS.maxPagedRows} results; use searchAfter`,
    );
  }
  const validAfter =
    Array.isArray(searchAfter) && searchAfter.length === 2 && typeof searchAfter[1] === "string";
  if (searchAfter !== undefined && !validAfter) messages.push("searchAfter must be [value, id]");
  if (searchAfter !== undefined && page !== undefined)
    messages.push("searchAfter cannot be combined with page");
  const filters = body.filters === undefined ? [] : readFilters(body.filters, "filters", messages);
  const sort = Array.isArray(body.sort) ? (body.sort as Record<string, unknown>[]) : [];
  if (body.sort !== undefined && !Array.isArray(body.sort)) messages.push("sort must be an array");
  for (const [i, s] of sort.entries()) {
    if (typeof s.field !== "string" || !SEARCH_FIELDS.includes(s.field))
      messages.push(`sort.${i}.field is not supported`);
    if (s.direction !== "asc" && s.direction !== "desc")
      messages.push(`sort.${i}.direction must be asc or desc`);
  }
  if (messages.length > 0) return err({ code: "invalid", messages });
  return ok({
    locationId: locationId as string,
    pageLimit: pageLimit as number,
    ...(typeof page === "number" ? { page } : {}),
    ...(typeof query === "string" && query.trim() !== "" ? { query: query.trim() } : {}),
    ...(validAfter ? { searchAfter: searchAfter as [number | string, string] } : {}),
    filters,
    sort: sort.map((s) => ({ field: String(s.field), direction: s.direction as "asc" | "desc" })),
  });
}
