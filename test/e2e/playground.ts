/**
 * A reusable harness for end-to-end tests through the Microsoft 365 Agents Playground
 * (the local Teams-like chat client) driven by a headless Debian Chromium.
 *
 * Everything here stays on 127.0.0.1: the Playground runs with telemetry off, Chromium resolves no
 * host names but localhost/127.0.0.1, and the browser context aborts every other request.
 * Every wait is bounded and failures say what the page showed.
 *
 * No tests here: see playground.test.ts and interest-form.test.ts. A suite gets the app, the
 * Playground and Chromium with usePlaygroundSuite(). The Playground's mock tenant and internal API
 * are in playground-api.ts (re-exported here); filling in form cards is playground-inputs.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { startApp } from "../../bot/app";
import { parseConfig } from "../../src/config";
import { createLogger } from "../../src/log";
import { fromRoot } from "../../src/paths";
import { atMost, startPlayground, type Playground } from "../../scripts/playground";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags measured in /work/shared/notes/teams-local.md ("Chromium for tests"). */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  // Without this Chromium still looks up Google hosts.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
];

/** Default bound for a single UI wait. */
export const UI_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// Starting the Playground is shared with `npm run dev` (scripts/playground.ts).
export { atMost, freePort, LOOPBACK_PRELOAD, playgroundCli, startPlayground, type Playground, type PlaygroundOptions } from "../../scripts/playground";

// The Playground's mock tenant and its internal API (test/e2e/playground-api.ts).
export * from "./playground-api";

export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  /** Requests the context aborted because they were not for 127.0.0.1/localhost. */
  blocked: string[];
  /** Console errors and page errors seen so far (for diagnostics). */
  consoleErrors: string[];
  /**
   * What the Playground's server told the page about messages (its conversation stream), oldest
   * first: which conversation each message went to and the id it got there. Covers every chat and
   * channel the UI shows, whichever is open.
   */
  conversationEvents: ConversationEvent[];
  close(): Promise<void>;
}

/** One message event on the Playground's conversation stream (a websocket the page listens to). */
export interface ConversationEvent {
  /** e.g. "createMessage", "updateMessage", "typing". */
  action: string;
  /** Where it went, e.g. "19:…@thread.tacv2;messageid=…" for a reply in a channel post. */
  conversationId: string;
  /** The message's id in that conversation (what a button press on it carries as replyToId). */
  messageId?: string;
  /** Who sent it (the bot's "28:…" id, or a person's). */
  fromId?: string;
  /** Its text and the texts of its cards, flattened, for matching. */
  text: string;
  message?: Record<string, unknown>;
}

function conversationEventOf(payload: string): ConversationEvent | undefined {
  let frame: { action?: unknown; actionConversationId?: unknown; message?: Record<string, any> };
  try {
    frame = JSON.parse(payload) as typeof frame;
  } catch {
    return undefined;
  }
  if (typeof frame?.action !== "string" || typeof frame.actionConversationId !== "string") return undefined;
  const texts: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") {
      for (const [k, v] of Object.entries(n)) {
        if ((k === "text" || k === "title") && typeof v === "string") texts.push(v);
        else walk(v);
      }
    }
  };
  walk(frame.message);
  const m = frame.message;
  return {
    action: frame.action,
    conversationId: frame.actionConversationId,
    ...(typeof m?.messageId === "string" ? { messageId: m.messageId } : {}),
    ...(typeof m?.from?.id === "string" ? { fromId: m.from.id as string } : {}),
    text: texts.join("\n"),
    ...(m ? { message: m } : {}),
  };
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Launch headless Debian Chromium through playwright-core. Playwright gives every launch() a fresh
 * temporary user-data dir (and deletes it on close). Any request not to 127.0.0.1/localhost is aborted.
 */
