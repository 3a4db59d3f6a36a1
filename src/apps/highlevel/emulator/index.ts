import { Hono } from "hono";
import { type Clock, systemClock } from "../../../lib/clock.ts";
import type { DocStore } from "../../../store/doc-store.ts";
import { appointmentsRoutes } from "./appointments-routes.ts";
import { contactsRoutes } from "./contacts-routes.ts";
import { createControl, type EmulatorControl } from "./control.ts";
import { notesRoutes } from "./notes-routes.ts";
import { authenticate, type EmulatorEnv, requireVersion } from "./request-guard.ts";
import type { RouteDeps } from "./route-deps.ts";
import { createWebhookSigner } from "./signing-keys.ts";
import { createEmulatorState } from "./state.ts";
import { tasksRoutes } from "./tasks-routes.ts";
import { createWebhookDispatcher } from "./webhook-dispatcher.ts";

export type { EmulatorControl, SeedAppointmentInput } from "./control.ts";
export { DEFAULT_SCOPES } from "./control.ts";
export type { Appointment, Contact, CustomFieldValue, Location, Note, Task } from "./records.ts";
export { API_VERSION } from "./request-guard.ts";
export type { DeliverySummary } from "./webhook-dispatcher.ts";

export interface HighLevelEmulatorOptions {
  /** All state (locations, contacts, notes, tasks, appointments, token hashes, webhook URL, signing keys) lives here. */
  docs: DocStore;
  /** Source of `dateAdded`, `dateUpdated` and webhook `timestamp`. Default: system clock. */
  clock?: Clock;
  /** Used to deliver webhooks. Default: global fetch. */
  fetch?: (req: Request) => Promise<Response>;
}

export interface HighLevelEmulator {
  /** Routes at the root (`/contacts/...`); mount with `app.route(prefix, emu.app)`. */
  app: Hono<EmulatorEnv>;
  /** `app.fetch`, to pass to a client as its fetch (no socket). */
  fetch: (req: Request) => Promise<Response>;
  control: EmulatorControl;
}

/**
 * A faithful local HighLevel Contacts API (v2, `Version: 2021-07-28`): same paths, status codes,
 * error bodies and quirks as BEHAVIOUR.md describes, private-integration-token auth with scopes
 * and location binding, and signed webhooks to the app's one URL.
 *
 * @example
 * const emu = createHighLevelEmulator({ docs: DocStore.open(":memory:") });
 * const loc = emu.control.createLocation();
 * const token = emu.control.issuePrivateToken({ locationId: loc.id });
 * const client = createHighLevelClient({ baseUrl: "http://hl.test", token, fetch: emu.fetch });
 */
export function createHighLevelEmulator(opts: HighLevelEmulatorOptions): HighLevelEmulator {
  const state = createEmulatorState(opts.docs);
  const clock = opts.clock ?? systemClock;
  const signer = createWebhookSigner(state);
  const webhooks = createWebhookDispatcher({
    state,
    clock,
    signer,
    fetch: opts.fetch ?? ((req) => fetch(req)),
  });
  const deps: RouteDeps = { state, clock, webhooks };
  const app = new Hono<EmulatorEnv>();
  app.notFound((c) =>
    c.json(
      {
        statusCode: 404,
        message: `Cannot ${c.req.method} ${new URL(c.req.url).pathname}`,
        error: "Not Found",
      },
      404,
    ),
  );
  app.use("*", requireVersion(), authenticate(state));
  app.route("/", contactsRoutes(deps));
  app.route("/", notesRoutes(deps));
  app.route("/", tasksRoutes(deps));
  app.route("/", appointmentsRoutes(deps));
  const fetchHandler = async (req: Request) => app.fetch(req);
  return { app, fetch: fetchHandler, control: createControl({ state, clock, signer, webhooks }) };
}
