import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import { VERBS, type Verb } from "../cards";
import { personKey } from "../src/domain/person";
import { t, type Lang } from "../src/i18n";
import { fromRoot } from "../src/paths";
import * as approval from "./handlers/approval";
import * as plan from "./handlers/plan";
// People's data
import { exportFile, EXPORT_FILE_NAME, notice } from "./handlers/privacy";
import * as secondment from "./handlers/secondment";
import { checkInCard } from "./handlers/secondment-card";
import { partiesOf } from "../src/domain/secondment";
import { languageFor, text, type Caller, type Reply, type Services } from "./handlers/types";
import { dispatch, problemText } from "./router";
import { requestLang, TabAuth, tabErrorText, tabProblemText, type TabIdentity } from "./tab-auth";
import { DEMO_SIGN_IN } from "../src/demo/people";
import { forTab } from "./tab-wording";

/**
 * The tabs' face: static pages under /tab/ and a small JSON API under /api/tab/. Every API call
 * needs a verified bearer token (see tab-auth.ts); the person is the token's oid + tid, never what
 * the page says. Buttons run the same router verbs as the chat cards.
 */

/** Where `npm run build` puts the bundled pages (scripts/build-tab.ts). */
export const TAB_PUBLIC_DIR = fromRoot("dist", "tab", "public");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** The files the tab pages are made of: read once at start-up, kept with their gzipped form. */
interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  if (!existsSync(dir)) return assets;
  for (const name of readdirSync(dir)) {
    const type = CONTENT_TYPES[name.slice(name.lastIndexOf("."))];
    if (!type || !/^[a-z0-9-]+\.(html|js|css)$/i.test(name)) continue;
    const path = join(dir, name);
    const body = readFileSync(path);
    assets.set(name, { type, body, gzipped: gzipSync(body) });
  }
  return assets;
}

/** Verbs the tab never runs: card refreshes show whatever record they name, for any viewer. */
const NOT_FROM_TAB: ReadonlySet<string> = new Set<Verb>([VERBS.refreshApproval, VERBS.refreshSecondment]);

const ActionBody = z.object({
  verb: z.string({ message: "menu.problem.text" }).min(1).max(100),
  data: z.record(z.string(), z.unknown()).default({}),
});

/** The picker's search: some text of a name, or an Entra id. */
const PeopleQuery = z.object({
  q: z.string().trim().min(1).max(60).optional(),
  id: z.string().trim().min(1).max(100).optional(),
});
const PEOPLE_LIMIT = 8;

const SECURITY_HEADERS = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

function sendJson(res: Response, status: number, body: unknown): void {
  res.set(SECURITY_HEADERS);
  res.send(status, body);
}

/** "Not found", in the signed-in person's language. */
const notFound = (lang: Lang) => ({ error: t(lang, "errors.tab.notFound") });