export async function launchBrowser(options: { timeoutMs?: number } = {}): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run scripts/install-chromium.sh (never 'npx playwright install').`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    timeout: options.timeoutMs ?? 20_000,
  });
  try {
    // A UK user: dates show as "23 January 2027" and the date picker's "today" is the UK's.
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1300 },
      serviceWorkers: "block",
      locale: "en-GB",
      timezoneId: "Europe/London",
    });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(20_000);
    const blocked: string[] = [];
    await context.route("**/*", (route) => {
      const u = route.request().url();
      let local = false;
      try {
        const parsed = new URL(u);
        local = parsed.protocol === "data:" || parsed.protocol === "blob:" || LOCAL_HOSTS.has(parsed.hostname);
      } catch {
        local = false;
      }
      if (local) return route.continue();
      blocked.push(u);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    const conversationEvents: ConversationEvent[] = [];
    page.on("websocket", (ws) => {
      if (!/\/_ws_conversation\//.test(ws.url())) return;
      ws.on("framereceived", (f) => {
        const event = conversationEventOf(typeof f.payload === "string" ? f.payload : f.payload.toString("utf8"));
        if (event) conversationEvents.push(event);
      });
    });
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await atMost(browser.close(), 10_000);
    };
    return { page, context, browser, blocked, consoleErrors, conversationEvents, close };
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

/** Open the Playground and wait until the personal chat's message box is ready. */
export async function openPlayground(page: Page, url: string, timeoutMs = 20_000): Promise<void> {
  await page.goto(url, { waitUntil: "domcontentloaded", timeout: timeoutMs });
  try {
    await editor(page).waitFor({ state: "visible", timeout: timeoutMs });
  } catch (e) {
    throw new Error(`Playground did not show its message box within ${timeoutMs} ms. Page shows:\n${await pageText(page)}`, { cause: e });
  }
}

/** The message box (a Lexical editor). */
export function editor(page: Page): Locator {
  return page.locator('[data-lexical-editor="true"]').first();
}

/** Type a message into the chat box and send it with Enter. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const box = editor(page);
  await box.waitFor({ state: "visible" });
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/**
 * All rendered Adaptive Cards, in document order (oldest first). In the personal chat only the
 * conversation pane renders cards (the chat list shows "Send a card", the log panel plain text).
 */
export function cards(page: Page): Locator {
  return page.locator(".ac-adaptiveCard");
}

/** Number of Adaptive Cards on the page right now. */
export async function cardCount(page: Page): Promise<number> {
  return cards(page).count();
}

/** The newest (last in document order) visible Adaptive Card. */
export async function lastCard(page: Page): Promise<Locator> {
  const all = cards(page);
  const n = await all.count();
  for (let i = n - 1; i >= 0; i--) {
    const c = all.nth(i);
    if (await c.isVisible().catch(() => false)) return c;
  }
  return all.last();
}

/** Text of the newest card (for assertions and error messages); "" if none. */
export async function lastCardText(page: Page): Promise<string> {
  if ((await cardCount(page)) === 0) return "";
  const c = await lastCard(page);
  return normalise(await c.innerText({ timeout: 2_000 }).catch(() => ""));
}

export const normalise = (s: string) => s.replace(/[ \t]+/g, " ").replace(/\n\s*\n+/g, "\n").trim();
const clip = (s: string, n = 1500) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The visible text of the whole page, clipped, for error messages. */
export async function pageText(page: Page): Promise<string> {
  const t = await page
    .locator("body")
    .innerText({ timeout: 2_000 })
    .catch(() => "(page text unavailable)");
  return clip(normalise(t), 2_000);
}

async function describePage(page: Page): Promise<string> {
  const n = await cardCount(page).catch(() => 0);
  const last = await lastCardText(page).catch(() => "");
  return `${n} card(s) on the page. Newest card shows:\n${last ? clip(last) : "(no card)"}`;
}

/**
 * Wait until the newest card contains every given text (string: case-sensitive substring;
 * RegExp: test) and return it. On timeout the error shows what the newest card says.
 */
export async function waitForCard(page: Page, texts: string | RegExp | Array<string | RegExp>, timeoutMs = UI_TIMEOUT_MS): Promise<Locator> {
  const wanted = Array.isArray(texts) ? texts : [texts];
  const deadline = Date.now() + timeoutMs;
  let lastText = "";
  for (;;) {
    lastText = await lastCardText(page).catch(() => "");
    if (lastText && wanted.every((w) => (typeof w === "string" ? lastText.includes(w) : w.test(lastText)))) return lastCard(page);
    if (Date.now() > deadline) break;
    await sleep(150);
  }
  const missing = wanted.filter((w) => (typeof w === "string" ? !lastText.includes(w) : !w.test(lastText)));
  throw new Error(
    `No card containing ${missing.map((m) => JSON.stringify(String(m))).join(", ")} within ${timeoutMs} ms.\n${await describePage(page)}`,
  );
}

/**
 * Wait until the conversation is quiet: the number of cards and the newest card's text have not
 * changed for `quietMs`. Bounded by `timeoutMs` (then it just returns).
 */
export async function settle(page: Page, quietMs = 800, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = `${await cardCount(page)}\u0000${await lastCardText(page).catch(() => "")}`;
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await sleep(100);
  }
}

/** Wait until a new card (beyond `before`) appears and contains the texts. */
export async function waitForNewCard(page: Page, before: number, texts: string | RegExp | Array<string | RegExp>, timeoutMs = UI_TIMEOUT_MS): Promise<Locator> {
  const deadline = Date.now() + timeoutMs;
  while ((await cardCount(page)) <= before) {
    if (Date.now() > deadline) throw new Error(`No new card appeared within ${timeoutMs} ms (still ${before}).\n${await describePage(page)}`);
    await sleep(150);
  }
  return waitForCard(page, texts, Math.max(1_000, deadline - Date.now()));
}

/**
 * Click, inside the newest card, a button with this label or (failing that) the innermost
 * clickable element whose text is the label, such as a container with a selectAction.
 */
export async function clickCardButton(page: Page, label: string | RegExp, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const exact = typeof label === "string" ? new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`) : label;
  for (;;) {
    const card = await lastCard(page);
    const candidates: Locator[] = [
      card.getByRole("button", { name: label, exact: typeof label === "string" }),
      card.locator("button, .ac-pushButton").filter({ hasText: exact }),
      // A text inside an element with a selectAction (rendered as .ac-selectable, role=button):
      // clicking the text reaches the container's handler, as a user's click would.
      card.locator(".ac-selectable").getByText(label, { exact: typeof label === "string" }),
      card.locator(".ac-selectable").filter({ hasText: label }),
    ];
    for (const cand of candidates) {
      const n = await cand.count().catch(() => 0);
      if (n > 0) {
        const target = cand.first();
        if (await target.isVisible().catch(() => false)) {
          await target.click({ timeout: Math.max(1_000, deadline - Date.now()) });
          return;
        }
      }
    }
    if (Date.now() > deadline) break;
    await sleep(150);
  }
  throw new Error(`No button or clickable element ${JSON.stringify(String(label))} in the newest card within ${timeoutMs} ms.\n${await describePage(page)}`);
}

