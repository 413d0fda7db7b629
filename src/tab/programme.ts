/**
 * The Programme tab, for the programme team (bundled by scripts/build-tab.ts). Same sign-in as My
 * secondment: the Teams SSO token inside Teams, the development sign-in on this computer. The server
 * decides who may see anything; this page only shows what it is given. Cards are the chat's own
 * templates, drawn with adaptivecards; their buttons run the same verbs through /api/programme/decide.
 */
import { AdaptiveCard, ExecuteAction, HostConfig, SubmitAction, type Action } from "adaptivecards";
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";
import { hostConfigFor, pageColours, themeOf, type TeamsTheme } from "./host-config";
import { applyPageTheme, say } from "./page";
import { markdownToHtml } from "./markdown";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

type Reply = { kind: "card"; card: object } | { kind: "text"; text: string };
type Json = any;
const DEV_TOKEN_KEY = "secondments.devToken";

const state = { theme: themeOf(new URLSearchParams(location.search).get("theme")) as TeamsTheme, token: (): Promise<string> => Promise.reject(new Error("not signed in")) };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
const button = (text: string, onClick: () => void, attrs: Record<string, string> = {}) => {
  const b = el("button", { type: "button", class: "act", ...attrs }, text);
  b.addEventListener("click", onClick);
  return b;
};
function applyTheme(theme: TeamsTheme): void {
  state.theme = theme;
  applyPageTheme(theme);
}

AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdownToHtml(text);
  result.didProcess = true;
};

async function api(method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const token = await state.token();
  const res = await fetch(path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, json: await res.json().catch(() => ({})) };
}

/** A card from the server, drawn as the chat draws it; its buttons call onAction. */
function renderReply(reply: Reply, onAction?: (verb: string, data: Record<string, unknown>) => void): HTMLElement {
  if (reply.kind === "text") return el("p", { class: "reply-text" }, reply.text);
  const card = new AdaptiveCard();
  card.hostConfig = new HostConfig(hostConfigFor(state.theme));
  card.onExecuteAction = (action: Action) => {
    if (action instanceof ExecuteAction && action.verb) onAction?.(action.verb, { ...((action.data as Record<string, unknown>) ?? {}) });
    else if (action instanceof SubmitAction) {
      const data = { ...((action.data as Record<string, unknown>) ?? {}) };
      if (typeof data["verb"] === "string") onAction?.(String(data["verb"]), data);
    }
  };
  card.parse(reply.card);
  const wrap = el("div", { class: "card" });
  wrap.appendChild(card.render() ?? el("p", {}, "This card could not be shown."));
  return wrap;
}

// ---------------------------------------------------------------- pool tables

interface Column {
  key: string;
  title: string;
  sort?: string;
  value: (r: Json) => string;
}

interface TableSpec {
  id: "people" | "roles";
  title: string;
  path: string;
  defaultSort: string;
  statuses: [string, string][];
  columns: Column[];
  open: (row: Json, detail: HTMLElement) => Promise<void>;
}

const ORG_TYPES: [string, string][] = [["", "Any"], ["central-government", "Central government"], ["local-authority", "Local authority"], ["other-public-body", "Other public body"]];
const TYPES: [string, string][] = [["", "Any"], ["short-term", "Short-term"], ["long-term", "Long-term"], ["part-time", "Part-time"], ["exchange", "Exchange"]];
const REGIONS: [string, string][] = [["", "Any"], ...["north-east", "north-west", "yorkshire-and-the-humber", "east-midlands", "west-midlands", "east-of-england", "london", "south-east", "south-west", "wales", "scotland", "northern-ireland"].map((r): [string, string] => [r, r.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase())])];

function select(name: string, label: string, options: [string, string][]): HTMLLabelElement {
  const l = el("label", {}, label);
  const s = el("select", { name });
  for (const [v, t] of options) s.appendChild(el("option", { value: v }, t));
  l.appendChild(s);
  return l;
}
function input(name: string, label: string, type = "text"): HTMLLabelElement {
  const l = el("label", {}, label);
  l.appendChild(el("input", { name, type }));
  return l;
}

