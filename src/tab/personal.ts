/**
 * The "My secondment" personal tab. Runs in the browser (bundled by scripts/build-tab.ts).
 * Inside Teams it signs in with teams-js getAuthToken() and sends that token with every API call;
 * the server decides who the person is from the token alone. The Teams context is read for the
 * theme and the locale (the page's language until the app says which the person chose). Outside Teams it says to open it in Teams and, in local development, offers the
 * development sign-in.
 *
 * teams-js is loaded only inside a frame (a separate chunk): on import it fetches Microsoft's list of
 * Teams hosts, which a plain browser has no use for.
 */
import { AdaptiveCard, Choice, ChoiceSetInput, ExecuteAction, HostConfig, SubmitAction, type Action } from "adaptivecards";
import { hostConfigFor, themeOf, type TeamsTheme } from "./host-config";
import { applyPageTheme, say } from "./page";
import { markdownToHtml } from "./markdown";
import { VERBS } from "../../cards/verbs";
import type { Lang } from "../i18n";
import { isPageKey, isPageLang, langOfLocale, pageText, TAB_BACK, type PageKey } from "./strings";

type Reply = { kind: "card"; card: object } | { kind: "text"; text: string };
interface Section {
  id: string;
  title: string;
  reply: Reply;
  /** The card the section opened with, for TAB_BACK ("Cancel"). */
  first?: Reply;
}
interface DemoPerson {
  /** A key of DEMO_PEOPLE (src/demo/people.ts): "tabPersonal.dev.role.<id>" names their part. */
  id: string;
  name: string;
}

const DEV_TOKEN_KEY = "secondments.devToken";
const TEAMS_WAIT_MS = 5000;

const state: { theme: TeamsTheme; token: () => Promise<string>; sections: Section[]; dev: boolean; lang: Lang; locale: string } = {
  theme: themeOf(new URLSearchParams(location.search).get("theme")),
  // Until the app answers with the person's own choice: what the browser (or, in Teams, Teams) asks for.
  locale: navigator.language,
  lang: langOfLocale(navigator.language),
  token: () => Promise.reject(new Error("not signed in")),
  sections: [],
  dev: false,
};

const main = () => document.getElementById("main")!;

/** A message of the page, in the page's language. */
const w = (key: PageKey, values?: Record<string, string | number>) => pageText(state.lang, key, values);

/** The page's own words (not the cards', which come from the app): set again whenever the language changes. */
function applyLanguage(lang: Lang): void {
  state.lang = lang;
  document.documentElement.lang = lang;
  document.title = w("tabPersonal.pageTitle");
  const words: [string, PageKey][] = [
    ["page-title", "tabPersonal.pageTitle"],
    ["dev-banner-text", "tabPersonal.devBanner"],
    ["sign-out", "tabPersonal.signOut"],
    ["reload", "tabPersonal.reload"],
    ["download-data", "tabPersonal.download"],
    ["language", "tabPersonal.switch"],
  ];
  for (const [id, key] of words) {
    const e = document.getElementById(id);
    if (e) e.textContent = w(key);
  }
  // The switch names the other language in that language ("Cymraeg" / "English").
  const other = document.getElementById("language");
  if (other) {
    other.setAttribute("lang", lang === "cy" ? "en-GB" : "cy");
    other.setAttribute("aria-label", w("tabPersonal.switchLabel"));
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function applyTheme(theme: TeamsTheme): void {
  state.theme = theme;
  applyPageTheme(theme);
}

AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdownToHtml(text);
  result.didProcess = true;
};

class SignInError extends Error {}

async function api(method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; json: any }> {
  let token: string;
  try {
    token = await state.token();
  } catch {
    throw new SignInError("no token");
  }
  const res = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  let json: any = {};
  try {
    json = await res.json();
  } catch {
    /* not JSON */
  }
  return { status: res.status, json };
}

/**
 * A chat card without its "Menu" buttons: the chat's menu is for finding things in a conversation
 * (and talks about typing), while the tab shows its sections side by side.
 */
export function withoutMenuButtons(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((n) => !(n && typeof n === "object" && (n as { verb?: unknown }).verb === VERBS.showMenu)).map(withoutMenuButtons);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withoutMenuButtons(v)]));
}

/**
 * The app checks every form it is sent and answers with the card again, showing the GOV.UK error
 * summary and each message under its box, with what was typed kept (as in the chat). The browser
 * renderer's own checks would get in first with bare red text, and they misread an empty optional
 * number box (adaptivecards 3.0.6 takes it as "not a number"): so in the tab every box passes them.
 * An empty box is left out of what is sent, as Teams does.
 */
