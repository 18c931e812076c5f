import { describe, test, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { createHash, createPublicKey, randomBytes, verify } from "node:crypto";
import { Embedded, PassbindError, _internals } from "../src/passbind.js";
import { FakeIndexedDB, fakeFetch, installGlobals, domError } from "../test-support/fakes.js";

const { base64UrlEncode, base64UrlDecode, DB_NAME } = _internals;

const AUTH = "http://localhost:5000";
const PAGE = { origin: "http://localhost:5000", host: "localhost:5000", hostname: "localhost" };
const TENANT = "0001aa";
const REALM = "bbbb";
const TXN = "aCi8E47pTwzpXaH8wwL28Ma8X8cH2Byx";
const REDIRECT = "http://localhost:5080/signin-oidc?code=C0DE&state=st4te";
const USER_ID = base64UrlEncode(Uint8Array.from({ length: 32 }, (_, i) => 255 - i));

/** A JWT with the given payload; the SDK reads it without verifying, so any signature bytes do. */
const jwt = (payload) => [{ typ: "JWT", alg: "RS256", kid: "k1" }, payload]
  .map((part) => Buffer.from(JSON.stringify(part)).toString("base64url")).join(".") + ".c2lnbmF0dXJl";

function request({ baseUrl = AUTH, tid = TENANT, rid = REALM, transactionId = TXN } = {}) {
  return jwt({
    iss: `${AUTH}/v1/tenants/${tid}/realms/${rid}/applications/app1`, sub: "client1", aud: [],
    exp: 2000000000, nbf: 1700000000, iat: 1700000000, jti: "j1", verb: "authenticate",
    authn: {
      base_url: baseUrl, tid, rid, aid: "app1",
      action: { prove: { transaction_id: transactionId, nonce: "n0nce" } },
      redirect_uri: "http://localhost:5080/signin-oidc", state: "st4te",
    },
    origin: { ip: "127.0.0.1", ua: "test", geo: "Unknown", ref: "" },
  });
}

const REQUEST = request();
const AUTH_URL = `http://localhost:5080/bi-authenticate?request=${REQUEST}`;
const TXN_URL = `${AUTH}/v1/tenants/${TENANT}/realms/${REALM}/transactions/${TXN}`;
const JOB_URL = `${AUTH}/v1/tenants/${TENANT}/realms/${REALM}/identities/cccc/credential-binding-jobs/dddd`;
const BIND_LINK = `${JOB_URL}:invokeAuthenticator?token=T0KEN`;

/**
 * Plays the server: binding (just enough to create passkeys) and the sign-in transaction, verifying
 * each software assertion as sign-in-protocol.md §5 says the server does: type, challenge, origin,
 * rpIdHash, UP, a sign count above the last, and the signature with the key registered at binding.
 */
function fakeServer({ rpId = "localhost", overrides = {} } = {}) {
  const state = { challenges: [], keys: new Map(), signCounts: new Map(), allowCredentials: undefined };
  const fetch = fakeFetch(({ url, body }) => {
    const step = url.slice(url.lastIndexOf(":") + 1);
    if (overrides[step]) return overrides[step]({ url, body, state });
    if (url === `${JOB_URL}:registrationOptions`) {
      return {
        body: {
          public_key: {
            rp: { id: rpId, name: "Passbind" }, user: { id: USER_ID, name: "alice", displayName: "Alice" },
            challenge: base64UrlEncode(randomBytes(32)), pubKeyCredParams: [{ type: "public-key", alg: -7 }],
            timeout: 300000, excludeCredentials: [], authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
            attestation: "none",
          },
        },
      };
    }
    if (url === `${JOB_URL}:completeRegistration`) {
      const credential = body.credential;
      if (credential.response.publicKey) state.keys.set(credential.id, credential.response.publicKey);
      return {
        body: {
          credential: { id: `srv-${credential.id.slice(0, 6)}`, identity_id: "cccc", realm_id: REALM, tenant_id: TENANT, state: "ACTIVE", create_time: "2025-01-02T03:04:05Z" },
          tenant: { id: TENANT, display_name: "Acme" }, realm: { id: REALM, display_name: "Customers" },
          identity: { id: "cccc", username: "alice" }, theme: {},
        },
      };
    }
    if (!url.startsWith(`${TXN_URL}:`) || body.request !== REQUEST) {
      return { status: 404, body: { code: "transaction_not_found", message: "transaction not found" } };
    }
    switch (step) {
      case "authenticationContext":
        return {
          body: {
            auth_url: `${AUTH}/bi-authenticate?request=${REQUEST}`,
            auth_methods: [{ type: "webauthn_passkey" }, { type: "software_passkey" }, { type: "email_one_time_password" }, { nope: 1 }],
            application: { id: "app1", display_name: "Pet App" },
            origin: { source_ip: "203.0.113.9", user_agent: "Firefox", geolocation: "Unknown", referer: "https://pets.example/" },
          },
        };
      case "authenticationOptions": {
        const challenge = base64UrlEncode(randomBytes(32));
        state.challenges.push(challenge);
        return {
          body: {
            public_key: {
              challenge, timeout: 60000, rpId,
              allowCredentials: state.allowCredentials ??
                (body.credential_id ? [{ type: "public-key", id: body.credential_id }] : []),
              userVerification: "preferred",
            },
          },
        };
      }
      case "completeAuthentication":
        return completeAuthentication(body.credential, state, rpId);
      case "authenticateOtp":
        return { body: { url: `${AUTH}/bi-authenticate?request=${REQUEST}` } };
      case "redeemOtp":
        return body.otp === "123456"
          ? { body: { redirect_url: REDIRECT, message: null, passkey_binding_token: "pbt-1" } }
          : { status: 400, body: { code: "otp_invalid", message: "The code is not right." } };
      default:
        return { status: 404, body: { code: "not_found", message: "no route" } };
    }
  });
  return { fetch, state };
}

function completeAuthentication(credential, state, rpId) {
  const failed = (reason) => ({ status: 400, body: { code: "authentication_failed", message: reason, details: [{ reason }] } });
  const clientDataBytes = base64UrlDecode(credential.response.clientDataJSON);
  const clientData = JSON.parse(new TextDecoder().decode(clientDataBytes));
  if (clientData.type !== "webauthn.get") return failed("client_data_type");
  if (!state.challenges.includes(clientData.challenge)) return { status: 400, body: { code: "challenge_not_found", message: "no" } };
  if (clientData.origin !== PAGE.origin) return { status: 403, body: { code: "origin_not_allowed", message: "no" } };
  const authData = base64UrlDecode(credential.response.authenticatorData);
  if (!createHash("sha256").update(rpId).digest().equals(Buffer.from(authData.subarray(0, 32)))) return failed("rp_id_mismatch");
  if (!(authData[32] & 0x01)) return failed("user_not_present");
  const spki = state.keys.get(credential.id);
  if (!spki) return failed("credential_not_allowed");
  const signed = Buffer.concat([authData, createHash("sha256").update(clientDataBytes).digest()]);
  const key = createPublicKey({ key: Buffer.from(base64UrlDecode(spki)), format: "der", type: "spki" });
  if (!verify("sha256", signed, { key, dsaEncoding: "der" }, base64UrlDecode(credential.response.signature))) return failed("invalid_signature");
  const count = Buffer.from(authData.subarray(33, 37)).readUInt32BE();
  if (count !== 0 && count <= (state.signCounts.get(credential.id) ?? 0)) return failed("sign_count_regressed");
  state.signCounts.set(credential.id, count);
  return { body: { redirect_url: REDIRECT, message: null, credential: { id: "srv", identity_id: "cccc", realm_id: REALM, tenant_id: TENANT } } };
}

const RAW_ID = Uint8Array.from({ length: 16 }, (_, i) => i + 1);

/** A PublicKeyCredential from `navigator.credentials.get`; `withToJSON` adds the Level 3 method. */
function fakeAssertion(withToJSON, rawId = RAW_ID) {
  const credential = {
    id: base64UrlEncode(rawId),
    rawId: rawId.buffer,
    type: "public-key",
    authenticatorAttachment: "cross-platform",
    response: {
      clientDataJSON: new TextEncoder().encode('{"type":"webauthn.get"}').buffer,
      authenticatorData: Uint8Array.of(1, 2, 3).buffer,
      signature: Uint8Array.of(0x30, 0).buffer,
      userHandle: Uint8Array.of(9, 9).buffer,
    },
    getClientExtensionResults: () => ({}),
  };
  if (withToJSON) {
    credential.toJSON = () => ({ id: credential.id, rawId: credential.id, type: "public-key", response: { clientDataJSON: "from-toJSON", authenticatorData: "AQID", signature: "MAA" }, clientExtensionResults: {} });
  }
  return credential;
}

function fakeNavigator({ get = () => fakeAssertion(true), create } = {}) {
  const calls = { get: [], create: [] };
  return {
    calls,
    navigator: {
      credentials: {
        get: async (options) => { calls.get.push(options); return get(options); },
        create: async (options) => { calls.create.push(options); return create(options); },
      },
    },
  };
}

let restore = () => {};
let idb;

function browser({ fetch, navigator = fakeNavigator().navigator, PublicKeyCredential, location = PAGE, indexedDB = idb }) {
  restore();
  restore = installGlobals({ fetch, navigator, PublicKeyCredential, location, indexedDB });
}

beforeEach(() => {
  idb = new FakeIndexedDB();
});
afterEach(() => {
  restore();
  restore = () => {};
});

const isCode = (code) => (error) => error instanceof PassbindError && error.code === code;
const stepsOf = (fetch) => fetch.calls.map((c) => c.url.slice(c.url.lastIndexOf(":") + 1));

/** Binds a software passkey through the SDK, as an app would before signing in. */
async function bindSubtle(embedded) {
  return (await embedded.bindPasskey(BIND_LINK, { keyType: "subtle" })).passkey;
}

describe("authenticate with a software passkey (subtle)", () => {
  test("signs an assertion the server verifies with the key it registered, and returns the redirect", async () => {
    const { fetch } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    const passkey = await bindSubtle(embedded);

    const result = await embedded.authenticate(AUTH_URL, passkey.id);

    assert.deepEqual(result, { redirectUrl: REDIRECT, passkey });
    const [optionsCall, completeCall] = fetch.calls.slice(2);
    assert.equal(optionsCall.url, `${TXN_URL}:authenticationOptions`);
    assert.deepEqual(optionsCall.body, { request: REQUEST, key_type: "subtle", credential_id: passkey.id });
    assert.equal(completeCall.url, `${TXN_URL}:completeAuthentication`);
    assert.equal(completeCall.body.request, REQUEST);
    for (const call of [optionsCall, completeCall]) {
      assert.equal(call.init.method, "POST");
      assert.equal(call.init.credentials, "omit");
      assert.equal(call.init.referrerPolicy, "no-referrer");
      assert.equal(call.init.redirect, "error");
    }
  });

  test("the AuthenticationResponseJSON: get client data, UP|UV, counter, DER signature, user handle", async () => {
    const { fetch, state } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    const passkey = await bindSubtle(embedded);
    await embedded.authenticate(AUTH_URL, passkey.id);

    const credential = fetch.calls[3].body.credential;
    assert.deepEqual(Object.keys(credential).sort(), ["authenticatorAttachment", "clientExtensionResults", "id", "rawId", "response", "type"]);
    assert.equal(credential.id, passkey.id);
    assert.equal(credential.rawId, passkey.id);
    assert.equal(credential.type, "public-key");
    assert.deepEqual(credential.clientExtensionResults, {});
    const clientData = JSON.parse(new TextDecoder().decode(base64UrlDecode(credential.response.clientDataJSON)));
    assert.deepEqual(clientData, { type: "webauthn.get", challenge: state.challenges[0], origin: PAGE.origin, crossOrigin: false });
    const authData = base64UrlDecode(credential.response.authenticatorData);
    assert.equal(authData.length, 37, "no attested credential data, no extensions");
    assert.deepEqual(authData.subarray(0, 32), new Uint8Array(createHash("sha256").update("localhost").digest()));
    assert.equal(authData[32], 0x05, "UP|UV, no BE/BS");
    assert.deepEqual([...authData.subarray(33, 37)], [0, 0, 0, 1], "first signature: count 1");
    assert.equal(base64UrlDecode(credential.response.signature)[0], 0x30, "DER SEQUENCE, not raw r‖s");
    assert.equal(credential.response.userHandle, USER_ID);
  });

  test("the sign count goes up with every sign-in and is kept with the passkey", async () => {
    const { fetch, state } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    const passkey = await bindSubtle(embedded);
    for (let i = 0; i < 3; i++) await embedded.authenticate(AUTH_URL, passkey.id);

    const counts = fetch.calls.filter((c) => c.url.endsWith(":completeAuthentication"))
      .map((c) => Buffer.from(base64UrlDecode(c.body.credential.response.authenticatorData).subarray(33, 37)).readUInt32BE());
    assert.deepEqual(counts, [1, 2, 3]);
    assert.equal(state.signCounts.get(passkey.id), 3);
    assert.equal(idb.dump(DB_NAME, "passkeys")[0].key.signCount, 3);
  });

  test("a signature over other bytes fails the server's check: the fake verifies for real", async () => {
    const { fetch } = fakeServer({
      overrides: {
        completeAuthentication: ({ body, state }) => {
          const response = body.credential.response;
          const authData = base64UrlDecode(response.authenticatorData);
          authData[36] ^= 0xff; // change the counter after signing
          response.authenticatorData = base64UrlEncode(authData);
          return completeAuthentication(body.credential, state, "localhost");
        },
      },
    });
    browser({ fetch });
    const embedded = await Embedded.initialize();
    const passkey = await bindSubtle(embedded);
    await assert.rejects(embedded.authenticate(AUTH_URL, passkey.id),
      (e) => isCode("authentication_failed")(e) && e.status === 400 && e.details[0].reason === "invalid_signature");
  });

  test("options naming another credential: passkey_not_found, nothing signed or sent", async () => {
    const { fetch, state } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    const passkey = await bindSubtle(embedded);
    state.allowCredentials = [{ type: "public-key", id: "c29tZW9uZS1lbHNl" }];
    await assert.rejects(embedded.authenticate(AUTH_URL, passkey.id), isCode("passkey_not_found"));
    assert.deepEqual(stepsOf(fetch).slice(2), ["authenticationOptions"]);
    assert.equal(idb.dump(DB_NAME, "passkeys")[0].key.signCount, 0, "nothing signed");
  });

  test("an RP ID the page's origin cannot use: origin_not_allowed", async () => {
    const { fetch } = fakeServer({
      overrides: {
        authenticationOptions: () => ({ body: { public_key: { challenge: "AAAA", rpId: "example.com", allowCredentials: [] } } }),
      },
    });
    browser({ fetch });
    const embedded = await Embedded.initialize();
    const passkey = await bindSubtle(embedded);
    await assert.rejects(embedded.authenticate(AUTH_URL, passkey.id), isCode("origin_not_allowed"));
  });

  test("an RP ID other than the passkey's: passkey_not_found", async () => {
    const page = { origin: "https://app.example.com", host: "app.example.com", hostname: "app.example.com" };
    const { fetch } = fakeServer({
      rpId: "app.example.com",
      overrides: {
        authenticationOptions: ({ body }) => ({ body: { public_key: { challenge: "AAAA", rpId: "example.com", allowCredentials: [{ type: "public-key", id: body.credential_id }] } } }),
      },
    });
    browser({ fetch, location: page });
    const embedded = await Embedded.initialize({ allowedDomains: ["localhost:5000"] });
    const passkey = await bindSubtle(embedded);
    await assert.rejects(embedded.authenticate(AUTH_URL, passkey.id), isCode("passkey_not_found"));
  });
});

describe("authenticate with WebAuthn", () => {
  test("a bound webauthn passkey: its id in credential_id and allowCredentials, Level 3 JSON both ways", async () => {
    const { fetch } = fakeServer({ overrides: { completeAuthentication: () => ({ body: { redirect_url: REDIRECT, message: null } }) } });
    const nav = fakeNavigator({ get: () => fakeAssertion(true), create: () => ({ toJSON: () => ({ id: base64UrlEncode(RAW_ID), rawId: base64UrlEncode(RAW_ID), type: "public-key", response: {}, clientExtensionResults: {} }) }) });
    const parsed = [];
    const PublicKeyCredential = {
      parseCreationOptionsFromJSON: (json) => json,
      parseRequestOptionsFromJSON: (json) => { parsed.push(json); return { parsedBy: "browser" }; },
    };
    browser({ fetch, navigator: nav.navigator, PublicKeyCredential });
    const embedded = await Embedded.initialize();
    const { passkey } = await embedded.bindPasskey(BIND_LINK);

    const result = await embedded.authenticate(AUTH_URL, passkey.id);

    assert.equal(result.redirectUrl, REDIRECT);
    assert.deepEqual(result.passkey, passkey);
    assert.deepEqual(fetch.calls[2].body, { request: REQUEST, key_type: "webauthn", credential_id: passkey.id });
    assert.deepEqual(parsed[0].allowCredentials, [{ type: "public-key", id: passkey.id }]);
    assert.deepEqual(nav.calls.get[0], { publicKey: { parsedBy: "browser" } });
    assert.equal(fetch.calls[3].body.credential.response.clientDataJSON, "from-toJSON");
  });

  test("no passkeyId: a discoverable assertion, converted by hand where the browser lacks the JSON methods", async () => {
    const { fetch } = fakeServer({ overrides: { completeAuthentication: () => ({ body: { redirect_url: REDIRECT, message: "welcome back" } }) } });
    const nav = fakeNavigator({ get: () => fakeAssertion(false) });
    browser({ fetch, navigator: nav.navigator });
    const embedded = await Embedded.initialize();

    const result = await embedded.authenticate(AUTH_URL);

    assert.deepEqual(result, { redirectUrl: REDIRECT, message: "welcome back" }, "no local passkey: none returned");
    assert.deepEqual(fetch.calls[0].body, { request: REQUEST, key_type: "webauthn", credential_id: null });
    const publicKey = nav.calls.get[0].publicKey;
    assert.ok(publicKey.challenge instanceof Uint8Array);
    assert.deepEqual(publicKey.allowCredentials, []);
    assert.equal(publicKey.rpId, "localhost");
    assert.deepEqual(fetch.calls[1].body.credential, {
      id: base64UrlEncode(RAW_ID),
      rawId: base64UrlEncode(RAW_ID),
      type: "public-key",
      response: {
        clientDataJSON: base64UrlEncode(new TextEncoder().encode('{"type":"webauthn.get"}')),
        authenticatorData: "AQID",
        signature: "MAA",
        userHandle: "CQk",
      },
      authenticatorAttachment: "cross-platform",
      clientExtensionResults: {},
    });
  });

  test("no passkeyId, and the browser chose a passkey this SDK bound: that passkey is returned", async () => {
    const { fetch } = fakeServer({ overrides: { completeAuthentication: () => ({ body: { redirect_url: REDIRECT } }) } });
    const nav = fakeNavigator({ get: () => fakeAssertion(false), create: () => ({ toJSON: () => ({ id: base64UrlEncode(RAW_ID), rawId: base64UrlEncode(RAW_ID), type: "public-key", response: {}, clientExtensionResults: {} }) }) });
    browser({ fetch, navigator: nav.navigator, PublicKeyCredential: { parseCreationOptionsFromJSON: (json) => json } });
    const embedded = await Embedded.initialize();
    const { passkey } = await embedded.bindPasskey(BIND_LINK);
    const result = await embedded.authenticate(AUTH_URL);
    assert.deepEqual(result.passkey, passkey);
  });

  const dialogErrors = [
    ["NotAllowedError", "user_canceled"],
    ["AbortError", "user_canceled"],
    ["SecurityError", "origin_not_allowed"],
    ["UnknownError", "authentication_failed"],
  ];
  for (const [name, code] of dialogErrors) {
    test(`${name} from navigator.credentials.get is ${code}, and nothing is completed`, async () => {
      const { fetch } = fakeServer();
      browser({ fetch, navigator: fakeNavigator({ get: () => { throw domError(name); } }).navigator });
      const embedded = await Embedded.initialize();
      await assert.rejects(embedded.authenticate(AUTH_URL), isCode(code));
      assert.deepEqual(stepsOf(fetch), ["authenticationOptions"]);
    });
  }

  test("a browser without WebAuthn is not_supported", async () => {
    browser({ fetch: fakeServer().fetch, navigator: {} });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.authenticate(AUTH_URL), isCode("not_supported"));
  });

  test("options without a challenge are network_error", async () => {
    const { fetch } = fakeServer({ overrides: { authenticationOptions: () => ({ body: { public_key: { rpId: "localhost" } } }) } });
    browser({ fetch });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.authenticate(AUTH_URL), isCode("network_error"));
  });

  test("a completion without redirect_url is network_error", async () => {
    const { fetch } = fakeServer({ overrides: { completeAuthentication: () => ({ body: { message: null } }) } });
    browser({ fetch });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.authenticate(AUTH_URL), isCode("network_error"));
  });
});