function poolTable(spec: TableSpec): HTMLElement {
  const section = el("section", { id: spec.id, "aria-labelledby": `${spec.id}-title` });
  section.appendChild(el("h2", { id: `${spec.id}-title` }, spec.title));
  const form = el("form", { class: "filters", role: "search" });
  form.append(
    input("q", "Search names, skills, titles"),
    select("organisationType", "Organisation type", ORG_TYPES),
    input("grade", "Grade id (for example cs-heo)"),
    select("region", "Region", REGIONS),
    select("secondmentType", "Type of secondment", TYPES),
    select("status", "Status", [["", "Any"], ...spec.statuses]),
    input("from", spec.id === "people" ? "Available from" : "Starts from", "date"),
    input("to", "Until", "date"),
  );
  form.appendChild(el("button", { type: "submit", class: "act primary" }, "Apply filters"));
  const table = el("table");
  const thead = el("thead");
  const tbody = el("tbody");
  table.append(thead, tbody);
  const pager = el("div", { class: "pager" });
  const detail = el("div", { class: "detail", id: `${spec.id}-detail`, hidden: "" });
  section.append(form, table, pager, detail);

  const view = { sort: spec.defaultSort, dir: "asc", cursors: [""] as string[], page: 0 };
  const headRow = el("tr");
  for (const c of spec.columns) {
    const th = el("th", { scope: "col" });
    if (c.sort) {
      th.appendChild(
        button(c.title, () => {
          view.dir = view.sort === c.sort && view.dir === "asc" ? "desc" : "asc";
          view.sort = c.sort!;
          view.cursors = [""];
          view.page = 0;
          void load();
        }),
      );
      th.querySelector("button")!.className = "";
    } else th.textContent = c.title;
    headRow.appendChild(th);
  }
  thead.appendChild(headRow);

  async function load(): Promise<void> {
    const params = new URLSearchParams();
    form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select").forEach((f) => {
      if (f.value.trim()) params.set(f.name, f.value.trim());
    });
    params.set("sort", view.sort);
    params.set("dir", view.dir);
    params.set("size", "20");
    if (view.cursors[view.page]) params.set("cursor", view.cursors[view.page]!);
    const { status, json } = await api("GET", `${spec.path}?${params}`);
    if (status !== 200) return say(json.error ?? "Something went wrong.", "error");
    say("");
    tbody.replaceChildren();
    for (const row of json.rows as Json[]) {
      const tr = el("tr", { class: "row", tabindex: "0" });
      for (const c of spec.columns) tr.appendChild(el("td", {}, c.value(row)));
      const open = () => {
        detail.hidden = false;
        detail.replaceChildren(el("p", {}, "Loading…"));
        void spec.open(row, detail);
      };
      tr.addEventListener("click", open);
      tr.addEventListener("keydown", (e) => e.key === "Enter" && open());
      tbody.appendChild(tr);
    }
    if (!json.rows.length) tbody.appendChild(el("tr", {}, "")).appendChild(el("td", { colspan: String(spec.columns.length) }, "Nothing matches these filters."));
    view.cursors[view.page + 1] = json.next ?? "";
    pager.replaceChildren(el("span", {}, `${json.total} in all. Page ${view.page + 1}.`));
    if (view.page > 0) pager.appendChild(button("Previous page", () => ((view.page -= 1), void load())));
    if (json.next) pager.appendChild(button("Next page", () => ((view.page += 1), void load())));
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    view.cursors = [""];
    view.page = 0;
    void load();
  });
  void load();
  return section;
}

async function openPerson(row: Json, detail: HTMLElement): Promise<void> {
  const { status, json } = await api("GET", `/api/programme/person?key=${encodeURIComponent(row.key)}`);
  detail.replaceChildren(status === 200 ? renderReply(json.reply) : el("p", {}, json.error ?? "Not found."));
}

async function openRole(row: Json, detail: HTMLElement): Promise<void> {
  const { status, json } = await api("GET", `/api/programme/roles/${encodeURIComponent(row.id)}`);
  if (status !== 200) return void detail.replaceChildren(el("p", {}, json.error ?? "Not found."));
  const suggestions = el("div", { id: "suggestions" });
  const decide = async (verb: string, data: Record<string, unknown>) => {
    say("Saving…");
    const r = await api("POST", "/api/programme/decide", { verb, data });
    if (r.status !== 200) return say(r.json.error ?? "That did not work.", "error");
    suggestions.replaceChildren(renderReply(r.json.reply, decide));
    say("");
  };
  suggestions.appendChild(renderReply(json.suggestions, decide));
  detail.replaceChildren(renderReply(json.role), suggestions, manualMatch(row));
}

