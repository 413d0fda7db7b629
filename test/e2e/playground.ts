/**
 * A reusable harness for end-to-end tests through the Microsoft 365 Agents Playground
 * (the local Teams-like chat client) driven by a headless Debian Chromium.
 *
 * Everything here stays on 127.0.0.1: the Playground runs with telemetry off, Chromium resolves no
 * host names but localhost/127.0.0.1, and the browser context aborts every other request.
 * Every wait is bounded and failures say what the page showed.
 *
 * No tests here: see playground.test.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { fromRoot } from "../../src/paths";

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

/** Wait for `p`, but at most `ms`; the timer never keeps the process alive. */
async function atMost(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p.then(() => undefined, () => undefined), new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

/** A free TCP port on 127.0.0.1 (listen on port 0, read it, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("could not read a free port"))));
    });
  });
}

/** Where the Playground CLI script lives (the package's "agentsplayground" bin). */
export function playgroundCli(): string {
  let pkgJson: string;
  try {
    pkgJson = require.resolve("@microsoft/m365agentsplayground/package.json", { paths: [fromRoot()] });
  } catch {
    pkgJson = fromRoot("node_modules", "@microsoft", "m365agentsplayground", "package.json");
  }
  const pkg = JSON.parse(readFileSync(pkgJson, "utf8")) as { bin?: string | Record<string, string> };
  const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.["agentsplayground"] ?? "cli.js";
  const cli = join(dirname(pkgJson), bin);
  if (!existsSync(cli)) throw new Error(`Agents Playground CLI not found at ${cli}: is @microsoft/m365agentsplayground installed?`);
  return cli;
}

/**
 * The Playground has no host option and calls server.listen(port) on all interfaces. This preload
 * makes a listen() without a host bind 127.0.0.1 instead, so nothing is exposed beyond loopback.
 */
const LOOPBACK_PRELOAD = `
"use strict";
const net = require("net");
const HOST = "127.0.0.1";
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const a = args[0];
  if (typeof a === "number" || (typeof a === "string" && /^\\d+$/.test(a))) {
    if (args.length === 1 || typeof args[1] === "function") args.splice(1, 0, HOST);
    else if (args[1] === undefined || args[1] === null || args[1] === "" || args[1] === "::" || args[1] === "0.0.0.0") args[1] = HOST;
  } else if (a && typeof a === "object" && !a._handle && !a.path && !a.fd && (a.port !== undefined) && !a.host) {
    args[0] = Object.assign({}, a, { host: HOST });
  }
  return listen.apply(this, args);
};
`;

export interface Playground {
  /** The Playground web UI, e.g. http://127.0.0.1:41234/ */
  url: string;
  port: number;
  /** Everything the Playground printed so far (stdout and stderr, interleaved). */
  output(): string;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages */
  botEndpoint: string;
  /** Bound for the Playground to answer HTTP. Default 30 s. */
  startTimeoutMs?: number;
  /** Bind the Playground to 127.0.0.1 only (via a preload; it has no host option). Default true. */
  loopbackOnly?: boolean;
}

/**
 * Start the Agents Playground for the given bot endpoint on a free 127.0.0.1 port, in a fresh
 * temporary working folder (it writes ./devTools/ there). Resolves once its HTTP server answers.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const { botEndpoint, startTimeoutMs = 30_000, loopbackOnly = true } = options;
  const cli = playgroundCli();
  const cwd = mkdtempSync(join(tmpdir(), "agents-playground-"));
  const port = await freePort();
  const nodeArgs: string[] = [];
  if (loopbackOnly) {
    const preload = join(cwd, "loopback-only.cjs");
    writeFileSync(preload, LOOPBACK_PRELOAD);
    nodeArgs.push("--require", preload);
  }
  const args = [
    ...nodeArgs,
    cli,
    "--disable-telemetry",
    "--port",
    String(port),
    "--app-endpoint",
    botEndpoint,
    "--channel-id",
    "msteams",
    // The bot replies to this; say 127.0.0.1 rather than "localhost" so no name lookup is involved.
    "--service-url",
    `http://127.0.0.1:${port}/_connector`,
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: "none",
    APPLICATION_INSIGHTS_NO_STATSBEAT: "true",
    BOT_ENDPOINT: botEndpoint,
    // Keep the child's own HTTP clients off any configured proxy.
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
  };
  delete env.NODE_OPTIONS;

  let out = "";
  const child: ChildProcess = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );
  let spawnError: Error | undefined;
  child.once("error", (e) => (spawnError = e));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      await atMost(exitPromise, 5_000);
      if (!exited) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          /* already gone */
        }
        await atMost(exitPromise, 2_000);
      }
    }
    rmSync(cwd, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + startTimeoutMs;
  try {
    for (;;) {
      if (spawnError) throw spawnError;
      if (exited) throw new Error(`exited early (code ${exited.code}, signal ${exited.signal})`);
      const other = /Port \d+ is already in use/.test(out) ? /Listening on (\d+)/.exec(out) : null;
      if (other && Number(other[1]) !== port) throw new Error(`port ${port} was taken; it moved to ${other[1]}`);
      if (/Listening on \d+/.test(out)) {
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
          if (res.ok) break;
        } catch {
          /* not yet */
        }
      }
      if (Date.now() > deadline) throw new Error(`did not answer on ${url} within ${startTimeoutMs} ms`);
      await sleep(150);
    }
  } catch (e) {
    const log = out;
    await stop();
    throw new Error(`Agents Playground failed to start: ${(e as Error).message}\n--- playground output ---\n${log.trim() || "(none)"}`);
  }
  return { url, port, output: () => out, stop };
}

export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  /** Requests the context aborted because they were not for 127.0.0.1/localhost. */
  blocked: string[];
  /** Console errors and page errors seen so far (for diagnostics). */
  consoleErrors: string[];
  close(): Promise<void>;
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
    const context = await browser.newContext({ viewport: { width: 1400, height: 1300 }, serviceWorkers: "block" });
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
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await atMost(browser.close(), 10_000);
    };
    return { page, context, browser, blocked, consoleErrors, close };
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

const normalise = (s: string) => s.replace(/[ \t]+/g, " ").replace(/\n\s*\n+/g, "\n").trim();
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
