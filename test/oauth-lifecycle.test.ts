import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { beginHighLevelOAuth } from "../src/engine/oauth-connect.ts";
import { CredentialError, ScopeError } from "../src/http/errors.ts";
import { ManualClock } from "../src/lib/clock.ts";
import { type Connection, getConnection } from "../src/store/connections.ts";
import { addConnectionViaApi, startTestBridge, type TestBridge } from "./harness.ts";

const clock = new ManualClock(Date.now());
let t: TestBridge;
let oauth: Connection;
let contactId: string;

function sandbox() {
  const s = t.bridge.sandbox;
  assert.ok(s);
  return s;
}

/** Runs the whole authorization-code flow against the emulator's consent page. */
async function connectByOAuth(): Promise<Response> {
  const s = sandbox();
  const begun = await beginHighLevelOAuth(t.bridge.core, {
    authUrl: `${s.info.highlevel.baseUrl}/v2/oauth/chooselocation`,
    baseUrl: s.info.highlevel.baseUrl,
  });
  assert.ok(begun.ok);
  const consent = await t.bridge.core.fetch(new Request(begun.value.url, { redirect: "manual" }));
  assert.equal(consent.status, 302);
  const callback = consent.headers.get("location") ?? "";
  assert.ok(callback.startsWith(begun.value.redirectUri));
  assert.equal(new URL(callback).searchParams.get("state"), begun.value.state);
  return t.bridge.app.fetch(new Request(callback));
}

async function auditCount(action: string, connectionId: string): Promise<number> {
  return (await t.bridge.core.audit.list(10_000, connectionId)).filter((e) => e.action === action)
    .length;
}

before(async () => {
  t = await startTestBridge(
    { HIGHLEVEL_CLIENT_ID: "bridge-client", HIGHLEVEL_CLIENT_SECRET: "bridge-secret-123" },
    { clock },
  );
  const answer = await connectByOAuth();
  assert.equal(answer.status, 200, await answer.clone().text());
  assert.match(await answer.text(), /HighLevel connected/);
  const all = await t.api("/connections");
  const { connections } = (await all.json()) as { connections: Connection[] };
  const found = connections.find((c) => c.authKind === "oauth");
  assert.ok(found);
  oauth = found;
  contactId = sandbox().highlevel.control.seedContact(oauth.accountId, {
    firstName: "Oauth",
    email: "o@example.com",
  }).id;
});
after(() => t.close());

test("the authorization-code flow stores the tokens and the granted scopes; a replayed callback is refused", async () => {
  assert.deepEqual(oauth.scopes, ["contacts.readonly", "contacts.write"]);
  assert.equal(oauth.accountId, sandbox().info.highlevel.locationId);
  const credentials = await t.bridge.core.vault.credentials(oauth.id);
  assert.ok(credentials.accessToken && credentials.refreshToken && credentials.expiresAt);
  const pending = await t.bridge.db.selectFrom("oauth_pending").selectAll().execute();
  const used = pending.find((p) => p.connection_id === oauth.id);
  assert.ok(used);
  const replay = await t.bridge.app.fetch(
    new Request(`http://bridge.test/oauth/highlevel/callback?state=${used.state}&code=whatever`),
  );
  assert.equal(replay.status, 400);
});

