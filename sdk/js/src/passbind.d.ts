// Type definitions for @passbind/sdk-js. Licensed under the Apache License, Version 2.0.

/**
 * Where a passkey's private key lives.
 * - `"webauthn"`: in an authenticator driven by the browser (platform or security key);
 *   the authenticator config must allow `webauthn_passkey`.
 * - `"subtle"`: a software passkey, a non-extractable WebCrypto P-256 key kept in this
 *   browser's IndexedDB; the authenticator config must allow `software_passkey`.
 */
export type KeyType = "webauthn" | "subtle";

/** Options of {@link Embedded.initialize}. */
export interface Config {
  /**
   * Hosts the SDK may send requests to. An entry also allows its subdomains (`example.com`
   * allows `auth.example.com`); `host:port` allows only that port; an IP address only itself.
   * Default: the host this module was loaded from (the Passbind server, when it is imported
   * from `{auth_base_url}/sdk/passbind.js`). The page's own host is always added.
   */
  allowedDomains?: string[];
  /** The kind of passkey {@link Embedded.bindPasskey} creates by default. Default `"webauthn"`. */
  keyType?: KeyType;
}

/** Options of one {@link Embedded.bindPasskey} call. */
export interface BindPasskeyOptions {
  /** Overrides {@link Config.keyType} for this call. */
  keyType?: KeyType;
  /** Cancels the requests and the passkey dialog; the call then rejects with `user_canceled`. */
  signal?: AbortSignal;
}

/** Tenant of a {@link Passkey}. */
export interface Tenant {
  id: string;
  displayName: string;
}

/** Realm of a {@link Passkey}. */
export interface Realm {
  id: string;
  displayName: string;
}

/** Identity a {@link Passkey} is bound to. */
export interface Identity {
  id: string;
  username: string;
  displayName?: string;
  externalId?: string;
  emailAddress?: string;
}

/** Branding of the realm, as the server returned it at binding time. */
export interface Theme {
  logoUrlLight: string;
  logoUrlDark: string;
  supportUrl?: string;
}

/** A passkey this browser holds, bound to an identity. */
export interface Passkey {
  /** Local id: the WebAuthn credential id, base64url. Pass it to {@link Embedded.deletePasskey}. */
  id: string;
  /** The server's credential id (management API `credentials/{id}`). */
  passkeyId: string;
  /** When the server created the credential (RFC 3339). */
  created: string;
  /** Always `"Active"` when bound; the SDK does not refresh it from the server. */
  state: "Active" | "DeviceDeleted" | "Invalid" | "Revoked" | "UserDeleted" | "UserSuspended" | "Unknown";
  keyType: KeyType;
  tenant: Tenant;
  realm: Realm;
  identity: Identity;
  theme: Theme;
}

/** What {@link Embedded.bindPasskey} resolves to. */
export interface BindPasskeyResponse {
  /** The passkey just bound. */
  passkey: Passkey;
  /** The same object as {@link passkey}, for code written against older Beyond Identity examples. */
  credential: Passkey;
  /** The job's `post_binding_redirect_uri`, if it has one. */
  postBindRedirect?: string;
  /** The same value as {@link postBindRedirect} (Beyond Identity SDK 3.x name). */
  postBindingRedirectUri?: string;
  message?: string;
}

/** What {@link Embedded.authenticate} and {@link Embedded.redeemOtp} resolve to. */
export interface AuthenticateResponse {
  /** `{redirect_uri}?code=…&state=…`: navigate there to finish the sign-in. */
  redirectUrl: string;
  /** The server's message, when it sent one. */
  message?: string;
  /**
   * After {@link Embedded.redeemOtp}, when the identity has no passkey here: a token the app's
   * backend exchanges for a binding link (`POST {issuer}/credential-binding-jobs`, bearer token).
   */
  passkeyBindingToken?: string;
  /** The local passkey that signed, when this browser holds it (not after `redeemOtp`). */
  passkey?: Passkey;
}

/** What {@link Embedded.getAuthenticationContext} resolves to. */
export interface AuthenticationContext {
  /** The URL to use from now on; it may differ from the one passed in. */
  authUrl: string;
  /** The sign-in methods the application's authenticator config allows, e.g. `{type: "webauthn_passkey"}`. */
  authMethods: { type: string }[];
  /** The application asking for the sign-in. */
  application: { id: string; displayName?: string };
  /** Where the sign-in request came from, as the server saw it. */
  origin: { sourceIp?: string; userAgent?: string; geolocation?: string; referer?: string };
}

/**
 * Error codes. The server's codes (docs/binding-protocol.md §4, docs/sign-in-protocol.md) come
 * through unchanged; the SDK adds `invalid_url`, `domain_not_allowed`, `network_error`,
 * `not_supported`, `user_canceled` and `passkey_not_found`. A server answer without an error body
 * gets the snake_case name of its HTTP status.
 */
