// The sign-up page: the seed's browser examples, in order.
import {Embedded} from '@beyondidentity/bi-sdk-js';

const $ = (id) => document.getElementById(id);
const kinds = { webauthn: "This device's passkey", subtle: "Software passkey" };
const redirectDelayMs = 3000;

const embedded = await Embedded.initialize();

function showError(code, message) {
  $("status").textContent = "";
  $("error-code").textContent = code;
  $("error-message").textContent = message;
  $("error").hidden = false;
}

// The OIDC handler sends a failed sign-in back here (its reason is in the sample's log).
if (new URLSearchParams(window.location.search).get("signin") === "failed") {
  showError("signin_failed", "The sign-in did not complete. Try again.");
}

function showPasskey(passkey) {
  $("passkey-username").textContent = passkey.identity.displayName || passkey.identity.username;
  $("passkey-email").textContent = passkey.identity.emailAddress || "—";
  $("passkey-kind").textContent = kinds[passkey.keyType] || passkey.keyType;
  $("passkey-id").textContent = passkey.passkeyId;
  $("passkey-created").textContent = new Date(passkey.created).toLocaleString();
  $("signup").hidden = true;
  $("title").hidden = true;
  $("intro").hidden = true;
  $("result").hidden = false;
}

// Binding never signs anyone in: the app takes the user on to postBindRedirect, where it would sign them in.
function followRedirect(postBindRedirect) {
  if (!postBindRedirect) {
    $("status").textContent = "";
    return;
  }
  $("continue").href = postBindRedirect;
  $("status").textContent = "Taking you on in a moment…";
  setTimeout(() => window.location.assign(postBindRedirect), redirectDelayMs);
}

$("signup").addEventListener("submit", async (event) => {
  event.preventDefault();
  const username = $("username").value.trim();
  if (!username) {
    showError("bad_request", "Type a username.");
    $("username").focus();
    return;
  }
  const keyType = new FormData($("signup")).get("keyType");
  $("error").hidden = true;
  $("create").disabled = true;
  $("status").textContent = "Creating your account…";
  try {
    const response = await fetch("/api/credential-binding-link", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username }),
    });

    // Example: Extract passkey binding URL from passkey binding link response
    let jsonResponse = await response.json();
    if (!response.ok) {
      showError(jsonResponse.code || "error", jsonResponse.message || `HTTP ${response.status}`);
      return;
    }
    let passkeyBindingLink = jsonResponse.credential_binding_link;

    // Example: Call bindPasskey after validating passkey binding URL
    $("status").textContent = "Follow your browser's prompt to create the passkey…";
    if (await embedded.isBindPasskeyUrl(passkeyBindingLink)) {
      let result = await embedded.bindPasskey(passkeyBindingLink, { keyType });
      //consume result and redirect the user
      showPasskey(result.passkey);
      followRedirect(result.postBindRedirect);
    } else {
      showError("invalid_url", "The server did not answer with a passkey binding link.");
    }
  } catch (error) {
    showError(error.code || "error", error.message || String(error));
  } finally {
    $("create").disabled = false;
  }
});
