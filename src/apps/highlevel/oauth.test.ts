import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HttpError } from "../../http/errors.ts";
import { createHighLevelClient } from "./client.ts";
import { createHighLevelOAuthClient, isInvalidGrant } from "./oauth.ts";
import { createHighLevelSandbox, TEST_BASE_URL } from "./testing.ts";

const APP = {
  clientId: "app123-abc",
  clientSecret: "s3cret",
  redirectUris: ["https://bridge.test/cb"],
};

async function rejection(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  return assert.fail("expected an HttpError");
}

function setup() {
  const sb = createHighLevelSandbox();
  sb.emulator.control.registerApp({
    ...APP,
    scopes: ["contacts.readonly", "contacts.write", "oauth.write"],
  });
  const oauth = createHighLevelOAuthClient({
    ...APP,
    baseUrl: TEST_BASE_URL,
    fetch: sb.emulator.fetch,
  });
  const client = (token: string) =>
    createHighLevelClient({ baseUrl: TEST_BASE_URL, token, fetch: sb.emulator.fetch });
  return { sb, oauth, client };
}

describe("HighLevel OAuth: emulator server side and client", () => {
  it("runs the authorization-code flow offline: consent redirects with code and state", async () => {
    const { sb, oauth, client } = setup();
    const consent = await sb.emulator.fetch(
      new Request(
        `${TEST_BASE_URL}/v2/oauth/chooselocation?response_type=code&client_id=${APP.clientId}` +
          `&redirect_uri=${encodeURIComponent("https://bridge.test/cb")}&scope=contacts.readonly&state=xyz`,
      ),
    );
    assert.equal(consent.status, 302);
    const target = new URL(consent.headers.get("location") ?? "");
    assert.equal(`${target.origin}${target.pathname}`, "https://bridge.test/cb");
    assert.equal(target.searchParams.get("state"), "xyz");
    const tokens = await oauth.exchangeCode({
      code: target.searchParams.get("code") ?? "",
      redirectUri: "https://bridge.test/cb",
    });
    assert.equal(tokens.expires_in, 86399);
    assert.equal(tokens.locationId, sb.location.id);
    assert.equal(tokens.scope, "contacts.readonly");
    const api = client(tokens.access_token);
    const contact = sb.emulator.control.seedContact(sb.location.id, { firstName: "Ada" });
    assert.equal((await api.getContact(contact.id)).name, "Ada");
    const write = await rejection(
      api.createContact({ locationId: sb.location.id, firstName: "B" }),
    );
    assert.equal(write.status, 401);
    assert.equal(
      (write.body as { message: string }).message,
      "The token is not authorized for this scope.",
    );
    const reuse = await rejection(
      oauth.exchangeCode({ code: target.searchParams.get("code") ?? "" }),
    );
    assert.ok(isInvalidGrant(reuse), "a code is single use");
  });

  it("rotates refresh tokens and expires access tokens on the emulator clock", async () => {
    const { sb, oauth, client } = setup();
    const code = sb.emulator.control.authorize({
      clientId: APP.clientId,
      locationId: sb.location.id,
    });
    const first = await oauth.exchangeCode({ code });
    const second = await oauth.refreshToken({ refreshToken: first.refresh_token });
    assert.notEqual(second.refresh_token, first.refresh_token);
    const stale = await rejection(oauth.refreshToken({ refreshToken: first.refresh_token }));
    assert.equal(stale.status, 400);
    assert.ok(isInvalidGrant(stale));
    assert.match(stale.message, /refresh token is invalid/);
    const contact = sb.emulator.control.seedContact(sb.location.id, { firstName: "Ada" });
    const api = client(second.access_token);
    sb.clock.advance(86_398_000);
    assert.equal((await api.getContact(contact.id)).id, contact.id);
    sb.clock.advance(2_000);
    const expired = await rejection(api.getContact(contact.id));
    assert.equal(expired.status, 401);
    assert.equal((expired.body as { message: string }).message, "Invalid JWT");
    const wrongSecret = createHighLevelOAuthClient({
      ...APP,
      clientSecret: "nope",
      baseUrl: TEST_BASE_URL,
      fetch: sb.emulator.fetch,
    });
    const badClient = await rejection(
      wrongSecret.refreshToken({ refreshToken: second.refresh_token }),
    );
    assert.equal(badClient.status, 401);
    assert.equal(isInvalidGrant(badClient), false);
  });

  it("mints a location token from a Company token; other locations answer 403", async () => {
    const { sb, oauth, client } = setup();
    const code = sb.emulator.control.authorize({
      clientId: APP.clientId,
      locationId: sb.location.id,
    });
    const agency = await oauth.exchangeCode({ code, userType: "Company" });
    assert.equal(agency.userType, "Company");
    assert.deepEqual(agency.approvedLocations, [sb.location.id]);
    const contact = sb.emulator.control.seedContact(sb.location.id, { firstName: "Ada" });
    const refused = await rejection(client(agency.access_token).getContact(contact.id));
    assert.equal(refused.status, 401, "a Company token cannot use the location API");
    const minted = await oauth.locationToken({
      agencyToken: agency.access_token,
      companyId: agency.companyId ?? "",
      locationId: sb.location.id,
    });
    assert.equal(minted.locationId, sb.location.id);
    assert.equal((await client(minted.access_token).getContact(contact.id)).id, contact.id);

    const other = sb.emulator.control.createLocation({ name: "Other" });
    const foreign = sb.emulator.control.seedContact(other.id, { firstName: "Eve" });
    const forbidden = await rejection(client(minted.access_token).getContact(foreign.id));
    assert.equal(forbidden.status, 403);
    assert.equal(
      (forbidden.body as { message: string }).message,
      "The token does not have access to this location.",
    );
  });
});
