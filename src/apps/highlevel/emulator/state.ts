import type { Collection, DocStore } from "../../../store/doc-store.ts";
import type {
  AppInstall,
  Appointment,
  Contact,
  DeliveryRecord,
  Location,
  MarketplaceApp,
  Note,
  OAuthSecret,
  SigningKeyPairs,
  Task,
  TokenGrant,
  WebhookSetting,
} from "./records.ts";

/** Every collection the emulator uses; all state lives in the DocStore so it survives restarts. */
export interface EmulatorState {
  readonly docs: DocStore;
  readonly locations: Collection<Location>;
  readonly contacts: Collection<Contact>;
  readonly notes: Collection<Note>;
  readonly tasks: Collection<Task>;
  readonly appointments: Collection<Appointment>;
  readonly tokens: Collection<TokenGrant>;
  readonly apps: Collection<MarketplaceApp>;
  readonly installs: Collection<AppInstall>;
  readonly oauthSecrets: Collection<OAuthSecret>;
  readonly webhookSettings: Collection<WebhookSetting>;
  readonly signingKeys: Collection<SigningKeyPairs>;
  readonly deliveries: Collection<DeliveryRecord>;
}

/** Opens the emulator's collections, namespaced `highlevel.*` so other emulators can share a store. */
export function createEmulatorState(docs: DocStore): EmulatorState {
  return {
    docs,
    locations: docs.collection<Location>("highlevel.locations"),
    contacts: docs.collection<Contact>("highlevel.contacts"),
    notes: docs.collection<Note>("highlevel.notes"),
    tasks: docs.collection<Task>("highlevel.tasks"),
    appointments: docs.collection<Appointment>("highlevel.appointments"),
    tokens: docs.collection<TokenGrant>("highlevel.tokens"),
    apps: docs.collection<MarketplaceApp>("highlevel.apps"),
    installs: docs.collection<AppInstall>("highlevel.installs"),
    oauthSecrets: docs.collection<OAuthSecret>("highlevel.oauth-secrets"),
    webhookSettings: docs.collection<WebhookSetting>("highlevel.webhook-settings"),
    signingKeys: docs.collection<SigningKeyPairs>("highlevel.signing-keys"),
    deliveries: docs.collection<DeliveryRecord>("highlevel.webhook-deliveries"),
  };
}
