/**
 * What every part of the Programme tab shares: the signed-in state, the page's words (the
 * `programme` area of the catalogue, sent by the server in the reader's language and formatted here
 * with intl-messageformat), small DOM helpers, the API call and drawing a card from the server.
 */
import { AdaptiveCard, ExecuteAction, HostConfig, SubmitAction, type Action } from "adaptivecards";
import { IntlMessageFormat } from "intl-messageformat";
import { hostConfigFor, themeOf, type TeamsTheme } from "./host-config";
import { applyPageTheme } from "./page";
import { markdownToHtml } from "./markdown";

export type Reply = { kind: "card"; card: object } | { kind: "text"; text: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export interface Choice {
  id: string;
  label: string;
}
export interface Options {
  organisationType: Choice[];
  region: Choice[];
  secondmentType: Choice[];
  grade: Choice[];
  personStatus: Choice[];
  roleStatus: Choice[];
  release: Choice[];
}

export const state = {
  theme: themeOf(new URLSearchParams(location.search).get("theme")) as TeamsTheme,
  token: (): Promise<string> => Promise.reject(new Error("not signed in")),
  lang: "en-GB",
  words: {} as Record<string, string>,
  options: undefined as Options | undefined,
};

const compiled = new Map<string, IntlMessageFormat>();

/** Use the words the server sent (the catalogue's `programme` area in `lang`). */
export function useWords(lang: string, words: Record<string, string>): void {
  state.lang = lang;
  state.words = words;
  compiled.clear();
  document.documentElement.lang = lang;
}

/** One of the page's messages, formatted. An unknown key shows nothing rather than the key. */
export function tr(key: string, values: Record<string, string | number> = {}): string {
  let fmt = compiled.get(key);
  if (!fmt) {
    const source = state.words[key];
    if (source === undefined) return "";
    compiled.set(key, (fmt = new IntlMessageFormat(source, state.lang, undefined, { ignoreTag: true })));
  }
  return String(fmt.format(values));
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
export const button = (text: string, onClick: () => void, attrs: Record<string, string> = {}) => {
  const b = el("button", { type: "button", class: "act", ...attrs }, text);
  b.addEventListener("click", onClick);
  return b;
};
export function applyTheme(theme: TeamsTheme): void {
  state.theme = theme;
  applyPageTheme(theme);
}

export function select(name: string, label: string, options: Choice[], anyLabel: string): HTMLLabelElement {
  const l = el("label", {}, label);
  const s = el("select", { name });
  s.appendChild(el("option", { value: "" }, anyLabel));
  for (const o of options) s.appendChild(el("option", { value: o.id }, o.label));
  l.appendChild(s);
  return l;
}
export function input(name: string, label: string, type = "text"): HTMLLabelElement {
  const l = el("label", {}, label);
  l.appendChild(el("input", { name, type }));
  return l;
}

export async function api(method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const token = await state.token();
  const res = await fetch(path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, json: await res.json().catch(() => ({})) };
}

AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdownToHtml(text);
  result.didProcess = true;
};

/** A card from the server, drawn as the chat draws it; its buttons call onAction. */
export function renderReply(reply: Reply, onAction?: (verb: string, data: Record<string, unknown>) => void): HTMLElement {
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
  wrap.appendChild(card.render() ?? el("p", {}, tr("programme.card.cannotShow")));
  return wrap;
}

/**
 * A table in a box of its own that scrolls sideways when the tab is narrower than the table, so the
 * page itself never does. The box can take the keyboard focus, so it scrolls with the arrow keys too.
 */
export function scrollBox(table: HTMLTableElement): HTMLElement {
  const box = el("div", { class: "table-scroll", tabindex: "0" });
  box.appendChild(table);
  return box;
}

/** A table with a header row of the given titles and an empty body, for the lists below the pool. */
export function simpleTable(titles: string[], attrs: Record<string, string> = {}): { table: HTMLTableElement; body: HTMLTableSectionElement } {
  const table = el("table", attrs);
  table.appendChild(el("thead")).appendChild(el("tr")).append(...titles.map((t) => el("th", { scope: "col" }, t)));
  return { table, body: table.appendChild(el("tbody")) };
}
