import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Embedded, _internals } from "../src/passbind.js";

const { parseBindingLink, parseAuthenticateLink, transactionEndpoint, jobEndpoint } = _internals;
const embedded = await Embedded.initialize({ allowedDomains: [] });

const PLACEHOLDER = "0123456789ABCDEF";
const UUID_JOB = "01234567-89AB-CDEF-0123-456789ABCDEF";
const TOKEN = "To9jFj5GkhqDzWtwHFYwO9XFuUKa2kPAScZNfqffJ0TJTSVIZW_pI_TZJ8iD7MDZ";

// Form A: the link of Beyond Identity's SDK tests and of Passbind (fixed point 5).
const BI_BIND_URL = `https://auth-us.beyondidentity.com/v1/tenants/${PLACEHOLDER}/realms/${PLACEHOLDER}/identities/${PLACEHOLDER}/credential-binding-jobs/${PLACEHOLDER}:invokeAuthenticator?token=${PLACEHOLDER}`;
const BI_BIND_URL_UUID_JOB = `https://auth-us.beyondidentity.com/v1/tenants/${PLACEHOLDER}/realms/${PLACEHOLDER}/identities/${PLACEHOLDER}/credential-binding-jobs/${UUID_JOB}:invokeAuthenticator?token=${PLACEHOLDER}`;
const REAL_BI_LINK = `https://auth-us.beyondidentity.com/v1/tenants/0001e3214d99f585/realms/8c4223d484c685db/identities/534f87b7c4ec9367/credential-binding-jobs/7b9727cd4d8c525d:invokeAuthenticator?token=${TOKEN}`;
const BI_AUTH_URL = `https://auth-us.beyondidentity.com/bi-authenticate?request=${PLACEHOLDER}`;

const formB = (prefix, base = "http://localhost:5000") =>
  `${prefix}?api_base_url=${encodeURIComponent(base)}&tenant_id=t1&realm_id=r1&identity_id=i1&job_id=j1&token=${TOKEN}`;

const BIND_URLS = [
  ["BI placeholder link", BI_BIND_URL],
  ["BI placeholder link, UUID job id", BI_BIND_URL_UUID_JOB],
  ["real BI link", REAL_BI_LINK],
  ["host does not matter", `https://auth-us.beyondidentity.run/v1/tenants/${PLACEHOLDER}/realms/${PLACEHOLDER}/identities/${PLACEHOLDER}/credential-binding-jobs/${PLACEHOLDER}:invokeAuthenticator?token=${PLACEHOLDER}`],
  ["Passbind on localhost", `http://localhost:5000/v1/tenants/0001aa/realms/bb/identities/cc/credential-binding-jobs/dd:invokeAuthenticator?token=${TOKEN}`],
  ["auth base with a path prefix", `https://example.com/passbind/v1/tenants/a/realms/b/identities/c/credential-binding-jobs/d:invokeAuthenticator?token=${TOKEN}`],
  ["percent-encoded colon", `https://example.com/v1/tenants/a/realms/b/identities/c/credential-binding-jobs/d%3AinvokeAuthenticator?token=${TOKEN}`],
  ["form B on https", formB("https://app.example.com/bind")],
  ["form B with a trailing slash", formB("https://app.example.com/bind/")],
  ["form B under a path", formB("https://app.example.com/app/bind")],
  ["form B, app scheme without a path", formB("myapp://bind")],
  ["form B, app scheme with a path", formB("myapp:///bind")],
  ["form B with extra parameters", `${formB("https://app.example.com/bind")}&utm_source=mail`],
];

