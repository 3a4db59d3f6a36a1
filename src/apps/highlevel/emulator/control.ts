import { randomUUID } from "node:crypto";
import { sha256Hex } from "../../../lib/hash.ts";
import { firebaseId } from "../../../lib/ids.ts";
import { companyOf, installApp, uninstallApp } from "./app-installs.ts";
import { appointmentRecord, type SeedAppointmentInput, seedContactRecord } from "./control-seed.ts";
import type { EmulatorClock } from "./emulator-clock.ts";
import type { FaultRule, FaultTable } from "./faults.ts";
import { issueSecret } from "./oauth-grants.ts";
import type { Appointment, Contact, Location, MarketplaceApp, MatchField } from "./records.ts";
import type { RouteDeps } from "./route-deps.ts";
import type { WebhookSigner } from "./signing-keys.ts";
import type { EmulatorState } from "./state.ts";
import type { DeliverySummary, WebhookDispatcher } from "./webhook-dispatcher.ts";
import { appointmentEvent } from "./webhook-payloads.ts";

export type { SeedAppointmentInput } from "./control-seed.ts";

/** Scopes a private integration token gets unless told otherwise. */
export const DEFAULT_SCOPES = ["contacts.readonly", "contacts.write"] as const;

/** A registered app as control reports it (the secret is never kept in clear). */
export type AppView = Omit<MarketplaceApp, "secretHash">;

/** The test and sandbox surface of the emulator (also served over HTTP under `/_emulator`). */
export interface EmulatorControl {
  createLocation(input?: {
    id?: string;
    name?: string;
    timezone?: string;
    companyId?: string;
    allowDuplicateContact?: boolean;
    duplicateCheckOrder?: MatchField[];
  }): Location;
  getLocation(id: string): Location | undefined;
  /** Returns the plaintext token once (`pit-` + random); only its SHA-256 is stored. */
  issuePrivateToken(input: {
    locationId: string;
    scopes?: string[];
    integrationId?: string;
  }): string;
  /** Registers a marketplace app (client id + secret) for the OAuth flow. */
  registerApp(input: {
    clientId: string;
    clientSecret: string;
    redirectUris?: string[];
    scopes?: string[];
    webhookUrl?: string | null;
  }): AppView;
  /** Installs an app on a location without the consent page; returns an authorization code. */
  authorize(input: {
    clientId: string;
    locationId: string;
    scopes?: string[];
    redirectUri?: string;
  }): string;
  /** Uninstalls: revokes the app's tokens for the location and sends UNINSTALL. */
  uninstallApp(input: { clientId: string; locationId: string }): boolean;
  /**
   * Sets a webhook URL: of app `clientId`, or without it of the sandbox's built-in app, which
   * receives every location's events; null turns it off.
   */
  setWebhookUrl(url: string | null, options?: { clientId?: string }): void;
  webhookUrl(options?: { clientId?: string }): string | null;
  /** SPKI PEM public keys matching `x-ghl-signature` (Ed25519) and `x-wh-signature` (RSA). */
  webhookPublicKeys(): { ed25519: string; rsa: string };
  /** Stores a contact directly; sends no webhook. */
  seedContact(locationId: string, contact: Partial<Contact> & { id?: string }): Contact;
  /** Stores an appointment for an existing contact; sends no webhook. */
  seedAppointment(contactId: string, input: SeedAppointmentInput): Appointment;
  /** Books, changes or deletes an appointment as the calendar would, sending Appointment* events. */
  createAppointment(contactId: string, input: SeedAppointmentInput): Appointment;
  updateAppointment(id: string, patch: Partial<SeedAppointmentInput>): Appointment;
  deleteAppointment(id: string): boolean;
  /** Scripts a failure for matching requests (see FaultRule); `clearFaults` removes all. */
  injectFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Emulator time (epoch ms), and ways to move it (token expiry, rate windows, redeliveries). */
  now(): number;
  advanceClock(ms: number): void;
  setClock(epochMs: number): void;
  /** Resends deliveries whose 429 redelivery is due on the emulator clock; returns how many. */
  runDueRedeliveries(): Promise<number>;
  settle(): Promise<void>;
  deliveries(): DeliverySummary[];
}

function requireLocation(state: EmulatorState, id: string): Location {
  const location = state.locations.get(id);
  if (!location) throw new Error(`HighLevel emulator: no location ${id}`);
  return location;
}

function requireApp(state: EmulatorState, clientId: string): MarketplaceApp {
  const app = state.apps.get(clientId);
  if (!app) throw new Error(`HighLevel emulator: no app ${clientId}`);
  return app;
}

const appView = ({ secretHash: _secret, ...view }: MarketplaceApp): AppView => view;

