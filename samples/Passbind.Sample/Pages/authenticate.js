// The /bi-authenticate route: the server's authorize endpoint sends the browser here with ?request=…; the user picks
// one of this browser's passkeys (or lets the browser offer any it holds), authenticate() proves it, and the page
// follows the redirect URL back to the app's OIDC callback, which exchanges the code.
import {Embedded} from '@beyondidentity/bi-sdk-js';

const $ = (id) => document.getElementById(id);

const embedded = await Embedded.initialize();
const url = window.location.href;

function showError(error) {
  $("status").textContent = "";
  $("error-code").textContent = error.code || "error";
  $("error-message").textContent = error.message || String(error);
  $("error").hidden = false;
}

function setBusy(busy) {
  for (const button of document.querySelectorAll("button")) button.disabled = busy;
}

async function signIn(passkeyId) {
  setBusy(true);
  $("error").hidden = true;
  $("status").textContent = "Follow your browser's prompt to use your passkey…";
  try {
    const {redirectUrl} = await embedded.authenticate(url, passkeyId);
    $("status").textContent = "Signed in. Returning to the app…";
    window.location.replace(redirectUrl);
  } catch (error) {
    showError(error);
    // A finished or expired sign-in cannot be retried with this URL.
    if (/^transaction_/.test(error.code)) $("restart").hidden = false;
    else setBusy(false);
  }
}

if (!embedded.isAuthenticateUrl(url)) {
  $("title").textContent = "No sign-in in progress";
  $("intro").textContent = "This page is where the sign-in sends you. Start from Sign in.";
  $("restart").hidden = false;
} else {
  try {
    const context = await embedded.getAuthenticationContext(url);
    $("title").textContent = `Sign in to ${context.application.displayName || "the app"}`;
  } catch (error) {
    showError(error);
    $("restart").hidden = true;
  }
  const passkeys = await embedded.getPasskeys();
  $("intro").textContent = passkeys.length === 0
    ? "This browser keeps no passkey list. Use a passkey your device holds, or sign up first."
    : "Choose the passkey to sign in with.";
  for (const passkey of passkeys) {
    const item = $("choice").content.firstElementChild.cloneNode(true);
    item.querySelector(".name").textContent = passkey.identity.displayName || passkey.identity.username;
    item.querySelector(".email").textContent = passkey.identity.emailAddress || "";
    const button = item.querySelector(".use");
    button.setAttribute("aria-label", `Sign in as ${passkey.identity.username}`);
    button.addEventListener("click", () => signIn(passkey.id));
    $("choices").append(item);
  }
  // Without a passkey id the browser offers every passkey it holds for this site (a discoverable credential).
  $("any").hidden = false;
  $("any").addEventListener("click", () => signIn(undefined));
}