function leaveChecksToTheApp(card: AdaptiveCard): void {
  for (const input of card.getAllInputs()) input.validateValue = () => true;
}

/**
 * A button press must never vanish: if the renderer refuses to run it (its own checks, or an
 * error while gathering the boxes), the page says so instead of doing nothing.
 */
function neverSilent(card: AdaptiveCard): void {
  for (const action of card.getAllActions()) {
    const prepare = action.prepareForExecution.bind(action);
    action.prepareForExecution = () => {
      try {
        if (prepare()) return true;
      } catch (err) {
        console.error("the form could not be sent", err);
      }
      say(w("tabPersonal.actionFailed"), "error");
      return false;
    };
  }
}

/**
 * A people picker (Input.ChoiceSet whose choices come from a Data.Query of the directory): in chat,
 * Teams answers the search. The tab has no one to answer it, so it shows the box as a plain
 * "filtered" choice set (a text box with suggestions) and answers the search itself below.
 */
function withOwnPeoplePickers(node: unknown): { card: unknown; pickers: string[] } {
  const pickers: string[] = [];
  const walk = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(walk);
    if (!n || typeof n !== "object") return n;
    const o = n as Record<string, unknown>;
    const query = o["choices.data"] as { type?: unknown } | undefined;
    if (o["type"] === "Input.ChoiceSet" && query?.type === "Data.Query" && typeof o["id"] === "string") {
      pickers.push(o["id"]);
      const { "choices.data": _query, ...rest } = o;
      return { ...rest, style: "filtered" };
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, walk(v)]));
  };
  return { card: walk(node), pickers };
}

const PEOPLE_WAIT_MS = 250;

/**
 * As the person types, offer the people the app knows in their organisation (GET /api/tab/people):
 * each is a choice of the box, so picking a name sends that person's id, as the Teams picker does.
 * A person picked earlier (the box's value is their id) is shown by name again.
 */
