/**
 * Shapes the emulator keeps in its DocStore. They are storage rows, not wire shapes: the route
 * modules map them to HighLevel's JSON with the view functions in `contact-views.ts` and friends.
 */

/** A HighLevel sub-account. `allowDuplicateContact` defaults to false, HighLevel's default. */
export interface Location {
  id: string;
  name: string;
  timezone: string;
  allowDuplicateContact: boolean;
}

/** A custom field value as HighLevel reads it back: `{id, value}` (written as `field_value`). */
export interface CustomFieldValue {
  id: string;
  value: unknown;
}

/** A stored contact. `phone` is E.164 when it could be parsed; `dateOfBirth` is `YYYY-MM-DD`. */
export interface Contact {
  id: string;
  locationId: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  gender?: string;
  companyName?: string;
  address1?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  website?: string;
  timezone?: string;
  source?: string;
  assignedTo?: string;
  dateOfBirth?: string;
  dnd?: boolean;
  dndSettings?: unknown;
  inboundDndSettings?: unknown;
  type: string;
  tags: string[];
  customFields: CustomFieldValue[];
  dateAdded: string;
  dateUpdated: string;
}

export interface Note {
  id: string;
  locationId: string;
  contactId: string;
  body: string;
  userId?: string;
  title?: string;
  color?: string;
  pinned?: boolean;
  dateAdded: string;
}

export interface Task {
  id: string;
  locationId: string;
  contactId: string;
  title: string;
  body?: string;
  assignedTo?: string;
  /** ISO-8601 with milliseconds, as HighLevel answers it. */
  dueDate: string;
  completed: boolean;
  dateAdded: string;
}

/** A calendar event; `startTime`/`endTime` are stored as ISO instants and shown in local time. */
export interface Appointment {
  id: string;
  locationId: string;
  contactId: string;
  calendarId: string;
  title: string;
  status: string;
  appointmentStatus: string;
  assignedUserId?: string;
  notes?: string;
  address?: string;
  users: string[];
  startTime: string;
  endTime: string;
  dateAdded: string;
  dateUpdated: string;
}

/** A private integration token, kept only as its SHA-256 (the row id). */
export interface TokenGrant {
  id: string;
  locationId: string;
  scopes: string[];
  createdAt: string;
}

/** The app's single webhook URL setting (BEHAVIOUR.md: one URL in the app's settings). */
export interface WebhookSetting {
  id: "app";
  url: string | null;
}

/** Webhook signing key pairs, PEM encoded; generated once and persisted. */
export interface SigningKeyPairs {
  id: "webhook";
  ed25519PrivatePem: string;
  ed25519PublicPem: string;
  rsaPrivatePem: string;
  rsaPublicPem: string;
}

/** One webhook delivery attempt and its outcome; `body` is the exact signed text. */
export interface DeliveryRecord {
  id: string;
  type: string;
  url: string;
  body: string;
  status: number | null;
  error?: string;
}