const NOT_BIND_URLS = [
  ["BI authenticate URL", BI_AUTH_URL],
  ["authenticate URL, any host", `https://auth.thisurldoesntmatter.com/bi-authenticate?request=${PLACEHOLDER}`],
  ["no token", BI_BIND_URL.replace(`?token=${PLACEHOLDER}`, "")],
  ["empty token", BI_BIND_URL.replace(`?token=${PLACEHOLDER}`, "?token=")],
  ["other custom method", BI_BIND_URL.replace(":invokeAuthenticator", ":revoke")],
  ["missing realm", `https://auth-us.beyondidentity.com/v1/tenants/${PLACEHOLDER}/identities/${PLACEHOLDER}/credential-binding-jobs/${PLACEHOLDER}:invokeAuthenticator?token=x`],
  ["empty job id", `https://auth-us.beyondidentity.com/v1/tenants/a/realms/b/identities/c/credential-binding-jobs/:invokeAuthenticator?token=x`],
  ["management API path", `https://api-us.beyondidentity.com/v1/tenants/a/realms/b/identities/c/credential-binding-jobs`],
  ["form A on a non-http scheme", `ftp://example.com/v1/tenants/a/realms/b/identities/c/credential-binding-jobs/d:invokeAuthenticator?token=x`],
  ["form B without token", formB("https://app.example.com/bind").replace(`&token=${TOKEN}`, "")],
  ["form B without api_base_url", formB("https://app.example.com/bind").replace(/api_base_url=[^&]*&/, "")],
  ["form B with a relative api_base_url", formB("https://app.example.com/bind", "/api")],
  ["form B with a javascript: api_base_url", formB("https://app.example.com/bind", "javascript:alert(1)")],
  ["form B with a slash in an id", formB("https://app.example.com/bind").replace("job_id=j1", "job_id=j%2F..")],
  ["form B on another route", formB("https://app.example.com/binding")],
  ["form B route as query only", `https://app.example.com/?bind&${formB("").slice(1)}`],
  ["empty string", ""],
  ["garbage", "not a url"],
  ["relative path", "/bind?token=x"],
  ["whitespace", "   "],
  ["bare host", "https://auth-us.beyondidentity.com"],
  ["javascript URL", "javascript:alert(1)"],
  ["bad percent-encoding in an id", `https://example.com/v1/tenants/%E0%A4%A/realms/b/identities/c/credential-binding-jobs/d:invokeAuthenticator?token=x`],
];

const NON_STRINGS = [null, undefined, 42, {}, [], true, Symbol("s"), () => BI_BIND_URL, { toString: () => BI_BIND_URL }];

describe("isBindPasskeyUrl", () => {
  for (const [name, url] of BIND_URLS) {
    test(`true: ${name}`, () => assert.equal(embedded.isBindPasskeyUrl(url), true));
  }
  for (const [name, url] of NOT_BIND_URLS) {
    test(`false: ${name}`, () => assert.equal(embedded.isBindPasskeyUrl(url), false));
  }
  test("false, never a throw, for non-strings", () => {
    for (const value of NON_STRINGS) assert.equal(embedded.isBindPasskeyUrl(value), false, String(typeof value));
  });
  test("is synchronous, and awaiting it works as in the seed", async () => {
    const result = embedded.isBindPasskeyUrl(BI_BIND_URL);
    assert.equal(typeof result, "boolean");
    assert.equal(await embedded.isBindPasskeyUrl(BI_BIND_URL), true);
  });
  test("accepts a URL object", () => assert.equal(embedded.isBindPasskeyUrl(new URL(BI_BIND_URL)), true));
  test("works detached from its instance", () => {
    const { isBindPasskeyUrl } = embedded;
    assert.equal(isBindPasskeyUrl(BI_BIND_URL), true);
  });
});

/** A JWT with the given payload; the signature is not checked by the SDK, so any bytes do. */
const jwt = (payload) => [{ typ: "JWT", alg: "RS256", kid: "k1" }, payload]
  .map((part) => Buffer.from(JSON.stringify(part)).toString("base64url")).join(".") + ".c2lnbmF0dXJl";

