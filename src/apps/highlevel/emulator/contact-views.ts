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
 * A contact as `GET /contacts/:id`, `PUT` and the list answer it (GetContectByIdSchema):
 * custom fields as `{id, value}`, `dateOfBirth` as `YYYY-MM-DD`.
 */
export function contactView(contact: Contact): Record<string, unknown> {
  return { ...contact, ...lowerCaseFields(contact) };
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
  };
  if (contact.dateOfBirth) {
    const date = new Date(`${contact.dateOfBirth}T00:00:00.000Z`);
    view.dateOfBirth = date.toISOString();
    view.birthMonth = date.getUTCMonth();
    view.birthDay = date.getUTCDate();
  }
  return view;
}
