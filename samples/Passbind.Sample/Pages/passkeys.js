// This browser's passkeys (getPasskeys), each with a Delete button (deletePasskey).
import {Embedded} from '@beyondidentity/bi-sdk-js';

const $ = (id) => document.getElementById(id);
const kinds = { webauthn: "This device's passkey", subtle: "Software passkey" };

const embedded = await Embedded.initialize();

async function render() {
  let passkeys;
  try {
    passkeys = await embedded.getPasskeys();
  } catch (error) {
    $("status").textContent = error.toString();
    return;
  }
  passkeys.sort((a, b) => b.created.localeCompare(a.created));
  const list = $("passkeys");
  list.replaceChildren();
  $("status").textContent = passkeys.length === 0
    ? "No passkeys in this browser yet. Sign up to create one."
    : `${passkeys.length} passkey${passkeys.length === 1 ? "" : "s"}`;
  for (const passkey of passkeys) {
    const item = $("passkey").content.firstElementChild.cloneNode(true);
    item.dataset.id = passkey.id;
    item.querySelector(".name").textContent = passkey.identity.displayName || passkey.identity.username;
    item.querySelector(".email").textContent = passkey.identity.emailAddress || "";
    item.querySelector(".kind").textContent = kinds[passkey.keyType] || passkey.keyType;
    item.querySelector(".created").textContent = new Date(passkey.created).toLocaleString();
    item.querySelector(".id").textContent = passkey.passkeyId;
    const button = item.querySelector(".delete");
    button.setAttribute("aria-label", `Delete passkey of ${passkey.identity.username}`);
    button.addEventListener("click", async () => {
      button.disabled = true;
      await embedded.deletePasskey(passkey.id);
      await render();
    });
    list.append(item);
  }
}

await render();
