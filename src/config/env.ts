import { resolve } from "node:path";
import { z } from "zod";

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim().length > 0 ? value : undefined));

const EnvSchema = z.object({
  PORT: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number().int().min(1).max(65535).default(8787),
  ),
  HOST: z.string().default("127.0.0.1"),
  BRIDGE_DATA_DIR: z.string().default("./data"),
  BRIDGE_URL: optionalText,
  BRIDGE_PUBLIC_URL: optionalText,
  /** `auto` runs the emulators when no real account is connected; `on` always; `off` never. */
  BRIDGE_SANDBOX: z.enum(["auto", "on", "off"]).default("auto"),
  HIGHLEVEL_WEBHOOK_ED25519_PUBLIC_KEY: optionalText,
  HIGHLEVEL_WEBHOOK_RSA_PUBLIC_KEY: optionalText,
  BRIDGE_MASTER_KEY: optionalText,
  BRIDGE_AUDIT_HEAD_PATH: optionalText,
  BRIDGE_ADMIN_TOKEN: optionalText.refine(
    (value) => value === undefined || value.trim().length >= 16,
    "must be at least 16 characters",
  ),
  HIGHLEVEL_CLIENT_ID: optionalText,
  HIGHLEVEL_CLIENT_SECRET: optionalText,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

/** Process configuration, parsed once at start. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Where CLI commands reach the running server. */
  readonly bridgeUrl: string;
  /** The address remote apps use to reach this server (webhook and OAuth callback URLs). */
  readonly publicUrl: string;
  readonly sandbox: "auto" | "on" | "off";
  readonly highlevelWebhookKeys: { readonly ed25519?: string; readonly rsa?: string };
  readonly logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** The vault's master key from the environment; else a key file in the data directory. */
  readonly masterKey: string | undefined;
  /** Where the audit chain's head is kept; best on other storage than the database. */
  readonly auditHeadPath: string | undefined;
  /** A fixed admin token for the product API; else one is generated on first start. */
  readonly adminToken: string | undefined;
  /** The HighLevel Marketplace app this bridge is (OAuth connections). */
  readonly highlevelApp: { readonly clientId?: string; readonly clientSecret?: string };
}

/** Thrown when the environment is invalid; the message lists every bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** PEM values may arrive with literal `\n` sequences when set on one line. */
function pem(value: string | undefined): string | undefined {
  return value?.replace(/\\n/g, "\n");
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigError(`invalid configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  const bridgeUrl = (e.BRIDGE_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/+$/, "");
  const keys: { ed25519?: string; rsa?: string } = {};
  const ed25519 = pem(e.HIGHLEVEL_WEBHOOK_ED25519_PUBLIC_KEY);
  const rsa = pem(e.HIGHLEVEL_WEBHOOK_RSA_PUBLIC_KEY);
  if (ed25519) keys.ed25519 = ed25519;
  if (rsa) keys.rsa = rsa;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.BRIDGE_DATA_DIR),
    bridgeUrl,
    publicUrl: (e.BRIDGE_PUBLIC_URL ?? bridgeUrl).replace(/\/+$/, ""),
    sandbox: e.BRIDGE_SANDBOX,
    highlevelWebhookKeys: keys,
    logLevel: e.LOG_LEVEL,
    masterKey: e.BRIDGE_MASTER_KEY,
    adminToken: e.BRIDGE_ADMIN_TOKEN,
    auditHeadPath: e.BRIDGE_AUDIT_HEAD_PATH ? resolve(e.BRIDGE_AUDIT_HEAD_PATH) : undefined,
    highlevelApp: {
      ...(e.HIGHLEVEL_CLIENT_ID ? { clientId: e.HIGHLEVEL_CLIENT_ID } : {}),
      ...(e.HIGHLEVEL_CLIENT_SECRET ? { clientSecret: e.HIGHLEVEL_CLIENT_SECRET } : {}),
    },
  };
}
