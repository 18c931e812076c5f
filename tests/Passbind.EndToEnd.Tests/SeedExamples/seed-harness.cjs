// Runs the server-side examples of the seed (bindPasskey.md) UNMODIFIED under Node 20 against a running
// Passbind server. Only what the compatibility rule lets an app change is supplied here: the base URL
// (apiUrl()), the ids (TENANT_ID, REALM_ID, AUTHENTICATOR_CONFIG_ID) and the token (accessToken), all read
// from the server's bootstrap.json. `res` and `app` stand in for Express.
//
// This file is CommonJS in sloppy mode on purpose: the "existing identity" example assigns `identityMatch`
// without declaring it, which throws in an ES module (strict mode).
//
// Usage: node seed-harness.cjs <path to bootstrap.json> <username>
// Prints one JSON object: what each example sent to its `res`.

const fs = require("node:fs");

const bootstrap = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const username = process.argv[3];

function apiUrl() {
  return new URL(bootstrap.api_base_url.replace(/\/*$/, "/"));
}
const TENANT_ID = bootstrap.tenant_id;
const REALM_ID = bootstrap.realm_id;
const AUTHENTICATOR_CONFIG_ID = bootstrap.authenticator_config_id;
const accessToken = bootstrap.api_token;

/** A fake Express response that records what the example sent. */
function fakeResponse() {
  return {
    statusCode: 200,
    sent: undefined,
    kind: undefined,
    status(code) {
      this.statusCode = code;
      return this;
    },
    json(body) {
      this.kind = "json";
      this.sent = body;
      return this;
    },
    send(body) {
      this.kind = "send";
      this.sent = body;
      return this;
    },
  };
}

/** A fake Express app: records routes so a test can call them. */
const app = {
  routes: {},
  get(path, handler) {
    this.routes[path] = handler;
  },
};

// ---- "Example: Create an identity and get passkey binding URL", verbatim -----------------------------------
async function createIdentityAndGetPasskeyBindingUrl(username, res) {
// Step 1. Create an identity
const identityResponse = await fetch(
  `${apiUrl().toString()}v1/tenants/${TENANT_ID}/realms/${REALM_ID}/identities`,
  {
    body: JSON.stringify({
      identity: {
        display_name: username,
        traits: {
          type: "traits_v0",
          username: username,
          primary_email_address: `${username}@example.com`,
        },
      },
    }),
    headers: {
      Authorization: "Bearer " + accessToken,
    },
    method: "POST",
  }
);

let identityResponseJson = await identityResponse.json();

if (identityResponse.status !== 200) {
  return res.status(400).json(identityResponseJson);
}

let identityId = identityResponseJson.id;

// Step 2. Get passkey binding link for identity
const passkeyBindingLinkResponse = await fetch(
  `${apiUrl().toString()}v1/tenants/${TENANT_ID}/realms/${REALM_ID}/identities/${identityId}/credential-binding-jobs`,
  {
    body: JSON.stringify({
      job: {
        delivery_method: "RETURN",
        authenticator_config_id: AUTHENTICATOR_CONFIG_ID,
        post_binding_redirect_uri: "http://example.com",
      },
    }),
    headers: {
      Authorization: "Bearer " + accessToken,
    },
    method: "POST",
  }
);
let passkeyBindingLinkResponseJson = await passkeyBindingLinkResponse.json();

if (passkeyBindingLinkResponse.status !== 200) {
  return res.status(400).json(passkeyBindingLinkResponseJson);
}

res.send(passkeyBindingLinkResponseJson);
}

// ---- "Example: Extract passkey binding URL from passkey binding link response", verbatim -------------------
async function extractPasskeyBindingUrl(response) {
let jsonResponse = await response.json();
let passkeyBindingLink = jsonResponse.credential_binding_link;
return passkeyBindingLink;
}

// ---- "Example: Get passkey binding URL for existing identity", verbatim except the base URL, ids and token --
//get identity ID for identity
app.get("/example", function (req, res) {
  let apiToken = accessToken;
  let userName = req.query.username;
  let identityId;

  return fetch(
    `${apiUrl().toString()}v1/tenants/${TENANT_ID}/realms/${REALM_ID}/identities`,
    {
      method: "GET",
      headers: {
        Authorization: "Bearer " + apiToken,
      },
    }
  )
    .then((result) => {
      if (result.ok) {
        return result.json();
      }
    })
    .then((jsonResponse) => {
      identityMatch = jsonResponse.identities.find(
        (identity) => identity.traits.username == userName
      );

      res.send(identityMatch.id);
    });
});

// ---- Drive the examples --------------------------------------------------------------------------------------
async function main() {
  const created = fakeResponse();
  await createIdentityAndGetPasskeyBindingUrl(username, created);

  let extracted = null;
  if (created.kind === "send") {
    // The extraction example reads a fetch Response: give it the job creation's answer as one.
    extracted = await extractPasskeyBindingUrl(new Response(JSON.stringify(created.sent)));
  }

  const existing = fakeResponse();
  await app.routes["/example"]({ query: { username } }, existing);

  process.stdout.write(JSON.stringify({
    create: { status: created.statusCode, kind: created.kind, body: created.sent },
    extract: extracted,
    existing: { status: existing.statusCode, kind: existing.kind, body: existing.sent },
  }));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
