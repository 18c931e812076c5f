// The hosted /bind page: an opened binding link lands here (the authenticator config's invoke URL + /bind) and
// the browser SDK binds a passkey from the page's own URL, as in the seed's email example.
import { Embedded } from "/sdk/passbind.js";

const $ = (id) => document.getElementById(id);

function showError(error) {
  $("title").textContent = "The passkey was not created";
  $("status").textContent = "";
  $("error-code").textContent = error && error.code ? error.code : "error";
  $("error-message").textContent = error && error.message ? error.message : String(error);
  $("error").hidden = false;
}

function showPasskey(result) {
  const passkey = result.passkey;
  $("title").textContent = "Your passkey is ready";
  $("status").textContent = "You can now sign in with it.";
  $("passkey-username").textContent = passkey.identity.displayName || passkey.identity.username;
  $("passkey-email").textContent = passkey.identity.emailAddress || "—";
  $("passkey-id").textContent = passkey.passkeyId;
  $("passkey-created").textContent = new Date(passkey.created).toLocaleString();
  $("passkey").hidden = false;
  if (result.postBindRedirect) {
    const next = $("continue");
    next.href = result.postBindRedirect;
    next.textContent = `Continue to ${new URL(result.postBindRedirect).host}`;
    next.hidden = false;
  }
}

async function bind(embedded, url) {
  $("retry").hidden = true;
  $("error").hidden = true;
  $("title").textContent = "Create your passkey";
  $("status").textContent = "Follow your browser's prompt to create a passkey…";
  try {
    const result = await embedded.bindPasskey(url);
    // The link is consumed: take its token out of the address bar and the history.
    history.replaceState(null, "", "/bind");
    showPasskey(result);
  } catch (error) {
    showError(error);
    // A dialog closed by mistake (or a browser that wants a tap first) can be tried again; a used link cannot.
    if (error && error.code === "user_canceled") $("retry").hidden = false;
  }
}

const embedded = await Embedded.initialize();
const url = window.location.href;
if (embedded.isBindPasskeyUrl(url)) {
  $("retry").addEventListener("click", () => bind(embedded, url));
  await bind(embedded, url);
} else {
  $("title").textContent = "No binding link";
  $("status").textContent = "Open this page from the passkey link you were sent.";
}
