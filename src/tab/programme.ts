/**
 * The Programme tab, for the programme team (bundled by scripts/build-tab.ts). Same sign-in as My
 * secondment: the Teams SSO token inside Teams, the development sign-in on this computer. The server
 * decides who may see anything; this page only shows what it is given, worded from the catalogue in
 * the team member's language (programme-kit.ts). Cards are the chat's own templates, drawn with
 * adaptivecards; their buttons run the same verbs through /api/programme/decide.
 */
import { themeOf } from "./host-config";
import { say } from "./page";
import { api, applyTheme, button, el, input, renderReply, scrollBox, select, state, tr, useWords, type Choice, type Json } from "./programme-kit";
import { auditSection, exportsSection, outcomesSection, stuckSection } from "./programme-sections";
import { knowledgeSection } from "./programme-knowledge";

const DEV_TOKEN_KEY = "secondments.devToken";

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
  statuses: Choice[];
  columns: Column[];
  open: (row: Json, detail: HTMLElement) => Promise<void>;
}

function poolTable(spec: TableSpec): HTMLElement {
  const section = el("section", { id: spec.id, "aria-labelledby": `${spec.id}-title` });
  section.appendChild(el("h2", { id: `${spec.id}-title` }, spec.title));
  const form = el("form", { class: "filters", role: "search" });
  const o = state.options!;
  const any = tr("programme.filter.any");
  form.append(
    input("q", tr("programme.filter.search")),
    select("organisationType", tr("programme.filter.organisationType"), o.organisationType, any),
    select("grade", tr(spec.id === "people" ? "programme.filter.grade" : "programme.filter.gradeInRange"), o.grade, any),
    select("region", tr("programme.filter.region"), o.region, any),
    select("secondmentType", tr("programme.filter.secondmentType"), o.secondmentType, any),
    select("status", tr("programme.filter.status"), spec.statuses, any),
    input("from", tr(spec.id === "people" ? "programme.filter.availableFrom" : "programme.filter.startsFrom"), "date"),
    input("to", tr("programme.filter.until"), "date"),
  );
  if (spec.id === "people") form.insertBefore(select("release", tr("programme.filter.release"), o.release, any), form.querySelector('input[name="from"]')!.parentElement);
  form.appendChild(el("button", { type: "submit", class: "act primary" }, tr("programme.filter.apply")));
  const table = el("table");
  const thead = el("thead");
  const tbody = el("tbody");
  table.append(thead, tbody);
  const pager = el("div", { class: "pager" });
  const detail = el("div", { class: "detail", id: `${spec.id}-detail`, hidden: "" });
  section.append(form, scrollBox(table), pager, detail);

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
    if (status !== 200) return say(json.error ?? tr("programme.error.general"), "error");
    say("");
    tbody.replaceChildren();
    for (const row of json.rows as Json[]) {
      const line = el("tr", { class: "row", tabindex: "0" });
      for (const c of spec.columns) line.appendChild(el("td", {}, c.value(row)));
      const open = () => {
        detail.hidden = false;
        detail.replaceChildren(el("p", {}, tr("programme.loading")));
        void spec.open(row, detail);
      };
      line.addEventListener("click", open);
      line.addEventListener("keydown", (e) => e.key === "Enter" && open());
      tbody.appendChild(line);
    }
    if (!json.rows.length) tbody.appendChild(el("tr", {}, "")).appendChild(el("td", { colspan: String(spec.columns.length) }, tr("programme.pool.none")));
    view.cursors[view.page + 1] = json.next ?? "";
    pager.replaceChildren(el("span", {}, tr("programme.pool.total", { total: json.total, page: view.page + 1 })));
    if (view.page > 0) pager.appendChild(button(tr("programme.pool.previous"), () => ((view.page -= 1), void load())));
    if (json.next) pager.appendChild(button(tr("programme.pool.next"), () => ((view.page += 1), void load())));
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
  if (status !== 200) return void detail.replaceChildren(el("p", {}, json.error ?? tr("programme.error.notFound")));
  // Reasonable adjustments: shown only here, in the person's own record; the server audits each view.
  const box = el("section", { class: "adjustments", id: "person-adjustments", "aria-labelledby": "adjustments-title" });
  box.append(el("h3", { id: "adjustments-title" }, tr("programme.person.adjustments")));
  if (json.adjustments) box.append(el("p", { class: "adjustments-text" }, json.adjustments), el("p", { class: "hint" }, tr("programme.person.adjustmentsAudited")));
  else box.append(el("p", {}, tr("programme.person.noAdjustments")));
  detail.replaceChildren(renderReply(json.reply), box);
}

