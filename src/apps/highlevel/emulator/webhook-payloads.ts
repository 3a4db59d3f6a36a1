import { formatOffsetDateTime } from "./local-time.ts";
import type { Appointment, Contact, Note, Task } from "./records.ts";

/** A webhook event before the envelope (`timestamp`, `webhookId`) is added. */
export interface WebhookEvent {
  readonly type: string;
  readonly locationId?: string;
  readonly [field: string]: unknown;
}

/** The 16 documented event types (docs/webhook-events/*.md; app events are typed INSTALL/UNINSTALL). */
export const WEBHOOK_EVENT_TYPES = [
  "ContactCreate",
  "ContactUpdate",
  "ContactDelete",
  "ContactTagUpdate",
  "ContactDndUpdate",
  "NoteCreate",
  "NoteUpdate",
  "NoteDelete",
  "TaskCreate",
  "TaskComplete",
  "TaskDelete",
  "AppointmentCreate",
  "AppointmentUpdate",
  "AppointmentDelete",
  "INSTALL",
  "UNINSTALL",
] as const;

export type ContactEventType =
  | "ContactCreate"
  | "ContactUpdate"
  | "ContactDelete"
  | "ContactTagUpdate"
  | "ContactDndUpdate";

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * A contact event, flat with `id` for the contact (docs/webhook-events/Contact*.md);
 * `ContactDndUpdate` adds `dndSettings`.
 */
export function contactEvent(type: ContactEventType, contact: Contact): WebhookEvent {
  return {
    type,
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
      dndSettings: type === "ContactDndUpdate" ? (contact.dndSettings ?? {}) : undefined,
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

/** `ContactCreate` (kept for callers of the first slice). */
export function contactCreateEvent(contact: Contact): WebhookEvent {
  return contactEvent("ContactCreate", contact);
}

/** A note event: `id` of the note plus `contactId` (docs/webhook-events/Note*.md). */
export function noteEvent(
  type: "NoteCreate" | "NoteUpdate" | "NoteDelete",
  note: Note,
): WebhookEvent {
  return {
    type,
    locationId: note.locationId,
    id: note.id,
    body: note.body,
    contactId: note.contactId,
    dateAdded: note.dateAdded,
  };
}

export function noteCreateEvent(note: Note): WebhookEvent {
  return noteEvent("NoteCreate", note);
}

/** A task event: `id` of the task plus `contactId` (docs/webhook-events/Task*.md). There is no TaskUpdate. */
export function taskEvent(
  type: "TaskCreate" | "TaskComplete" | "TaskDelete",
  task: Task,
): WebhookEvent {
  return {
    type,
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

export function taskCreateEvent(task: Task): WebhookEvent {
  return taskEvent("TaskCreate", task);
}

/**
 * An appointment event: nested `appointment`, times as ISO with the location's offset
 * (docs/webhook-events/Appointment*.md), unlike the zone-less REST form.
 */
export function appointmentEvent(
  type: "AppointmentCreate" | "AppointmentUpdate" | "AppointmentDelete",
  appt: Appointment,
  timeZone: string,
): WebhookEvent {
  const at = (iso: string) => formatOffsetDateTime(iso, timeZone);
  return {
    type,
    locationId: appt.locationId,
    appointment: defined({
      id: appt.id,
      address: appt.address,
      title: appt.title,
      calendarId: appt.calendarId,
      contactId: appt.contactId,
      groupId: appt.groupId,
      appointmentStatus: appt.appointmentStatus,
      assignedUserId: appt.assignedUserId,
      users: appt.users,
      notes: appt.notes,
      source: appt.source,
      startTime: at(appt.startTime),
      endTime: at(appt.endTime),
      dateAdded: at(appt.dateAdded),
      dateUpdated: at(appt.dateUpdated),
    }),
  };
}

/** `INSTALL` / `UNINSTALL` of a marketplace app on a location (docs/webhook-events/App*.md). */
export function appEvent(
  type: "INSTALL" | "UNINSTALL",
  install: {
    appId: string;
    locationId: string;
    companyId: string;
    userId?: string;
    companyName?: string;
  },
): WebhookEvent {
  return {
    type,
    appId: install.appId,
    locationId: install.locationId,
    companyId: install.companyId,
    ...(type === "INSTALL"
      ? defined({ userId: install.userId, companyName: install.companyName })
      : {}),
  };
}
