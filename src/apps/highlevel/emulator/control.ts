import { randomUUID } from "node:crypto";
import type { Clock } from "../../../lib/clock.ts";
import { sha256Hex } from "../../../lib/hash.ts";
import { firebaseId } from "../../../lib/ids.ts";
import type { Appointment, Contact, Location } from "./records.ts";
import type { WebhookSigner } from "./signing-keys.ts";
import type { EmulatorState } from "./state.ts";
import type { DeliverySummary, WebhookDispatcher } from "./webhook-dispatcher.ts";

/** Scopes a private integration token gets unless told otherwise. */
export const DEFAULT_SCOPES = ["contacts.readonly", "contacts.write"] as const;

/** Input of `seedAppointment`; times are ISO instants, shown later in the location's zone. */
export interface SeedAppointmentInput {
  id?: string;
  calendarId?: string;
  title?: string;
  status?: string;
  assignedUserId?: string;
  notes?: string;
  address?: string;
  startTime: string;
  endTime: string;
}

/** The test and sandbox surface of the emulator: seed data and inspect webhooks, no HTTP. */
export interface EmulatorControl {
  createLocation(input?: {
    id?: string;
    name?: string;
    timezone?: string;
    allowDuplicateContact?: boolean;
  }): Location;
  getLocation(id: string): Location | undefined;
  /** Returns the plaintext token once (`pit-` + random); only its SHA-256 is stored. */
  issuePrivateToken(input: { locationId: string; scopes?: string[] }): string;
  /** Sets the ONE webhook URL of the app (app settings, not per location); null turns it off. */
  setWebhookUrl(url: string | null): void;
  webhookUrl(): string | null;
  /** SPKI PEM public keys matching `x-ghl-signature` (Ed25519) and `x-wh-signature` (RSA). */
  webhookPublicKeys(): { ed25519: string; rsa: string };
  /** Stores a contact directly; sends no webhook. */
  seedContact(locationId: string, contact: Partial<Contact> & { id?: string }): Contact;
  /** Stores an appointment for an existing contact; sends no webhook. */
  seedAppointment(contactId: string, input: SeedAppointmentInput): Appointment;
  settle(): Promise<void>;
  deliveries(): DeliverySummary[];
}

function requireLocation(state: EmulatorState, id: string): Location {
  const location = state.locations.get(id);
  if (!location) throw new Error(`HighLevel emulator: no location ${id}`);
  return location;
}

/** Builds the control surface over the emulator's state; every write goes to the DocStore. */
export function createControl(deps: {
  state: EmulatorState;
  clock: Clock;
  signer: WebhookSigner;
  webhooks: WebhookDispatcher;
}): EmulatorControl {
  const { state, clock, signer, webhooks } = deps;
  const now = () => new Date(clock.now()).toISOString();
  return {
    createLocation(input = {}) {
      const id = input.id ?? firebaseId();
      if (state.locations.get(id)) throw new Error(`HighLevel emulator: location ${id} exists`);
      return state.locations.put({
        id,
        name: input.name ?? `Location ${id}`,
        timezone: input.timezone ?? "America/New_York",
        allowDuplicateContact: input.allowDuplicateContact ?? false,
      });
    },
    getLocation: (id) => state.locations.get(id),
    issuePrivateToken({ locationId, scopes = [...DEFAULT_SCOPES] }) {
      requireLocation(state, locationId);
      const token = `pit-${randomUUID()}`;
      state.tokens.put({ id: sha256Hex(token), locationId, scopes, createdAt: now() });
      return token;
    },
    setWebhookUrl(url) {
      state.webhookSettings.put({ id: "app", url });
    },
    webhookUrl: () => state.webhookSettings.get("app")?.url ?? null,
    webhookPublicKeys: () => signer.publicKeys(),
    seedContact(locationId, contact) {
      requireLocation(state, locationId);
      const at = now();
      const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ") || contact.name;
      return state.contacts.put({
        type: "lead",
        dateAdded: at,
        dateUpdated: at,
        ...contact,
        ...(name ? { name } : {}),
        id: contact.id ?? firebaseId(),
        locationId,
        tags: contact.tags ?? [],
        customFields: contact.customFields ?? [],
      });
    },
    seedAppointment(contactId, input) {
      const contact = state.contacts.get(contactId);
      if (!contact) throw new Error(`HighLevel emulator: no contact ${contactId}`);
      const at = now();
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
      return state.appointments.put(appt);
    },
    settle: () => webhooks.settle(),
    deliveries: () => webhooks.deliveries(),
  };
}
