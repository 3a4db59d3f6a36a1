import type { Clock } from "../lib/clock.ts";
import type { Connection } from "../store/connections.ts";
import type { Db } from "../store/database.ts";
import type { InboxEvent } from "../store/inbox.ts";
import type { Run } from "../store/runs.ts";
import type { Workflow } from "../store/workflows.ts";
import type { AppClients } from "./app-clients.ts";

/** What a recipe's steps can use while one run executes. */
export interface RunContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly clients: AppClients;
  readonly run: Run;
  readonly event: InboxEvent;
  readonly workflow: Workflow;
  readonly source: Connection;
  readonly target: Connection;
  /**
   * Runs `fn` as the step `key` unless this run already finished that step, in which case the
   * stored output is returned: a retried run resumes at its first unfinished step.
   */
  step<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** A workflow template: which events start it and what a run does. */
export interface Recipe {
  readonly name: string;
  readonly description: string;
  /** The app the trigger events come from and the app the steps write to. */
  readonly sourceApp: string;
  readonly targetApp: string;
  /** Scopes each app's connection needs for this recipe, by app name. */
  readonly requiredScopes: Readonly<Record<string, readonly string[]>>;
  /** Event types (per the source app) that start a run. */
  readonly triggers: readonly string[];
  /** The id the run is about (e.g. the HighLevel contact), or null when the event lacks it. */
  subjectOf(event: InboxEvent): string | null;
  execute(context: RunContext): Promise<void>;
}

/** A failure that retrying cannot fix (bad event, missing data, 4xx). The run fails at once. */
export class PermanentRunError extends Error {
  override name = "PermanentRunError";
}
