import { z } from "zod";
import { HIGHLEVEL_BASE_URL } from "../apps/highlevel/client.ts";
import { isSandboxUrl } from "../config/sandbox-paths.ts";
import { err, ok, type Result } from "../lib/result.ts";
import { describeIssues } from "../lib/zod-issues.ts";
import { type Connection, deleteConnection, getConnection } from "../store/connections.ts";
import type { Db } from "../store/database.ts";
import type { AuditLog } from "../vault/audit-log.ts";
import type { Vault } from "../vault/vault.ts";

/** Breakcold's US API base (API.md); EU accounts pass `https://http.eu.breakcold.com/api/v1`. */
export const BREAKCOLD_BASE_URL = "https://http.us.breakcold.com/api/v1";

/** HighLevel scope names: `contacts.readonly`, `locations/customFields.write` (Scopes.md). */
const HIGHLEVEL_SCOPE = /^[A-Za-z]+(\/[A-Za-z-]+)*\.(readonly|write|read)$/;
/** Breakcold scope names: `records:read`, `crm:metadata:write` (API.md "Scopes"). */
const BREAKCOLD_SCOPE = /^[a-z]+(:[a-z]+)*:(read|write)$/;

function scopeList(pattern: RegExp, example: string) {
  return z
    .array(
      z
        .string()
        .trim()
        .refine((scope) => pattern.test(scope), {
          error: (issue) => `${String(issue.input)} is not a scope of this app (e.g. ${example})`,
        }),
    )
    .nonempty()
    .max(100)
    .optional();
}

const id = z.string().trim().min(1).max(128, "is longer than any account id (128 characters)");
const label = z.string().trim().min(1).max(200).optional();
const baseUrl = z
  .url()
  .max(2048)
  .refine((value) => /^https?:\/\//.test(value), "must be an http(s) URL")
  .refine((value) => {
    const url = URL.parse(value);
    return !url?.username && !url?.password;
  }, "must not contain a user name or password (credentials go in their own options)")
  .refine((value) => !/[?#]/.test(value), "must not contain a query or fragment")
  .transform((value) => value.replace(/\/+$/, ""));

/** A new connection as the API and CLI accept it. */
export const NewConnectionInput = z.discriminatedUnion("app", [
  z.object({
    app: z.literal("highlevel"),
    authKind: z.literal("private_token"),
    token: z.string().trim().min(8, "token looks too short").max(4096),
    locationId: id,
    scopes: scopeList(HIGHLEVEL_SCOPE, "contacts.readonly"),
    baseUrl: baseUrl.default(HIGHLEVEL_BASE_URL),
    label,
  }),
  z.object({
    app: z.literal("breakcold"),
    authKind: z.literal("api_key"),
    apiKey: z.string().trim().min(8, "API key looks too short").max(4096),
    workspaceId: id,
    scopes: scopeList(BREAKCOLD_SCOPE, "records:read"),
    webhookSecret: z.string().trim().min(8).max(4096).optional(),
    baseUrl: baseUrl.default(BREAKCOLD_BASE_URL),
    label,
  }),
]);
export type NewConnectionInput = z.input<typeof NewConnectionInput>;

export type ConnectionInputError = { readonly code: "invalid_input"; readonly message: string };

/**
 * Stores a connection made with a private token or API key. Such credentials cannot be asked
 * for their scopes: `scopes` records what the user chose when creating them; without it the
 * scopes stay unknown until a "not authorized for this scope" answer teaches one is missing.
 */
export async function addTokenConnection(
  vault: Vault,
  input: unknown,
  actor: string,
  options: { publicUrl?: string; fieldNames?: Record<string, string> } = {},
): Promise<Result<Connection, ConnectionInputError>> {
  const publicUrl = options.publicUrl;
  const parsed = NewConnectionInput.safeParse(input);
  if (!parsed.success) {
    return err({
      code: "invalid_input",
      message: describeIssues(parsed.error, options.fieldNames),
    });
  }
  const value = parsed.data;
  // What differs between the apps: the account and the credential; the rest is shared.
  const account =
    value.app === "highlevel"
      ? {
          label: `HighLevel location ${value.locationId}`,
          accountId: value.locationId,
          credentials: { token: value.token },
        }
      : {
          label: `Breakcold workspace ${value.workspaceId}`,
          accountId: value.workspaceId,
          credentials: {
            apiKey: value.apiKey,
            ...(value.webhookSecret ? { webhookSecret: value.webhookSecret } : {}),
          },
        };
  const connection = await vault.addConnection(
    {
      app: value.app,
      label: value.label ?? account.label,
      authKind: value.authKind,
      accountId: account.accountId,
      baseUrl: value.baseUrl,
      credentials: account.credentials,
      scopes: value.scopes ?? null,
      sandbox: publicUrl !== undefined && isSandboxUrl(value.baseUrl, publicUrl),
    },
    actor,
  );
  return ok(connection);
}

/** Removes a connection and its sealed credentials; the audit log keeps the record. */
export async function removeConnection(
  db: Db,
  audit: AuditLog,
  id: string,
  actor: string,
): Promise<Result<Connection, { code: "not_found"; message: string }>> {
  const connection = await getConnection(db, id);
  if (!connection) return err({ code: "not_found", message: `no connection ${id}` });
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("workflows")
      .set({ enabled: 0 })
      .where((eb) =>
        eb.or([eb("source_connection_id", "=", id), eb("target_connection_id", "=", id)]),
      )
      .execute();
    await deleteConnection(trx, id);
  });
  await audit.append({
    actor,
    action: "connection.removed",
    connectionId: id,
    detail: { app: connection.app, accountId: connection.accountId },
  });
  return ok(connection);
}