async function openRole(row: Json, detail: HTMLElement): Promise<void> {
  const { status, json } = await api("GET", `/api/programme/roles/${encodeURIComponent(row.id)}`);
  if (status !== 200) return void detail.replaceChildren(el("p", {}, json.error ?? tr("programme.error.notFound")));
  const suggestions = el("div", { id: "suggestions" });
  const decide = async (verb: string, data: Record<string, unknown>) => {
    say(tr("programme.saving"));
    const r = await api("POST", "/api/programme/decide", { verb, data });
    if (r.status !== 200) return say(r.json.error ?? tr("programme.error.general"), "error");
    suggestions.replaceChildren(renderReply(r.json.reply, decide));
    say("");
  };
  suggestions.appendChild(renderReply(json.suggestions, decide));
  detail.replaceChildren(renderReply(json.role), suggestions, manualMatch(row));
}

/** Propose a person for this role by hand: every rule shown; a broken one needs a reason to override. */
function manualMatch(role: Json): HTMLElement {
  const box = el("section", { class: "manual", "aria-labelledby": "manual-title" });
  box.appendChild(el("h3", { id: "manual-title" }, tr("programme.manual.title")));
  const find = el("input", { type: "search", "aria-label": tr("programme.manual.searchLabel"), name: "manual-q", placeholder: tr("programme.manual.searchPlaceholder") });
  const results = el("div");
  const outcome = el("div", { role: "status", "aria-live": "polite" });
  box.append(find, button(tr("programme.manual.find"), () => void search()), results, outcome);
  async function search(): Promise<void> {
    const { json } = await api("GET", `/api/programme/interests?size=5&q=${encodeURIComponent(find.value)}`);
    results.replaceChildren();
    for (const p of json.rows ?? []) results.appendChild(button(tr("programme.manual.propose", { person: p.name }), () => void propose(p)));
  }
  async function propose(p: Json, overrideReason?: string): Promise<void> {
    const r = await api("POST", "/api/programme/manual-match", { openingId: role.id, candidateKey: p.key, ...(overrideReason ? { overrideReason } : {}) });
    outcome.replaceChildren();
    if (r.json.rules) {
      const list = el("ul", { class: "rules" });
      for (const rule of r.json.rules) list.appendChild(el("li", { class: rule.pass ? "pass" : "fail" }, tr("programme.manual.rule", { met: rule.pass ? "yes" : "no", rule: rule.label, reason: rule.reason })));
      outcome.appendChild(list);
    }
    if (r.status === 200) return void outcome.prepend(el("p", { class: "done" }, r.json.message));
    outcome.prepend(el("p", { class: "status error" }, r.json.error ?? tr("programme.error.general")));
    if (r.json.blocked) {
      const label = el("label", {}, tr("programme.manual.reason"));
      const reason = el("textarea", { name: "override-reason", rows: "2", cols: "50", maxlength: "500" });
      label.appendChild(reason);
      outcome.append(label, button(tr("programme.manual.override"), () => void propose(p, reason.value), { class: "act primary" }));
    }
  }
  return box;
}

// ---------------------------------------------------------------- start

async function showWorkspace(): Promise<void> {
  const { status, json } = await api("GET", "/api/programme/me");
  const ws = document.getElementById("workspace")!;
  if (json.words) useWords(json.lang, json.words);
  fixedWords();
  if (status === 401) return say(json.error ?? tr("programme.error.signIn"), "error");
  if (status === 403) {
    say("");
    const box = el("section", { class: "refused", id: "not-allowed" });
    box.append(el("h2", {}, tr("programme.refused.title")), el("p", {}, json.error ?? tr("programme.error.notTeam")));
    return void ws.replaceChildren(box);
  }
  state.options = json.options;
  document.getElementById("who")!.textContent = json.name ? tr("programme.signedInAs", { name: json.name }) : "";
  document.getElementById("nav")!.hidden = false;
  const place = (r: Json) => `${r.town} (${r.labels.region})`;
  const people: TableSpec = {
    id: "people",
    title: tr("programme.people.title"),
    path: "/api/programme/interests",
    defaultSort: "name",
    statuses: state.options!.personStatus,
    columns: [
      { key: "name", title: tr("programme.people.name"), sort: "name", value: (r) => r.name },
      { key: "organisation", title: tr("programme.people.organisation"), sort: "organisation", value: (r) => r.organisation },
      { key: "grade", title: tr("programme.people.grade"), sort: "grade", value: (r) => r.labels.grade },
      { key: "profession", title: tr("programme.people.profession"), value: (r) => r.profession },
      { key: "location", title: tr("programme.people.location"), sort: "region", value: place },
      { key: "types", title: tr("programme.people.types"), value: (r) => r.labels.secondmentTypes },
      { key: "availableFrom", title: tr("programme.people.availableFrom"), sort: "availableFrom", value: (r) => r.labels.availableFrom },
      { key: "release", title: tr("programme.people.release"), value: (r) => r.labels.release },
      { key: "status", title: tr("programme.people.status"), sort: "status", value: (r) => r.labels.status },
    ],
    open: openPerson,
  };
  const roles: TableSpec = {
    id: "roles",
    title: tr("programme.roles.title"),
    path: "/api/programme/roles",
    defaultSort: "title",
    statuses: state.options!.roleStatus,
    columns: [
      { key: "title", title: tr("programme.roles.roleTitle"), sort: "title", value: (r) => r.title },
      { key: "organisation", title: tr("programme.people.organisation"), sort: "organisation", value: (r) => r.organisation },
      { key: "grade", title: tr("programme.roles.grades"), sort: "grade", value: (r) => r.labels.grades },
      { key: "location", title: tr("programme.people.location"), sort: "region", value: place },
      { key: "openings", title: tr("programme.roles.openings"), sort: "openings", value: (r) => String(r.openings) },
      { key: "channel", title: tr("programme.roles.channel"), value: (r) => r.channel },
      { key: "startDate", title: tr("programme.roles.starts"), sort: "startDate", value: (r) => r.labels.startDate },
      { key: "status", title: tr("programme.people.status"), sort: "status", value: (r) => r.labels.status },
    ],
    open: openRole,
  };
  ws.replaceChildren(poolTable(people), poolTable(roles));
  ws.append(await stuckSection(), await outcomesSection(), await knowledgeSection(), exportsSection(), await auditSection());
}

