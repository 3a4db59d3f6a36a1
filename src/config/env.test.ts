import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, loadConfig } from "./env.ts";

test("defaults: port 8787, CLI reaches 127.0.0.1:PORT, sandbox auto", () => {
  const config = loadConfig({ PORT: "9001" });
  assert.equal(config.port, 9001);
  assert.equal(config.bridgeUrl, "http://127.0.0.1:9001");
  assert.equal(config.publicUrl, "http://127.0.0.1:9001");
  assert.equal(config.sandbox, "auto");
  assert.match(config.dataDir, /\/data$/);
});

test("invalid values fail in one message naming each variable", () => {
  assert.throws(
    () => loadConfig({ PORT: "eighty", BRIDGE_SANDBOX: "maybe" }),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.message.includes("PORT") &&
      error.message.includes("BRIDGE_SANDBOX"),
  );
});

test("PEM keys given on one line with \\n escapes are restored", () => {
  const config = loadConfig({ HIGHLEVEL_WEBHOOK_ED25519_PUBLIC_KEY: "-----BEGIN-----\\nabc" });
  assert.equal(config.highlevelWebhookKeys.ed25519, "-----BEGIN-----\nabc");
  assert.equal(config.highlevelWebhookKeys.rsa, undefined);
});