/** Propose a person for this role by hand: every rule shown; a broken one needs a reason to override. */
function manualMatch(role: Json): HTMLElement {
  const box = el("section", { class: "manual", "aria-labelledby": "manual-title" });
  box.appendChild(el("h3", { id: "manual-title" }, "Propose someone else for this role"));
  const find = el("input", { type: "search", "aria-label": "Person's name or skills", name: "manual-q", placeholder: "Name or skills" });
  const results = el("div");
  const outcome = el("div", { role: "status", "aria-live": "polite" });
  box.append(find, button("Find people", () => void search()), results, outcome);
  async function search(): Promise<void> {
    const { json } = await api("GET", `/api/programme/interests?size=5&q=${encodeURIComponent(find.value)}`);
    results.replaceChildren();
    for (const p of json.rows ?? []) results.appendChild(button(`Propose ${p.name}`, () => void propose(p)));
  }
  async function propose(p: Json, overrideReason?: string): Promise<void> {
    const r = await api("POST", "/api/programme/manual-match", { openingId: role.id, candidateKey: p.key, ...(overrideReason ? { overrideReason } : {}) });
    outcome.replaceChildren();
    if (r.json.rules) {
      const list = el("ul", { class: "rules" });
      for (const rule of r.json.rules) list.appendChild(el("li", { class: rule.pass ? "pass" : "fail" }, `${rule.pass ? "Met" : "Not met"}: ${rule.label}. ${rule.reason}`));
      outcome.appendChild(list);
    }
    if (r.status === 200) return void outcome.prepend(el("p", { class: "done" }, r.json.message));
    outcome.prepend(el("p", { class: "status error" }, r.json.error ?? "That did not work."));
    if (r.json.blocked) {
      const label = el("label", {}, "Reason for going ahead anyway (kept in the audit)");
      const reason = el("textarea", { name: "override-reason", rows: "2", cols: "50", maxlength: "500" });
      label.appendChild(reason);
      outcome.append(label, button("Override and match", () => void propose(p, reason.value), { class: "act primary" }));
    }
  }
  return box;
}

// ---------------------------------------------------------------- stuck, outcomes, exports, audit

async function stuckSection(): Promise<HTMLElement> {
  const section = el("section", { id: "stuck", "aria-labelledby": "stuck-title" });
  section.appendChild(el("h2", { id: "stuck-title" }, "What is stuck"));
  const { json } = await api("GET", "/api/programme/stuck");
  const table = el("table");
  table.appendChild(el("thead")).appendChild(el("tr")).append(...["What", "Waiting for", "Since", "Days", ""].map((t) => el("th", { scope: "col" }, t)));
  const body = table.appendChild(el("tbody"));
  for (const item of json.items ?? []) {
    const tr = body.appendChild(el("tr"));
    tr.append(el("td", {}, item.title), el("td", {}, item.waitingOn), el("td", {}, item.since), el("td", {}, String(item.days)));
    const cell = tr.appendChild(el("td"));
    if (item.canRemind)
      cell.appendChild(
        button("Send a reminder", async () => {
          const r = await api("POST", "/api/programme/stuck/remind", { id: item.id });
          cell.replaceChildren(el("span", {}, r.json.message ?? r.json.error ?? ""));
        }),
      );
  }
  if (!json.items?.length) body.appendChild(el("tr")).appendChild(el("td", { colspan: "5" }, "Nothing is stuck."));
  section.appendChild(table);
  return section;
}

async function outcomesSection(): Promise<HTMLElement> {
  const section = el("section", { id: "outcomes", "aria-labelledby": "outcomes-title" });
  section.appendChild(el("h2", { id: "outcomes-title" }, "Outcomes"));
  const { json } = await api("GET", "/api/programme/outcomes");
  const box = section.appendChild(el("div", { class: "chart-box" }));
  const canvas = box.appendChild(el("canvas", { role: "img", "aria-label": "How many people reached each stage. The table below gives the same figures." }));
  const colours = pageColours(state.theme);
  new Chart(canvas, {
    type: "bar",
    data: { labels: json.funnel.map((f: Json) => f.label), datasets: [{ label: "People", data: json.funnel.map((f: Json) => f.count.value ?? 0), backgroundColor: colours.accent }] },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      animation: false,
      plugins: { tooltip: { callbacks: { label: (ctx) => json.funnel[ctx.dataIndex].count.label } } },
      scales: { x: { ticks: { color: colours.text }, beginAtZero: true }, y: { ticks: { color: colours.text } } },
    },
  });
  const funnel = el("table", { id: "funnel" });
  funnel.appendChild(el("tr")).append(el("th", { scope: "col" }, "Stage"), el("th", { scope: "col" }, "People"));
  for (const f of json.funnel) funnel.appendChild(el("tr")).append(el("td", {}, f.label), el("td", {}, f.count.label));
  section.appendChild(funnel);
  const medians = (title: string, rows: Json[]) => {
    section.appendChild(el("h3", {}, title));
    const t = el("table");
    t.appendChild(el("tr")).append(...["", "Days to release", "Days to match", "Days to start"].map((h) => el("th", { scope: "col" }, h)));
    const cell = (c: Json) => (c.days === null ? `Not shown (${c.people.label} people)` : `${c.days} (${c.people.label} people)`);
    for (const r of rows) t.appendChild(el("tr")).append(el("th", { scope: "row" }, r.label), el("td", {}, cell(r.toRelease)), el("td", {}, cell(r.toMatch)), el("td", {}, cell(r.toStart)));
    section.appendChild(t);
  };
  medians("Median days, by organisation type", [json.overall, ...json.byOrganisationType]);
  medians("Median days, by type of secondment", json.bySecondmentType);
  return section;
}

