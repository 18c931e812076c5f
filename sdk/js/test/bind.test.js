import { describe, test, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { createHash, createPublicKey, verify, webcrypto } from "node:crypto";
import { Embedded, PassbindError, _internals } from "../src/passbind.js";
import { FakeIndexedDB, fakeFetch, installGlobals, domError, cborDecode } from "../test-support/fakes.js";

const { base64UrlEncode, base64UrlDecode, DB_NAME } = _internals;

const AUTH = "http://localhost:5000";
const PAGE = "http://localhost:5000";
const TOKEN = "To9jFj5GkhqDzWtwHFYwO9XFuUKa2kPAScZNfqffJ0TJTSVIZW_pI_TZJ8iD7MDZ";
const JOB_PATH = "/v1/tenants/0001aa/realms/bbbb/identities/cccc/credential-binding-jobs/dddd";
const LINK_A = `${AUTH}${JOB_PATH}:invokeAuthenticator?token=${TOKEN}`;
const LINK_B = `http://localhost:8083/bind?api_base_url=${encodeURIComponent(AUTH)}&tenant_id=0001aa&realm_id=bbbb&identity_id=cccc&job_id=dddd&token=${TOKEN}`;
const OPTIONS_URL = `${AUTH}${JOB_PATH}:registrationOptions`;
const COMPLETE_URL = `${AUTH}${JOB_PATH}:completeRegistration`;

const CHALLENGE = base64UrlEncode(Uint8Array.from({ length: 32 }, (_, i) => i));
const USER_ID = base64UrlEncode(Uint8Array.from({ length: 32 }, (_, i) => 255 - i));
const EXCLUDED_ID = base64UrlEncode(Uint8Array.of(7, 7, 7));

function registrationOptions(overrides = {}) {
  return {
    public_key: {
      rp: { id: "localhost", name: "Passbind" },
      user: { id: USER_ID, name: "alice", displayName: "Alice" },
      challenge: CHALLENGE,
      pubKeyCredParams: [{ type: "public-key", alg: -7 }, { type: "public-key", alg: -257 }],
      timeout: 300000,
      excludeCredentials: [{ type: "public-key", id: EXCLUDED_ID }],
      authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "preferred" },
      attestation: "none",
      extensions: { credProps: true },
      ...overrides,
    },
  };
}

function completion(credentialJson) {
  return {
    credential: {
      id: "81490afab171aef0", identity_id: "cccc", realm_id: "bbbb", tenant_id: "0001aa", state: "ACTIVE",
      csr_type: "WEBAUTHN", jwk_json: "{}", jwk_thumbprint: "x", create_time: "2025-01-02T03:04:05.678Z",
      update_time: "2025-01-02T03:04:05.678Z", received_id: credentialJson?.id,
    },
    tenant: { id: "0001aa", display_name: "Acme" },
    realm: { id: "bbbb", display_name: "Customers" },
    identity: { id: "cccc", username: "alice", display_name: "Alice", primary_email_address: "alice@example.com", external_id: null },
    theme: { logo_url_light: "https://x/l.png", logo_url_dark: "https://x/d.png", support_url: "https://x/help" },
    post_binding_redirect_uri: "http://example.com",
  };
}

/** The happy server: options, then completion. */
function happyServer(overrides = {}) {
  return fakeFetch(({ url, body }) => {
    if (url === OPTIONS_URL) return { body: registrationOptions(overrides) };
    if (url === COMPLETE_URL) return { body: completion(body.credential) };
    return { status: 404, body: { code: "not_found", message: "no route" } };
  });
}

const RAW_ID = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);

/** A PublicKeyCredential as a browser returns it; `withToJSON` adds the Level 3 method. */
function fakeBrowserCredential(withToJSON) {
  const response = {
    clientDataJSON: new TextEncoder().encode('{"type":"webauthn.create"}').buffer,
    attestationObject: Uint8Array.of(0xa0).buffer,
    getTransports: () => ["internal", "hybrid"],
    getAuthenticatorData: () => Uint8Array.of(9, 9).buffer,
    getPublicKeyAlgorithm: () => -7,
    getPublicKey: () => Uint8Array.of(4, 4).buffer,
  };
  const credential = {
    id: base64UrlEncode(RAW_ID),
    rawId: RAW_ID.buffer,
    type: "public-key",
    authenticatorAttachment: "platform",
    response,
    getClientExtensionResults: () => ({ credProps: { rk: true } }),
  };
  if (withToJSON) {
    credential.toJSON = () => ({ id: credential.id, rawId: credential.id, type: "public-key", response: { clientDataJSON: "from-toJSON", attestationObject: "oA" }, clientExtensionResults: {} });
  }
  return credential;
}