/** The words the HTML carries no text for (it is filled in here, in the reader's language). */
function fixedWords(): void {
  const fixed: [string, string][] = [
    ["page-title", "programme.title"],
    ["dev-banner-text", "programme.devBanner"],
    ["sign-out", "programme.signOut"],
    ["nav-people", "programme.people.title"],
    ["nav-roles", "programme.roles.title"],
    ["nav-stuck", "programme.stuck.title"],
    ["nav-outcomes", "programme.outcomes.title"],
    ["nav-knowledge", "programme.kb.title"],
    ["nav-exports", "programme.exports.title"],
    ["nav-audit", "programme.audit.title"],
  ];
  for (const [id, key] of fixed) document.getElementById(id)!.textContent = tr(key);
  document.title = tr("programme.title");
  document.getElementById("nav")!.setAttribute("aria-label", tr("programme.nav.label"));
}

/** The page's words before sign-in: in the language Teams or the browser asks for. */
async function wordsFor(locale: string | undefined): Promise<void> {
  const json = await fetch(`/api/programme/words?lang=${encodeURIComponent(locale ?? navigator.language ?? "")}`).then((r) => r.json()).catch(() => undefined);
  if (json?.words) useWords(json.lang, json.words);
  fixedWords();
  say(tr("programme.loading"));
}

/** Inside Teams: sign in with SSO; "configure" when Teams is adding the tab to a channel. */
async function inTeams(): Promise<"workspace" | "configure" | false> {
  if (window.parent === window && !window.opener) return false;
  try {
    const { app, authentication, pages } = await import("./teams");
    await Promise.race([app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 5000))]);
    const context = await app.getContext();
    applyTheme(themeOf(context.app.theme));
    await wordsFor(context.app.locale);
    app.notifySuccess();
    state.token = () => authentication.getAuthToken();
    if (new URLSearchParams(location.search).get("config") === "1") {
      // Adding the tab to a channel: nothing to choose; the data stays behind the programme-team check.
      const box = el("section", { class: "refused", id: "configure" });
      box.append(el("h2", {}, tr("programme.configure.title")), el("p", {}, tr("programme.configure.text")));
      document.getElementById("workspace")!.replaceChildren(box);
      say("");
      pages.config.registerOnSaveHandler((save) => {
        pages.config
          .setConfig({ entityId: "programme-team", contentUrl: `${location.origin}/tab/programme?theme={theme}`, suggestedDisplayName: tr("programme.title") })
          .then(() => save.notifySuccess())
          .catch(() => save.notifyFailure(tr("programme.configure.failed")));
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
  await wordsFor(undefined);
  const saved = sessionStorage.getItem(DEV_TOKEN_KEY);
  if (saved) {
    state.token = async () => saved;
    document.getElementById("dev-banner")!.hidden = false;
    return showWorkspace();
  }
  const config = await fetch("/api/tab/config").then((r) => r.json()).catch(() => ({}));
  const box = el("section", { class: "refused", id: "outside-teams" });
  box.append(el("h2", {}, tr("programme.outside.title")), el("p", {}, tr("programme.outside.text")));
  for (const p of config.devSignIn ? (config.demoPeople ?? []) : []) {
    box.appendChild(
      button(tr("programme.outside.continueAs", { name: p.name }), async () => {
        const res = await fetch("/api/tab/dev-sign-in", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ person: p.id }) });
        const j = await res.json().catch(() => ({}));
        if (!j.token) return say(tr("programme.outside.devFailed"), "error");
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
  })().catch(() => say(tr("programme.error.reload"), "error"));
});
