/**
 * The "My secondment" personal tab. Runs in the browser (bundled by scripts/build-tab.ts).
 * Inside Teams it signs in with teams-js getAuthToken() and sends that token with every API call;
 * the server decides who the person is from the token alone. The Teams context is read for the
 * theme only. Outside Teams it says to open it in Teams and, in local development, offers the
 * development sign-in.
 *
 * teams-js is loaded only inside a frame (a separate chunk): on import it fetches Microsoft's list of
 * Teams hosts, which a plain browser has no use for.
 */
import { AdaptiveCard, ExecuteAction, HostConfig, SubmitAction, type Action } from "adaptivecards";
import { hostConfigFor, themeOf, type TeamsTheme } from "./host-config";
import { applyPageTheme, say } from "./page";
import { markdownToHtml } from "./markdown";

type Reply = { kind: "card"; card: object } | { kind: "text"; text: string };
interface Section {
  id: string;
  title: string;
  reply: Reply;
}
interface DemoPerson {
  id: string;
  name: string;
  role: string;
}

const DEV_TOKEN_KEY = "secondments.devToken";
const TEAMS_WAIT_MS = 5000;

const state: { theme: TeamsTheme; token: () => Promise<string>; sections: Section[]; dev: boolean } = {
  theme: themeOf(new URLSearchParams(location.search).get("theme")),
  token: () => Promise.reject(new Error("not signed in")),
  sections: [],
  dev: false,
};

const main = () => document.getElementById("main")!;

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

function renderReply(sectionId: string, reply: Reply): HTMLElement {
  if (reply.kind === "text") return el("p", { class: "reply-text" }, reply.text);
  const card = new AdaptiveCard();
  card.hostConfig = new HostConfig(hostConfigFor(state.theme));
  card.onExecuteAction = (action: Action) => void runAction(sectionId, action);
  card.parse(reply.card);
  const rendered = card.render();
  if (!rendered) return el("p", { class: "reply-text" }, "This part could not be shown.");
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
  if (typeof verb !== "string") return;
  say("Saving…");
  try {
    const { status: code, json } = await api("POST", "/api/tab/action", { verb, data });
    if (code === 401) return signedOut(json.error);
    if (code !== 200) return say(json.error ?? "That did not work. Reload the tab and try again.", "error");
    const section = state.sections.find((x) => x.id === sectionId);
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
  if (err instanceof SignInError) say("Teams could not sign you in to this app. Close the tab, open it again, and accept if Teams asks for permission.", "error");
  else say("We could not reach the app. Check your connection and try again.", "error");
}

/** People's data: fetch the person's own export with their token and save it as a file. */
async function downloadMyData(): Promise<void> {
  try {
    const token = await state.token();
    const res = await fetch("/api/tab/my-data", { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 401) return signedOut(undefined);
    if (!res.ok) return say("Your data could not be downloaded. Try again later.", "error");
    const url = URL.createObjectURL(await res.blob());
    const link = el("a", { href: url, download: "my-secondment-data.json" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say("Your data has been downloaded.");
  } catch (err) {
    failed(err);
  }
}

async function load(): Promise<void> {
  say("Loading your secondment…");
  try {
    const { status: code, json } = await api("GET", "/api/tab/me");
    if (code === 401) return signedOut(json.error);
    if (code !== 200) return say("Something went wrong. Reload the tab to try again.", "error");
    state.sections = json.sections as Section[];
    const who = document.getElementById("who")!;
    who.textContent = json.name ? `Signed in as ${json.name}` : "";
    renderSections();
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

function signedOut(problem: string | undefined): void {
  if (state.dev) {
    sessionStorage.removeItem(DEV_TOKEN_KEY);
    void outsideTeams();
  }
  say(problem ?? "Sign in to use this tab.", "error");
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
  box.appendChild(el("h2", {}, "Open this in Microsoft Teams"));
  box.appendChild(el("p", {}, "This page is part of the Secondments app in Teams. Open Teams, find the Secondments app and select the My secondment tab."));
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
  dev.appendChild(el("h2", { id: "dev-title" }, "Development sign-in"));
  dev.appendChild(el("p", {}, "For local development only. Nobody is really signed in: choose a demo person to see the tab as they would."));
  for (const p of demoPeople) {
    const button = el("button", { type: "button", "data-person": p.id }, `Continue as ${p.name}`);
    button.appendChild(el("span", { class: "role" }, ` (${p.role})`));
    button.addEventListener("click", () => void devSignIn(p.id));
    dev.appendChild(button);
  }
  m.appendChild(dev);
}

async function devSignIn(personId: string): Promise<void> {
  const res = await fetch("/api/tab/dev-sign-in", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ person: personId }) });
  const json = (await res.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!res.ok || !json.token) return say(json.error ?? "Development sign-in did not work.", "error");
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
  start().catch(() => say("Something went wrong. Reload the page to try again.", "error"));
});
