import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { type Clock, systemClock } from "../../../lib/clock.ts";
import type { DocStore } from "../../../store/doc-store.ts";
import { appointmentsRoutes } from "./appointments-routes.ts";
import { businessRoutes } from "./business-routes.ts";
import { contactsRoutes } from "./contacts-routes.ts";
import { createControl, type EmulatorControl } from "./control.ts";
import { CONTROL_PREFIX, controlRoutes } from "./control-routes.ts";
import { createEmulatorClock } from "./emulator-clock.ts";
import { applyFault, createFaultTable } from "./faults.ts";
import { membershipRoutes } from "./membership-routes.ts";
import { notesRoutes } from "./notes-routes.ts";
import { oauthRoutes } from "./oauth-routes.ts";
import {
  createRateLimiter,
  HIGHLEVEL_RATE_LIMITS,
  type RateLimits,
  rateLimit,
} from "./rate-limiter.ts";
import { authenticate, type EmulatorEnv, requireVersion } from "./request-guard.ts";
import type { RouteDeps } from "./route-deps.ts";
import { searchRoutes } from "./search-routes.ts";
import { createWebhookSigner, type SignatureScheme } from "./signing-keys.ts";
import { createEmulatorState } from "./state.ts";
import { tagsRoutes } from "./tags-routes.ts";
import { tasksRoutes } from "./tasks-routes.ts";
import { createWebhookDispatcher, type RedeliveryPolicy } from "./webhook-dispatcher.ts";

export type { AppView, EmulatorControl, SeedAppointmentInput } from "./control.ts";
export { DEFAULT_SCOPES } from "./control.ts";
export { CONTROL_PREFIX } from "./control-routes.ts";
export type { FaultRule } from "./faults.ts";
export { HIGHLEVEL_RATE_LIMITS, type RateLimits } from "./rate-limiter.ts";
export type { Appointment, Contact, CustomFieldValue, Location, Note, Task } from "./records.ts";
export { API_VERSION } from "./request-guard.ts";
export type { SignatureScheme } from "./signing-keys.ts";
export {
  type DeliverySummary,
  HIGHLEVEL_REDELIVERY,
  type RedeliveryPolicy,
} from "./webhook-dispatcher.ts";

export interface HighLevelEmulatorOptions {
  /** All state (locations, contacts, notes, tasks, appointments, token hashes, apps, webhook settings, signing keys) lives here. */
  docs: DocStore;
  /** Base of the emulator clock (`control.advanceClock` adds to it). Default: system clock. */
  clock?: Clock;
  /** Used to deliver webhooks. Default: global fetch. */
  fetch?: (req: Request) => Promise<Response>;
  /** Rate windows per app and location; default HighLevel's (100 / 10 s, 200,000 / day); false turns them off. */
  rateLimits?: Partial<RateLimits> | false;
  /** Webhook signature headers to send. Default both; `["ed25519"]` is HighLevel after 2026-07-01. */
  signatureSchemes?: readonly SignatureScheme[];
  /** Redelivery after a 429 from the receiver; default 6 times, 10 minutes apart, up to 1 minute jitter. */
  redelivery?: RedeliveryPolicy;
  /** Serve `control` over HTTP under `/_emulator`. Default true. */
  controlRoutes?: boolean;
}

export interface HighLevelEmulator {
  /** Routes at the root (`/contacts/...`, `/oauth/...`, `/_emulator/...`); mount with `app.route(prefix, emu.app)`. */
  app: Hono<EmulatorEnv>;
  /** The app behind the fault injector, to pass to a client as its fetch (no socket). */
  fetch: (req: Request) => Promise<Response>;
  control: EmulatorControl;
}

/** Largest request body the emulator reads (HighLevel documents none; 5 MiB is generous). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * A faithful local HighLevel Contacts API (v2, `Version: 2021-07-28`): all 32 operations of
 * contacts.json with HighLevel's status codes, error bodies and quirks (BEHAVIOUR.md), the OAuth
 * server side (consent page, rotating refresh tokens, location tokens), private integration
 * tokens, scopes and location binding, rate limits with the `X-RateLimit-*` headers, signed
 * webhooks for the 16 documented events with 429 redelivery, and a control surface.
 *
 * @example
 * const emu = createHighLevelEmulator({ docs: DocStore.open(":memory:") });
 * const loc = emu.control.createLocation();
 * const token = emu.control.issuePrivateToken({ locationId: loc.id });
 * const client = createHighLevelClient({ baseUrl: "http://hl.test", token, fetch: emu.fetch });
 */

export function createHighLevelEmulator(opts: HighLevelEmulatorOptions): HighLevelEmulator {
  const state = createEmulatorState(opts.docs);
  const clock = createEmulatorClock(opts.clock ?? systemClock);
  const signer = createWebhookSigner(state);
  const faults = createFaultTable();
  const webhooks = createWebhookDispatcher({
    state,
    clock,
    signer,
    fetch: opts.fetch ?? ((req) => fetch(req)),
    ...(opts.signatureSchemes ? { signatureSchemes: opts.signatureSchemes } : {}),
    ...(opts.redelivery ? { redelivery: opts.redelivery } : {}),
  });
  const control = createControl({ state, clock, signer, webhooks, faults });
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
  // Real servers cap request bodies; reading an unbounded one would exhaust memory.
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.json(
          { statusCode: 413, message: "request entity too large", error: "Payload Too Large" },
          413,
        ),
    }),
  );
  if (opts.controlRoutes !== false) app.route("/", controlRoutes(control));
  app.route("/", oauthRoutes(deps));
  const guards = [requireVersion(), authenticate(state, clock)];
  if (opts.rateLimits !== false) {
    const limiter = createRateLimiter({ ...HIGHLEVEL_RATE_LIMITS, ...opts.rateLimits }, clock);
    guards.push(rateLimit(limiter, (c) => c.get("grant")));
  }
  app.use("*", ...guards);
  // Literal paths before `:contactId` ones (BEHAVIOUR.md "Requests").
  app.route("/", searchRoutes(deps));
  app.route("/", businessRoutes(deps));
  app.route("/", tagsRoutes(deps));
  app.route("/", contactsRoutes(deps));
  app.route("/", notesRoutes(deps));
  app.route("/", tasksRoutes(deps));
  app.route("/", appointmentsRoutes(deps));
  app.route("/", membershipRoutes(deps));
  const fetchHandler = async (req: Request): Promise<Response> => {
    const path = new URL(req.url).pathname;
    const rule = path.startsWith(CONTROL_PREFIX) ? undefined : faults.take(req);
    const handle = async (r: Request) => app.fetch(r);
    return rule ? applyFault(rule, req, handle) : handle(req);
  };
  return { app, fetch: fetchHandler, control };
}