describe("authenticate refusals before any request", () => {
  test("not an authenticate URL: invalid_url", async () => {
    const { fetch } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    for (const url of [BIND_LINK, "garbage", null, "https://x.example/bi-authenticate?request=0123456789ABCDEF"]) {
      await assert.rejects(embedded.authenticate(url), isCode("invalid_url"));
      await assert.rejects(embedded.getAuthenticationContext(url), isCode("invalid_url"));
      await assert.rejects(embedded.authenticateOtp(url, "a@example.com"), isCode("invalid_url"));
      await assert.rejects(embedded.redeemOtp(url, "123456"), isCode("invalid_url"));
    }
    assert.equal(fetch.calls.length, 0);
  });

  test("a request that names no server, tenant or realm: invalid_url", async () => {
    const { fetch } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    for (const bad of [{ baseUrl: "javascript:alert(1)" }, { tid: "" }, { rid: "a/b" }]) {
      await assert.rejects(embedded.authenticate(`${AUTH}/bi-authenticate?request=${request(bad)}`), isCode("invalid_url"));
    }
    assert.equal(fetch.calls.length, 0);
  });

  test("a base_url outside allowedDomains: domain_not_allowed, the request JWT goes nowhere", async () => {
    const { fetch } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    const evil = `${AUTH}/bi-authenticate?request=${request({ baseUrl: "https://evil.example.net" })}`;
    await assert.rejects(embedded.authenticate(evil), isCode("domain_not_allowed"));
    await assert.rejects(embedded.getAuthenticationContext(evil), isCode("domain_not_allowed"));
    await assert.rejects(embedded.authenticateOtp(evil, "a@example.com"), isCode("domain_not_allowed"));
    await assert.rejects(embedded.redeemOtp(evil, "123456"), isCode("domain_not_allowed"));
    assert.equal(fetch.calls.length, 0);
  });

  test("an unknown passkeyId, or a passkey of another realm: passkey_not_found", async () => {
    const { fetch } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.authenticate(AUTH_URL, "bm8tc3VjaC1wYXNza2V5"), isCode("passkey_not_found"));
    const passkey = await bindSubtle(embedded);
    const otherRealm = `${AUTH}/bi-authenticate?request=${request({ rid: "other" })}`;
    await assert.rejects(embedded.authenticate(otherRealm, passkey.id), isCode("passkey_not_found"));
    await assert.rejects(embedded.authenticate(AUTH_URL, 42), isCode("invalid_request"));
    assert.deepEqual(stepsOf(fetch), ["registrationOptions", "completeRegistration"]);
  });
});

