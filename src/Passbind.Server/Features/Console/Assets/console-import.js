// The console's CSV import with a progress bar. The page works without this script (the whole file in one post, the
// report after it); with it, the file is read here, split into records (a quoted field may hold line breaks, so
// records are not lines), and sent 100 rows at a time with the header, each part a form post with the page's
// antiforgery token. The server parses and imports each part; the bar moves as each part is answered.
const form = document.getElementById("import-form");
const run = document.getElementById("import-run");
const progress = document.getElementById("import-progress");
const status = document.getElementById("import-status");
const summary = document.getElementById("import-summary");
const report = run.querySelector("table.import-report");
const button = document.getElementById("import-button");
const PART = 100;

/** Records as the server counts them: blank lines are none; each keeps its raw text for the server to parse. */
function records(text) {
  const found = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  for (let i = start; i <= text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    if (i === text.length || (!quoted && (c === "\n" || c === "\r"))) {
      const record = text.slice(start, i);
      if (record.length > 0) found.push(record);
      if (c === "\r" && text[i + 1] === "\n") i++;
      start = i + 1;
    }
  }
  return found;
}

function addRow(row) {
  const tr = report.tBodies[0].insertRow();
  const cells = [["Row", String(row.row)], ["Username", row.username], ["What happened", row.problem ?? row.linkProblem]];
  for (const [label, text] of cells) {
    const td = tr.insertCell();
    td.dataset.label = label;
    if (label === "Username" && row.identityId) {
      const a = document.createElement("a");
      a.href = `${location.pathname.replace(/\/import$/, "")}/${row.identityId}`;
      a.textContent = text;
      td.append(a);
    } else {
      td.textContent = text;
    }
  }
  report.hidden = false;
}

function fail(message) {
  summary.textContent = message;
  summary.classList.add("error");
  button.disabled = false;
}

form.addEventListener("submit", async (event) => {
  const file = form.elements.file.files[0];
  if (!file) return;
  event.preventDefault();
  const [header, ...rows] = records(await file.text());
  report.tBodies[0].replaceChildren();
  report.hidden = true;
  summary.classList.remove("error");
  summary.textContent = "";
  run.hidden = false;
  if (!header || rows.length === 0) {
    fail("The file has no rows under its header.");
    return;
  }

  button.disabled = true;
  progress.max = rows.length;
  progress.value = 0;
  status.textContent = `0 of ${rows.length} rows`;
  let imported = 0;
  let failed = 0;
  for (let at = 0; at < rows.length; at += PART) {
    const part = new FormData();
    part.set("__csrf", form.elements.__csrf.value);
    part.set("csv", [header, ...rows.slice(at, at + PART)].join("\n"));
    part.set("firstRow", String(at + 2));
    part.set("sendLinks", form.elements.sendLinks.checked ? "true" : "false");
    part.set("authenticatorConfigId", form.elements.authenticatorConfigId.value);
    let answer;
    try {
      const response = await fetch(form.dataset.rowsAction, { method: "POST", body: part, credentials: "same-origin" });
      answer = response.headers.get("content-type")?.startsWith("application/json") ? await response.json() : null;
      if (!answer) throw new Error(`The server answered ${response.status}; rows from ${at + 2} on were not imported.`);
    } catch (error) {
      fail(`${imported} imported, ${failed} failed, then: ${error.message}`);
      return;
    }
    if (answer.problem) {
      fail(answer.problem);
      return;
    }
    for (const row of answer.rows) {
      if (row.identityId) imported++; else failed++;
      if (!row.identityId || row.linkProblem) addRow(row);
    }
    progress.value = Math.min(at + PART, rows.length);
    status.textContent = `${progress.value} of ${rows.length} rows`;
  }
  summary.textContent = `${imported} imported, ${failed} failed`;
  button.disabled = false;
});