/** The Teams locale the page passes (?locale=cy-GB), used only when the person has not chosen a language. */
const Locale = z.string().max(20).regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/);
function localeOf(req: Request): string | undefined {
  const raw = new URL(req.url ?? "/", "http://localhost").searchParams.get("locale");
  const parsed = Locale.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const fromThisMachine = (req: Request) => LOOPBACK.has(req.socket?.remoteAddress ?? "");

export interface TabSection {
  id: string;
  title: string;
  reply: Reply;
}

/**
 * The caller the handlers see for a tab request: the person's own (1:1) scope, with no chat of its own.
 * Language as in the chat: the person's stored choice, else the Teams locale the page sent, else English.
 */
export async function tabCaller(s: Services, id: TabIdentity, locale?: string): Promise<Caller> {
  const chat = await s.conversations.findPersonal(id.person.tenantId, id.person.aadObjectId);
  return {
    person: id.person,
    scope: "personal",
    conversationId: chat?.conversationId ?? `tab:${personKey(id.person)}`,
    userId: chat?.user?.id ?? "",
    // Messages to others go through the outbox; it needs the tenant's Bot Connector URL.
    serviceUrl: chat?.serviceUrl ?? s.config.tab.serviceUrl,
    ...(id.name ? { name: id.name } : {}),
    lang: await languageFor(s, id.person, locale),
    profile: async () => ({ ...(id.name ? { name: id.name } : {}), ...(id.email ? { email: id.email } : {}) }),
  };
}

/** Everything "My secondment" shows, each as the card the chat shows for it. */
export async function mySections(s: Services, caller: Caller): Promise<TabSection[]> {
  const key = personKey(caller.person);
  const [planReply, interestReply, matchesReply, caseReply, secondmentReply, waiting, roles] = await Promise.all([
    plan.showPlan(s, caller),
    dispatch(s, caller, VERBS.showInterest, {}),
    dispatch(s, caller, VERBS.myMatches, {}),
    dispatch(s, caller, VERBS.openBusinessCase, {}),
    secondment.mine(s, caller),
    s.approvals.waitingFor(caller.person.tenantId, caller.person.aadObjectId),
    s.roles.list(caller.person),
  ]);
  const sections: TabSection[] = [
    { id: "plan", title: t(caller.lang, "tabPersonal.section.plan"), reply: planReply },
    { id: "interest", title: t(caller.lang, "tabPersonal.section.interest"), reply: interestReply },
    { id: "matches", title: t(caller.lang, "tabPersonal.section.matches"), reply: matchesReply },
    { id: "business-case", title: t(caller.lang, "tabPersonal.section.businessCase"), reply: caseReply },
    { id: "secondment", title: t(caller.lang, "tabPersonal.section.secondment"), reply: secondmentReply },
  ];
  for (const a of waiting.filter((w) => personKey(w.secondee) !== key)) {
    sections.push({ id: `request-${a.requestId}`, title: t(caller.lang, "tabPersonal.section.waiting", { name: a.secondee.name }), reply: { kind: "card", card: approval.approvalCard(a, undefined, caller.lang) } });
  }
  // A vacancy holder's roles, with change and withdraw, as "My roles" in the chat.
  if (roles.length) sections.push({ id: "roles", title: t(caller.lang, "tabPersonal.section.roles"), reply: await dispatch(s, caller, VERBS.listRoles, {}) });
  // Check-ins waiting for the person's answer: the form the chat was sent (same verb and checks).
  for (const sec of (await s.secondments.involving(key)).filter((x) => x.status === "active")) {
    const parties = partiesOf(sec, caller.person).filter((p): p is "secondee" | "homeManager" => p === "secondee" || p === "homeManager");
    for (const c of sec.checkIns) {
      const party = parties.find((p) => !c.answers[p]);
      if (!party) continue;
      sections.push({ id: `check-in-${sec.id}-${c.n}`, title: t(caller.lang, "tabPersonal.section.checkIn", { n: c.n }), reply: { kind: "card", card: checkInCard(caller.lang, sec, c.n, c.date, party) } });
    }
  }
  // People's data: the privacy notice, with its buttons (a copy of my data, delete my data), as in the chat.
  sections.push({ id: "privacy", title: t(caller.lang, "tabPersonal.section.privacy"), reply: notice(s, caller.lang) });
  return sections.map((x) => ({ ...x, reply: forTab(x.reply, caller.lang) }));
}

/**
 * Before a verb runs from the tab: if its data names someone's records, the caller must be part of
 * them. Anything else answers "not found", so the tab never confirms what exists.
 */
async function mayTouch(s: Services, caller: Caller, data: Record<string, unknown>): Promise<boolean> {
  if (typeof data["secondmentId"] === "string") {
    const sec = await s.secondments.get(data["secondmentId"]);
    if (!sec) return false;
    if (!sec.partyKeys.includes(personKey(caller.person)) && !secondment.isProgrammeTeam(s, caller.person)) return false;
  }
  if (typeof data["secondee"] === "string" || typeof data["requestId"] === "string") {
    const a = typeof data["secondee"] === "string" ? await s.approvals.get(data["secondee"].slice(0, 250)) : undefined;
    if (!a) return false;
    // The person's own request, current or earlier ("Ask my line manager again" names the declined
    // one, which a newer request may have replaced); anyone else only the current one, as its manager.
    const mine = personKey(a.secondee) === personKey(caller.person);
    const me = caller.person.aadObjectId.toLowerCase();
    if (!mine && (a.requestId !== data["requestId"] || a.manager.aadObjectId?.toLowerCase() !== me)) return false;
  }
  return true;
}

export interface TabRoutes {
  auth: TabAuth;
}

/** Register the tab pages and API on the app's restify server. */
export function registerTabRoutes(server: Server, s: Services, options: { publicDir?: string } = {}): TabRoutes {
  const auth = new TabAuth(s.config);
  const assets = loadAssets(options.publicDir ?? TAB_PUBLIC_DIR);
  const log = s.log.child({ part: "tab" });

  /** The verified identity, or undefined after answering 401. Nothing is read before this passes. */
  async function signedIn(req: Request, res: Response): Promise<TabIdentity | undefined> {
    const result = await auth.verify(req.header("authorization"));
    // A development session is only ever good from this machine.
    if (result.ok && (!result.identity.dev || fromThisMachine(req))) return result.identity;
    log.info("tab sign-in refused");
    res.header("www-authenticate", 'Bearer realm="tab"');
    sendJson(res, 401, { error: tabProblemText(result.ok ? "signIn" : result.problem, requestLang(req)) });
    return undefined;
  }

  const page = (name: string) => async (req: Request, res: Response) => {
    const asset = assets.get(name);
    if (!asset) {
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.sendRaw(503, tabErrorText("errors.tab.notBuilt", requestLang(req)));
      return;
    }
    const gzip = /\bgzip\b/.test(req.header("accept-encoding") ?? "");
    res.setHeader("content-type", asset.type);
    res.setHeader("cache-control", name.endsWith(".html") ? "no-cache" : "public, max-age=300");
    res.setHeader("x-content-type-options", "nosniff");
    if (name.endsWith(".html")) {
      // Teams shows the tab in a frame; only Teams (and this app itself) may frame it.
      res.setHeader(
        "content-security-policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self' https://res.cdn.office.net; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com",
      );
    }
    res.setHeader("vary", "accept-encoding");
    if (gzip) res.setHeader("content-encoding", "gzip");
    res.sendRaw(200, gzip ? asset.gzipped : asset.body);
  };
  server.get("/tab/personal", page("personal.html"));
  server.get("/tab/programme", page("programme.html"));
  server.get("/tab/:file", async (req, res) => {
    const file = String(req.params?.file ?? "");
    if (file.endsWith(".html") || !assets.has(file)) {
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.sendRaw(404, tabErrorText("errors.tab.notFound", requestLang(req)));
      return;
    }
    return page(file)(req, res);
  });

  /** What the page needs before sign-in: whether the development sign-in is on, and as whom (the page names each one's part in its language). */
  server.get("/api/tab/config", async (_req, res) => {
    sendJson(res, 200, {
      devSignIn: auth.devSignIn,
      ...(auth.devSignIn ? { demoPeople: DEMO_SIGN_IN.map(({ key, person }) => ({ id: key, name: person.name })) } : {}),
    });
  });

  server.post("/api/tab/dev-sign-in", async (req, res) => {
    const body = z.object({ person: z.string().max(40) }).safeParse(req.body);
    const token = auth.devSignIn && body.success ? await auth.devToken(body.data.person) : undefined;
    if (!auth.devSignIn || !fromThisMachine(req)) {
      sendJson(res, 401, { error: tabErrorText("errors.tab.devOff", requestLang(req)) });
      return;
    }
    if (!token) {
      sendJson(res, 400, { error: tabErrorText("errors.tab.chooseDemo", requestLang(req)) });
      return;
    }
    sendJson(res, 200, { token, development: true });
  });

  server.get("/api/tab/me", async (req, res) => {
    const id = await signedIn(req, res);
    if (!id) return;
    const caller = await tabCaller(s, id, localeOf(req));
    sendJson(res, 200, { name: id.name ?? null, development: id.dev, lang: caller.lang, sections: await mySections(s, caller) });
  });

  // People's data: the signed-in person's own export as a JSON file (never anyone else's).
  server.get("/api/tab/my-data", async (req, res) => {
    const id = await signedIn(req, res);
    if (!id) return;
    const bytes = await exportFile(s, id.person, id.name, await languageFor(s, id.person, localeOf(req)));
    res.set({ ...SECURITY_HEADERS, "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${EXPORT_FILE_NAME}"` });
    res.sendRaw(200, bytes);
  });

  /**
   * The line-manager picker's search: people the app knows in the caller's own tenant, by name
   * (?q=), or one of them by id (?id=, to show a picked person's name again). Name and id only;
   * never the caller.
   */
  server.get("/api/tab/people", async (req, res) => {
    const id = await signedIn(req, res);
    if (!id) return;
    const params = new URL(req.url ?? "/", "http://localhost").searchParams;
    const find = PeopleQuery.safeParse({ q: params.get("q") ?? undefined, id: params.get("id") ?? undefined });
    if (!find.success || (find.data.q === undefined) === (find.data.id === undefined)) {
      sendJson(res, 200, { people: [] });
      return;
    }
    const me = id.person.aadObjectId.toLowerCase();
    const found = await s.conversations.findPeople(id.person.tenantId, { ...(find.data.q !== undefined ? { query: find.data.q } : {}), ...(find.data.id !== undefined ? { id: find.data.id } : {}) }, PEOPLE_LIMIT + 1);
    sendJson(res, 200, { people: found.filter((p) => p.id.toLowerCase() !== me).slice(0, PEOPLE_LIMIT) });
  });

  server.get("/api/tab/secondments/:id", async (req, res) => {
    const id = await signedIn(req, res);
    if (!id) return;
    const caller = await tabCaller(s, id, localeOf(req));
    const secondmentId = String(req.params?.id ?? "");
    if (!/^secondment-[0-9a-f]{32}$/.test(secondmentId) || !(await mayTouch(s, caller, { secondmentId }))) {
      sendJson(res, 404, notFound(caller.lang));
      return;
    }
    sendJson(res, 200, { reply: forTab(await secondment.mine(s, caller, { secondmentId }), caller.lang) });
  });

  server.post("/api/tab/action", async (req, res) => {
    const id = await signedIn(req, res);
    if (!id) return;
    const body = ActionBody.safeParse(req.body);
    if (!body.success) {
      const issue = body.error.issues[0]!;
      const lang = await languageFor(s, id.person, localeOf(req));
      sendJson(res, 400, { error: t(lang, "errors.tab.badRequest", { field: issue.path.join(".") || "body", problem: problemText(lang, issue) }) });
      return;
    }
    const { verb, data } = body.data;
    if (NOT_FROM_TAB.has(verb)) {
      sendJson(res, 200, { reply: text(t(await languageFor(s, id.person, localeOf(req)), "tabPersonal.notFromTab")) });
      return;
    }
    const caller = await tabCaller(s, id, localeOf(req));
    if (!(await mayTouch(s, caller, data))) {
      sendJson(res, 404, notFound(caller.lang));
      return;
    }
    const reply = await dispatch(s, caller, verb, data);
    // After a change of language the answer is in the new one.
    sendJson(res, 200, { reply: forTab(reply, verb === VERBS.setLanguage ? await languageFor(s, id.person, localeOf(req)) : caller.lang) });
  });

  return { auth };
}
