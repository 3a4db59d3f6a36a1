import type { Clock } from "../../../lib/clock.ts";
import { firebaseId } from "../../../lib/ids.ts";
import type { Appointment, Contact } from "./records.ts";
import type { EmulatorState } from "./state.ts";

/** Input of `seedAppointment`/`createAppointment`; times are ISO instants, shown in the location's zone. */
export interface SeedAppointmentInput {
  id?: string;
  calendarId?: string;
  title?: string;
  status?: string;
  assignedUserId?: string;
  notes?: string;
  address?: string;
  groupId?: string;
  source?: string;
  assignedResources?: string[];
  startTime: string;
  endTime: string;
}

/** Builds a stored contact from seed fields; `name` is derived from first and last name. */
export function seedContactRecord(
  locationId: string,
  contact: Partial<Contact> & { id?: string },
  now: string,
): Contact {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ") || contact.name;
  return {
    type: "lead",
    dateAdded: now,
    dateUpdated: now,
    ...contact,
    ...(name ? { name } : {}),
    id: contact.id ?? firebaseId(),
    locationId,
    tags: contact.tags ?? [],
    customFields: contact.customFields ?? [],
  };
}

/** Builds a stored appointment for an existing contact (throws for an unknown contact: a test bug). */
export function appointmentRecord(
  state: EmulatorState,
  clock: Clock,
  contactId: string,
  input: SeedAppointmentInput,
): Appointment {
  const contact = state.contacts.get(contactId);
  if (!contact) throw new Error(`HighLevel emulator: no contact ${contactId}`);
  const at = new Date(clock.now()).toISOString();
  const status = input.status ?? "booked";
  const appt: Appointment = {
    id: input.id ?? firebaseId(),
    locationId: contact.locationId,
    contactId,
    calendarId: input.calendarId ?? firebaseId(),
    title: input.title ?? "Appointment",
    status,
    appointmentStatus: status,
    users: input.assignedUserId ? [input.assignedUserId] : [],
    startTime: new Date(input.startTime).toISOString(),
    endTime: new Date(input.endTime).toISOString(),
    dateAdded: at,
    dateUpdated: at,
  };
  if (input.assignedUserId) appt.assignedUserId = input.assignedUserId;
  if (input.notes) appt.notes = input.notes;
  if (input.address) appt.address = input.address;
  if (input.groupId) appt.groupId = input.groupId;
  if (input.source) appt.source = input.source;
  if (input.assignedResources) appt.assignedResources = input.assignedResources;
  return appt;
}
