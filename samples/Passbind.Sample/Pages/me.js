// The signed-in page: the claims the OIDC handler took from the id_token, from /api/me.
const $ = (id) => document.getElementById(id);

// Names for the claims a reader may not know; the others show as they are.
const labels = {
  sub: "Subject (identity id)", iss: "Issuer", aud: "Audience (client id)", amr: "Authentication methods",
  auth_time: "Authenticated at", iat: "Issued at", exp: "Expires at", preferred_username: "Username", email: "Email",
};
const times = new Set(["auth_time", "iat", "exp", "nbf"]);

const response = await fetch("/api/me", { headers: { Accept: "application/json" } });
if (!response.ok) {
  $("title").textContent = "You are not signed in";
  $("status").textContent = `The app answered ${response.status}.`;
} else {
  const { claims } = await response.json();
  const name = claims.find((c) => c.type === "preferred_username" || c.type === "name")?.value;
  $("title").textContent = name ? `You are signed in as ${name}` : "You are signed in";
  $("status").textContent = "";
  const list = $("claims");
  for (const claim of claims) {
    const term = document.createElement("dt");
    term.textContent = labels[claim.type] ? `${labels[claim.type]} · ${claim.type}` : claim.type;
    const value = document.createElement("dd");
    value.dataset.claim = claim.type;
    value.className = claim.type === "sub" || claim.type === "aud" ? "mono" : "";
    value.textContent = times.has(claim.type) && /^\d+$/.test(claim.value)
      ? `${new Date(Number(claim.value) * 1000).toISOString()} (${claim.value})`
      : claim.value;
    list.append(term, value);
  }
}
