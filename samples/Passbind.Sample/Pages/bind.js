// The /bind route of the email flow: the emailed link redirects to {invoke_url}/bind?…, and this page hands its
// whole URL to bindPasskey, exactly as the seed's last example does.
import {Embedded} from '@beyondidentity/bi-sdk-js';

const $ = (id) => document.getElementById(id);

const embedded = await Embedded.initialize();

// The seed's React state setter: a Passkey on success, the error's text on failure.
function setBindPasskeyResult(value) {
  $("next").hidden = false;
  if (typeof value === "string") {
    $("title").textContent = "The passkey was not created";
    $("status").textContent = "";
    $("error").textContent = value;
    $("error").hidden = false;
    return;
  }
  // The link is consumed: take its token out of the address bar and the history.
  history.replaceState(null, "", "/bind");
  $("title").textContent = "Your passkey is ready";
  $("status").textContent = "You can now sign in with it.";
  $("passkey-username").textContent = value.identity.displayName || value.identity.username;
  $("passkey-email").textContent = value.identity.emailAddress || "—";
  $("passkey-id").textContent = value.passkeyId;
  $("passkey-created").textContent = new Date(value.created).toLocaleString();
  $("passkey").hidden = false;
}

if (embedded.isBindPasskeyUrl(window.location.href)) {
  // Only bind if the URL is a "bind" URL
  let bindPasskeyUrl = window.location.href;
  // -- 3
  $("status").textContent = "Follow your browser's prompt to create the passkey…";
  embedded
    .bindPasskey(bindPasskeyUrl)
    .then((result) => {
      setBindPasskeyResult(result.credential);
    })
    .catch((error) => {
      setBindPasskeyResult(error.toString());
    });
} else {
  $("title").textContent = "No passkey link";
  $("status").textContent = "Open this page from the link in your passkey email.";
  $("next").hidden = false;
}
