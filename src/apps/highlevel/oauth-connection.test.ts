import assert from "node:assert/strict";
import { test } from "node:test";
import { HttpError, NetworkError } from "../../http/errors.ts";
import { classifyTokenFailure, consentUrl, tokenCredentials } from "./oauth-connection.ts";

const request = { method: "POST", url: "https://services.leadconnectorhq.com/oauth/token" };

test("dead grants and undocumented 400s need a reconnect; outages are transient", () => {
  const invalidGrant = new HttpError(
    request,
    400,
    { error: "invalid_grant", error_description: "bad" },
    {},
  );
  const inactive = new HttpError(
    request,
    400,
    { statusCode: 400, message: "Location is not active" },
    {},
  );
  assert.equal(classifyTokenFailure(invalidGrant), "reconnect");
  assert.equal(classifyTokenFailure(inactive), "reconnect");
  assert.equal(classifyTokenFailure(new HttpError(request, 503, "", {})), "transient");
  assert.equal(classifyTokenFailure(new HttpError(request, 429, "", {})), "transient");
  assert.equal(classifyTokenFailure(new NetworkError("reset", request)), "transient");
});

test("consent URLs carry code flow, space-separated scopes and the state", () => {
  const url = new URL(
    consentUrl({
      authUrl: "https://marketplace.gohighlevel.com/v2/oauth/chooselocation",
      clientId: "c1",
      redirectUri: "http://127.0.0.1:8787/oauth/highlevel/callback",
      state: "s1",
    }),
  );
  assert.equal(url.searchParams.get("response_type"), "code");
  assert.equal(url.searchParams.get("scope"), "contacts.readonly contacts.write");
  assert.equal(url.searchParams.get("state"), "s1");
  assert.equal(
    url.searchParams.get("redirect_uri"),
    "http://127.0.0.1:8787/oauth/highlevel/callback",
  );
});

test("token answers become stored credentials with an absolute expiry", () => {
  const credentials = tokenCredentials(
    {
      access_token: "a",
      refresh_token: "r",
      expires_in: 86399,
      token_type: "Bearer",
      userId: "u",
      scope: "contacts.readonly",
    },
    1_000,
  );
  assert.deepEqual(credentials, {
    accessToken: "a",
    refreshToken: "r",
    expiresAt: String(1_000 + 86_399_000),
    userType: "Location",
    scope: "contacts.readonly",
  });
});