function fakeNavigator(create) {
  const calls = [];
  return {
    calls,
    navigator: {
      credentials: {
        create: async (options) => {
          calls.push(options);
          return create(options);
        },
      },
    },
  };
}

let restore = () => {};
let idb;

function browser({ fetch, navigator, PublicKeyCredential, location = { origin: PAGE, host: "localhost:5000", hostname: "localhost" }, indexedDB = idb }) {
  restore = installGlobals({ fetch, navigator, PublicKeyCredential, location, indexedDB });
}

beforeEach(() => {
  idb = new FakeIndexedDB();
});
afterEach(() => restore());

describe("bindPasskey with WebAuthn", () => {
  test("Level 3 browser: parseCreationOptionsFromJSON in, toJSON out, protocol calls as documented", async () => {
    const fetch = happyServer();
    const { navigator, calls } = fakeNavigator(() => fakeBrowserCredential(true));
    const parsed = [];
    const PublicKeyCredential = { parseCreationOptionsFromJSON: (json) => { parsed.push(json); return { parsedBy: "browser" }; } };
    browser({ fetch, navigator, PublicKeyCredential });

    const embedded = await Embedded.initialize();
    const result = await embedded.bindPasskey(LINK_A);

    assert.equal(fetch.calls.length, 2);
    const [optionsCall, completeCall] = fetch.calls;
    assert.equal(optionsCall.url, OPTIONS_URL);
    assert.deepEqual(optionsCall.body, { token: TOKEN, key_type: "webauthn" });
    for (const call of fetch.calls) {
      assert.equal(call.init.method, "POST");
      assert.equal(call.init.credentials, "omit");
      assert.equal(call.init.headers["Content-Type"], "application/json");
      assert.equal(call.init.redirect, "error");
      assert.equal(call.init.referrerPolicy, "no-referrer");
    }
    assert.deepEqual(parsed, [registrationOptions().public_key]);
    assert.deepEqual(calls[0].publicKey, { parsedBy: "browser" });
    assert.equal(completeCall.url, COMPLETE_URL);
    assert.equal(completeCall.body.token, TOKEN);
    assert.equal(completeCall.body.credential.response.clientDataJSON, "from-toJSON");

    assert.deepEqual(result.passkey, {
      id: base64UrlEncode(RAW_ID),
      passkeyId: "81490afab171aef0",
      created: "2025-01-02T03:04:05.678Z",
      state: "Active",
      keyType: "webauthn",
      tenant: { id: "0001aa", displayName: "Acme" },
      realm: { id: "bbbb", displayName: "Customers" },
      identity: { id: "cccc", username: "alice", displayName: "Alice", emailAddress: "alice@example.com" },
      theme: { logoUrlLight: "https://x/l.png", logoUrlDark: "https://x/d.png", supportUrl: "https://x/help" },
    });
    assert.equal(result.credential, result.passkey);
    assert.equal(result.postBindRedirect, "http://example.com");
    assert.equal(result.postBindingRedirectUri, "http://example.com");
  });

  test("older browser: options converted and the credential serialised by hand", async () => {
    const fetch = happyServer();
    const { navigator, calls } = fakeNavigator(() => fakeBrowserCredential(false));
    browser({ fetch, navigator });

    const embedded = await Embedded.initialize();
    await embedded.bindPasskey(LINK_A);

    const publicKey = calls[0].publicKey;
    assert.ok(publicKey.challenge instanceof Uint8Array);
    assert.equal(base64UrlEncode(publicKey.challenge), CHALLENGE);
    assert.equal(base64UrlEncode(publicKey.user.id), USER_ID);
    assert.equal(publicKey.user.name, "alice");
    assert.equal(base64UrlEncode(publicKey.excludeCredentials[0].id), EXCLUDED_ID);
    assert.equal(publicKey.excludeCredentials[0].type, "public-key");
    assert.equal(publicKey.rp.id, "localhost");
    assert.deepEqual(publicKey.pubKeyCredParams, registrationOptions().public_key.pubKeyCredParams);

    assert.deepEqual(fetch.calls[1].body.credential, {
      id: base64UrlEncode(RAW_ID),
      rawId: base64UrlEncode(RAW_ID),
      type: "public-key",
      response: {
        clientDataJSON: base64UrlEncode(new TextEncoder().encode('{"type":"webauthn.create"}')),
        attestationObject: "oA",
        transports: ["internal", "hybrid"],
        authenticatorData: "CQk",
        publicKeyAlgorithm: -7,
        publicKey: "BAQ",
      },
      authenticatorAttachment: "platform",
      clientExtensionResults: { credProps: { rk: true } },
    });
  });

  test("form B link: the calls go to api_base_url", async () => {
    const fetch = happyServer();
    const { navigator } = fakeNavigator(() => fakeBrowserCredential(true));
    browser({ fetch, navigator, location: { origin: "http://localhost:8083", host: "localhost:8083", hostname: "localhost" } });

    const embedded = await Embedded.initialize({ allowedDomains: ["localhost:5000"] });
    const result = await embedded.bindPasskey(LINK_B);
    assert.deepEqual(fetch.calls.map((c) => c.url), [OPTIONS_URL, COMPLETE_URL]);
    assert.equal(result.passkey.passkeyId, "81490afab171aef0");
  });

  test("getPasskeys lists what was bound; deletePasskey removes it; a missing id is fine", async () => {
    const { navigator } = fakeNavigator(() => fakeBrowserCredential(true));
    browser({ fetch: happyServer(), navigator });
    const embedded = await Embedded.initialize();

    assert.deepEqual(await embedded.getPasskeys(), []);
    const { passkey } = await embedded.bindPasskey(LINK_A);
    assert.deepEqual(await embedded.getPasskeys(), [passkey]);

    await embedded.deletePasskey("no-such-id");
    assert.equal((await embedded.getPasskeys()).length, 1);
    await embedded.deletePasskey(passkey.id);
    assert.deepEqual(await embedded.getPasskeys(), []);
    assert.deepEqual(idb.dump(DB_NAME, "passkeys"), []);
  });

  test("the seed's examples run verbatim", async () => {
    const { navigator } = fakeNavigator(() => fakeBrowserCredential(true));
    browser({ fetch: happyServer(), navigator });
    const passkeyBindingLink = LINK_A;
    let setBindPasskeyResultValue;
    const setBindPasskeyResult = (v) => { setBindPasskeyResultValue = v; };
    const window = { location: { href: LINK_B } };

    const embedded = await Embedded.initialize();
    await embedded.isBindPasskeyUrl(passkeyBindingLink);

    let first;
    if (await embedded.isBindPasskeyUrl(passkeyBindingLink)) {
      let result = await embedded.bindPasskey(passkeyBindingLink);
      first = result;
    }
    assert.equal(first.passkey.identity.username, "alice");
    assert.equal(first.postBindRedirect, "http://example.com");

    const second = await Embedded.initialize({ allowedDomains: ["localhost:5000"] });
    const done = new Promise((resolve) => {
      if (second.isBindPasskeyUrl(window.location.href)) {
        let bindPasskeyUrl = window.location.href;
        second
          .bindPasskey(bindPasskeyUrl)
          .then((result) => {
            setBindPasskeyResult(result.credential);
          })
          .catch((error) => {
            setBindPasskeyResult(error.toString());
          })
          .finally(resolve);
      }
    });
    await done;
    assert.equal(setBindPasskeyResultValue.passkeyId, "81490afab171aef0");
  });
});