/** Builds the control surface over the emulator's state; every write goes to the DocStore. */
export function createControl(deps: {
  state: EmulatorState;
  clock: EmulatorClock;
  signer: WebhookSigner;
  webhooks: WebhookDispatcher;
  faults: FaultTable;
}): EmulatorControl {
  const { state, clock, signer, webhooks, faults } = deps;
  const routeDeps: RouteDeps = { state, clock, webhooks };
  const now = () => new Date(clock.now()).toISOString();
  const timeZoneOf = (appt: Appointment) => state.locations.get(appt.locationId)?.timezone ?? "UTC";
  return {
    createLocation(input = {}) {
      const id = input.id ?? firebaseId();
      if (state.locations.get(id)) throw new Error(`HighLevel emulator: location ${id} exists`);
      return state.locations.put({
        id,
        name: input.name ?? `Location ${id}`,
        timezone: input.timezone ?? "America/New_York",
        allowDuplicateContact: input.allowDuplicateContact ?? false,
        companyId: input.companyId ?? firebaseId(),
        ...(input.duplicateCheckOrder ? { duplicateCheckOrder: input.duplicateCheckOrder } : {}),
      });
    },
    getLocation: (id) => state.locations.get(id),
    issuePrivateToken({ locationId, scopes = [...DEFAULT_SCOPES], integrationId }) {
      requireLocation(state, locationId);
      const token = `pit-${randomUUID()}`;
      const id = sha256Hex(token);
      state.tokens.put({
        id,
        kind: "private",
        userType: "Location",
        locationId,
        scopes,
        integrationId: integrationId ?? id,
        createdAt: now(),
      });
      return token;
    },
    registerApp(input) {
      const app = state.apps.put({
        id: input.clientId,
        secretHash: sha256Hex(input.clientSecret),
        redirectUris: input.redirectUris ?? [],
        scopes: input.scopes ?? [],
        webhookUrl: input.webhookUrl ?? state.apps.get(input.clientId)?.webhookUrl ?? null,
      });
      return appView(app);
    },
    authorize({ clientId, locationId, scopes, redirectUri }) {
      const app = requireApp(state, clientId);
      const location = requireLocation(state, locationId);
      const granted = scopes ?? app.scopes;
      const userId = firebaseId();
      installApp(routeDeps, app, location, granted, userId);
      const subject = {
        clientId,
        locationId,
        companyId: companyOf(location),
        scopes: granted,
        userId,
      };
      return issueSecret(state, clock, "code", subject, redirectUri);
    },
    uninstallApp: ({ clientId, locationId }) => uninstallApp(routeDeps, clientId, locationId),
    setWebhookUrl(url, options = {}) {
      if (options.clientId === undefined) state.webhookSettings.put({ id: "app", url });
      else state.apps.put({ ...requireApp(state, options.clientId), webhookUrl: url });
    },
    webhookUrl: (options = {}) =>
      options.clientId === undefined
        ? (state.webhookSettings.get("app")?.url ?? null)
        : (state.apps.get(options.clientId)?.webhookUrl ?? null),
    webhookPublicKeys: () => signer.publicKeys(),
    seedContact(locationId, contact) {
      requireLocation(state, locationId);
      return state.contacts.put(seedContactRecord(locationId, contact, now()));
    },
    seedAppointment: (contactId, input) =>
      state.appointments.put(appointmentRecord(state, clock, contactId, input)),
    createAppointment(contactId, input) {
      const appt = state.appointments.put(appointmentRecord(state, clock, contactId, input));
      webhooks.dispatch(appointmentEvent("AppointmentCreate", appt, timeZoneOf(appt)));
      return appt;
    },
    updateAppointment(id, patch) {
      const existing = state.appointments.get(id);
      if (!existing) throw new Error(`HighLevel emulator: no appointment ${id}`);
      const merged = appointmentRecord(state, clock, existing.contactId, {
        ...existing,
        ...patch,
        id,
        status: patch.status ?? existing.status,
      });
      const appt = state.appointments.put({ ...merged, dateAdded: existing.dateAdded });
      webhooks.dispatch(appointmentEvent("AppointmentUpdate", appt, timeZoneOf(appt)));
      return appt;
    },
    deleteAppointment(id) {
      const appt = state.appointments.get(id);
      if (!appt) return false;
      state.appointments.delete(id);
      webhooks.dispatch(appointmentEvent("AppointmentDelete", appt, timeZoneOf(appt)));
      return true;
    },
    injectFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    now: () => clock.now(),
    advanceClock: (ms) => clock.advance(ms),
    setClock: (epochMs) => clock.set(epochMs),
    runDueRedeliveries: () => webhooks.runDueRedeliveries(),
    settle: () => webhooks.settle(),
    deliveries: () => webhooks.deliveries(),
  };
}
