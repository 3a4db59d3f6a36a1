import type { Contact, Note, Task } from "./records.ts";

/** A webhook event before the envelope (`timestamp`, `webhookId`) is added. */
export interface WebhookEvent {
  readonly type: string;
  readonly locationId: string;
  readonly [field: string]: unknown;
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** `ContactCreate`, flat with `id` for the contact (docs/webhook-events/ContactCreate.md). */
export function contactCreateEvent(contact: Contact): WebhookEvent {
  return {
    type: "ContactCreate",
    locationId: contact.locationId,
    ...defined({
      id: contact.id,
      address1: contact.address1,
      city: contact.city,
      state: contact.state,
      companyName: contact.companyName,
      country: contact.country,
      source: contact.source,
      dateAdded: contact.dateAdded,
      // Webhooks carry ISO midnight, like the create response.
      dateOfBirth: contact.dateOfBirth ? `${contact.dateOfBirth}T00:00:00.000Z` : undefined,
      dnd: contact.dnd,
      email: contact.email,
      name: contact.name,
      firstName: contact.firstName,
      lastName: contact.lastName,
      phone: contact.phone,
      postalCode: contact.postalCode,
      tags: contact.tags,
      website: contact.website,
      attachments: [],
      assignedTo: contact.assignedTo,
      customFields: contact.customFields,
    }),
  };
}

/** `NoteCreate`: `id` of the note plus `contactId` (docs/webhook-events/NoteCreate.md). */
export function noteCreateEvent(note: Note): WebhookEvent {
  return {
    type: "NoteCreate",
    locationId: note.locationId,
    id: note.id,
    body: note.body,
    contactId: note.contactId,
    dateAdded: note.dateAdded,
  };
}

/** `TaskCreate`: `id` of the task plus `contactId` (docs/webhook-events/TaskCreate.md). */
export function taskCreateEvent(task: Task): WebhookEvent {
  return {
    type: "TaskCreate",
    locationId: task.locationId,
    ...defined({
      id: task.id,
      assignedTo: task.assignedTo,
      body: task.body,
      contactId: task.contactId,
      title: task.title,
      dateAdded: task.dateAdded,
      dueDate: task.dueDate,
    }),
  };
}
