// Passbind browser SDK. Licensed under the Apache License, Version 2.0.
//
// One self-contained ES module with no imports: the server serves this file unchanged as
// {auth_base_url}/sdk/passbind.js, and npm users import it from @passbind/sdk-js.
// It speaks the open binding and sign-in protocols of docs/binding-protocol.md and
// docs/sign-in-protocol.md: WebAuthn Level 3 JSON (PublicKeyCredentialCreationOptionsJSON out,
// RegistrationResponseJSON in; PublicKeyCredentialRequestOptionsJSON out, AuthenticationResponseJSON in).

/**
 * @typedef {"webauthn" | "subtle"} KeyType
 *
 * @typedef {object} Config
 * @property {string[]} [allowedDomains] Hosts the SDK may send requests to. A domain also allows
 *   its subdomains; `host:port` pins the port. Default: the host this module was loaded from.
 *   The page's own host is always added.
 * @property {KeyType} [keyType] Default kind of passkey `bindPasskey` creates. Default `"webauthn"`.
 *
 * @typedef {object} BindPasskeyOptions
 * @property {KeyType} [keyType] Overrides `Config.keyType` for this call.
 * @property {AbortSignal} [signal] Cancels the requests and the passkey dialog.
 *
 * @typedef {object} Passkey
 * @property {string} id Local id: the WebAuthn credential id, base64url.
 * @property {string} passkeyId The server's credential id.
 * @property {string} created
 * @property {"Active"|"DeviceDeleted"|"Invalid"|"Revoked"|"UserDeleted"|"UserSuspended"|"Unknown"} state
 * @property {KeyType} keyType
 * @property {{id: string, displayName: string}} tenant
 * @property {{id: string, displayName: string}} realm
 * @property {{id: string, username: string, displayName?: string, emailAddress?: string, externalId?: string}} identity
 * @property {{logoUrlLight: string, logoUrlDark: string, supportUrl?: string}} theme
 *
 * @typedef {object} BindPasskeyResponse
 * @property {Passkey} passkey
 * @property {Passkey} credential The same object as `passkey` (older Beyond Identity examples read it).
 * @property {string} [postBindRedirect]
 * @property {string} [postBindingRedirectUri] The same value as `postBindRedirect`.
 *
 * @typedef {object} BindingLink
 * @property {"invokeAuthenticator" | "bind"} form Form A (`:invokeAuthenticator`) or form B (`/bind`).
 * @property {string} baseUrl Where the binding calls go, without a trailing slash.
 * @property {string} tenantId
 * @property {string} realmId
 * @property {string} identityId
 * @property {string} jobId
 * @property {string} token
 *
 * @typedef {object} AuthenticateLink
 * @property {string} url The authenticate URL itself.
 * @property {string} request The `request` JWT.
 * @property {string | null} baseUrl `authn.base_url`, without a trailing slash.
 * @property {string | null} tenantId `authn.tid`.
 * @property {string | null} realmId `authn.rid`.
 * @property {string} transactionId `authn.action.prove.transaction_id`.
 *
 * @typedef {object} AuthenticationContext
 * @property {string} authUrl The URL to use from now on (it may differ from the one passed in).
 * @property {{type: string}[]} authMethods
 * @property {{id: string, displayName?: string}} application
 * @property {{sourceIp?: string, userAgent?: string, geolocation?: string, referer?: string}} origin
 *
 * @typedef {object} AuthenticateResponse
 * @property {string} redirectUrl `{redirect_uri}?code=…&state=…`: navigate there to finish the sign-in.
 * @property {string} [message]
 * @property {Passkey} [passkey] The local passkey that signed, when this browser holds it.
 * @property {string} [passkeyBindingToken] After `redeemOtp`: a token to bind a passkey with.
 */

