import { describe, test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { Embedded, PassbindError, _internals } from "../src/passbind.js";
import { installGlobals, domError } from "../test-support/fakes.js";

const { isHostAllowed, errorFromResponse, errorFromCeremony } = _internals;

describe("isHostAllowed", () => {
  const cases = [
    // [url, allowedDomains, expected]
    ["https://example.com/x", ["example.com"], true],
    ["https://auth.example.com/x", ["example.com"], true],
    ["https://a.b.example.com", ["example.com"], true],
    ["https://AUTH.Example.COM", ["example.com"], true],
    ["https://example.com", ["EXAMPLE.com"], true],
    ["https://example.com.", ["example.com"], true],
    ["https://auth.example.com", [".example.com"], true],
    ["https://auth.example.com", ["*.example.com"], true],
    ["https://auth.example.com", ["https://example.com/"], true],
    ["https://badexample.com", ["example.com"], false],
    ["https://example.com.evil.net", ["example.com"], false],
    ["https://example.org", ["example.com"], false],
    ["https://com", ["example.com"], false],
    ["https://example.com:8443", ["example.com"], true],
    ["http://localhost:5000", ["localhost:5000"], true],
    ["http://localhost:5001", ["localhost:5000"], false],
    ["http://localhost", ["localhost:80"], true],
    ["https://localhost", ["localhost:443"], true],
    ["https://localhost", ["localhost:80"], false],
    ["http://127.0.0.1:5000", ["127.0.0.1"], true],
    ["http://127.0.0.1", ["0.0.1"], false],
    ["http://[::1]:5000", ["[::1]:5000"], true],
    ["http://[::1]:5000", ["[::2]"], false],
    ["https://xn--bcher-kva.example", ["bücher.example"], true],
    ["https://example.com", [], false],
    ["https://example.com", [42, null, "", "::::"], false],
    ["not a url", ["example.com"], false],
  ];
  for (const [url, domains, expected] of cases) {
    test(`${url} with ${JSON.stringify(domains)} → ${expected}`, () => {
      assert.equal(isHostAllowed(url, domains), expected);
    });
  }
});

describe("Embedded.initialize allowedDomains", () => {
  let restore = () => {};
  afterEach(() => restore());

  test("the page's host is always added; the given list replaces the default", async () => {
    restore = installGlobals({ location: { host: "app.example.com:8083", origin: "http://app.example.com:8083" } });
    const embedded = await Embedded.initialize({ allowedDomains: ["auth.example.net"] });
    assert.deepEqual([...embedded.allowedDomains], ["auth.example.net", "app.example.com:8083"]);
  });

  test("the caller's array is not modified", async () => {
    restore = installGlobals({ location: { host: "app.example.com", origin: "https://app.example.com" } });
    const domains = ["auth.example.net"];
    await Embedded.initialize({ allowedDomains: domains });
    assert.deepEqual(domains, ["auth.example.net"]);
  });

  test("without config: only the page's host (this module was loaded from a file: URL)", async () => {
    restore = installGlobals({ location: { host: "localhost:5000", origin: "http://localhost:5000" } });
    const embedded = await Embedded.initialize();
    assert.deepEqual([...embedded.allowedDomains], ["localhost:5000"]);
  });

  test("an unknown keyType is refused", async () => {
    await assert.rejects(Embedded.initialize({ keyType: "tpm" }), (e) => e instanceof PassbindError && e.code === "invalid_request");
  });
});

describe("errorFromResponse", () => {
  const serverErrors = [
    [410, "link_consumed"], [410, "link_expired"], [410, "link_revoked"], [404, "link_not_found"],
    [403, "origin_not_allowed"], [403, "key_type_not_allowed"], [400, "challenge_expired"],
    [400, "challenge_not_found"], [409, "credential_exists"], [400, "invalid_request"],
  ];
  for (const [status, code] of serverErrors) {
    test(`${status} ${code} comes through unchanged`, () => {
      const error = errorFromResponse(status, { code, message: `m ${code}`, details: [{ field: "token" }] });
      assert.ok(error instanceof PassbindError);
      assert.ok(error instanceof Error);
      assert.equal(error.code, code);
      assert.equal(error.message, `m ${code}`);
      assert.equal(error.status, status);
      assert.deepEqual(error.details, [{ field: "token" }]);
    });
  }

  test("registration_failed keeps its reason in details", () => {
    const error = errorFromResponse(400, { code: "registration_failed", message: "x", details: [{ reason: "rp_id_mismatch" }] });
    assert.equal(error.details[0].reason, "rp_id_mismatch");
  });

  test("missing details become an empty array; missing message becomes the code", () => {
    const error = errorFromResponse(410, { code: "link_expired" });
    assert.deepEqual(error.details, []);
    assert.equal(error.message, "link_expired");
  });

  test("a body without a code gets the status name", () => {
    assert.equal(errorFromResponse(502, undefined).code, "bad_gateway");
    assert.equal(errorFromResponse(500, { error: "x" }).code, "internal_server_error");
    assert.equal(errorFromResponse(404, "<html>").code, "not_found");
    assert.equal(errorFromResponse(418, undefined).code, "bad_request");
    assert.equal(errorFromResponse(599, undefined).code, "internal_server_error");
  });

  test("toString names the code, as the seed's error.toString() shows it", () => {
    assert.equal(String(errorFromResponse(410, { code: "link_consumed", message: "used" })), "PassbindError [link_consumed]: used");
  });
});

describe("errorFromCeremony", () => {
  const cases = [
    ["NotAllowedError", "user_canceled"],
    ["AbortError", "user_canceled"],
    ["InvalidStateError", "credential_exists"],
    ["SecurityError", "origin_not_allowed"],
    ["NotSupportedError", "not_supported"],
    ["UnknownError", "registration_failed"],
    ["TypeError", "registration_failed"],
  ];
  for (const [name, code] of cases) {
    test(`${name} → ${code}`, () => {
      const cause = domError(name);
      const error = errorFromCeremony(cause);
      assert.equal(error.code, code);
      assert.equal(error.cause, cause);
    });
  }
  test("a PassbindError passes through", () => {
    const error = new PassbindError("network_error", "x");
    assert.equal(errorFromCeremony(error), error);
  });
  test("a thrown non-object still maps", () => assert.equal(errorFromCeremony("boom").code, "registration_failed"));
});