describe("authenticate: the server's errors come through unchanged", () => {
  const failures = [
    ["authenticationOptions", 404, "transaction_not_found", undefined],
    ["authenticationOptions", 410, "transaction_expired", undefined],
    ["authenticationOptions", 410, "transaction_completed", undefined],
    ["authenticationOptions", 403, "key_type_not_allowed", undefined],
    ["completeAuthentication", 400, "authentication_failed", "credential_not_allowed"],
    ["completeAuthentication", 400, "challenge_expired", undefined],
    ["completeAuthentication", 403, "origin_not_allowed", undefined],
    ["completeAuthentication", 429, "rate_limited", undefined],
  ];
  for (const [step, status, code, reason] of failures) {
    test(`${step} answering ${status} ${code}${reason ? ` (${reason})` : ""}`, async () => {
      const { fetch } = fakeServer({
        overrides: { [step]: () => ({ status, body: { code, message: `server says ${code}`, details: reason ? [{ reason }] : [] } }) },
      });
      browser({ fetch });
      const embedded = await Embedded.initialize();
      await assert.rejects(embedded.authenticate(AUTH_URL), (e) =>
        isCode(code)(e) && e.status === status && e.message === `server says ${code}` && e.details[0]?.reason === reason);
    });
  }
});

describe("getAuthenticationContext", () => {
  test("posts the request and maps the answer to Beyond Identity's shape", async () => {
    const { fetch } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    const context = await embedded.getAuthenticationContext(AUTH_URL);
    assert.deepEqual(fetch.calls[0].body, { request: REQUEST });
    assert.equal(fetch.calls[0].url, `${TXN_URL}:authenticationContext`);
    assert.deepEqual(context, {
      authUrl: `${AUTH}/bi-authenticate?request=${REQUEST}`,
      authMethods: [{ type: "webauthn_passkey" }, { type: "software_passkey" }, { type: "email_one_time_password" }],
      application: { id: "app1", displayName: "Pet App" },
      origin: { sourceIp: "203.0.113.9", userAgent: "Firefox", geolocation: "Unknown", referer: "https://pets.example/" },
    });
  });

  test("missing optional fields: authUrl falls back to the URL given, origin is empty", async () => {
    const { fetch } = fakeServer({ overrides: { authenticationContext: () => ({ body: { application: { id: "app1" } } }) } });
    browser({ fetch });
    const embedded = await Embedded.initialize();
    assert.deepEqual(await embedded.getAuthenticationContext(AUTH_URL),
      { authUrl: AUTH_URL, authMethods: [], application: { id: "app1" }, origin: {} });
  });

  test("an expired transaction: transaction_expired", async () => {
    const { fetch } = fakeServer({ overrides: { authenticationContext: () => ({ status: 410, body: { code: "transaction_expired", message: "expired" } }) } });
    browser({ fetch });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.getAuthenticationContext(AUTH_URL), (e) => isCode("transaction_expired")(e) && e.status === 410);
  });
});

