import type { Generated } from "kysely";

/** Database rows. Times are epoch milliseconds; JSON columns hold serialised text. */
export interface ConnectionsTable {
  id: string;
  app: string;
  label: string;
  auth_kind: string;
  /** The remote account: a HighLevel location id, a Breakcold workspace id. */
  account_id: string;
  base_url: string;
  /** Credentials as a JSON object sealed by the vault (AES-256-GCM, row id as associated data). */
  credentials: string;
  /** JSON array of granted scopes, or null when unknown. */
  scopes: string | null;
  /** JSON array of scopes the server said this credential lacks. */
  missing_scopes: string;
  status: string;
  status_reason: string | null;
  /** One OAuth refresh at a time across processes: the lease holder and its expiry. */
  refresh_lease_until: number | null;
  refresh_lease_owner: string | null;
  sandbox: number;
  created_at: number;
  updated_at: number;
}

export interface InboxEventsTable {
  id: string;
  app: string;
  /** Null when no connection matches the event's account (kept as unroutable). */
  connection_id: string | null;
  /** The app's delivery id (`webhookId`, `X-Webhook-Delivery-Id`); unique per app. */
  delivery_id: string;
  type: string;
  account_id: string | null;
  status: string;
  payload: string;
  signature_scheme: string | null;
  event_time: string | null;
  received_at: number;
}

export interface WorkflowsTable {
  id: string;
  recipe: string;
  name: string;
  source_connection_id: string;
  target_connection_id: string;
  enabled: number;
  config: string;
  created_at: number;
}

export interface RunsTable {
  id: string;
  workflow_id: string;
  event_id: string;
  /** What the run is about (the HighLevel contact id for lead intake). */
  subject_id: string | null;
  status: string;
  error: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

export interface RunStepsTable {
  id: string;
  run_id: string;
  step_key: string;
  position: number;
  status: string;
  output: string | null;
  error: string | null;
  started_at: number;
  finished_at: number | null;
}

export interface LinksTable {
  id: string;
  kind: string;
  source_connection_id: string;
  source_id: string;
  target_connection_id: string;
  /** Null while the copy is claimed but not yet confirmed. */
  target_id: string | null;
  /** The HighLevel contact the linked item belongs to. */
  subject_id: string;
  state: string;
  created_at: number;
  updated_at: number;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  status: string;
  run_at: number;
  attempts: number;
  max_attempts: number;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
}

export interface LocalTokensTable {
  id: string;
  kind: string;
  token_hash: string;
  created_at: number;
}

export interface VaultKeysTable {
  key_id: string;
  /** A known value sealed with this key: opening it proves the configured key is right. */
  canary: string;
  created_at: number;
}

export interface AuditLogTable {
  seq: number;
  at: number;
  actor: string;
  action: string;
  connection_id: string | null;
  /** JSON object; never holds a secret. */
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface OAuthPendingTable {
  state: string;
  app: string;
  base_url: string;
  redirect_uri: string;
  label: string | null;
  created_at: number;
  expires_at: number;
  /** Set when the flow finished: the new connection, or the reason it failed. */
  connection_id: string | null;
  error: string | null;
}

export interface Database {
  oauth_pending: OAuthPendingTable;
  vault_keys: VaultKeysTable;
  audit_log: AuditLogTable;
  connections: ConnectionsTable;
  inbox_events: InboxEventsTable;
  workflows: WorkflowsTable;
  runs: RunsTable;
  run_steps: RunStepsTable;
  links: LinksTable;
  jobs: JobsTable;
  local_tokens: LocalTokensTable;
}
