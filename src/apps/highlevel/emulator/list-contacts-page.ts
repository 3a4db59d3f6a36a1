import type { Contact } from "./records.ts";

/** Paging input of `GET /contacts/`: `startAfter` is the cursor's dateAdded in epoch ms. */
export interface ContactPageRequest {
  query?: string;
  limit: number;
  startAfter?: number;
  startAfterId?: string;
}

/** One page plus what the `meta` block needs. */
export interface ContactPage {
  contacts: Contact[];
  total: number;
  /** Position of the page's first contact among all matches. */
  offset: number;
  hasMore: boolean;
}

/** Free-text match over name, email, company and phone digits (the `query` of list and search). */
export function matchesQuery(contact: Contact, query: string): boolean {
  const needle = query.toLowerCase();
  const digits = query.replace(/\D/g, "");
  const haystack = [
    contact.name,
    contact.firstName,
    contact.lastName,
    contact.email,
    contact.companyName,
  ];
  if (haystack.some((value) => value?.toLowerCase().includes(needle))) return true;
  return digits.length >= 3 && (contact.phone ?? "").replace(/\D/g, "").includes(digits);
}

function compare(a: Contact, b: Contact): number {
  const byDate = Date.parse(a.dateAdded) - Date.parse(b.dateAdded);
  return byDate !== 0 ? byDate : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Pages contacts oldest first with the compound cursor `(dateAdded, id)`, so contacts sharing a
 * timestamp are neither skipped nor repeated. `startAfterId` alone resumes after that contact.
 */
export function pageContacts(all: readonly Contact[], request: ContactPageRequest): ContactPage {
  const query = request.query?.trim();
  const matches = (query ? all.filter((c) => matchesQuery(c, query)) : [...all]).sort(compare);
  let offset = 0;
  const { startAfter, startAfterId } = request;
  if (startAfter !== undefined) {
    offset = matches.findIndex((c) => {
      const at = Date.parse(c.dateAdded);
      return (
        at > startAfter || (at === startAfter && startAfterId !== undefined && c.id > startAfterId)
      );
    });
    if (offset < 0) offset = matches.length;
  } else if (startAfterId !== undefined) {
    offset = matches.findIndex((c) => c.id === startAfterId) + 1;
  }
  const contacts = matches.slice(offset, offset + request.limit);
  return {
    contacts,
    total: matches.length,
    offset,
    hasMore: offset + contacts.length < matches.length,
  };
}