/** Error of every failing SDK call. `code` is the server's code, or one of the SDK's own. */
export class PassbindError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {{details?: unknown[], status?: number, cause?: unknown}} [options]
   */
  constructor(code, message, options = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PassbindError";
    /** @type {string} */
    this.code = code;
    /** @type {unknown[]} */
    this.details = Array.isArray(options.details) ? options.details : [];
    /** @type {number | undefined} HTTP status, when the server answered. */
    this.status = options.status;
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Binary helpers

/** @param {ArrayBuffer | ArrayBufferView} data */
function toBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** @param {ArrayBuffer | ArrayBufferView} data @returns {string} base64url without padding */
function base64UrlEncode(data) {
  const bytes = toBytes(data);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** @param {string} text base64url, padding optional @returns {Uint8Array} */
function base64UrlDecode(text) {
  if (typeof text !== "string" || !/^[A-Za-z0-9_-]*={0,2}$/.test(text)) {
    throw new TypeError("not base64url");
  }
  const plain = text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  if (plain.length % 4 === 1) throw new TypeError("not base64url");
  const binary = atob(plain + "===".slice((plain.length + 3) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** @param {...Uint8Array} parts */
function concatBytes(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** @param {Uint8Array} a @param {Uint8Array} b */
function compareBytes(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

// ---------------------------------------------------------------------------------------------
// CBOR (RFC 8949), only what an attestation object and a COSE key need: integers, byte and text
// strings, arrays, maps, booleans and null. Map keys are written in CTAP2 canonical order (shorter
// encoded key first, then bytewise), which authenticators use and verifiers may require.

const textEncoder = new TextEncoder();

/** @param {number} major @param {number} value */
function cborHead(major, value) {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError("CBOR length or integer out of range");
  const m = major << 5;
  if (value < 24) return Uint8Array.of(m | value);
  if (value < 0x100) return Uint8Array.of(m | 24, value);
  if (value < 0x10000) return Uint8Array.of(m | 25, value >> 8, value & 0xff);
  if (value < 0x100000000) {
    return Uint8Array.of(m | 26, value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
  }
  const high = Math.floor(value / 0x100000000);
  const low = value >>> 0;
  return Uint8Array.of(m | 27, 0, 0, (high >>> 8) & 0xff, high & 0xff,
    low >>> 24, (low >>> 16) & 0xff, (low >>> 8) & 0xff, low & 0xff);
}

/**
 * Encodes a value as CBOR. Numbers must be safe integers; `Map` and plain objects become maps
 * (object keys are text; use a `Map` for integer keys, as COSE does).
 * @param {unknown} value
 * @returns {Uint8Array}
 */
function cborEncode(value) {
  if (value === false) return Uint8Array.of(0xf4);
  if (value === true) return Uint8Array.of(0xf5);
  if (value === null) return Uint8Array.of(0xf6);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new RangeError("CBOR encoder supports only safe integers");
    return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  }
  if (typeof value === "string") {
    const bytes = textEncoder.encode(value);
    return concatBytes(cborHead(3, bytes.length), bytes);
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = toBytes(value);
    return concatBytes(cborHead(2, bytes.length), bytes);
  }
  if (Array.isArray(value)) {
    return concatBytes(cborHead(4, value.length), ...value.map(cborEncode));
  }
  if (typeof value === "object") {
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    const encoded = entries.map(([k, v]) => [cborEncode(k), cborEncode(v)]);
    encoded.sort(([a], [b]) => (a.length - b.length) || compareBytes(a, b));
    for (let i = 1; i < encoded.length; i++) {
      if (compareBytes(encoded[i - 1][0], encoded[i][0]) === 0) throw new TypeError("CBOR map has a duplicate key");
    }
    return concatBytes(cborHead(5, encoded.length), ...encoded.flat());
  }
  throw new TypeError(`CBOR encoder does not support ${typeof value}`);
}

// ---------------------------------------------------------------------------------------------
// ECDSA signatures: WebCrypto returns IEEE P1363 (r‖s, fixed width); WebAuthn's packed format
// wants ASN.1 DER: SEQUENCE { INTEGER r, INTEGER s }.

/** @param {Uint8Array} unsigned big-endian magnitude */
function derInteger(unsigned) {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  let body = unsigned.subarray(start);
  // A set high bit would read as negative: prefix a zero byte.
  if (body[0] & 0x80) body = concatBytes(Uint8Array.of(0), body);
  return concatBytes(Uint8Array.of(0x02), derLength(body.length), body);
}

/** @param {number} length */
function derLength(length) {
  if (length < 0x80) return Uint8Array.of(length);
  if (length < 0x100) return Uint8Array.of(0x81, length);
  return Uint8Array.of(0x82, length >> 8, length & 0xff);
}

/**
 * Converts a raw ECDSA signature (r‖s, as WebCrypto returns it) to DER.
 * @param {ArrayBuffer | ArrayBufferView} raw
 * @returns {Uint8Array}
 */
function ecdsaRawToDer(raw) {
  const bytes = toBytes(raw);
  if (bytes.length === 0 || bytes.length % 2 !== 0) throw new RangeError("raw ECDSA signature must be r‖s");
  const half = bytes.length / 2;
  const sequence = concatBytes(derInteger(bytes.subarray(0, half)), derInteger(bytes.subarray(half)));
  return concatBytes(Uint8Array.of(0x30), derLength(sequence.length), sequence);
}

// ---------------------------------------------------------------------------------------------
// Binding links (docs/binding-protocol.md §1)

const FORM_A_PATH =
  /^(.*?)\/v1\/tenants\/([^/]+)\/realms\/([^/]+)\/identities\/([^/]+)\/credential-binding-jobs\/([^/]+?)(?::|%3[Aa])invokeAuthenticator$/;
const FORM_B_PARAMS = ["api_base_url", "tenant_id", "realm_id", "identity_id", "job_id", "token"];

/** @param {unknown} url @returns {URL | null} */
function parseAbsoluteUrl(url) {
  if (typeof url !== "string" && !(url instanceof URL)) return null;
  try {
    return new URL(String(url));
  } catch {
    return null;
  }
}

/** @param {URL} url */
function isHttp(url) {
  return url.protocol === "https:" || url.protocol === "http:";
}

/**
 * True when the URL's last path segment is `name`: `https://app.example/bind`, `myapp:///bind`, or,
 * for an app scheme with no path, `myapp://bind` (the name is then the URL's host).
 * @param {URL} url @param {string} name
 */
function isRoute(url, name) {
  const path = url.pathname.replace(/\/$/, "");
  if (path === `/${name}` || path.endsWith(`/${name}`)) return true;
  return !isHttp(url) && url.hostname.toLowerCase() === name && path === "";
}

/** @param {string} segment */
function decodeSegment(segment) {
  const value = decodeURIComponent(segment);
  if (value === "" || /[/?#]/.test(value)) throw new TypeError("bad id");
  return value;
}

/**
 * Extracts the six values of a binding link, or returns null when the URL is not one.
 * @param {unknown} input
 * @returns {BindingLink | null}
 */
function parseBindingLink(input) {
  const url = parseAbsoluteUrl(input);
  if (!url) return null;
  try {
    const formA = isHttp(url) ? FORM_A_PATH.exec(url.pathname) : null;
    if (formA) {
      const token = url.searchParams.get("token");
      if (!token) return null;
      return {
        form: "invokeAuthenticator",
        baseUrl: url.origin + formA[1].replace(/\/+$/, ""),
        tenantId: decodeSegment(formA[2]),
        realmId: decodeSegment(formA[3]),
        identityId: decodeSegment(formA[4]),
        jobId: decodeSegment(formA[5]),
        token,
      };
    }
    if (isRoute(url, "bind")) {
      const values = FORM_B_PARAMS.map((name) => url.searchParams.get(name));
      if (values.some((v) => !v)) return null;
      // The ids travel in path segments: refuse the characters that would change the path.
      if (values.slice(1, 5).some((v) => /[/?#]/.test(/** @type {string} */ (v)))) return null;
      const base = parseAbsoluteUrl(values[0]);
      if (!base || !isHttp(base) || base.search || base.hash || base.username || base.password) return null;
      return {
        form: "bind",
        baseUrl: base.origin + base.pathname.replace(/\/+$/, ""),
        tenantId: /** @type {string} */ (values[1]),
        realmId: /** @type {string} */ (values[2]),
        identityId: /** @type {string} */ (values[3]),
        jobId: /** @type {string} */ (values[4]),
        token: /** @type {string} */ (values[5]),
      };
    }
  } catch {
    return null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Authenticate URLs (docs/sign-in-protocol.md §2): `…/bi-authenticate?request=<JWT>`. The JWT is read,
// not verified: it is the transaction's capability, and the server checks it on every call.

const JWT_SEGMENT = /^[A-Za-z0-9_-]+$/;
const textDecoder = new TextDecoder("utf-8", { fatal: true });

/**
 * The `request` JWT's payload, or null when it is not three base64url segments with a JSON object in
 * the middle.
 * @param {string} request
 * @returns {Record<string, any> | null}
 */
function decodeJwtPayload(request) {
  const segments = request.split(".");
  if (segments.length !== 3 || !segments.every((s) => JWT_SEGMENT.test(s))) return null;
  try {
    const payload = JSON.parse(textDecoder.decode(base64UrlDecode(segments[1])));
    return payload && typeof payload === "object" && !Array.isArray(payload) ? payload : null;
  } catch {
    return null;
  }
}

/**
 * Extracts what an authenticate URL names, or returns null when the URL is not one: a
 * `/bi-authenticate` route whose `request` is a JWT naming `authn.action.prove.transaction_id`.
 * `baseUrl`, `tenantId` and `realmId` are null when the JWT lacks them (the URL is still an
 * authenticate URL, but no call can be made with it).
 * @param {unknown} input
 * @returns {AuthenticateLink | null}
 */
function parseAuthenticateLink(input) {
  const url = parseAbsoluteUrl(input);
  if (!url || !isRoute(url, "bi-authenticate")) return null;
  const request = url.searchParams.get("request");
  if (!request) return null;
  const payload = decodeJwtPayload(request);
  const authn = payload?.authn;
  const transactionId = authn?.action?.prove?.transaction_id;
  if (typeof transactionId !== "string" || !transactionId || /[/?#]/.test(transactionId)) return null;
  const idOrNull = (/** @type {unknown} */ v) => (typeof v === "string" && v && !/[/?#]/.test(v) ? v : null);
  const base = typeof authn.base_url === "string" ? parseAbsoluteUrl(authn.base_url) : null;
  const baseUrl = base && isHttp(base) && !base.search && !base.hash && !base.username && !base.password
    ? base.origin + base.pathname.replace(/\/+$/, "")
    : null;
  return {
    url: url.href,
    request,
    baseUrl,
    tenantId: idOrNull(authn.tid),
    realmId: idOrNull(authn.rid),
    transactionId,
  };
}

/** @param {unknown} input */
function isAuthenticateLink(input) {
  return parseAuthenticateLink(input) !== null;
}

/** @param {AuthenticateLink} link @param {string} method */
function transactionEndpoint(link, method) {
  const e = encodeURIComponent;
  return `${link.baseUrl}/v1/tenants/${e(/** @type {string} */ (link.tenantId))}/realms/${e(/** @type {string} */ (link.realmId))}` +
    `/transactions/${e(link.transactionId)}:${method}`;
}

/** @param {BindingLink} link @param {string} method */
function jobEndpoint(link, method) {
  const e = encodeURIComponent;
  return `${link.baseUrl}/v1/tenants/${e(link.tenantId)}/realms/${e(link.realmId)}` +
    `/identities/${e(link.identityId)}/credential-binding-jobs/${e(link.jobId)}:${method}`;
}

// ---------------------------------------------------------------------------------------------
// Allowed domains

const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/;

/**
 * Normalises an allowed-domain entry (`example.com`, `.example.com`, `*.example.com`,
 * `localhost:5000`, `[::1]:5000`, or a URL) to `{hostname, port}`; null when unusable.
 * @param {unknown} entry
 * @returns {{hostname: string, port: string | null} | null}
 */
function parseDomainEntry(entry) {
  if (typeof entry !== "string") return null;
  let text = entry.trim();
  if (text.includes("://")) {
    const url = parseAbsoluteUrl(text);
    if (!url || !url.hostname) return null;
    text = url.host;
  }
  text = text.replace(/^\*?\./, "");
  const match = /^(\[[^\]]*\]|[^:/[\]]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return null;
  let hostname;
  try {
    // Lower-cases and converts Unicode names to punycode, as URL.hostname does for links.
    hostname = new URL(`http://${match[1]}`).hostname.replace(/\.$/, "");
  } catch {
    return null;
  }
  return hostname ? { hostname, port: match[2] ?? null } : null;
}

/**
 * True when the URL's host is one of the allowed domains or a subdomain of one. An entry with
 * a port matches only that port; an IP address matches only itself.
 * @param {string | URL} url
 * @param {readonly string[]} allowedDomains
 */
function isHostAllowed(url, allowedDomains) {
  const target = parseAbsoluteUrl(url);
  if (!target || !target.hostname) return false;
  const hostname = target.hostname.replace(/\.$/, "");
  const port = target.port || ({ "https:": "443", "http:": "80" })[target.protocol] || "";
  return allowedDomains.some((raw) => {
    const entry = parseDomainEntry(raw);
    if (!entry) return false;
    if (entry.port !== null && entry.port !== port) return false;
    if (hostname === entry.hostname) return true;
    return !IP_LITERAL.test(entry.hostname) && hostname.endsWith(`.${entry.hostname}`);
  });
}

/** The host that served this module: the Passbind server when loaded from /sdk/passbind.js. */
function moduleHost() {
  try {
    const url = new URL(import.meta.url);
    return isHttp(url) ? url.host : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Errors

const STATUS_CODES = {
  400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
  409: "conflict", 410: "gone", 415: "unsupported_media_type", 422: "unprocessable_entity",
  429: "too_many_requests", 500: "internal_server_error", 502: "bad_gateway",
  503: "service_unavailable", 504: "gateway_timeout",
};

/**
 * Builds the error for a non-2xx answer: the server's `{code, message, details}` unchanged, or,
 * for a body without one (a proxy's page), the snake_case name of the status.
 * @param {number} status
 * @param {unknown} body parsed JSON, or undefined
 */
function errorFromResponse(status, body) {
  if (body && typeof body === "object" && typeof (/** @type {any} */ (body).code) === "string" &&
      /** @type {any} */ (body).code) {
    const b = /** @type {{code: string, message?: unknown, details?: unknown}} */ (body);
    const message = typeof b.message === "string" && b.message ? b.message : b.code;
    return new PassbindError(b.code, message, { status, details: Array.isArray(b.details) ? b.details : [] });
  }
  const code = STATUS_CODES[/** @type {keyof typeof STATUS_CODES} */ (status)] ??
    (status >= 500 ? "internal_server_error" : "bad_request");
  return new PassbindError(code, `The server answered HTTP ${status}.`, { status });
}

/**
 * Maps what `navigator.credentials.create` or `.get` threw to a PassbindError.
 * @param {unknown} error
 * @param {"create" | "get"} [ceremony] Default `"create"`.
 */
function errorFromCeremony(error, ceremony = "create") {
  if (error instanceof PassbindError) return error;
  const name = error && typeof error === "object" ? /** @type {any} */ (error).name : undefined;
  const text = error && typeof error === "object" && typeof (/** @type {any} */ (error).message) === "string"
    ? /** @type {any} */ (error).message : "";
  switch (name) {
    case "NotAllowedError":
    case "AbortError":
      return new PassbindError("user_canceled", "The passkey dialog was canceled or timed out.", { cause: error });
  }
  if (ceremony === "get") {
    return name === "SecurityError"
      ? new PassbindError("origin_not_allowed",
        "The browser refused to use a passkey for this relying party from this page's origin.", { cause: error })
      : new PassbindError("authentication_failed",
        `The passkey could not sign in${text ? `: ${text}` : "."}`, { cause: error });
  }
  switch (name) {
    case "InvalidStateError":
      return new PassbindError("credential_exists",
        "This authenticator already holds a passkey for this identity.", { cause: error });
    case "SecurityError":
      return new PassbindError("origin_not_allowed",
        "The browser refused to create a passkey for this relying party from this page's origin.", { cause: error });
    case "NotSupportedError":
      return new PassbindError("not_supported",
        "No authenticator supports the requested passkey parameters.", { cause: error });
    default:
      return new PassbindError("registration_failed",
        `The passkey could not be created${text ? `: ${text}` : "."}`, { cause: error });
  }
}

/** @param {string} what */
function notSupported(what) {
  return new PassbindError("not_supported", `${what} is not supported by Passbind.`);
}

// ---------------------------------------------------------------------------------------------
// HTTP

/**
 * POSTs JSON to a binding or transaction endpoint and returns the parsed 200 body.
 * @param {string} url @param {object} body @param {AbortSignal | undefined} signal
 */
async function postJson(url, body, signal) {
  if (typeof globalThis.fetch !== "function") throw new PassbindError("not_supported", "fetch is not available.");
  let response;
  try {
    response = await globalThis.fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      // The token (or the request JWT) is the only credential: no cookies. A form-B page URL and an
      // authenticate URL carry it in their query, so no Referer either. Redirects are refused rather
      // than re-posting it elsewhere.
      credentials: "omit",
      referrerPolicy: "no-referrer",
      redirect: "error",
      cache: "no-store",
      mode: "cors",
      signal,
    });
  } catch (error) {
    if (error && typeof error === "object" && /** @type {any} */ (error).name === "AbortError") {
      throw new PassbindError("user_canceled", "The request was canceled.", { cause: error });
    }
    throw new PassbindError("network_error",
      "The Passbind server could not be reached (network down, or CORS: is this page's origin " +
      "in the authenticator config's trusted_origins?).", { cause: error });
  }
  let parsed;
  try {
    const text = await response.text();
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) throw errorFromResponse(response.status, parsed);
  if (!parsed || typeof parsed !== "object") {
    throw new PassbindError("network_error", "The Passbind server sent an unexpected response.", { status: response.status });
  }
  return parsed;
}

/** @param {string} what */
function unexpectedResponse(what) {
  return new PassbindError("network_error", `The Passbind server sent an unexpected response (${what}).`);
}

// ---------------------------------------------------------------------------------------------
// WebAuthn (platform and roaming authenticators through the browser)

/**
 * PublicKeyCredentialCreationOptionsJSON → PublicKeyCredentialCreationOptions, for browsers
 * without PublicKeyCredential.parseCreationOptionsFromJSON.
 * @param {any} json
 */
function creationOptionsFromJson(json) {
  const options = { ...json };
  options.challenge = base64UrlDecode(json.challenge);
  options.user = { ...json.user, id: base64UrlDecode(json.user.id) };
  if (Array.isArray(json.excludeCredentials)) options.excludeCredentials = decodeDescriptors(json.excludeCredentials);
  return options;
}

/** PublicKeyCredentialDescriptorJSON[] → descriptors with binary ids. @param {any[]} descriptors */
function decodeDescriptors(descriptors) {
  return descriptors.map((/** @type {any} */ c) => ({ ...c, id: base64UrlDecode(c.id) }));
}

/**
 * The members every PublicKeyCredential's JSON has, around its `response`.
 * @param {any} credential @param {Record<string, unknown>} response
 */
function credentialToJson(credential, response) {
  return {
    id: credential.id,
    rawId: base64UrlEncode(credential.rawId),
    type: credential.type,
    response,
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    clientExtensionResults: typeof credential.getClientExtensionResults === "function"
      ? credential.getClientExtensionResults() : {},
  };
}

/**
 * PublicKeyCredential → RegistrationResponseJSON, for browsers without credential.toJSON().
 * @param {any} credential
 */
function registrationResponseToJson(credential) {
  const response = credential.response;
  /** @type {Record<string, unknown>} */
  const json = {
    clientDataJSON: base64UrlEncode(response.clientDataJSON),
    attestationObject: base64UrlEncode(response.attestationObject),
    transports: typeof response.getTransports === "function" ? response.getTransports() : [],
  };
  if (typeof response.getAuthenticatorData === "function") {
    json.authenticatorData = base64UrlEncode(response.getAuthenticatorData());
  }
  if (typeof response.getPublicKeyAlgorithm === "function") {
    json.publicKeyAlgorithm = response.getPublicKeyAlgorithm();
  }
  if (typeof response.getPublicKey === "function") {
    const spki = response.getPublicKey();
    if (spki) json.publicKey = base64UrlEncode(spki);
  }
  return credentialToJson(credential, json);
}

/** @param {any} publicKeyJson @param {AbortSignal | undefined} signal */
async function createWithWebAuthn(publicKeyJson, signal) {
  const json = await webAuthnCeremony("create", publicKeyJson, signal);
  return { json, credentialId: json.id };
}

const CEREMONIES = {
  create: { parse: "parseCreationOptionsFromJSON", fromJson: creationOptionsFromJson, toJson: registrationResponseToJson, what: "registration" },
  get: { parse: "parseRequestOptionsFromJSON", fromJson: requestOptionsFromJson, toJson: authenticationResponseToJson, what: "authentication" },
};

/**
 * Runs `navigator.credentials.create` or `.get` with the server's options JSON and returns the
 * credential as WebAuthn Level 3 JSON. The browser's own JSON methods are used where it has them.
 * @param {"create" | "get"} ceremony
 * @param {any} publicKeyJson
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<any>}
 */
async function webAuthnCeremony(ceremony, publicKeyJson, signal) {
  const { parse, fromJson, toJson, what } = CEREMONIES[ceremony];
  const credentials = /** @type {any} */ (globalThis.navigator?.credentials);
  if (!credentials || typeof credentials[ceremony] !== "function") {
    throw new PassbindError("not_supported", "This browser does not support passkeys (WebAuthn).");
  }
  const PKC = /** @type {any} */ (globalThis).PublicKeyCredential;
  let publicKey;
  try {
    publicKey = PKC && typeof PKC[parse] === "function" ? PKC[parse](publicKeyJson) : fromJson(publicKeyJson);
  } catch (error) {
    throw new PassbindError("network_error", `The Passbind server sent ${what} options the browser cannot use.`, { cause: error });
  }
  /** @type {any} */
  let credential;
  try {
    credential = await credentials[ceremony](signal === undefined ? { publicKey } : { publicKey, signal });
  } catch (error) {
    throw errorFromCeremony(error, ceremony);
  }
  if (!credential) throw new PassbindError("user_canceled", ceremony === "create" ? "No passkey was created." : "No passkey was chosen.");
  return typeof credential.toJSON === "function" ? credential.toJSON() : toJson(credential);
}

// ---------------------------------------------------------------------------------------------
// Software passkeys ("subtle"): a non-extractable WebCrypto P-256 key kept in IndexedDB, answering
// with the same WebAuthn JSON a browser would, with packed self-attestation.

const COSE_ALG_ES256 = -7;
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

/** @param {string} hostname @param {string} rpId */
function isRpIdValidFor(hostname, rpId) {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  const rp = rpId.toLowerCase();
  return host === rp || host.endsWith(`.${rp}`);
}

/** @param {Uint8Array<ArrayBuffer>} bytes */
async function sha256(bytes) {
  return new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
}

/**
 * Creates a software passkey for the options and returns its RegistrationResponseJSON plus what
 * must be stored to use it later.
 * @param {any} publicKeyJson
 * @param {string} origin
 */
async function createWithSubtle(publicKeyJson, origin) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new PassbindError("not_supported", "WebCrypto is not available (a secure context is required).");
  const params = Array.isArray(publicKeyJson.pubKeyCredParams) ? publicKeyJson.pubKeyCredParams : [];
  if (!params.some((/** @type {any} */ p) => p && p.type === "public-key" && p.alg === COSE_ALG_ES256)) {
    throw new PassbindError("not_supported", "The server does not accept ES256, the only algorithm of software passkeys.");
  }
  const originUrl = parseAbsoluteUrl(origin);
  const rpId = publicKeyJson.rp?.id ?? originUrl?.hostname;
  // WebAuthn §5.1.3 step 8, as a browser would apply it: the RP ID must be the origin's host or a
  // registrable suffix of it.
  if (!originUrl || typeof rpId !== "string" || !isRpIdValidFor(originUrl.hostname, rpId)) {
    throw new PassbindError("origin_not_allowed", `This page's origin cannot create a passkey for relying party "${rpId}".`);
  }
  let challenge;
  try {
    challenge = base64UrlDecode(publicKeyJson.challenge);
  } catch {
    throw unexpectedResponse("challenge");
  }

  const keyPair = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
  const rawPublicKey = new Uint8Array(await subtle.exportKey("raw", keyPair.publicKey));
  const spki = new Uint8Array(await subtle.exportKey("spki", keyPair.publicKey));
  const credentialId = globalThis.crypto.getRandomValues(new Uint8Array(32));

  const clientDataJSON = textEncoder.encode(JSON.stringify({
    type: "webauthn.create",
    challenge: base64UrlEncode(challenge),
    origin,
    crossOrigin: false,
  }));

  // COSE_Key (RFC 9053 §7.1.1): kty EC2, alg ES256, crv P-256, x, y.
  const coseKey = cborEncode(new Map(/** @type {[number, unknown][]} */ ([
    [1, 2], [3, COSE_ALG_ES256], [-1, 1], [-2, rawPublicKey.subarray(1, 33)], [-3, rawPublicKey.subarray(33, 65)],
  ])));
  const credentialIdLength = Uint8Array.of(credentialId.length >> 8, credentialId.length & 0xff);
  const authenticatorData = concatBytes(
    await sha256(textEncoder.encode(rpId)),
    Uint8Array.of(FLAG_UP | FLAG_UV | FLAG_AT),
    new Uint8Array(4), // signCount 0
    new Uint8Array(16), // AAGUID: zero, no model to attest
    credentialIdLength,
    credentialId,
    coseKey,
  );

  // Packed self-attestation (WebAuthn §8.2): sig over authenticatorData ‖ SHA-256(clientDataJSON),
  // with the credential's own key, alg and no x5c.
  const signed = concatBytes(authenticatorData, await sha256(clientDataJSON));
  const raw = await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, keyPair.privateKey, signed);
  const attestationObject = cborEncode(new Map(/** @type {[string, unknown][]} */ ([
    ["fmt", "packed"],
    ["attStmt", new Map(/** @type {[string, unknown][]} */ ([["alg", COSE_ALG_ES256], ["sig", ecdsaRawToDer(raw)]]))],
    ["authData", authenticatorData],
  ])));

  const id = base64UrlEncode(credentialId);
  /** @type {Record<string, unknown>} */
  const clientExtensionResults = {};
  if (publicKeyJson.extensions?.credProps) clientExtensionResults.credProps = { rk: true };
  const json = {
    id,
    rawId: id,
    type: "public-key",
    response: {
      clientDataJSON: base64UrlEncode(clientDataJSON),
      attestationObject: base64UrlEncode(attestationObject),
      authenticatorData: base64UrlEncode(authenticatorData),
      transports: ["internal"],
      publicKey: base64UrlEncode(spki),
      publicKeyAlgorithm: COSE_ALG_ES256,
    },
    authenticatorAttachment: "platform",
    clientExtensionResults,
  };
  return {
    json,
    credentialId: id,
    key: {
      privateKey: keyPair.privateKey,
      publicKey: keyPair.publicKey,
      rpId,
      userHandle: publicKeyJson.user?.id,
      signCount: 0,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Assertions (docs/sign-in-protocol.md §4, §5): PublicKeyCredentialRequestOptionsJSON in,
// AuthenticationResponseJSON out.

/**
 * PublicKeyCredentialRequestOptionsJSON → PublicKeyCredentialRequestOptions, for browsers without
 * PublicKeyCredential.parseRequestOptionsFromJSON.
 * @param {any} json
 */
function requestOptionsFromJson(json) {
  const options = { ...json };
  options.challenge = base64UrlDecode(json.challenge);
  if (Array.isArray(json.allowCredentials)) options.allowCredentials = decodeDescriptors(json.allowCredentials);
  return options;
}

/**
 * PublicKeyCredential (of a `get`) → AuthenticationResponseJSON, for browsers without credential.toJSON().
 * @param {any} credential
 */
function authenticationResponseToJson(credential) {
  const response = credential.response;
  /** @type {Record<string, unknown>} */
  const json = {
    clientDataJSON: base64UrlEncode(response.clientDataJSON),
    authenticatorData: base64UrlEncode(response.authenticatorData),
    signature: base64UrlEncode(response.signature),
  };
  if (response.userHandle) json.userHandle = base64UrlEncode(response.userHandle);
  return credentialToJson(credential, json);
}

/** @param {any} publicKeyJson */
function checkRequestOptions(publicKeyJson) {
  if (!publicKeyJson || typeof publicKeyJson !== "object" || typeof publicKeyJson.challenge !== "string" ||
      (publicKeyJson.allowCredentials !== undefined && !Array.isArray(publicKeyJson.allowCredentials))) {
    throw unexpectedResponse("authentication options");
  }
}

/**
 * Signs an assertion with a software passkey, as an authenticator and a browser together would
 * (WebAuthn §6.3.3 authenticatorGetAssertion, §5.1.4 the client's part).
 * @param {any} publicKeyJson PublicKeyCredentialRequestOptionsJSON
 * @param {string} origin this page's origin
 * @param {{id: string, key: {privateKey: CryptoKey, rpId: string, userHandle?: string}}} record the stored passkey
 * @param {(id: string) => Promise<number>} nextSignCount stores and returns the counter to sign with
 * @returns {Promise<any>} AuthenticationResponseJSON
 */
async function getWithSubtle(publicKeyJson, origin, record, nextSignCount) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new PassbindError("not_supported", "WebCrypto is not available (a secure context is required).");
  const originUrl = parseAbsoluteUrl(origin);
  const rpId = publicKeyJson.rpId ?? originUrl?.hostname;
  // §5.1.4.1 step 8: the RP ID must be the origin's host or a registrable suffix of it.
  if (!originUrl || typeof rpId !== "string" || !isRpIdValidFor(originUrl.hostname, rpId)) {
    throw new PassbindError("origin_not_allowed", `This page's origin cannot use a passkey for relying party "${rpId}".`);
  }
  // §6.3.3 step 3: only a credential scoped to this RP ID, and listed when the RP lists any.
  const allowed = Array.isArray(publicKeyJson.allowCredentials) ? publicKeyJson.allowCredentials : [];
  if (record.key.rpId !== rpId ||
      (allowed.length > 0 && !allowed.some((/** @type {any} */ c) => c && c.type === "public-key" && c.id === record.id))) {
    throw new PassbindError("passkey_not_found", "This passkey cannot sign in here: the server asked for another one.");
  }
  let challenge;
  try {
    challenge = base64UrlDecode(publicKeyJson.challenge);
  } catch {
    throw unexpectedResponse("challenge");
  }

  const clientDataJSON = textEncoder.encode(JSON.stringify({
    type: "webauthn.get",
    challenge: base64UrlEncode(challenge),
    origin,
    crossOrigin: false,
  }));
  // Only once every check has passed: a refused request uses up no count.
  const signCount = await nextSignCount(record.id);
  const counter = Uint8Array.of((signCount >>> 24) & 0xff, (signCount >>> 16) & 0xff, (signCount >>> 8) & 0xff, signCount & 0xff);
  const authenticatorData = concatBytes(
    await sha256(textEncoder.encode(rpId)),
    Uint8Array.of(FLAG_UP | FLAG_UV),
    counter,
  );
  // §6.3.3 step 11: sig over authenticatorData ‖ SHA-256(clientDataJSON), DER-encoded for ES256.
  const raw = await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, record.key.privateKey,
    concatBytes(authenticatorData, await sha256(clientDataJSON)));
  /** @type {Record<string, unknown>} */
  const response = {
    clientDataJSON: base64UrlEncode(clientDataJSON),
    authenticatorData: base64UrlEncode(authenticatorData),
    signature: base64UrlEncode(ecdsaRawToDer(raw)),
  };
  if (typeof record.key.userHandle === "string") response.userHandle = record.key.userHandle;
  return {
    id: record.id,
    rawId: record.id,
    type: "public-key",
    response,
    authenticatorAttachment: "platform",
    clientExtensionResults: {},
  };
}

// ---------------------------------------------------------------------------------------------
// Local store: IndexedDB database "passbind", object store "passkeys", one record per passkey:
// {id, passkey, baseUrl, rpId?, key?}. CryptoKeys are stored as they are (structured clone keeps
// them non-extractable).

const DB_NAME = "passbind";
const DB_VERSION = 1;
const STORE = "passkeys";

/** @template T @param {IDBRequest<T>} request @returns {Promise<T>} */
function idbResult(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** @returns {Promise<IDBDatabase>} */
function openDatabase() {
  const idb = globalThis.indexedDB;
  if (!idb) return Promise.reject(new PassbindError("not_supported", "IndexedDB is not available in this context."));
  return new Promise((resolve, reject) => {
    const request = idb.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: "id" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new PassbindError("not_supported", "The passkey store (IndexedDB) could not be opened.", { cause: request.error }));
    request.onblocked = () => reject(new PassbindError("not_supported", "The passkey store (IndexedDB) is blocked by another tab."));
  });
}

/**
 * Runs one transaction on the passkey store.
 * @template T
 * @param {IDBTransactionMode} mode
 * @param {(store: IDBObjectStore) => IDBRequest<T>} action
 * @returns {Promise<T>}
 */
async function withStore(mode, action) {
  const db = await openDatabase();
  try {
    const tx = db.transaction(STORE, mode);
    const result = idbResult(action(tx.objectStore(STORE)));
    result.catch(() => {}); // its failure also aborts the transaction, reported below
    await new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve(undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error("transaction aborted"));
    });
    return await result;
  } finally {
    db.close();
  }
}

/**
 * Increments a software passkey's signature counter and returns the new value, in one read-write
 * transaction, so two tabs signing at once never sign with the same count. The count is stored
 * before the signature is made: a crash can skip a value, never repeat one.
 * @param {string} id
 * @returns {Promise<number>}
 */
async function nextSignCount(id) {
  const db = await openDatabase();
  try {
    const tx = db.transaction(STORE, "readwrite");
    const store = tx.objectStore(STORE);
    /** @type {number | undefined} */
    let count;
    const done = new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve(undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error("transaction aborted"));
    });
    const read = store.get(id);
    read.onsuccess = () => {
      const record = read.result;
      if (!record?.key) return;
      // A 32-bit counter (§6.1); it wraps rather than overflows, as authenticators do.
      count = ((Number(record.key.signCount) || 0) + 1) >>> 0;
      record.key.signCount = count;
      store.put(record);
    };
    await done;
    if (count === undefined) throw new PassbindError("passkey_not_found", "This browser holds no such passkey.");
    return count;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Passkey objects

const STATES = { ACTIVE: "Active", REVOKED: "Revoked", SUSPENDED: "UserSuspended", DELETED: "UserDeleted" };

/** @param {unknown} value */
const str = (value) => (typeof value === "string" ? value : undefined);

/**
 * Builds the SDK's Passkey from a :completeRegistration answer.
 * @param {any} body @param {BindingLink} link @param {KeyType} keyType @param {string} localId
 * @returns {Passkey}
 */
function passkeyFromCompletion(body, link, keyType, localId) {
  const credential = body.credential ?? {};
  if (typeof credential.id !== "string") throw unexpectedResponse("no credential id");
  const tenant = body.tenant ?? {};
  const realm = body.realm ?? {};
  const identity = body.identity ?? {};
  const theme = body.theme ?? {};
  /** @type {Passkey["identity"]} */
  const identityOut = {
    id: str(identity.id) ?? str(credential.identity_id) ?? link.identityId,
    username: str(identity.username) ?? "",
  };
  if (str(identity.display_name)) identityOut.displayName = identity.display_name;
  if (str(identity.primary_email_address)) identityOut.emailAddress = identity.primary_email_address;
  if (str(identity.external_id)) identityOut.externalId = identity.external_id;
  /** @type {Passkey["theme"]} */
  const themeOut = { logoUrlLight: str(theme.logo_url_light) ?? "", logoUrlDark: str(theme.logo_url_dark) ?? "" };
  if (str(theme.support_url)) themeOut.supportUrl = theme.support_url;
  return {
    id: localId,
    passkeyId: credential.id,
    created: str(credential.create_time) ?? new Date().toISOString(),
    state: /** @type {Passkey["state"]} */ (STATES[/** @type {keyof typeof STATES} */ (credential.state)] ?? "Active"),
    keyType,
    tenant: { id: str(tenant.id) ?? str(credential.tenant_id) ?? link.tenantId, displayName: str(tenant.display_name) ?? "" },
    realm: { id: str(realm.id) ?? str(credential.realm_id) ?? link.realmId, displayName: str(realm.display_name) ?? "" },
    identity: identityOut,
    theme: themeOut,
  };
}

// ---------------------------------------------------------------------------------------------
// Embedded

/** @param {unknown} keyType @returns {KeyType} */
function checkKeyType(keyType) {
  if (keyType === undefined) return "webauthn";
  if (keyType === "webauthn" || keyType === "subtle") return keyType;
  throw new PassbindError("invalid_request", `keyType must be "webauthn" or "subtle", not ${JSON.stringify(keyType)}.`);
}

/**
 * The Embedded SDK: the API of Beyond Identity's `Embedded`, against a Passbind server.
 * Methods are bound, so they may be passed around detached.
 */
export class Embedded {
  /** @type {readonly string[]} */
  #allowedDomains;
  /** @type {KeyType} */
  #keyType;

  /** @param {readonly string[]} allowedDomains @param {KeyType} keyType */
  constructor(allowedDomains, keyType) {
    this.#allowedDomains = Object.freeze([...allowedDomains]);
    this.#keyType = keyType;
  }

  /**
   * Initializes the SDK. Call it once, before any other method.
   * @param {Config} [config]
   * @returns {Promise<Embedded>}
   */
  static initialize = async (config = {}) => {
    const keyType = checkKeyType(config?.keyType);
    /** @type {string[]} */
    const domains = Array.isArray(config?.allowedDomains)
      ? config.allowedDomains.filter((d) => typeof d === "string")
      : [moduleHost()].filter((d) => typeof d === "string");
    // As in Beyond Identity's SDK, the page's own host is always allowed.
    const pageHost = globalThis.location?.host;
    if (typeof pageHost === "string" && pageHost) domains.push(pageHost);
    return new Embedded(domains, keyType);
  };

  /** The hosts this instance may send requests to (subdomains included). */
  get allowedDomains() {
    return this.#allowedDomains;
  }

  /**
   * Whether `url` is a passkey binding link, in either form: the `:invokeAuthenticator?token=` link
   * or the `{invoke_url}/bind?api_base_url=…&token=…` redirect (also `myapp://bind?…`). Synchronous;
   * never throws: anything else, including non-strings, gives false. Does not check allowed domains.
   * @param {string} url
   * @returns {boolean}
   */
  isBindPasskeyUrl = (url) => parseBindingLink(url) !== null;

  /**
   * Whether `url` is a sign-in URL (`…/bi-authenticate?request=…`). Synchronous; never throws.
   * @param {string} url
   * @returns {boolean}
   */
  isAuthenticateUrl = (url) => isAuthenticateLink(url);

  /**
   * Creates a passkey and binds it to the identity of a binding link.
   * @param {string} url a binding link in either form
   * @param {BindPasskeyOptions} [options]
   * @returns {Promise<BindPasskeyResponse>}
   */
  bindPasskey = async (url, options = {}) => {
    const link = parseBindingLink(url);
    if (!link) throw new PassbindError("invalid_url", "This is not a passkey binding link.");
    const keyType = options?.keyType === undefined ? this.#keyType : checkKeyType(options.keyType);
    // Refuse before sending anything (binding-protocol.md §1). The host checked is the one the
    // requests go to: the link's own for form A, api_base_url's for form B.
    if (!isHostAllowed(link.baseUrl, this.#allowedDomains)) {
      throw new PassbindError("domain_not_allowed",
        `${new URL(link.baseUrl).host} is not in allowedDomains; pass it to Embedded.initialize({allowedDomains}).`);
    }
    const signal = options?.signal;
    if (keyType === "subtle") {
      // Fail before the ceremony, not after the server has bound a key we cannot keep.
      (await openDatabase()).close();
    }

    const optionsBody = await postJson(jobEndpoint(link, "registrationOptions"), { token: link.token, key_type: keyType }, signal);
    const publicKeyJson = /** @type {any} */ (optionsBody).public_key;
    if (!publicKeyJson || typeof publicKeyJson !== "object" || typeof publicKeyJson.challenge !== "string" ||
        !publicKeyJson.user || typeof publicKeyJson.user.id !== "string") {
      throw unexpectedResponse("registration options");
    }

    const created = keyType === "subtle"
      ? await createWithSubtle(publicKeyJson, globalThis.location?.origin ?? "")
      : await createWithWebAuthn(publicKeyJson, signal);

    const completion = await postJson(jobEndpoint(link, "completeRegistration"), { token: link.token, credential: created.json }, signal);
    const passkey = passkeyFromCompletion(completion, link, keyType, created.credentialId);

    const record = { id: passkey.id, passkey, baseUrl: link.baseUrl, rpId: publicKeyJson.rp?.id, key: /** @type {any} */ (created).key };
    try {
      await withStore("readwrite", (store) => store.put(record));
    } catch (error) {
      // A software passkey lost here cannot be recovered: say so. A WebAuthn passkey lives in its
      // authenticator and is bound on the server; only the local listing misses it, and failing
      // now would report an error for a link that is already consumed.
      if (keyType === "subtle") {
        throw new PassbindError("not_supported", "The passkey was bound but could not be stored in this browser.", { cause: error });
      }
    }

    const redirect = str(/** @type {any} */ (completion).post_binding_redirect_uri) || undefined;
    return { passkey, credential: passkey, postBindRedirect: redirect, postBindingRedirectUri: redirect };
  };

  /**
   * Lists the passkeys this browser holds (from its local store; no request is made).
   * @returns {Promise<Passkey[]>}
   */
  getPasskeys = async () => {
    if (!globalThis.indexedDB) return [];
    const records = await withStore("readonly", (store) => store.getAll());
    return records.map((/** @type {any} */ r) => structuredClone(r.passkey));
  };

  /**
   * Removes a passkey from this browser. A missing id is not an error. This does not revoke the
   * credential on the server (use the management API's `:revoke` for that).
   * @param {string} id
   * @returns {Promise<void>}
   */
  deletePasskey = async (id) => {
    if (typeof id !== "string" || !globalThis.indexedDB) return;
    await withStore("readwrite", (store) => store.delete(id));
  };

  /**
   * Not implemented by Passbind: the stored metadata is what the server returned at binding.
   * @returns {Promise<void>}
   */
  updatePasskeys = async () => {
    throw notSupported("updatePasskeys");
  };

  /**
   * Signs in with a passkey: asks the server for assertion options, has the passkey sign them, and
   * completes the transaction. A `webauthn` passkey answers `navigator.credentials.get` (the
   * browser shows its dialog); a `subtle` passkey signs with its stored key, without a dialog.
   * Without `passkeyId`, the browser offers every passkey it has for the server's RP ID (a
   * discoverable credential). Navigate to `redirectUrl` to finish the sign-in.
   * @param {string} url an authenticate URL (`…/bi-authenticate?request=…`)
   * @param {string} [passkeyId] the local `id` of a passkey from `getPasskeys`
   * @returns {Promise<AuthenticateResponse>}
   */
  authenticate = async (url, passkeyId) => {
    const link = this.#authenticateLink(url);
    /** @type {any} */
    let record;
    if (passkeyId !== undefined && passkeyId !== null) {
      if (typeof passkeyId !== "string" || !passkeyId) {
        throw new PassbindError("invalid_request", "passkeyId must be the id of a passkey from getPasskeys().");
      }
      record = globalThis.indexedDB ? await withStore("readonly", (store) => store.get(passkeyId)) : undefined;
      if (!record) throw new PassbindError("passkey_not_found", "This browser holds no passkey with that id.");
      // A passkey of another realm would only be refused by the server, as an unknown credential.
      if (record.passkey?.tenant?.id !== link.tenantId || record.passkey?.realm?.id !== link.realmId) {
        throw new PassbindError("passkey_not_found", "That passkey belongs to another realm than this sign-in.");
      }
    }
    const keyType = record?.passkey?.keyType === "subtle" ? "subtle" : "webauthn";
    if (keyType === "subtle" && !record.key?.privateKey) {
      throw new PassbindError("passkey_not_found", "The software passkey's key is missing from this browser.");
    }

    const optionsBody = await postJson(transactionEndpoint(link, "authenticationOptions"),
      { request: link.request, key_type: keyType, credential_id: record ? record.id : null });
    const publicKeyJson = /** @type {any} */ (optionsBody).public_key;
    checkRequestOptions(publicKeyJson);

    const credential = keyType === "subtle"
      ? await getWithSubtle(publicKeyJson, globalThis.location?.origin ?? "", record, nextSignCount)
      : await webAuthnCeremony("get", publicKeyJson, undefined);

    const completion = /** @type {any} */ (await postJson(transactionEndpoint(link, "completeAuthentication"),
      { request: link.request, credential }));
    const redirectUrl = str(completion.redirect_url);
    if (!redirectUrl) throw unexpectedResponse("no redirect_url");

    // The passkey that signed: the one asked for, or, for a discoverable credential, the local
    // record of the credential the browser chose (none when it is not one this SDK bound).
    if (!record && typeof credential?.id === "string" && globalThis.indexedDB) {
      try {
        record = await withStore("readonly", (store) => store.get(credential.id));
      } catch {
        record = undefined;
      }
    }
    /** @type {AuthenticateResponse} */
    const result = { redirectUrl };
    if (str(completion.message)) result.message = completion.message;
    if (record?.passkey) result.passkey = structuredClone(record.passkey);
    return result;
  };

  /**
   * Describes a sign-in: the application asking, the methods it allows, and where the request
   * came from.
   * @param {string} url an authenticate URL
   * @returns {Promise<AuthenticationContext>}
   */
  getAuthenticationContext = async (url) => {
    const link = this.#authenticateLink(url);
    const body = /** @type {any} */ (await postJson(transactionEndpoint(link, "authenticationContext"), { request: link.request }));
    const application = body.application ?? {};
    const origin = body.origin ?? {};
    if (typeof application.id !== "string") throw unexpectedResponse("no application");
    /** @type {AuthenticationContext["application"]} */
    const applicationOut = { id: application.id };
    if (str(application.display_name) !== undefined) applicationOut.displayName = application.display_name;
    /** @type {AuthenticationContext["origin"]} */
    const originOut = {};
    if (str(origin.source_ip) !== undefined) originOut.sourceIp = origin.source_ip;
    if (str(origin.user_agent) !== undefined) originOut.userAgent = origin.user_agent;
    if (str(origin.geolocation) !== undefined) originOut.geolocation = origin.geolocation;
    if (str(origin.referer) !== undefined) originOut.referer = origin.referer;
    return {
      authUrl: str(body.auth_url) || link.url,
      authMethods: (Array.isArray(body.auth_methods) ? body.auth_methods : [])
        .filter((/** @type {any} */ m) => m && typeof m.type === "string")
        .map((/** @type {any} */ m) => ({ type: m.type })),
      application: applicationOut,
      origin: originOut,
    };
  };

  /**
   * Not implemented by Passbind: use `authenticate` (with no `passkeyId` for a discoverable passkey).
   * @param {string} url @param {unknown} locator
   * @returns {Promise<never>}
   */
  authenticateFido2 = async (url, locator) => {
    void locator;
    if (!isAuthenticateLink(url)) throw new PassbindError("invalid_url", "This is not an authenticate URL.");
    throw notSupported("authenticateFido2");
  };

  /**
   * Starts a sign-in with an email one-time code: the server mails a code to the identity with this
   * address, if there is one (the answer is the same either way). Then call `redeemOtp` with the
   * returned `url` and the code the user types.
   * @param {string} url an authenticate URL
   * @param {string} email
   * @returns {Promise<{url: string}>}
   */
  authenticateOtp = async (url, email) => {
    const link = this.#authenticateLink(url);
    if (typeof email !== "string" || !email.trim()) {
      throw new PassbindError("invalid_request", "email must be an email address.");
    }
    const body = /** @type {any} */ (await postJson(transactionEndpoint(link, "authenticateOtp"), { request: link.request, email: email.trim() }));
    return { url: str(body.url) || link.url };
  };

  /**
   * Finishes a one-time-code sign-in. A wrong code rejects with `otp_invalid` (the user may try
   * again, a few times); an expired or used-up one with `otp_expired`.
   * @param {string} url the `url` from `authenticateOtp`
   * @param {string} otp the code the user typed
   * @returns {Promise<AuthenticateResponse>}
   */
  redeemOtp = async (url, otp) => {
    const link = this.#authenticateLink(url);
    if (typeof otp !== "string" || !otp.trim()) {
      throw new PassbindError("invalid_request", "otp must be the code from the email.");
    }
    const body = /** @type {any} */ (await postJson(transactionEndpoint(link, "redeemOtp"), { request: link.request, otp: otp.trim() }));
    const redirectUrl = str(body.redirect_url);
    if (!redirectUrl) throw unexpectedResponse("no redirect_url");
    /** @type {AuthenticateResponse} */
    const result = { redirectUrl };
    if (str(body.message)) result.message = body.message;
    if (str(body.passkey_binding_token)) result.passkeyBindingToken = body.passkey_binding_token;
    return result;
  };

  /**
   * Parses an authenticate URL and checks that its server is allowed, before anything is sent.
   * @param {unknown} url
   * @returns {AuthenticateLink & {baseUrl: string, tenantId: string, realmId: string}}
   */
  #authenticateLink(url) {
    const link = parseAuthenticateLink(url);
    if (!link) throw new PassbindError("invalid_url", "This is not an authenticate URL.");
    if (!link.baseUrl || !link.tenantId || !link.realmId) {
      throw new PassbindError("invalid_url", "The authenticate URL's request names no server, tenant or realm.");
    }
    // The request JWT is the transaction's capability: it goes only to an allowed host.
    if (!isHostAllowed(link.baseUrl, this.#allowedDomains)) {
      throw new PassbindError("domain_not_allowed",
        `${new URL(link.baseUrl).host} is not in allowedDomains; pass it to Embedded.initialize({allowedDomains}).`);
    }
    return /** @type {any} */ (link);
  }
}

/**
 * Internal helpers, exported for the SDK's own unit tests. Not part of the public API: they may
 * change in any release and are absent from passbind.d.ts.
 * @internal
 */
export const _internals = Object.freeze({
  base64UrlEncode,
  base64UrlDecode,
  cborEncode,
  ecdsaRawToDer,
  parseBindingLink,
  parseAuthenticateLink,
  isAuthenticateLink,
  transactionEndpoint,
  isHostAllowed,
  parseDomainEntry,
  errorFromResponse,
  errorFromCeremony,
  creationOptionsFromJson,
  registrationResponseToJson,
  requestOptionsFromJson,
  authenticationResponseToJson,
  passkeyFromCompletion,
  jobEndpoint,
  DB_NAME,
});