/**
 * The text of the clickable row (an element with a selectAction) in `card` that contains `label`,
 * e.g. rowText(card, /Step 1\b/) for a plan row. Throws, showing the card, if there is none.
 */
export async function rowText(card: Locator, label: string | RegExp): Promise<string> {
  const row = card.locator(".ac-selectable").filter({ hasText: label });
  if ((await row.count()) === 0) {
    const shown = normalise(await card.innerText({ timeout: 2_000 }).catch(() => ""));
    throw new Error(`No clickable row containing ${JSON.stringify(String(label))} in the card. Card shows:\n${clip(shown)}`);
  }
  return normalise(await row.first().innerText({ timeout: 2_000 }));
}

/** Save a PNG of the page to test-artifacts/<name>.png and return its path. */
export async function screenshot(page: Page, name: string, options: { locator?: Locator } = {}): Promise<string> {
  const dir = fromRoot("test-artifacts");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^A-Za-z0-9._-]+/g, "-")}.png`);
  if (options.locator) await options.locator.screenshot({ path: file, timeout: 5_000 });
  else await page.screenshot({ path: file, timeout: 5_000 });
  return file;
}

// ---------------------------------------------------------------------------------------------
// A suite's set-up and clean-up

type App = Awaited<ReturnType<typeof startApp>>;

export interface PlaygroundSuite {
  /** The Playground page, open on the personal chat. Only inside tests (after the before hook). */
  readonly page: Page;
  readonly session: BrowserSession | undefined;
  readonly playground: Playground | undefined;
  readonly app: App | undefined;
  /** The app's log lines (level "warn" and up), for diagnostics. */
  readonly appLog: string[];
}

/**
 * Call inside a describe(): registers hooks that start the real app (its embedded store in a
 * temporary folder, on 127.0.0.1), the Playground pointed at it and Chromium, and open the
 * Playground; on a failed test, save a screenshot and print the page, the app log and the
 * Playground output; afterwards stop everything, each step even if an earlier one failed.
 */
export function usePlaygroundSuite(options: {
  playgroundConfigYaml?: string;
  /** More of the app's environment, e.g. { PROGRAMME_TEAM_AAD_IDS: "…" } (the store, host and port stay the suite's). */
  appEnv?: Record<string, string>;
} = {}): PlaygroundSuite {
  let dataDir: string | undefined;
  let app: App | undefined;
  let playground: Playground | undefined;
  let session: BrowserSession | undefined;
  const appLog: string[] = [];

  before(async function () {
    this.timeout(45_000);
    dataDir = mkdtempSync(join(tmpdir(), "secondments-e2e-"));
    const config = parseConfig({ ...options.appEnv, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" });
    app = await startApp(config, { log: createLogger("warn", (line) => appLog.push(line)) });
    // The Playground and the browser start side by side; both are kept for clean-up even if one fails.
    const [pg, browser] = await Promise.allSettled([startPlayground({
        botEndpoint: `${app.url}/api/messages`,
        ...(options.playgroundConfigYaml !== undefined ? { configYaml: options.playgroundConfigYaml } : {}),
      }), launchBrowser()]);
    if (pg.status === "fulfilled") playground = pg.value;
    if (browser.status === "fulfilled") session = browser.value;
    if (pg.status === "rejected") throw pg.reason;
    if (browser.status === "rejected") throw browser.reason;
    await openPlayground(session!.page, playground!.url);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== "failed") return;
    const name = `failed-${(this.currentTest.title || "test").slice(0, 40)}`;
    const lines = [`Screenshot: ${session ? await screenshot(session.page, name).catch((e: Error) => `(failed: ${e.message})`) : "(no browser)"}`];
    if (session) {
      lines.push(`Newest card: ${await lastCardText(session.page).catch(() => "(unreadable)")}`);
      lines.push(`Page: ${await pageText(session.page)}`);
      if (session.blocked.length) lines.push(`Blocked non-local requests: ${session.blocked.join(", ")}`);
      if (session.consoleErrors.length) lines.push(`Browser console errors: ${session.consoleErrors.slice(-10).join(" | ")}`);
    }
    if (appLog.length) lines.push(`App log:\n${appLog.slice(-20).join("\n")}`);
    if (playground) lines.push(`Playground output:\n${playground.output().slice(-2_000)}`);
    console.error(lines.join("\n"));
  });

  after(async function () {
    this.timeout(30_000);
    // Each step runs whatever happened before it.
    await session?.close().catch(() => undefined);
    await playground?.stop().catch(() => undefined);
    await app?.stop().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get page() {
      if (!session) throw new Error("The browser is not running: did the before hook fail?");
      return session.page;
    },
    get session() {
      return session;
    },
    get playground() {
      return playground;
    },
    get app() {
      return app;
    },
    appLog,
  };
}

/**
 * Save a PNG of the whole newest card, however tall: the viewport is made tall enough for the
 * chat pane to show all of it, then put back. Returns the file's path.
 */
export async function screenshotCard(page: Page, name: string): Promise<string> {
  const card = await lastCard(page);
  const size = page.viewportSize();
  const height = await card.evaluate((e) => e.getBoundingClientRect().height);
  const grow = size !== null && height + 400 > size.height;
  if (grow) await page.setViewportSize({ width: size.width, height: Math.ceil(height + 400) });
  try {
    await card.scrollIntoViewIfNeeded();
    await sleep(200);
    return await screenshot(page, name, { locator: card });
  } finally {
    if (grow) await page.setViewportSize(size);
  }
}

// ---------------------------------------------------------------------------------------------
// Team channels
//
// The chat list names a channel "<team> - <channel>" (e.g. "My Team - General"). A channel shows
// posts; each post is a thread whose replies have the conversation id "<channel id>;messageid=<post
// id>", as in Teams. The bot only hears channel messages that @mention it.

/** Open a chat or channel from the chat list, e.g. "My Team - General", and wait for its message box. */
export async function openChat(page: Page, name: string, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
  const item = page.getByRole("treeitem", { name });
  if ((await item.count()) === 0) {
    const shown = await page.getByRole("treeitem").allInnerTexts().catch(() => []);
    throw new Error(`No chat ${JSON.stringify(name)} in the chat list. It shows: ${shown.map((t) => JSON.stringify(normalise(t).replace(/\n/g, " / "))).join(", ")}`);
  }
  await item.first().click({ timeout: timeoutMs });
  await editor(page).waitFor({ state: "visible", timeout: timeoutMs });
}

/**
 * Start a new post in the open channel that @mentions the bot, as a person would: type "@" and the
 * start of the bot's name, pick it from the mention menu, type the text, press Post.
 */
export async function postMentioningBot(page: Page, text: string, botName = "Test Bot"): Promise<void> {
  const box = editor(page);
  await box.waitFor({ state: "visible" });
  await box.click();
  await page.keyboard.type(`@${botName.split(" ")[0]}`);
  const pick = page.getByRole("menuitem", { name: botName });
  try {
    await pick.first().waitFor({ state: "visible" });
  } catch (e) {
    throw new Error(`The mention menu did not offer ${JSON.stringify(botName)}.\n${await pageText(page)}`, { cause: e });
  }
  await pick.first().click();
  await page.keyboard.type(` ${text}`);
  await page.getByRole("button", { name: "Post", exact: true }).click();
}

/**
 * Wait until some visible card (not only the newest: in a channel, posts and their replies are
 * interleaved) contains every given text, and return the last such card. On timeout the error
 * lists what every visible card starts with.
 */
export async function waitForCardWith(page: Page, texts: string | RegExp | Array<string | RegExp>, timeoutMs = UI_TIMEOUT_MS): Promise<Locator> {
  const wanted = Array.isArray(texts) ? texts : [texts];
  const fits = (t: string) => wanted.every((w) => (typeof w === "string" ? t.includes(w) : w.test(t)));
  const deadline = Date.now() + timeoutMs;
  let shown: string[] = [];
  for (;;) {
    const all = cards(page);
    const n = await all.count().catch(() => 0);
    shown = [];
    for (let i = n - 1; i >= 0; i--) {
      const c = all.nth(i);
      if (!(await c.isVisible().catch(() => false))) continue;
      const t = normalise(await c.innerText({ timeout: 2_000 }).catch(() => ""));
      if (fits(t)) return c;
      shown.push(t);
    }
    if (Date.now() > deadline) break;
    await sleep(200);
  }
  throw new Error(
    `No visible card containing ${wanted.map((w) => JSON.stringify(String(w))).join(", ")} within ${timeoutMs} ms. ` +
      `${shown.length} visible card(s):\n${shown.map((t) => `- ${clip(t.replace(/\n/g, " / "), 300)}`).join("\n") || "(none)"}`,
  );
}

/**
 * Wait until the Playground's conversation stream (BrowserSession.conversationEvents) carries an
 * event that `fits`, and return the first such. On timeout the error lists the events seen.
 */
export async function waitForConversationEvent(
  session: BrowserSession,
  fits: (e: ConversationEvent) => boolean,
  what: string,
  timeoutMs = UI_TIMEOUT_MS,
): Promise<ConversationEvent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = session.conversationEvents.find(fits);
    if (found) return found;
    if (Date.now() > deadline) break;
    await sleep(100);
  }
  const seen = session.conversationEvents
    .filter((e) => e.action !== "typing")
    .map((e) => `- ${e.action} in ${e.conversationId}${e.messageId ? ` (message ${e.messageId})` : ""}: ${clip(e.text.replace(/\n/g, " / "), 120)}`);
  throw new Error(`The Playground did not show ${what} within ${timeoutMs} ms. Its conversation stream had:\n${seen.join("\n") || "(nothing)"}`);
}