test("20 parallel calls as the token expires make exactly one refresh, and all succeed", async () => {
  const before = await t.bridge.core.vault.credentials(oauth.id);
  clock.set(Number(before.expiresAt) - 60_000);
  const client = t.bridge.core.clients.highlevel(oauth);
  const results = await Promise.all(Array.from({ length: 20 }, () => client.getContact(contactId)));
  assert.equal(results.length, 20);
  assert.ok(results.every((contact) => contact.id === contactId));
  assert.equal(await auditCount("credential.refreshed", oauth.id), 1);
  const after = await t.bridge.core.vault.credentials(oauth.id);
  assert.notEqual(after.refreshToken, before.refreshToken, "the rotated refresh token is stored");
  assert.ok(Number(after.expiresAt) > Number(before.expiresAt));
  // The old refresh token is dead at HighLevel: the stored one must be the newest.
  const reuse = await t.bridge.core.fetch(
    new Request(`${sandbox().info.highlevel.baseUrl}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: "bridge-client",
        client_secret: "bridge-secret-123",
        grant_type: "refresh_token",
        refresh_token: before.refreshToken ?? "",
      }),
    }),
  );
  assert.equal(reuse.status, 400);
});

test("a 401 that is not about scope gets one refresh and one retry", async () => {
  const refreshes = await auditCount("credential.refreshed", oauth.id);
  sandbox().highlevel.control.injectFault({
    operationId: "get-contact",
    status: 401,
    body: { statusCode: 401, message: "Invalid JWT" },
  });
  const contact = await t.bridge.core.clients.highlevel(oauth).getContact(contactId);
  assert.equal(contact.id, contactId);
  assert.equal(await auditCount("credential.refreshed", oauth.id), refreshes + 1);
});

test("'not authorized for this scope' is a scope error: no refresh, the connection stays valid", async () => {
  const refreshes = await auditCount("credential.refreshed", oauth.id);
  sandbox().highlevel.control.injectFault({
    operationId: "get-contact",
    status: 401,
    body: { statusCode: 401, message: "The token is not authorized for this scope." },
  });
  await assert.rejects(
    t.bridge.core.clients.highlevel(oauth).getContact(contactId),
    (error: unknown) => {
      return error instanceof ScopeError && error.missingScopes.includes("contacts.readonly");
    },
  );
  assert.equal(await auditCount("credential.refreshed", oauth.id), refreshes);
  const after = await getConnection(t.bridge.db, oauth.id);
  assert.equal(after?.status, "active");
  assert.deepEqual(after?.missingScopes, ["contacts.readonly"]);
  // Known missing now: the next call fails before anything is sent.
  const used = await auditCount("credential.used", oauth.id);
  await assert.rejects(
    t.bridge.core.clients.highlevel(after as Connection).getContact(contactId),
    ScopeError,
  );
  assert.equal(await auditCount("credential.used", oauth.id), used, "nothing was sent");
  await t.bridge.db
    .updateTable("connections")
    .set({ missing_scopes: "[]" })
    .where("id", "=", oauth.id)
    .execute();
});

test("a write on a read-only connection fails before any request, naming the scope", async () => {
  const s = sandbox();
  const connection = await addConnectionViaApi(t, {
    app: "highlevel",
    authKind: "private_token",
    token: s.highlevel.control.issuePrivateToken({
      locationId: s.info.highlevel.locationId,
      scopes: ["contacts.readonly"],
    }),
    locationId: s.info.highlevel.locationId,
    scopes: ["contacts.readonly"],
    baseUrl: s.info.highlevel.baseUrl,
  });
  const client = t.bridge.core.clients.highlevel(connection);
  await assert.rejects(
    client.createContact({ locationId: connection.accountId, firstName: "Nope" }),
    (error: unknown) => error instanceof ScopeError && /contacts\.write/.test(error.message),
  );
  assert.equal(await auditCount("credential.used", connection.id), 0);
  assert.equal((await client.getContact(contactId)).id, contactId);
});

test("a refused private token is marked invalid with the server's message, without a loop", async () => {
  const s = sandbox();
  const connection = await addConnectionViaApi(t, {
    app: "highlevel",
    authKind: "private_token",
    token: "pit-revoked-or-mistyped",
    locationId: s.info.highlevel.locationId,
    baseUrl: s.info.highlevel.baseUrl,
  });
  const client = t.bridge.core.clients.highlevel(connection);
  await assert.rejects(
    client.getContact(contactId),
    (e: unknown) => e instanceof CredentialError && e.status === "invalid",
  );
  const after = await getConnection(t.bridge.db, connection.id);
  assert.equal(after?.status, "invalid");
  assert.ok(after?.statusReason);
  assert.equal(await auditCount("credential.used", connection.id), 1, "one attempt, no retry loop");
  await assert.rejects(client.getContact(contactId), CredentialError);
  assert.equal(await auditCount("credential.used", connection.id), 1, "later calls are not sent");
});

test("a dead grant marks the connection needs_reconnect and stops; OAuth again restores it", async () => {
  const s = sandbox();
  s.highlevel.control.uninstallApp({ clientId: "bridge-client", locationId: oauth.accountId });
  const credentials = await t.bridge.core.vault.credentials(oauth.id);
  clock.set(Number(credentials.expiresAt) + 1000);
  const client = t.bridge.core.clients.highlevel(oauth);
  await assert.rejects(
    client.getContact(contactId),
    (e: unknown) => e instanceof CredentialError && e.status === "needs_reconnect",
  );
  const after = await getConnection(t.bridge.db, oauth.id);
  assert.equal(after?.status, "needs_reconnect");
  assert.match(after?.statusReason ?? "", /invalid/i);
  const refreshes = await auditCount("credential.refreshed", oauth.id);
  await assert.rejects(client.getContact(contactId), CredentialError);
  assert.equal(
    await auditCount("credential.refreshed", oauth.id),
    refreshes,
    "no more refresh attempts",
  );

  const again = await connectByOAuth();
  assert.equal(again.status, 200);
  const restored = await getConnection(t.bridge.db, oauth.id);
  assert.equal(restored?.status, "active", "the same connection is active again");
  assert.equal((await t.bridge.core.clients.highlevel(oauth).getContact(contactId)).id, contactId);
});