function searchPeopleIn(input: ChoiceSetInput): void {
  // The card is not in the page yet: find its parts within it (box.list looks in the page).
  const box = input.renderedElement?.querySelector<HTMLInputElement>("input[list]");
  const list = input.renderedElement?.querySelector("datalist");
  if (!box || !list) return;
  // The renderer names the box by its placeholder; name it by its label, as the other boxes are.
  const label = box.parentElement?.getAttribute("aria-labelledby");
  if (label) box.setAttribute("aria-labelledby", label);
  const offer = (people: { id: string; name: string }[]) => {
    const known = new Map(input.choices.map((c) => [c.value, c]));
    for (const p of people) if (!known.has(p.id)) known.set(p.id, new Choice(p.name, p.id));
    input.choices = [...known.values()];
    list.replaceChildren(...people.map((p) => el("option", { value: p.name, "aria-label": p.name })));
  };
  const find = async (query: string): Promise<{ id: string; name: string }[]> => {
    const { status: code, json } = await api("GET", `/api/tab/people?${query}`);
    return code === 200 && Array.isArray(json.people) ? json.people : [];
  };
  const picked = box.value.trim();
  if (picked && !input.choices.some((c) => c.title === picked)) {
    void find(`id=${encodeURIComponent(picked)}`)
      .then((people) => {
        offer(people);
        const person = people.find((p) => p.id === picked);
        if (person && box.value.trim() === picked) box.value = person.name;
      })
      .catch(() => undefined);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  box.addEventListener("input", () => {
    clearTimeout(timer);
    const typed = box.value.trim();
    if (!typed || input.choices.some((c) => c.title === typed)) return;
    timer = setTimeout(() => {
      void find(`q=${encodeURIComponent(typed)}`)
        .then((people) => {
          if (box.value.trim() === typed) offer(people);
        })
        .catch(() => undefined);
    }, PEOPLE_WAIT_MS);
  });
}

function renderReply(sectionId: string, reply: Reply): HTMLElement {
  if (reply.kind === "text") return el("p", { class: "reply-text" }, reply.text);
  const card = new AdaptiveCard();
  card.hostConfig = new HostConfig(hostConfigFor(state.theme));
  card.onExecuteAction = (action: Action) => void runAction(sectionId, action);
  const { card: json, pickers } = withOwnPeoplePickers(withoutMenuButtons(reply.card));
  card.parse(json);
  leaveChecksToTheApp(card);
  neverSilent(card);
  const rendered = card.render();
  if (!rendered) return el("p", { class: "reply-text" }, w("tabPersonal.cardFailed"));
  for (const id of pickers) {
    const input = card.getAllInputs().find((i) => i.id === id);
    if (input instanceof ChoiceSetInput) searchPeopleIn(input);
  }
  const wrap = el("div", { class: "card" });
  wrap.appendChild(rendered);
  return wrap;
}

function showSection(section: Section): void {
  const body = document.getElementById(`body-${section.id}`);
  if (!body) return;
  body.replaceChildren(renderReply(section.id, section.reply));
}

function renderSections(): void {
  const m = main();
  m.replaceChildren();
  for (const section of state.sections) {
    const box = el("section", { id: `section-${section.id}`, "aria-labelledby": `title-${section.id}` });
    // A card carries its own title; the heading stays for screen readers, shown only where it adds something.
    const shown = section.reply.kind === "text" || section.id.startsWith("request-");
    box.appendChild(el("h2", { id: `title-${section.id}`, ...(shown ? {} : { class: "visually-hidden" }) }, section.title));
    box.appendChild(el("div", { id: `body-${section.id}`, class: "section-body" }));
    m.appendChild(box);
    showSection(section);
  }
}

/** A card button: run its verb through the tab API; the answer replaces that card, as in the chat. */
async function runAction(sectionId: string, action: Action): Promise<void> {
  let verb: unknown;
  let data: Record<string, unknown> = {};
  if (action instanceof ExecuteAction) {
    verb = action.verb;
    data = { ...((action.data as Record<string, unknown> | undefined) ?? {}) };
  } else if (action instanceof SubmitAction) {
    data = { ...((action.data as Record<string, unknown> | undefined) ?? {}) };
    verb = data["verb"];
    delete data["verb"];
  } else {
    return;
  }
  if (typeof verb !== "string") return say(w("tabPersonal.actionFailed"), "error");
  const section = state.sections.find((x) => x.id === sectionId);
  if (verb === TAB_BACK) {
    if (section?.first) {
      section.reply = section.first;
      showSection(section);
    }
    return;
  }
  // In the chat this offers the file in the chat; in the tab the file downloads straight away.
  if (verb === VERBS.exportMyData) return downloadMyData();
  say(w("tabPersonal.saving"));
  try {
    const { status: code, json } = await api("POST", `/api/tab/action?locale=${encodeURIComponent(state.locale)}`, { verb, data });
    if (code === 401) return signedOut();
    if (code !== 200) return say(w("tabPersonal.actionFailed"), "error");
    if (section) {
      section.reply = json.reply as Reply;
      showSection(section);
    }
    say("");
  } catch (err) {
    failed(err);
  }
}

/** Say what went wrong with a call, in words a person can act on. */
function failed(err: unknown): void {
  if (err instanceof SignInError) say(w("tabPersonal.signInFailed"), "error");
  else say(w("tabPersonal.unreachable"), "error");
}

/** People's data: fetch the person's own export with their token and save it as a file. */
async function downloadMyData(): Promise<void> {
  try {
    const token = await state.token();
    const res = await fetch("/api/tab/my-data", { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 401) return signedOut();
    if (!res.ok) return say(w("tabPersonal.downloadFailed"), "error");
    const url = URL.createObjectURL(await res.blob());
    const link = el("a", { href: url, download: "my-secondment-data.json" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(w("tabPersonal.downloaded"));
  } catch (err) {
    failed(err);
  }
}

async function load(): Promise<void> {
  say(w("tabPersonal.loading"));
  try {
    // The app answers in the person's chosen language, else the one Teams asks for, as in the chat.
    const { status: code, json } = await api("GET", `/api/tab/me?locale=${encodeURIComponent(state.locale)}`);
    if (code === 401) return signedOut();
    if (code !== 200) return say(w("tabPersonal.loadFailed"), "error");
    if (isPageLang(json.lang)) applyLanguage(json.lang);
    state.sections = (json.sections as Section[]).map((x) => ({ ...x, first: x.reply }));
    const who = document.getElementById("who")!;
    who.textContent = json.name ? w("tabPersonal.signedInAs", { name: json.name }) : "";
    renderSections();
    const language = document.getElementById("language");
    if (language) {
      language.hidden = false;
      language.onclick = () => void switchLanguage();
    }
    const download = document.getElementById("download-data");
    if (download) {
      download.hidden = false;
      download.onclick = () => void downloadMyData();
    }
    say("");
  } catch (err) {
    failed(err);
  }
}

/**
 * The "Cymraeg / English" switch: runs the chat's own verb (VERBS.setLanguage) through the tab API,
 * so the choice is the one stored preference, and the chat answers in it too. Then shows the tab in it.
 */
async function switchLanguage(): Promise<void> {
  const to: Lang = state.lang === "cy" ? "en-GB" : "cy";
  say(w("tabPersonal.saving"));
  try {
    const { status: code } = await api("POST", "/api/tab/action", { verb: VERBS.setLanguage, data: { lang: to } });
    if (code === 401) return signedOut();
    if (code !== 200) return say(w("tabPersonal.actionFailed"), "error");
    await load();
    say(w("tabPersonal.switched"));
  } catch (err) {
    failed(err);
  }
}

/** The app refused the sign-in: say so in the page's words (the API's own message is for other clients). */
function signedOut(): void {
  if (state.dev) {
    sessionStorage.removeItem(DEV_TOKEN_KEY);
    void outsideTeams();
  }
  say(w("tabPersonal.signIn"), "error");
}

/** In Teams: initialise, read the theme, get a token from Teams' single sign-on. */
async function inTeams(): Promise<boolean> {
  if (window.parent === window && !window.opener) return false;
  let teams: typeof import("./teams");
  try {
    teams = await import("./teams");
  } catch {
    return false;
  }
  const { app, authentication } = teams;
  try {
    await Promise.race([app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), TEAMS_WAIT_MS))]);
  } catch {
    return false;
  }
  try {
    const context = await app.getContext();
    applyTheme(themeOf(context.app.theme));
    if (context.app.locale) {
      state.locale = context.app.locale;
      applyLanguage(langOfLocale(context.app.locale));
    }
    app.registerOnThemeChangeHandler((theme) => {
      applyTheme(themeOf(theme));
      renderSections();
    });
  } catch {
    /* the theme stays as it is */
  }
  app.notifySuccess();
  state.token = () => authentication.getAuthToken();
  return true;
}

/** Outside Teams: say so; in local development, offer the development sign-in. */
async function outsideTeams(): Promise<void> {
  say("");
  const m = main();
  m.replaceChildren();
  const box = el("section", { class: "outside", id: "outside-teams" });
  box.appendChild(el("h2", {}, w("tabPersonal.outside.heading")));
  box.appendChild(el("p", {}, w("tabPersonal.outside.text")));
  m.appendChild(box);
  let demoPeople: DemoPerson[] = [];
  try {
    const res = await fetch("/api/tab/config");
    const config = (await res.json()) as { devSignIn?: boolean; demoPeople?: DemoPerson[] };
    if (config.devSignIn) demoPeople = config.demoPeople ?? [];
  } catch {
    /* no development sign-in */
  }
  if (!demoPeople.length) return;
  const saved = sessionStorage.getItem(DEV_TOKEN_KEY);
  if (saved) return devSession(saved);
  const dev = el("section", { class: "dev", id: "dev-sign-in", "aria-labelledby": "dev-title" });
  dev.appendChild(el("h2", { id: "dev-title" }, w("tabPersonal.dev.heading")));
  dev.appendChild(el("p", {}, w("tabPersonal.dev.text")));
  for (const p of demoPeople) {
    const button = el("button", { type: "button", "data-person": p.id }, w("tabPersonal.dev.continueAs", { name: p.name }));
    const role = `tabPersonal.dev.role.${p.id}`;
    if (isPageKey(role)) button.appendChild(el("span", { class: "role" }, ` (${w(role)})`));
    button.addEventListener("click", () => void devSignIn(p.id));
    dev.appendChild(button);
  }
  m.appendChild(dev);
}

async function devSignIn(personId: string): Promise<void> {
  const res = await fetch("/api/tab/dev-sign-in", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ person: personId }) });
  const json = (await res.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!res.ok || !json.token) return say(w("tabPersonal.dev.failed"), "error");
  sessionStorage.setItem(DEV_TOKEN_KEY, json.token);
  await devSession(json.token);
}

async function devSession(token: string): Promise<void> {
  state.dev = true;
  state.token = async () => token;
  document.getElementById("dev-banner")!.hidden = false;
  document.getElementById("reload")!.hidden = false;
  await load();
}

async function start(): Promise<void> {
  applyTheme(state.theme);
  applyLanguage(state.lang);
  document.getElementById("reload")!.addEventListener("click", () => void load());
  document.getElementById("sign-out")!.addEventListener("click", () => {
    sessionStorage.removeItem(DEV_TOKEN_KEY);
    location.reload();
  });
  if (await inTeams()) {
    document.getElementById("reload")!.hidden = false;
    await load();
    return;
  }
  await outsideTeams();
}

window.addEventListener("DOMContentLoaded", () => {
  start().catch(() => say(w("tabPersonal.startFailed"), "error"));
});
