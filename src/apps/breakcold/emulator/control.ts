import { opaqueId } from "../../../lib/ids.ts";
import type { BreakcoldRecord, Workspace } from "../schemas.ts";
import type { BreakcoldWebhookEventName } from "../webhook-events.ts";
import { issueApiKey } from "./auth.ts";
import type { EmulatorDeps } from "./deps.ts";
import type { ActiveFault, FaultRule } from "./faults.ts";
import { newSigningSecret } from "./hooks-routes.ts";
import { workspaceView } from "./metadata-routes.ts";
import type { StoredView } from "./model.ts";
import { renderRecord } from "./record-view.ts";
import { seedWorkspace } from "./seed-workspace.ts";
import type { StoredDelivery, StoredEndpoint } from "./webhook-model.ts";
import { noteData } from "./webhook-payloads.ts";

/** A webhook endpoint as control reports it (the secret only when control set it up). */
export type WebhookEndpointSummary = Omit<StoredEndpoint, "secret">;
/** A delivery as control reports it, without its body. */
export type DeliverySummary = Omit<StoredDelivery, "body">;

/** Test and sandbox controls that bypass the HTTP API; `/_emulator/*` serves part of it. */
export interface BreakcoldEmulatorControl {
  /** Creates a workspace seeded with person, company and deal objects, fields and views. */
  createWorkspace(input?: { id?: string; name?: string; organizationId?: string }): Workspace;
  getWorkspace(id: string): Workspace | undefined;
  /**
   * Returns the plaintext `bc_live_…` key once; only its sha256 is stored. Keys given the same
   * `actorUserId` share the actor budget. Default scopes: everything but `webhooks:write`.
   */
  issueApiKey(input: {
    workspaceIds: string[];
    scopes?: string[];
    expiresAt?: number;
    actorUserId?: string;
  }): string;
  /** Every record of the workspace, archived included, in read shape and creation order. */
  records(workspaceId: string): BreakcoldRecord[];
  /** Saved views of the workspace (each object type has its seeded "All <plural>"). */
  views(workspaceId: string): StoredView[];
  /** Saves a view of an object type; `search` is its filter. */
  createView(input: { objectTypeId: string; name: string; search?: string }): StoredView;
  /** Deletes a note as a user in Breakcold's app would (the API has no delete): `note.deleted`. */
  deleteNote(noteId: string): void;
  /** An endpoint "configured in Breakcold's settings"; `secret` defaults to a new random one. */
  addWebhookEndpoint(input: {
    workspaceId: string;
    url: string;
    events: readonly BreakcoldWebhookEventName[];
    secret?: string;
  }): { id: string; secret: string };
  webhookEndpoints(workspaceId?: string): WebhookEndpointSummary[];
  /** Re-enables an endpoint disabled after 50 failures and clears its failure count. */
  enableWebhookEndpoint(id: string): void;
  /** Deletes an endpoint as a user would in Breakcold's settings; false when there was none. */
  removeWebhookEndpoint(id: string): boolean;
  deliveries(): DeliverySummary[];
  /** Starts the retries due on the emulator clock; resolves with how many, once finished. */
  runDueWebhookRetries(): Promise<number>;
  /** Resolves when every webhook attempt in flight has finished. */
  settle(): Promise<void>;
  /** Scripts a fault (see `faultRuleSchema`); throws for an invalid rule. */
  injectFault(rule: FaultRule): ActiveFault;
  removeFault(id: string): boolean;
  clearFaults(): void;
  faults(): ActiveFault[];
  /** The emulator's current time, epoch ms. */
  now(): number;
  setTime(ms: number): void;
  advanceTime(ms: number): void;
  /** Forgets every rate-limit count. */
  resetRateLimits(): void;
}

/** Builds the control surface over the emulator's state and machinery. */
export function createControl(deps: EmulatorDeps): BreakcoldEmulatorControl {
  const { state, clock, webhooks, faults, limiter } = deps;
  const requireEndpoint = (id: string) => {
    const endpoint = state.endpoints.get(id);
    if (!endpoint) throw new Error(`Breakcold emulator: no webhook endpoint ${id}`);
    return endpoint;
  };
  return {
    createWorkspace: (input = {}) => workspaceView(seedWorkspace(state, clock, input)),
    getWorkspace: (id) => {
      const workspace = state.workspaces.get(id);
      return workspace ? workspaceView(workspace) : undefined;
    },
    issueApiKey: (input) => issueApiKey(deps, input),
    records: (workspaceId) =>
      state.records
        .where("workspaceId", workspaceId)
        .map((record) =>
          renderRecord(record, state.fields.where("objectTypeId", record.objectTypeId)),
        ),
    views: (workspaceId) => state.views.where("workspaceId", workspaceId),
    createView({ objectTypeId, name, search }) {
      const objectType = state.objectTypes.get(objectTypeId);
      if (!objectType) throw new Error(`Breakcold emulator: no object type ${objectTypeId}`);
      const view: StoredView = {
        id: opaqueId(),
        workspaceId: objectType.workspaceId,
        objectTypeId,
        name,
        createdAt: clock.now(),
      };
      if (search !== undefined) view.search = search;
      return state.views.put(view);
    },
    deleteNote(noteId) {
      const note = state.notes.get(noteId);
      if (!note) throw new Error(`Breakcold emulator: no note ${noteId}`);
      state.notes.delete(noteId);
      const { recordId, title } = noteData(note);
      webhooks.emit(note.workspaceId, "note.deleted", { recordId, noteId, title });
    },
    addWebhookEndpoint({ workspaceId, url, events, secret = newSigningSecret() }) {
      if (!state.workspaces.get(workspaceId)) {
        throw new Error(`Breakcold emulator: no workspace ${workspaceId}`);
      }
      const endpoint = state.endpoints.put({
        id: opaqueId(),
        workspaceId,
        url,
        events: [...events],
        secret,
        source: "settings",
        enabled: true,
        consecutiveFailures: 0,
        createdAt: clock.now(),
      });
      return { id: endpoint.id, secret };
    },
    webhookEndpoints: (workspaceId) =>
      (workspaceId === undefined
        ? state.endpoints.all()
        : state.endpoints.where("workspaceId", workspaceId)
      ).map(({ secret: _secret, ...endpoint }) => endpoint),
    enableWebhookEndpoint(id) {
      const { disabledAt: _disabledAt, ...endpoint } = requireEndpoint(id);
      state.endpoints.put({ ...endpoint, enabled: true, consecutiveFailures: 0 });
    },
    removeWebhookEndpoint: (id) => state.endpoints.delete(id),
    deliveries: () => state.deliveries.all().map(({ body: _body, ...delivery }) => delivery),
    runDueWebhookRetries: () => webhooks.runDueRetries(),
    settle: () => webhooks.settle(),
    injectFault: (rule) => faults.add(rule),
    removeFault: (id) => faults.remove(id),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    now: () => clock.now(),
    setTime: (ms) => clock.set(ms),
    advanceTime: (ms) => clock.advance(ms),
    resetRateLimits: () => limiter.reset(),
  };
}