describe("one-time codes", () => {
  test("authenticateOtp posts the address and returns the URL to continue with", async () => {
    const { fetch } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    const { url } = await embedded.authenticateOtp(AUTH_URL, " alice@example.com ");
    assert.equal(url, `${AUTH}/bi-authenticate?request=${REQUEST}`);
    assert.equal(embedded.isAuthenticateUrl(url), true);
    assert.equal(fetch.calls[0].url, `${TXN_URL}:authenticateOtp`);
    assert.deepEqual(fetch.calls[0].body, { request: REQUEST, email: "alice@example.com" });
  });

  test("redeemOtp returns the redirect and the passkey binding token", async () => {
    const { fetch } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    const { url } = await embedded.authenticateOtp(AUTH_URL, "alice@example.com");
    const result = await embedded.redeemOtp(url, "123456");
    assert.deepEqual(result, { redirectUrl: REDIRECT, passkeyBindingToken: "pbt-1" });
    assert.equal(fetch.calls[1].url, `${TXN_URL}:redeemOtp`);
    assert.deepEqual(fetch.calls[1].body, { request: REQUEST, otp: "123456" });
  });

  test("a wrong code is otp_invalid; an expired one otp_expired", async () => {
    const { fetch } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.redeemOtp(AUTH_URL, "000000"), (e) => isCode("otp_invalid")(e) && e.status === 400);

    const expired = fakeServer({ overrides: { redeemOtp: () => ({ status: 410, body: { code: "otp_expired", message: "expired" } }) } });
    browser({ fetch: expired.fetch });
    await assert.rejects(embedded.redeemOtp(AUTH_URL, "123456"), (e) => isCode("otp_expired")(e) && e.status === 410);
  });

  test("an empty address or code is invalid_request, before any request", async () => {
    const { fetch } = fakeServer();
    browser({ fetch });
    const embedded = await Embedded.initialize();
    for (const email of ["", "  ", undefined, 5]) await assert.rejects(embedded.authenticateOtp(AUTH_URL, email), isCode("invalid_request"));
    for (const otp of ["", undefined, 123456]) await assert.rejects(embedded.redeemOtp(AUTH_URL, otp), isCode("invalid_request"));
    assert.equal(fetch.calls.length, 0);
  });
});
