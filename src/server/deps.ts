import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { Db } from "../store/database.ts";
import type { Core } from "./core.ts";
import type { Sandbox } from "./sandbox.ts";

/** What the HTTP layer needs from the running process. */
export interface ServerDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly core: Core;
  /** Present when the built-in emulators run. */
  readonly sandbox: Sandbox | undefined;
  /** Tells the worker that new work was queued. */
  readonly wakeWorker: () => void;
}