// The payload of the request JWT decoded from Beyond Identity's Android SDK tests (beyond-identity-api.md §5.3).
const BI_REQUEST = jwt({
  iss: "https://beyondidentity.com/v1/tenants/0001e3214d99f585/realms/8c4223d484c685db/applications/919fb545-23cb-4563-adda-f33105a2243d",
  sub: "AMDWbgMqhX4D83DkX5QvjUXJ", aud: [], exp: 1664225136, nbf: 1664216736, iat: 1664220936, verb: "authenticate",
  authn: {
    base_url: "https://auth-us.beyondidentity.com", rid: "8c4223d484c685db", tid: "0001e3214d99f585", aid: "919fb545-23cb-4563-adda-f33105a2243d",
    action: { prove: { transaction_id: "aCi8E47pTwzpXaH8wwL28Ma8X8cH2Byx", nonce: "9OL9RIYf5MeKLdB4" } },
    redirect_uri: "http://example.com", state: "foobar",
  },
  origin: { ip: "127.0.0.6", ua: "Ruby", geo: "Unknown City", ref: "" },
});

describe("isAuthenticateUrl", () => {
  const yes = [
    `https://auth-us.beyondidentity.com/bi-authenticate?request=${BI_REQUEST}`,
    `https://auth.thisurldoesntmatter.com/bi-authenticate?request=${BI_REQUEST}`,
    `http://localhost:8083/bi-authenticate?request=${BI_REQUEST}&state=1`,
    `http://localhost:8083/app/bi-authenticate/?request=${BI_REQUEST}`,
    `myapp://bi-authenticate?request=${BI_REQUEST}`,
    `https://example.com/bi-authenticate?request=${jwt({ authn: { action: { prove: { transaction_id: "t" } } } })}`,
  ];
  const no = [
    ...BIND_URLS.map(([, url]) => url),
    "https://example.com/bi-authenticate",
    "https://example.com/bi-authenticate?request=",
    `https://example.com/authenticate?request=${BI_REQUEST}`,
    `https://example.com/bi-authenticate?token=${BI_REQUEST}`,
    // NOTE: Beyond Identity's own SDK tests call a placeholder request such as this one an
    // authenticate URL; Passbind's SDK wants the JWT that names a transaction (sign-in-protocol.md §2),
    // so that true means authenticate() can use the URL.
    BI_AUTH_URL,
    "https://example.com/bi-authenticate?request=a.b.c",
    `https://example.com/bi-authenticate?request=${jwt({ authn: { action: { prove: {} } } })}`,
    `https://example.com/bi-authenticate?request=${jwt({ authn: { action: { prove: { transaction_id: 42 } } } })}`,
    `https://example.com/bi-authenticate?request=${jwt({ authn: { action: { prove: { transaction_id: "a/b" } } } })}`,
    `https://example.com/bi-authenticate?request=${jwt([1, 2])}`,
    `https://example.com/bi-authenticate?request=${BI_REQUEST}.extra`,
    "garbage",
    "",
  ];
  for (const url of yes) test(`true: ${url.slice(0, 60)}`, () => assert.equal(embedded.isAuthenticateUrl(url), true));
  test("false for bind links, placeholders, malformed requests and garbage", () => {
    for (const url of no) assert.equal(embedded.isAuthenticateUrl(url), false, url);
  });
  test("false, never a throw, for non-strings", () => {
    for (const value of NON_STRINGS) assert.equal(embedded.isAuthenticateUrl(value), false);
  });
  test("an authenticate URL is never a bind URL", () => {
    for (const url of yes) assert.equal(embedded.isBindPasskeyUrl(url), false, url);
  });
});

describe("parseAuthenticateLink", () => {
  test("reads base_url, tid, rid and the transaction from the request, not from the URL's host", () => {
    const url = `http://localhost:8083/bi-authenticate?request=${BI_REQUEST}`;
    assert.deepEqual(parseAuthenticateLink(url), {
      url,
      request: BI_REQUEST,
      baseUrl: "https://auth-us.beyondidentity.com",
      tenantId: "0001e3214d99f585",
      realmId: "8c4223d484c685db",
      transactionId: "aCi8E47pTwzpXaH8wwL28Ma8X8cH2Byx",
    });
    assert.equal(transactionEndpoint(parseAuthenticateLink(url), "authenticationOptions"),
      "https://auth-us.beyondidentity.com/v1/tenants/0001e3214d99f585/realms/8c4223d484c685db/transactions/aCi8E47pTwzpXaH8wwL28Ma8X8cH2Byx:authenticationOptions");
  });

  test("keeps a base path, drops a trailing slash", () => {
    const request = jwt({ authn: { base_url: "https://example.com/passbind/", tid: "t", rid: "r", action: { prove: { transaction_id: "x" } } } });
    assert.equal(parseAuthenticateLink(`https://app.example/bi-authenticate?request=${request}`).baseUrl, "https://example.com/passbind");
  });

  test("a base_url that is not a plain http(s) URL, or an id with a slash, is left out", () => {
    for (const baseUrl of ["javascript:alert(1)", "/relative", "https://u:p@example.com", "https://example.com/?q=1", 7]) {
      const request = jwt({ authn: { base_url: baseUrl, tid: "t", rid: "r/..", action: { prove: { transaction_id: "x" } } } });
      const link = parseAuthenticateLink(`https://app.example/bi-authenticate?request=${request}`);
      assert.equal(link.baseUrl, null, String(baseUrl));
      assert.equal(link.realmId, null);
      assert.equal(link.tenantId, "t");
    }
  });
});