describe("bindPasskey failures", () => {
  const isCode = (code) => (error) => error instanceof PassbindError && error.code === code;

  test("garbage is invalid_url, before any request", async () => {
    const fetch = happyServer();
    browser({ fetch, navigator: fakeNavigator(() => fakeBrowserCredential(true)).navigator });
    const embedded = await Embedded.initialize();
    for (const url of ["garbage", "https://x/bi-authenticate?request=1", null]) {
      await assert.rejects(embedded.bindPasskey(url), isCode("invalid_url"));
    }
    assert.equal(fetch.calls.length, 0);
  });

  test("a host outside allowedDomains is refused before any request", async () => {
    const fetch = happyServer();
    browser({ fetch, navigator: fakeNavigator(() => fakeBrowserCredential(true)).navigator,
      location: { origin: "https://app.example.com", host: "app.example.com", hostname: "app.example.com" } });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.bindPasskey(LINK_A), isCode("domain_not_allowed"));
    // Form B: the page is allowed, but api_base_url points elsewhere.
    const evil = LINK_B.replace(encodeURIComponent(AUTH), encodeURIComponent("https://evil.example.net"));
    await assert.rejects(embedded.bindPasskey(evil), isCode("domain_not_allowed"));
    assert.equal(fetch.calls.length, 0);
  });

  const serverFailures = [
    ["registrationOptions", 410, "link_consumed"],
    ["registrationOptions", 410, "link_expired"],
    ["registrationOptions", 404, "link_not_found"],
    ["registrationOptions", 403, "key_type_not_allowed"],
    ["completeRegistration", 403, "origin_not_allowed"],
    ["completeRegistration", 400, "registration_failed"],
    ["completeRegistration", 409, "credential_exists"],
    ["completeRegistration", 410, "link_consumed"],
  ];
  for (const [step, status, code] of serverFailures) {
    test(`${step} answering ${status} ${code} rejects with ${code}, nothing stored`, async () => {
      const fetch = fakeFetch(({ url }) => {
        if (url.endsWith(`:${step}`)) return { status, body: { code, message: `server says ${code}`, details: [{ reason: "rp_id_mismatch" }] } };
        if (url === OPTIONS_URL) return { body: registrationOptions() };
        return { body: completion() };
      });
      const nav = fakeNavigator(() => fakeBrowserCredential(true));
      browser({ fetch, navigator: nav.navigator });
      const embedded = await Embedded.initialize();
      await assert.rejects(embedded.bindPasskey(LINK_A), (error) =>
        isCode(code)(error) && error.status === status && error.message === `server says ${code}` && error.details[0].reason === "rp_id_mismatch");
      assert.equal(nav.calls.length, step === "registrationOptions" ? 0 : 1);
      assert.deepEqual(await embedded.getPasskeys(), []);
    });
  }

  for (const name of ["NotAllowedError", "AbortError"]) {
    test(`${name} in the passkey dialog is user_canceled, and nothing is completed`, async () => {
      const fetch = happyServer();
      browser({ fetch, navigator: fakeNavigator(() => { throw domError(name); }).navigator });
      const embedded = await Embedded.initialize();
      await assert.rejects(embedded.bindPasskey(LINK_A), isCode("user_canceled"));
      assert.equal(fetch.calls.length, 1);
    });
  }

  test("InvalidStateError (an excluded credential is present) is credential_exists", async () => {
    browser({ fetch: happyServer(), navigator: fakeNavigator(() => { throw domError("InvalidStateError"); }).navigator });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.bindPasskey(LINK_A), isCode("credential_exists"));
  });

  test("an unreachable server (or a CORS refusal) is network_error", async () => {
    const fetch = fakeFetch(() => new TypeError("Failed to fetch"));
    browser({ fetch, navigator: fakeNavigator(() => fakeBrowserCredential(true)).navigator });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.bindPasskey(LINK_A), (e) => isCode("network_error")(e) && /trusted_origins/.test(e.message));
  });

  test("a proxy's HTML error page gets the status name", async () => {
    browser({ fetch: fakeFetch(() => ({ status: 502, body: "<html>Bad gateway</html>" })), navigator: fakeNavigator(() => null).navigator });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.bindPasskey(LINK_A), (e) => isCode("bad_gateway")(e) && e.status === 502);
  });

  test("a 200 without registration options is network_error", async () => {
    browser({ fetch: fakeFetch(() => ({ body: { nothing: true } })), navigator: fakeNavigator(() => null).navigator });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.bindPasskey(LINK_A), isCode("network_error"));
  });

  test("a browser without WebAuthn is not_supported", async () => {
    browser({ fetch: happyServer(), navigator: {} });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.bindPasskey(LINK_A), isCode("not_supported"));
  });

  test("an aborted signal cancels with user_canceled", async () => {
    const fetch = fakeFetch(({ init }) => {
      if (init.signal?.aborted) return domError("AbortError");
      return { body: registrationOptions() };
    });
    browser({ fetch, navigator: fakeNavigator(() => fakeBrowserCredential(true)).navigator });
    const embedded = await Embedded.initialize();
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(embedded.bindPasskey(LINK_A, { signal: controller.signal }), isCode("user_canceled"));
  });

  test("an unknown keyType is refused", async () => {
    browser({ fetch: happyServer(), navigator: fakeNavigator(() => null).navigator });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.bindPasskey(LINK_A, { keyType: "hardware" }), isCode("invalid_request"));
  });
});

