/**
 * Shapes the emulator keeps in its DocStore. They are storage rows, not wire shapes: the route
 * modules map them to HighLevel's JSON with the view functions in `contact-views.ts` and friends.
 */

/** Which field an upsert or duplicate lookup tries first (the location's duplicate setting). */
export type MatchField = "email" | "phone";

/** A HighLevel sub-account. `allowDuplicateContact` defaults to false, HighLevel's default. */
export interface Location {
  id: string;
  name: string;
  timezone: string;
  allowDuplicateContact: boolean;
  /** The agency (company) owning the location; older stored rows may lack it. */
  companyId?: string;
  /** Priority of the duplicate check (upsert spec text); default email, then phone. */
  duplicateCheckOrder?: MatchField[];
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
  /** User ids following the contact (`/followers`). */
  followers?: string[];
  /** Set through `POST /contacts/bulk/business`. */
  businessId?: string;
  /** Campaign ids the contact is in. */
  campaigns?: string[];
  /** Workflows the contact was added to, with the requested start time. */
  workflows?: { id: string; eventStartTime?: string }[];
  /** Fields HighLevel fills from its own channels (chat widget, tracking); seeded, never written by the API. */
  visitorId?: string;
  keyword?: string;
  lastActivity?: string;
  lastSessionActivityAt?: string;
  attributionSource?: Record<string, unknown>;
  lastAttributionSource?: Record<string, unknown>;
  additionalEmails?: string[];
  additionalPhones?: string[];
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
  dateUpdated?: string;
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
  groupId?: string;
  source?: string;
  assignedResources?: string[];
  users: string[];
  startTime: string;
  endTime: string;
  dateAdded: string;
  dateUpdated: string;
}

/**
 * A bearer token, kept only as its SHA-256 (the row id): a private integration token (static,
 * its own scopes) or an OAuth access token of a marketplace app (expires at `expiresAt`, epoch
 * ms on the emulator clock). Company tokens have no `locationId`.
 */
export interface TokenGrant {
  id: string;
  locationId?: string;
  scopes: string[];
  createdAt: string;
  kind?: "private" | "oauth";
  userType?: "Location" | "Company";
  companyId?: string;
  /** OAuth: the app's client id. */
  clientId?: string;
  /** Private tokens: the integration the token belongs to (rate limits are per integration). */
  integrationId?: string;
  expiresAt?: number;
  userId?: string;
}

/** A marketplace app registered with the emulator; only the secret's SHA-256 is kept. */
export interface MarketplaceApp {
  id: string;
  secretHash: string;
  redirectUris: string[];
  /** Scopes the app may request; empty means any. */
  scopes: string[];
  /** The app's one webhook URL (app settings). */
  webhookUrl: string | null;
}

/** An app installed on a location through the consent page (`${clientId}:${locationId}`). */
export interface AppInstall {
  id: string;
  clientId: string;
  locationId: string;
  companyId: string;
  scopes: string[];
  installedAt: string;
}

/** An authorization code or refresh token, kept as its SHA-256; single use. */
export interface OAuthSecret {
  id: string;
  kind: "code" | "refresh";
  clientId: string;
  locationId?: string;
  companyId: string;
  userType?: "Location" | "Company";
  scopes: string[];
  redirectUri?: string;
  userId: string;
  expiresAt: number;
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

/**
 * One webhook delivery and its latest outcome; `body` is the exact signed text, resent unchanged
 * on redelivery. `nextAttemptAt` (emulator clock, epoch ms) is set while a 429 redelivery is due.
 */
export interface DeliveryRecord {
  id: string;
  type: string;
  url: string;
  body: string;
  status: number | null;
  error?: string;
  attempts?: number;
  nextAttemptAt?: number | null;
}
