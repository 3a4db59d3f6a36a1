import type { Contact } from "./records.ts";

function lowerCaseFields(contact: Contact): Record<string, string> {
  const out: Record<string, string> = {};
  if (contact.email) out.emailLowerCase = contact.email.toLowerCase();
  if (contact.firstName) out.firstNameLowerCase = contact.firstName.toLowerCase();
  if (contact.lastName) out.lastNameLowerCase = contact.lastName.toLowerCase();
  if (contact.name) out.fullNameLowerCase = contact.name.toLowerCase();
  return out;
}

/**
 * A contact as `GET /contacts/:id`, `PUT`, upsert and the lists answer it (GetContectByIdSchema,
 * ContactsSearchSchema): custom fields as `{id, value}`, `dateOfBirth` as `YYYY-MM-DD`,
 * `followers` always a list. Campaign and workflow memberships are not part of the view.
 */
export function contactView(contact: Contact): Record<string, unknown> {
  const {
    campaigns: _campaigns,
    workflows: _workflows,
    lastSessionActivityAt: _session,
    additionalEmails: _emails,
    additionalPhones: _phones,
    ...rest
  } = contact;
  const attributions = [contact.attributionSource, contact.lastAttributionSource].filter(
    (a) => a !== undefined,
  );
  return {
    ...rest,
    followers: contact.followers ?? [],
    ...(attributions.length > 0 ? { attributions } : {}),
    ...lowerCaseFields(contact),
  };
}

/**
 * A contact as `POST /contacts/` answers it (CreateContactSchema): `dateOfBirth` as ISO
 * midnight plus `birthMonth` (0-based, as in the spec example) and `birthDay`
 * (BEHAVIOUR.md: "GET gives YYYY-MM-DD-style, create gives ISO midnight").
 */
export function createdContactView(contact: Contact): Record<string, unknown> {
  const view: Record<string, unknown> = {
    ...contactView(contact),
    deleted: false,
    bounceEmail: false,
    unsubscribeEmail: false,
    offers: [],
    products: [],
  };
  if (contact.lastSessionActivityAt) view.lastSessionActivityAt = contact.lastSessionActivityAt;
  if (contact.dateOfBirth) {
    const date = new Date(`${contact.dateOfBirth}T00:00:00.000Z`);
    view.dateOfBirth = date.toISOString();
    view.birthMonth = date.getUTCMonth();
    view.birthDay = date.getUTCDate();
  }
  return view;
}

/**
 * A contact as `POST /contacts/search` answers it: `address` instead of `address1`,
 * `additionalEmails`/`additionalPhones`/`followers`/`opportunities` always present, and
 * `searchAfter` = `[sort value, id]` to continue past 10,000 rows (BEHAVIOUR.md "Search").
 */
export function searchContactView(
  contact: Contact,
  searchAfter: [number | string, string],
): Record<string, unknown> {
  const { address1, ...view } = contactView(contact);
  return {
    ...view,
    ...(address1 === undefined ? {} : { address: address1 }),
    additionalEmails: contact.additionalEmails ?? [],
    additionalPhones: contact.additionalPhones ?? [],
    opportunities: [],
    searchAfter,
  };
}