export type PassbindErrorCode =
  | "invalid_url"
  | "domain_not_allowed"
  | "network_error"
  | "not_supported"
  | "user_canceled"
  | "invalid_request"
  | "link_not_found"
  | "link_consumed"
  | "link_expired"
  | "link_revoked"
  | "key_type_not_allowed"
  | "origin_not_allowed"
  | "challenge_not_found"
  | "challenge_expired"
  | "registration_failed"
  | "credential_exists"
  | "passkey_not_found"
  | "transaction_not_found"
  | "transaction_expired"
  | "transaction_completed"
  | "authentication_failed"
  | "otp_invalid"
  | "otp_expired"
  | "rate_limited"
  | (string & {});

/** The one error class of the SDK: every failing call rejects with it. */
export class PassbindError extends Error {
  constructor(code: string, message: string, options?: { details?: unknown[]; status?: number; cause?: unknown });
  readonly name: "PassbindError";
  /** Stable snake_case code; see {@link PassbindErrorCode}. */
  code: PassbindErrorCode;
  /** The server's `details` (for `registration_failed` and `authentication_failed`, `details[0].reason`); `[]` when none. */
  details: unknown[];
  /** The HTTP status, when the error came from the server. */
  status?: number;
}

/** The Embedded SDK. Its methods are bound: they may be passed around detached. */
export class Embedded {
  private constructor();

  /** Initializes the SDK. Call it once, before any other method. */
  static initialize(config?: Config): Promise<Embedded>;

  /** The hosts this instance may send requests to (subdomains included). */
  readonly allowedDomains: readonly string[];

  /**
   * Whether `url` is a passkey binding link: `…/credential-binding-jobs/{job}:invokeAuthenticator?token=…`
   * or `{invoke_url}/bind?api_base_url=…&tenant_id=…&realm_id=…&identity_id=…&job_id=…&token=…`
   * (also `myapp://bind?…`). Synchronous and never throws; false for anything else.
   * Does not check allowed domains.
   */
  isBindPasskeyUrl(url: string): boolean;

  /**
   * Whether `url` is a sign-in URL: a `…/bi-authenticate` route whose `request` is a JWT naming a
   * sign-in transaction (`authn.action.prove.transaction_id`). Synchronous and never throws.
   * Does not check allowed domains.
   */
  isAuthenticateUrl(url: string): boolean;

  /**
   * Creates a passkey (by default with `Config.keyType`, else `"webauthn"`) and binds it to the
   * identity of the binding link. Rejects with a {@link PassbindError}.
   */
  bindPasskey(url: string, options?: BindPasskeyOptions): Promise<BindPasskeyResponse>;

  /** The passkeys this browser holds, from its local store. No request is made. */
  getPasskeys(): Promise<Passkey[]>;

  /**
   * Removes a passkey (and, for a software passkey, its key) from this browser. A missing id is
   * not an error. Does not revoke the credential on the server.
   */
  deletePasskey(id: string): Promise<void>;

  /** Not implemented: rejects with `not_supported`. */
  updatePasskeys(): Promise<void>;

  /**
   * Signs in with a passkey and resolves to the URL to navigate to. With `passkeyId` (a local
   * {@link Passkey.id} from {@link getPasskeys}), that passkey signs: a `webauthn` one through the
   * browser's dialog, a `subtle` one with its stored key and no dialog. Without it, the browser
   * offers every passkey it holds for the server's RP ID. The host of the request's `base_url` must
   * be allowed. Rejects with a {@link PassbindError}: `invalid_url`, `domain_not_allowed`,
   * `passkey_not_found`, `user_canceled`, or the server's code (`authentication_failed`,
   * `transaction_expired`, …).
   */
  authenticate(url: string, passkeyId?: string): Promise<AuthenticateResponse>;

  /** Describes the sign-in of an authenticate URL: the application, its methods, the request's origin. */
  getAuthenticationContext(url: string): Promise<AuthenticationContext>;

  /** Not implemented by Passbind: rejects with `not_supported` (use {@link authenticate} without a passkey id). */
  authenticateFido2(url: string, locator: "local" | "autofill" | { email: string }): Promise<AuthenticateResponse>;

  /**
   * Starts a sign-in with an email one-time code. The answer is the same whether or not an identity
   * has the address; when one has, a code is mailed to it. Pass the returned `url` to {@link redeemOtp}.
   */
  authenticateOtp(url: string, email: string): Promise<{ url: string }>;

  /**
   * Finishes a one-time-code sign-in. A wrong code rejects with `otp_invalid` (the user may try
   * again); an expired or used-up one with `otp_expired`.
   */
  redeemOtp(url: string, otp: string): Promise<AuthenticateResponse>;
}