function exportsSection(): HTMLElement {
  const section = el("section", { id: "exports", "aria-labelledby": "exports-title" });
  section.appendChild(el("h2", { id: "exports-title" }, "Exports"));
  section.appendChild(el("p", {}, "CSV files that open in Excel. They never include reasonable adjustments."));
  for (const name of ["interests", "roles", "matches", "secondments"]) {
    section.appendChild(
      button(`Download ${name} (CSV)`, async () => {
        const res = await fetch(`/api/programme/export/${name}.csv`, { headers: { authorization: `Bearer ${await state.token()}` } });
        if (!res.ok) return say("The download did not work. Try again.", "error");
        const url = URL.createObjectURL(await res.blob());
        const a = el("a", { href: url, download: /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `${name}.csv` });
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }),
    );
  }
  return section;
}

async function auditSection(): Promise<HTMLElement> {
  const section = el("section", { id: "audit", "aria-labelledby": "audit-title" });
  section.appendChild(el("h2", { id: "audit-title" }, "Audit"));
  const table = section.appendChild(el("table"));
  table.appendChild(el("tr")).append(...["When", "Who", "What", "About", "Detail"].map((h) => el("th", { scope: "col" }, h)));
  const more = el("div", { class: "pager" });
  section.appendChild(more);
  const load = async (cursor?: string) => {
    const { json } = await api("GET", `/api/programme/audit${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
    for (const e of json.entries ?? []) table.appendChild(el("tr")).append(el("td", {}, new Date(e.at).toLocaleString("en-GB")), el("td", {}, e.who.name ?? "Someone"), el("td", {}, e.action), el("td", {}, e.subject), el("td", {}, e.detail ?? ""));
    more.replaceChildren(...(json.next ? [button("Show older", () => void load(json.next))] : []));
  };
  await load();
  return section;
}

// ---------------------------------------------------------------- start

async function showWorkspace(): Promise<void> {
  const { status, json } = await api("GET", "/api/programme/me");
  const ws = document.getElementById("workspace")!;
  if (status === 401) return say(json.error ?? "Sign in to use this tab.", "error");
  if (status === 403) {
    say("");
    const box = el("section", { class: "refused", id: "not-allowed" });
    box.append(el("h2", {}, "This tab is for the programme team"), el("p", {}, json.error ?? "You do not have access."));
    return void ws.replaceChildren(box);
  }
  document.getElementById("who")!.textContent = json.name ? `Signed in as ${json.name}` : "";
  document.getElementById("nav")!.hidden = false;
  const people: TableSpec = {
    id: "people",
    title: "People",
    path: "/api/programme/interests",
    defaultSort: "name",
    statuses: [["available", "Available"], ["matched", "Matched"], ["placed", "Placed"], ["withdrawn", "Withdrawn"]],
    columns: [
      { key: "name", title: "Name", sort: "name", value: (r) => r.name },
      { key: "organisation", title: "Organisation", sort: "organisation", value: (r) => r.organisation },
      { key: "grade", title: "Grade", sort: "grade", value: (r) => r.grade },
      { key: "profession", title: "Profession", value: (r) => r.profession },
      { key: "location", title: "Location", sort: "region", value: (r) => `${r.town} (${r.region})` },
      { key: "types", title: "Types", value: (r) => r.secondmentTypes.join(", ") },
      { key: "availableFrom", title: "Available from", sort: "availableFrom", value: (r) => r.availableFrom },
      { key: "release", title: "Release", value: (r) => r.release },
      { key: "status", title: "Status", sort: "status", value: (r) => r.status },
    ],
    open: openPerson,
  };
  const roles: TableSpec = {
    id: "roles",
    title: "Roles",
    path: "/api/programme/roles",
    defaultSort: "title",
    statuses: [["open", "Open"], ["filled", "Filled"], ["withdrawn", "Withdrawn"]],
    columns: [
      { key: "title", title: "Title", sort: "title", value: (r) => r.title },
      { key: "organisation", title: "Organisation", sort: "organisation", value: (r) => r.organisation },
      { key: "grade", title: "Grades", sort: "grade", value: (r) => `${r.gradeMin} to ${r.gradeMax}` },
      { key: "location", title: "Location", sort: "region", value: (r) => `${r.town} (${r.region})` },
      { key: "openings", title: "Openings", sort: "openings", value: (r) => String(r.openings) },
      { key: "channel", title: "Channel", value: (r) => r.channel },
      { key: "startDate", title: "Starts", sort: "startDate", value: (r) => r.startDate },
      { key: "status", title: "Status", sort: "status", value: (r) => r.status },
    ],
    open: openRole,
  };
  ws.replaceChildren(poolTable(people), poolTable(roles));
  ws.append(await stuckSection(), await outcomesSection(), exportsSection(), await auditSection());
}

/** Inside Teams: sign in with SSO; "configure" when Teams is adding the tab to a channel. */
async function inTeams(): Promise<"workspace" | "configure" | false> {
  if (window.parent === window && !window.opener) return false;
  try {
    const { app, authentication, pages } = await import("./teams");
    await Promise.race([app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 5000))]);
    applyTheme(themeOf((await app.getContext()).app.theme));
    app.notifySuccess();
    state.token = () => authentication.getAuthToken();
    if (new URLSearchParams(location.search).get("config") === "1") {
      // Adding the tab to a channel: nothing to choose; the data stays behind the programme-team check.
      const box = el("section", { class: "refused", id: "configure" });
      box.append(el("h2", {}, "Add the Programme workspace to this channel"), el("p", {}, "Only members of the programme team will see its data. Everyone else in the channel sees a short note saying the tab is for the programme team."));
      document.getElementById("workspace")!.replaceChildren(box);
      say("");
      pages.config.registerOnSaveHandler((save) => {
        pages.config
          .setConfig({ entityId: "programme-team", contentUrl: `${location.origin}/tab/programme?theme={theme}`, suggestedDisplayName: "Programme" })
          .then(() => save.notifySuccess())
          .catch(() => save.notifyFailure("The tab could not be added. Try again."));
      });
      pages.config.setValidityState(true);
      return "configure";
    }
    return "workspace";
  } catch {
    return false;
  }
}

/** Outside Teams, local development only: the demo people's sign-in (as on My secondment). */
async function outsideTeams(): Promise<void> {
  const ws = document.getElementById("workspace")!;
  const saved = sessionStorage.getItem(DEV_TOKEN_KEY);
  if (saved) {
    state.token = async () => saved;
    document.getElementById("dev-banner")!.hidden = false;
    return showWorkspace();
  }
  const config = await fetch("/api/tab/config").then((r) => r.json()).catch(() => ({}));
  const box = el("section", { class: "refused", id: "outside-teams" });
  box.append(el("h2", {}, "Open this in Microsoft Teams"), el("p", {}, "This page is part of the Secondments app in Teams. Open Teams, find the Secondments app and select the Programme tab."));
  for (const p of config.devSignIn ? (config.demoPeople ?? []) : []) {
    box.appendChild(
      button(`Continue as ${p.name}`, async () => {
        const res = await fetch("/api/tab/dev-sign-in", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ person: p.id }) });
        const j = await res.json().catch(() => ({}));
        if (!j.token) return say(j.error ?? "Development sign-in did not work.", "error");
        sessionStorage.setItem(DEV_TOKEN_KEY, j.token);
        location.reload();
      }, { "data-person": p.id }),
    );
  }
  say("");
  ws.replaceChildren(box);
}

window.addEventListener("DOMContentLoaded", () => {
  applyTheme(state.theme);
  document.getElementById("sign-out")!.addEventListener("click", () => {
    sessionStorage.removeItem(DEV_TOKEN_KEY);
    location.reload();
  });
  (async () => {
    const teams = await inTeams();
    if (teams === "configure") return;
    return teams === "workspace" ? showWorkspace() : outsideTeams();
  })().catch(() => say("Something went wrong. Reload the page to try again.", "error"));
});