describe("bindPasskey with a software passkey (subtle)", () => {
  async function bindSubtle(initConfig, callOptions, overrides) {
    const fetch = happyServer(overrides);
    const nav = fakeNavigator(() => { throw new Error("WebAuthn must not be used"); });
    browser({ fetch, navigator: nav.navigator });
    const embedded = await Embedded.initialize(initConfig);
    const result = await embedded.bindPasskey(LINK_A, callOptions);
    return { fetch, embedded, result };
  }

  test("answers a verifiable packed self-attestation", async () => {
    const { fetch, result } = await bindSubtle(undefined, { keyType: "subtle" });
    assert.deepEqual(fetch.calls[0].body, { token: TOKEN, key_type: "subtle" });
    const credential = fetch.calls[1].body.credential;

    // Credential id: 32 random bytes, the same in id, rawId and the authenticator data.
    const credentialId = base64UrlDecode(credential.id);
    assert.equal(credentialId.length, 32);
    assert.equal(credential.rawId, credential.id);
    assert.equal(credential.type, "public-key");
    assert.equal(credential.authenticatorAttachment, "platform");
    assert.deepEqual(credential.clientExtensionResults, { credProps: { rk: true } });

    // clientDataJSON (WebAuthn §5.8.1).
    const clientDataBytes = base64UrlDecode(credential.response.clientDataJSON);
    assert.deepEqual(JSON.parse(new TextDecoder().decode(clientDataBytes)),
      { type: "webauthn.create", challenge: CHALLENGE, origin: PAGE, crossOrigin: false });

    // Attestation object and authenticator data (§6.1, §6.5).
    const attestation = cborDecode(base64UrlDecode(credential.response.attestationObject));
    assert.deepEqual([...attestation.keys()], ["fmt", "attStmt", "authData"]);
    assert.equal(attestation.get("fmt"), "packed");
    const authData = attestation.get("authData");
    assert.equal(base64UrlEncode(authData), credential.response.authenticatorData);
    assert.deepEqual(authData.subarray(0, 32), new Uint8Array(createHash("sha256").update("localhost").digest()));
    assert.equal(authData[32], 0x45, "flags UP|UV|AT, no BE/BS, no ED");
    assert.deepEqual([...authData.subarray(33, 37)], [0, 0, 0, 0], "signCount 0");
    assert.deepEqual([...authData.subarray(37, 53)], new Array(16).fill(0), "zero AAGUID");
    assert.equal((authData[53] << 8) | authData[54], 32);
    assert.deepEqual(authData.subarray(55, 87), credentialId);
    const coseKey = cborDecode(authData.subarray(87));
    assert.deepEqual([...coseKey.keys()], [1, 3, -1, -2, -3]);
    assert.equal(coseKey.get(1), 2, "kty EC2");
    assert.equal(coseKey.get(3), -7, "alg ES256");
    assert.equal(coseKey.get(-1), 1, "crv P-256");
    assert.equal(coseKey.get(-2).length, 32);
    assert.equal(coseKey.get(-3).length, 32);

    // The COSE key is the key of the SPKI the response also carries.
    const jwk = createPublicKey({ key: Buffer.from(base64UrlDecode(credential.response.publicKey)), format: "der", type: "spki" }).export({ format: "jwk" });
    assert.equal(jwk.x, base64UrlEncode(coseKey.get(-2)));
    assert.equal(jwk.y, base64UrlEncode(coseKey.get(-3)));
    assert.equal(credential.response.publicKeyAlgorithm, -7);

    // Packed self-attestation (§8.2): alg -7, no x5c, DER signature over authData ‖ SHA-256(clientDataJSON).
    const attStmt = attestation.get("attStmt");
    assert.deepEqual([...attStmt.keys()], ["alg", "sig"]);
    assert.equal(attStmt.get("alg"), -7);
    assert.equal(attStmt.get("sig")[0], 0x30, "DER SEQUENCE");
    const publicKey = createPublicKey({ key: { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y }, format: "jwk" });
    const signed = Buffer.concat([authData, createHash("sha256").update(clientDataBytes).digest()]);
    assert.equal(verify("sha256", signed, { key: publicKey, dsaEncoding: "der" }, attStmt.get("sig")), true);
    const tampered = Buffer.from(signed); tampered[0] ^= 1;
    assert.equal(verify("sha256", tampered, { key: publicKey, dsaEncoding: "der" }, attStmt.get("sig")), false);

    assert.equal(result.passkey.keyType, "subtle");
    assert.equal(result.passkey.id, credential.id);
  });

  test("keeps a non-extractable private key in IndexedDB; deletePasskey removes it", async () => {
    const { embedded, result, fetch } = await bindSubtle({ keyType: "subtle" });
    assert.equal(fetch.calls[0].body.key_type, "subtle");
    const [record] = idb.dump(DB_NAME, "passkeys");
    assert.equal(record.key.privateKey.type, "private");
    assert.equal(record.key.privateKey.extractable, false);
    assert.equal(record.key.privateKey.algorithm.namedCurve, "P-256");
    assert.equal(record.key.rpId, "localhost");
    assert.equal(record.key.userHandle, USER_ID);
    await assert.rejects(webcrypto.subtle.exportKey("pkcs8", record.key.privateKey));

    // The stored key is the one the server was given.
    const credential = fetch.calls[1].body.credential;
    const message = new TextEncoder().encode("later sign-in");
    const signature = await webcrypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, record.key.privateKey, message);
    const spki = await webcrypto.subtle.importKey("spki", base64UrlDecode(credential.response.publicKey), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    assert.equal(await webcrypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, spki, signature, message), true);

    assert.deepEqual((await embedded.getPasskeys()).map((p) => p.keyType), ["subtle"]);
    await embedded.deletePasskey(result.passkey.id);
    assert.deepEqual(idb.dump(DB_NAME, "passkeys"), []);
  });

  test("the per-call keyType overrides the initialize default", async () => {
    const fetch = happyServer();
    const nav = fakeNavigator(() => fakeBrowserCredential(true));
    browser({ fetch, navigator: nav.navigator });
    const embedded = await Embedded.initialize({ keyType: "subtle" });
    const result = await embedded.bindPasskey(LINK_A, { keyType: "webauthn" });
    assert.equal(fetch.calls[0].body.key_type, "webauthn");
    assert.equal(nav.calls.length, 1);
    assert.equal(result.passkey.keyType, "webauthn");
  });

  test("an RP ID the page's origin cannot use is origin_not_allowed, nothing completed", async () => {
    await assert.rejects(bindSubtle(undefined, { keyType: "subtle" }, { rp: { id: "example.com", name: "x" } }),
      (e) => e.code === "origin_not_allowed");
  });

  test("options without ES256 are not_supported", async () => {
    await assert.rejects(bindSubtle(undefined, { keyType: "subtle" }, { pubKeyCredParams: [{ type: "public-key", alg: -257 }] }),
      (e) => e.code === "not_supported");
  });

  test("without IndexedDB: not_supported before any request", async () => {
    const fetch = happyServer();
    browser({ fetch, navigator: {}, indexedDB: null });
    const embedded = await Embedded.initialize();
    await assert.rejects(embedded.bindPasskey(LINK_A, { keyType: "subtle" }), (e) => e.code === "not_supported");
    assert.equal(fetch.calls.length, 0);
    assert.deepEqual(await embedded.getPasskeys(), []);
  });
});

describe("methods Passbind does not implement", () => {
  test("updatePasskeys and authenticateFido2 reject not_supported; authenticateFido2 checks the URL first", async () => {
    const embedded = await Embedded.initialize({ allowedDomains: [] });
    await assert.rejects(embedded.updatePasskeys(), (e) => e.code === "not_supported");
    await assert.rejects(embedded.authenticateFido2(LINK_A, "local"), (e) => e.code === "invalid_url");
  });
});