describe("parseBindingLink", () => {
  test("form A: base URL is everything before /v1/tenants", () => {
    assert.deepEqual(parseBindingLink(REAL_BI_LINK), {
      form: "invokeAuthenticator",
      baseUrl: "https://auth-us.beyondidentity.com",
      tenantId: "0001e3214d99f585",
      realmId: "8c4223d484c685db",
      identityId: "534f87b7c4ec9367",
      jobId: "7b9727cd4d8c525d",
      token: TOKEN,
    });
  });

  test("form A keeps a path prefix and the port", () => {
    const link = parseBindingLink(`http://localhost:5000/passbind/v1/tenants/t/realms/r/identities/i/credential-binding-jobs/${UUID_JOB}:invokeAuthenticator?token=${TOKEN}`);
    assert.equal(link.baseUrl, "http://localhost:5000/passbind");
    assert.equal(link.jobId, UUID_JOB);
  });

  test("form A decodes percent-encoded ids", () => {
    const link = parseBindingLink(`https://x.example/v1/tenants/t%20x/realms/r/identities/i/credential-binding-jobs/j:invokeAuthenticator?token=${TOKEN}`);
    assert.equal(link.tenantId, "t x");
  });

  test("form B: the six query parameters", () => {
    assert.deepEqual(parseBindingLink(formB("https://app.example.com/bind", "https://auth.example.com/")), {
      form: "bind",
      baseUrl: "https://auth.example.com",
      tenantId: "t1",
      realmId: "r1",
      identityId: "i1",
      jobId: "j1",
      token: TOKEN,
    });
  });

  test("form B from an app scheme", () => {
    const link = parseBindingLink(formB("myapp://bind", "http://localhost:5000/prefix/"));
    assert.equal(link.baseUrl, "http://localhost:5000/prefix");
    assert.equal(link.token, TOKEN);
  });

  test("both forms of one job give the same values", () => {
    const a = parseBindingLink(`http://localhost:5000/v1/tenants/t1/realms/r1/identities/i1/credential-binding-jobs/j1:invokeAuthenticator?token=${TOKEN}`);
    const b = parseBindingLink(formB("http://localhost:8083/bind"));
    assert.deepEqual({ ...a, form: undefined }, { ...b, form: undefined });
  });

  test("a token with base64url characters survives", () => {
    const token = "ab-_cd" + "x".repeat(58);
    assert.equal(parseBindingLink(BI_BIND_URL.replace(`token=${PLACEHOLDER}`, `token=${token}`)).token, token);
  });

  test("endpoints are built from the parsed values, ids encoded", () => {
    const link = parseBindingLink(formB("https://app.example.com/bind", "https://auth.example.com/base"));
    assert.equal(jobEndpoint(link, "registrationOptions"),
      "https://auth.example.com/base/v1/tenants/t1/realms/r1/identities/i1/credential-binding-jobs/j1:registrationOptions");
    assert.equal(jobEndpoint({ ...link, jobId: "a b" }, "completeRegistration"),
      "https://auth.example.com/base/v1/tenants/t1/realms/r1/identities/i1/credential-binding-jobs/a%20b:completeRegistration");
  });
});
