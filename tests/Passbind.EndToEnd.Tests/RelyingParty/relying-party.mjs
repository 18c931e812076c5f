// A relying party that no one at Passbind wrote: openid-client (the certified OpenID Connect client for Node)
// discovers a Passbind application from its issuer and signs a user in with the authorization code flow and PKCE.
//
//   node relying-party.mjs <issuer> <client_id> <client_secret> <redirect_uri>
//
// It talks JSON lines on stdio, so that the test can do the user's part in between:
//   out  {"authorization_url": "…"}       the URL a browser would be sent to
//   in   the URL the sign-in redirected to: {redirect_uri}?code=…&state=…
//   out  {"claims": {…}, "token_type": "…", "scope": "…", "userinfo": {…}}   or   {"error": "…", "message": "…"}
import * as client from "openid-client";
import { createInterface } from "node:readline";

const [issuer, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const say = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

try {
  // The development server speaks plain HTTP on localhost; openid-client refuses that unless told.
  const config = await client.discovery(
    new URL(issuer), clientId, clientSecret, client.ClientSecretBasic(clientSecret),
    { execute: [client.allowInsecureRequests] });

  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid profile email",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  say({ authorization_url: authorizationUrl.href });

  const { value: callback } = await lines.next();
  // Checks the state, exchanges the code with the verifier, and validates the id_token: signature (JWKS), iss, aud,
  // exp, iat and the nonce.
  const tokens = await client.authorizationCodeGrant(config, new URL(callback.trim()), {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  say({ claims, token_type: tokens.token_type, scope: tokens.scope, userinfo });
} catch (error) {
  say({ error: error?.code ?? error?.name ?? "error", message: String(error?.message ?? error), cause: error?.cause?.error });
  process.exitCode = 1;
} finally {
  process.stdin.destroy();
}
