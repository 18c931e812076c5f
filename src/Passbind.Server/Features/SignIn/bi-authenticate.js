// The hosted /bi-authenticate page: an authorize request lands here (the authenticator config's invoke URL +
// /bi-authenticate) and the browser SDK signs in with a discoverable passkey from the page's own URL, then
// sends the browser back to the application with its code.
import { Embedded } from "/sdk/passbind.js";

const $ = (id) => document.getElementById(id);

function showError(error) {
  $("title").textContent = "You are not signed in";
  $("status").textContent = "";
  $("error-code").textContent = error && error.code ? error.code : "error";
  $("error-message").textContent = error && error.message ? error.message : String(error);
  $("error").hidden = false;
}

async function authenticate(embedded, url) {
  $("retry").hidden = true;
  $("error").hidden = true;
  $("title").textContent = "Sign in with your passkey";
  $("status").textContent = "Follow your browser's prompt to use your passkey…";
  try {
    const result = await embedded.authenticate(url);
    // The sign-in is complete: take its request out of the address bar and the history.
    history.replaceState(null, "", "/bi-authenticate");
    $("title").textContent = "You are signed in";
    $("status").textContent = `Returning to ${new URL(result.redirectUrl).host}…`;
    window.location.assign(result.redirectUrl);
  } catch (error) {
    showError(error);
    // A dialog closed by mistake (or a browser that wants a tap first) can be tried again; a finished sign-in cannot.
    if (error && error.code === "user_canceled") $("retry").hidden = false;
  }
}

const embedded = await Embedded.initialize();
const url = window.location.href;
if (embedded.isAuthenticateUrl(url)) {
  $("retry").addEventListener("click", () => authenticate(embedded, url));
  await authenticate(embedded, url);
} else {
  $("title").textContent = "No sign-in request";
  $("status").textContent = "Start signing in from the application you want to use.";
}
