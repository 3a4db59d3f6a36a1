import { Hono } from "hono";
import { type Clock, systemClock } from "../../../lib/clock.ts";
import { opaqueId } from "../../../lib/ids.ts";
import type { DocStore } from "../../../store/doc-store.ts";
import type { BreakcoldRecord, Workspace } from "../schemas.ts";
import { registerActivityRoutes } from "./activity-routes.ts";
import { ApiError, errorBody } from "./api-error.ts";
import { authenticate, issueApiKey } from "./auth.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";
import { registerMetadataRoutes, workspaceView } from "./metadata-routes.ts";
import { openState } from "./model.ts";
import { renderRecord } from "./record-view.ts";
import { registerRecordRoutes } from "./records-routes.ts";
import { seedWorkspace } from "./seed-workspace.ts";

export interface BreakcoldEmulatorOptions {
  /** All state (workspaces, objects, fields, records, notes, tasks, key hashes) lives here. */
  docs: DocStore;
  /** Source of `createdAt`/`updatedAt` and key expiry checks. Default: system clock. */
  clock?: Clock;
}

/** Test and sandbox controls that bypass the HTTP API. */
export interface BreakcoldEmulatorControl {
  /** Creates a workspace seeded with person, company and deal objects and their fields. */
  createWorkspace(input?: { id?: string; name?: string; organizationId?: string }): Workspace;
  getWorkspace(id: string): Workspace | undefined;
  /** Returns the plaintext `bc_live_…` key once; only its sha256 is stored. */
  issueApiKey(input: { workspaceIds: string[]; scopes?: string[]; expiresAt?: number }): string;
  /** Every record of the workspace, archived included, in read shape and creation order. */
  records(workspaceId: string): BreakcoldRecord[];
}

export interface BreakcoldEmulator {
  /** Serves the API under `/api/v1`; mount it with `app.route(prefix, emulator.app)`. */
  app: Hono<EmulatorEnv>;
  /** In-process fetch handler: pass it to the client as `fetch`, no socket needed. */
  fetch: (req: Request) => Promise<Response>;
  control: BreakcoldEmulatorControl;
}

/**
 * A faithful local Breakcold API v1 (records, notes, tasks, CRM metadata): Bearer keys with
 * scopes and workspace limits, the `{"error": {code, message, requestId}}` envelope, opaque ids,
 * epoch-ms times, cursor pagination and archive-not-delete. Routes come from `routes.ts`.
 * Email and phone fields are multi-value: stored and read as `{value, isPrimary}[]` with one
 * primary, written as a string or a list that replaces the stored one (see `field-codec.ts`).
 *
 * @example
 * const emulator = createBreakcoldEmulator({ docs: DocStore.open(":memory:") });
 * const workspace = emulator.control.createWorkspace();
 * const apiKey = emulator.control.issueApiKey({ workspaceIds: [workspace.id] });
 * const client = createBreakcoldClient({ baseUrl: "http://bc.test/api/v1", apiKey, fetch: emulator.fetch });
 */
export function createBreakcoldEmulator(opts: BreakcoldEmulatorOptions): BreakcoldEmulator {
  const deps: EmulatorDeps = { state: openState(opts.docs), clock: opts.clock ?? systemClock };
  const app = new Hono<EmulatorEnv>().basePath("/api/v1");

  app.use("*", async (c, next) => {
    const requestId = opaqueId();
    c.set("requestId", requestId);
    c.header("x-request-id", requestId);
    await next();
  });
  app.use("*", authenticate(deps));
  registerMetadataRoutes(app, deps);
  registerRecordRoutes(app, deps);
  registerActivityRoutes(app, deps);

  app.notFound((c) => {
    const error = new ApiError("not_found", `No route ${c.req.method} ${c.req.path}`);
    return c.json(errorBody(error, c.get("requestId") ?? opaqueId()), 404);
  });
  app.onError((cause, c) => {
    const error =
      cause instanceof ApiError ? cause : new ApiError("internal_error", "Internal server error");
    return c.json(errorBody(error, c.get("requestId") ?? opaqueId()), error.status);
  });

  const { state } = deps;
  const control: BreakcoldEmulatorControl = {
    createWorkspace: (input = {}) => workspaceView(seedWorkspace(state, deps.clock, input)),
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
  };

  return { app, fetch: async (req) => app.fetch(req), control };
}
