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

/** The sign-in result type of Beyond Identity's SDK. Passbind does not implement sign-in yet. */
export interface AuthenticateResponse {
  redirectUrl: string;
  message?: string;
  passkeyBindingToken?: string;
  operation?: string;
  passkey?: Passkey;
  redirectBundle?: string;
}

/**
 * Error codes. The server's codes (docs/binding-protocol.md §4) come through unchanged; the SDK
 * adds `invalid_url`, `domain_not_allowed`, `network_error`, `not_supported` and `user_canceled`.
 * A server answer without an error body gets the snake_case name of its HTTP status.
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
  | (string & {});

/** The one error class of the SDK: every failing call rejects with it. */
export class PassbindError extends Error {
  constructor(code: string, message: string, options?: { details?: unknown[]; status?: number; cause?: unknown });
  readonly name: "PassbindError";
  /** Stable snake_case code; see {@link PassbindErrorCode}. */
  code: PassbindErrorCode;
  /** The server's `details` (for `registration_failed`, `details[0].reason`); `[]` when none. */
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

  /** Whether `url` is a sign-in URL (`…/bi-authenticate?request=…`). Synchronous and never throws. */
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
   * Sign-in. Not implemented by the Passbind server yet: rejects with `invalid_url` for a URL
   * that is not an authenticate URL, else with `not_supported`.
   */
  authenticate(url: string, passkeyId: string): Promise<AuthenticateResponse>;

  /** Not implemented yet; see {@link authenticate}. */
  getAuthenticationContext(url: string): Promise<never>;

  /** Not implemented yet; see {@link authenticate}. */
  authenticateFido2(url: string, locator: "local" | "autofill" | { email: string }): Promise<AuthenticateResponse>;

  /** Not implemented yet; see {@link authenticate}. */
  authenticateOtp(url: string, email: string): Promise<{ url: string }>;

  /** Not implemented yet; see {@link authenticate}. */
  redeemOtp(url: string, otp: string): Promise<AuthenticateResponse | { url: string }>;
}
