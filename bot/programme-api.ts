import { createHash } from "node:crypto";
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import { VERBS } from "../cards";
import { renderCard } from "./render-card";
import { todayInLondon } from "../src/domain/dates";
import { DEFAULT_LANG, formatDate, isLang, langFromLocale, t, type Lang } from "../src/i18n";
import { AREAS } from "../src/i18n/catalogues";
import { dateTimeLabel, filterOptions, RowLabeller } from "../src/programme/labels";
import { matchId } from "../src/domain/match";
import { personStageLabel } from "../src/domain/stage";
import { INTEREST_ID } from "../src/store/records";
import { AuditStore } from "../src/store/audit";
import { ChangeLog } from "../src/store/changes";
import { audit as audited, auditWords } from "./handlers/audit";
import { owedAudit } from "./handlers/match-follow-up";
import type { Store } from "../src/store/store";
import { EXPORTS, exportFileName, writeExport, type ExportName } from "../src/programme/export";
import { checkManualMatch, ManualMatchSchema, manualExplanation, overrideDetail, ruleViews } from "../src/programme/manual-match";
import { outcomesOf } from "../src/programme/outcomes";
import { PoolIndex } from "../src/programme/pool-index";
import { roleStage, roleStageLabel } from "../src/domain/stage";
import { brokenLines, openMatchesOf } from "./handlers/role-matches";
import { InterestQuerySchema, queryInterests, queryRoles, RoleQuerySchema } from "../src/programme/pool-query";
import { publicItem, reminderMessages, reminderSlot, stuckItems, stuckWords } from "../src/programme/stuck";
import { interestFacts, roleFacts } from "./handlers/describe";
import { registerKnowledgeRoutes } from "./programme-knowledge-api";
import * as matching from "./handlers/matching";
import { releaseReminder } from "./handlers/approval";
import { matchReminder } from "./handlers/match-outcome";
import { isProgrammeTeam } from "./handlers/secondment";
import { agreementReminder, checkInReminder } from "./handlers/secondment-card";
import { languageFor, type Caller, type Services } from "./handlers/types";
import { dispatch } from "./router";
import { readableLeftIn } from "../src/privacy/identity";
import { tabProblemText, type TabAuth, type TabIdentity } from "./tab-auth";
import { tabCaller } from "./tab-api";

/**
 * The Programme tab's API, /api/programme/…: the pool, matches to decide, manual matches, what is
 * stuck, outcomes, exports and the audit trail. Identity comes only from a verified tab token (the
 * same TabAuth as My secondment); only people on the server's programme-team list get past 403.
 * Confirm and "not suitable" run the router's verbs, exactly as the chat card's buttons do (and are
 * audited there, once, whichever face pressed them); what only the tab does is audited here.
 */

const HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function send(res: Response, status: number, body: unknown): void {
  res.set(HEADERS);
  res.send(status, body);
}

/** The page's words in one language: the `programme` area of the catalogue, as ICU messages the page formats. */
export const pageWords = (lang: Lang): Readonly<Record<string, string>> => AREAS[lang]["programme"];

/** What was wrong with a request, naming the field, in the reader's language. */
function firstIssue(lang: Lang, error: z.ZodError): string {
  return t(lang, "programme.error.field", { field: String(error.issues[0]?.path[0] ?? "request") });
}

/** The query string as plain fields (the app's restify server has no query parser). */
const queryOf = (req: Request): Record<string, string> => Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams);

const DecideBody = z.object({
  verb: z.enum([VERBS.confirmMatch, VERBS.rejectSuggestion]),
  data: z.object({ openingId: z.string().max(100), candidateKey: z.string().max(250) }),
});
// No messages of their own: firstIssue names the field in the team member's language.
const RemindBody = z.object({ id: z.string().min(3).max(300) });
const KeyParam = z.string().min(3).max(250).regex(/^[^:]+:[^:]+$/);
const RoleParam = z.string().regex(/^role-[0-9a-f-]{36}$/);

export interface ProgrammeRoutes {
  index: PoolIndex;
  audit: AuditStore;
}

/** The language of someone not (yet) known: ?lang=cy, else their browser's, else English. */
function guessedLang(req: Request): Lang {
  const asked = queryOf(req)["lang"];
  if (isLang(asked)) return asked;
  return langFromLocale(asked) ?? langFromLocale(String(req.header("accept-language") ?? "").split(",")[0]) ?? DEFAULT_LANG;
}

export function registerProgrammeRoutes(server: Server, s: Services, store: Store, auth: TabAuth, options: { indexMaxAgeMs?: number } = {}): ProgrammeRoutes {
  // Changes made anywhere (chat, other instances) leave markers: the tables show them at once.
  const index = new PoolIndex(store.container("people"), store.container("matches"), store.container("secondments"), options.indexMaxAgeMs, new ChangeLog(store.container("changes")));
  const audit = new AuditStore(store.container("audit"));
  const log = s.log.child({ part: "programme" });
  const containers = { people: store.container("people"), matches: store.container("matches"), secondments: store.container("secondments") };

  /** The caller, once their token checks out and they are on the programme team; else 401 or 403 is sent. */
  async function teamMember(req: Request, res: Response): Promise<{ id: TabIdentity; caller: Caller; lang: Lang } | undefined> {
    const result = await auth.verify(req.header("authorization"));
    if (!result.ok || (result.identity.dev && !LOOPBACK.has(req.socket?.remoteAddress ?? ""))) {
      res.header("www-authenticate", 'Bearer realm="tab"');
      send(res, 401, { error: result.ok ? t(guessedLang(req), "programme.error.signIn") : tabProblemText(result.problem, guessedLang(req)) });
      return undefined;
    }
    if (!isProgrammeTeam(s, result.identity.person)) {
      log.info("programme tab refused: not on the programme team");
      const lang = await languageFor(s, result.identity.person);
      send(res, 403, { error: t(lang, "programme.error.notTeam"), lang, words: pageWords(lang) });
      return undefined;
    }
    const caller = await tabCaller(s, result.identity);
    return { id: result.identity, caller, lang: caller.lang };
  }

  /** The page's words before anyone has signed in (the sign-in and "open this in Teams" pages). */
  server.get("/api/programme/words", async (req, res) => {
    const lang = guessedLang(req);
    send(res, 200, { lang, words: pageWords(lang) });
  });

  server.get("/api/programme/me", async (req, res) => {
    const m = await teamMember(req, res);
    if (m) send(res, 200, { name: m.id.name ?? null, development: m.id.dev, lang: m.lang, words: pageWords(m.lang), options: filterOptions(m.lang) });
  });

  server.get("/api/programme/interests", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const q = InterestQuerySchema.safeParse(queryOf(req));
    if (!q.success) return send(res, 400, { error: firstIssue(m.lang, q.error) });
    const page = queryInterests(await index.snapshot(), q.data);
    const labeller = new RowLabeller(m.lang);
    send(res, 200, { ...page, rows: page.rows.map((r) => labeller.interest(r)) });
  });

  server.get("/api/programme/roles", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const q = RoleQuerySchema.safeParse(queryOf(req));
    if (!q.success) return send(res, 400, { error: firstIssue(m.lang, q.error) });
    const page = queryRoles(await index.snapshot(), q.data);
    const labeller = new RowLabeller(m.lang);
    send(res, 200, { ...page, rows: page.rows.map((r) => labeller.role(r)) });
  });

  /**
   * A person's record: their interest as a card (the chat's records template, which never shows
   * adjustments) and, beside it, their reasonable adjustments. This is the only place the programme
   * team sees adjustments (never lists, exports, cards or logs), and every time they are shown the
   * audit trail records who saw whose and when.
   */
  server.get("/api/programme/person", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const key = KeyParam.safeParse(queryOf(req)["key"] ?? "");
    const [tenantId, aadObjectId] = key.success ? key.data.split(":") : [];
    const doc = tenantId && aadObjectId ? await s.interests.get({ tenantId, aadObjectId }, INTEREST_ID) : undefined;
    if (!doc) return send(res, 404, { error: t(m.lang, "programme.error.notFound") });
    // The person's stage as the People table shows it (src/domain/stage.ts).
    const row = (await index.snapshot()).interests.find((r) => r.key === key.data);
    const stage = doc.status === "withdrawn" ? "withdrawn" : (row?.status ?? "available");
    const card = renderCard(
      "records",
      {
        title: doc.details.fullName,
        empty: "",
        items: [{ heading: doc.details.organisationName, statusLabel: personStageLabel(m.lang, stage), statusColor: stage === "withdrawn" ? "warning" : "good", facts: interestFacts(doc.details, m.lang, undefined, "others").filter((f) => f.title !== t(m.lang, "facts.lineManager")), actions: [] }],
        cardActions: [],
      },
      m.lang,
    );
    const adjustments = doc.details.adjustments?.trim() || null;
    if (adjustments) await audited(s, m.caller, "adjustments-view", doc.details.fullName, [key.data!]);
    send(res, 200, { reply: { kind: "card", card }, adjustments });
  });

  /** A role as a card, with the engine's suggestions for it (the chat's suggestions card, same buttons). */
  server.get("/api/programme/roles/:id", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const id = RoleParam.safeParse(String(req.params?.id ?? ""));
    if (!id.success) return send(res, 404, { error: t(m.lang, "programme.error.notFound") });
    const w = await matching.world(s);
    const role = w.state.role(id.data);
    if (!role) return send(res, 404, { error: t(m.lang, "programme.error.notFound") });
    // Open, filled (as many matches going ahead as openings) or withdrawn: the words of the Roles table.
    const stage = (await index.snapshot()).roles.find((r) => r.id === id.data)?.status ?? roleStage(role.status, role.details.form.openings, 0);
    // Matches in play the role (or the person) has changed away from: flagged, the rules worked out now.
    const flagged = (await openMatchesOf(s, role.owner, id.data)).flatMap((x) => ((broken) => (broken.length ? [{ match: x, broken }] : []))(w.engine.recheck(x.candidate.key, id.data) ?? []));
    const roleCard = renderCard(
      "records",
      {
        title: role.details.form.title,
        ...(flagged.length ? { notice: t(m.lang, "programme.roles.rulesBroken", { count: flagged.length, lines: brokenLines(m.lang, flagged) }) } : {}),
        empty: "",
        items: [{ heading: role.details.form.hostOrganisation, statusLabel: roleStageLabel(m.lang, stage), statusColor: stage === "withdrawn" ? "warning" : stage === "filled" ? "accent" : "good", facts: roleFacts(role.details, m.lang), actions: [] }],
        cardActions: [],
      },
      m.lang,
    );
    const model = matching.suggestionsModel(w, id.data, w.engine.matchesForOpening(id.data, 3), m.lang, await matching.secondmentsOf(s, w, id.data));
    send(res, 200, { role: { kind: "card", card: roleCard }, suggestions: model ? { kind: "card", card: renderCard("match-suggestions", model, m.lang) } : { kind: "text", text: t(m.lang, "programme.roles.noSuggestions") } });
  });

  /** Confirm or "not suitable": the router's verb, as the chat card runs it (the verb audits it). */
  server.post("/api/programme/decide", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const body = DecideBody.safeParse(req.body);
    if (!body.success) return send(res, 400, { error: firstIssue(m.lang, body.error) });
    const id = matchId(body.data.data.openingId, body.data.data.candidateKey);
    const before = await s.matches.get(id);
    const reply = await dispatch(s, m.caller, body.data.verb, body.data.data);
    // A store that stopped after the verb saved the match: the answer still says what happened.
    const after = await s.matches.get(id).catch(() => "unknown" as const);
    if (!before && after) index.invalidate();
    send(res, 200, { reply });
  });

  async function manualCheck(body: unknown, lang: Lang) {
    const parsed = ManualMatchSchema.safeParse(body);
    if (!parsed.success) return { error: firstIssue(lang, parsed.error) } as const;
    const w = await matching.world(s);
    return { req: parsed.data, w, check: checkManualMatch(w.state, w.state.allMatches(), s.rules(), parsed.data) } as const;
  }

  server.post("/api/programme/manual-match/check", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const r = await manualCheck(req.body, m.lang);
    if ("error" in r) return send(res, 400, { error: r.error });
    if (r.check.kind === "missing") return send(res, 404, { error: t(m.lang, "programme.manual.missing") });
    if (r.check.kind === "exists") return send(res, 409, { error: t(m.lang, "programme.manual.exists") });
    send(res, 200, { rules: ruleViews(r.check.rules, m.lang), blocked: r.check.broken.length > 0 });
  });

  server.post("/api/programme/manual-match", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const r = await manualCheck(req.body, m.lang);
    if ("error" in r) return send(res, 400, { error: r.error });
    if (r.check.kind === "missing") return send(res, 404, { error: t(m.lang, "programme.manual.missing") });
    if (r.check.kind === "exists") return send(res, 409, { error: t(m.lang, "programme.manual.exists") });
    const { rules, broken, candidate, opening } = r.check;
    if (broken.length && !r.req.overrideReason) {
      return send(res, 409, { blocked: true, rules: ruleViews(rules, m.lang), error: t(m.lang, "programme.manual.blocked", { count: broken.length }) });
    }
    // Audited in the match's own write (match-follow-up.ts): a saved match always gets its entries.
    const owed = [owedAudit(s, m.caller, "manual-match"), ...(broken.length ? [owedAudit(s, m.caller, "override", overrideDetail(broken, r.req.overrideReason ?? ""))] : [])];
    const outcome = await matching.createAndNotify(s, m.caller, r.w, r.req, manualExplanation(rules), owed);
    if (outcome === "exists") return send(res, 409, { error: t(m.lang, "programme.manual.exists") });
    if (outcome === "missing") return send(res, 404, { error: t(m.lang, "programme.manual.missing") });
    index.invalidate();
    send(res, 200, { rules: ruleViews(rules, m.lang), message: t(m.lang, outcome === "pending" ? "programme.manual.doneLater" : "programme.manual.done", { person: candidate.name, role: opening.details.title }) });
  });

  const stuckNow = () => stuckItems(containers.people, containers.matches, containers.secondments, todayInLondon(s.now()));

  server.get("/api/programme/stuck", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    send(res, 200, readableLeftIn({ items: (await stuckNow()).map((i) => publicItem(i, m.lang)) }, m.lang));
  });

  server.post("/api/programme/stuck/remind", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const body = RemindBody.safeParse(req.body);
    if (!body.success) return send(res, 400, { error: firstIssue(m.lang, body.error) });
    const item = (await stuckNow()).find((i) => i.id === body.data.id);
    if (!item) return send(res, 404, { error: t(m.lang, "programme.stuck.gone") });
    if (!item.recipients.length) return send(res, 409, { error: t(m.lang, "programme.stuck.nobody") });
    const slot = reminderSlot(todayInLondon(s.now()));
    const langs = await Promise.all(item.recipients.map((p) => languageFor(s, p)));
    const results = [];
    for (const [i, msg] of reminderMessages(item, slot.day, m.caller.serviceUrl, langs).entries()) {
      // Each reminder lets its reader act in one click: one about a match carries a button that opens
      // the match card in their own chat; one about a release request, an agreement or a check-in is
      // the card they act on, with the reminder on it (none if they have acted since the list was read).
      const r = item.recipients[i]!;
      const words = String(msg.activity["text"]);
      const sec = item.secondment;
      const release = item.request && !(item.matchId && r.side) ? await releaseReminder(s, item.request, words, langs[i]!) : undefined;
      const activity =
        item.matchId && r.side
          ? await matchReminder(s, words, { matchId: item.matchId }, r.side, r, langs[i]!)
          : release
            ? release.activity
            : sec && item.kind === "agreement"
              ? await agreementReminder(s, sec.id, r, words, langs[i]!)
              : sec?.n !== undefined && (r.party === "secondee" || r.party === "homeManager")
                ? await checkInReminder(s, { secondmentId: sec.id, n: sec.n }, r.party, words, langs[i]!)
                : msg.activity;
      if (activity) results.push(await s.outbox.enqueue({ ...msg, activity, ...(release?.dependsOn ? { dependsOn: release.dependsOn } : {}) }));
    }
    if (!results.length) return send(res, 404, { error: t(m.lang, "programme.stuck.gone") });
    // The audit trail is kept in one language, whoever reads it later. The entry's id is fixed by
    // the item and the working day, like the messages: written once, however often it is tried.
    const { title, waitingOn } = stuckWords(item.facts);
    const entryId = `audit-reminder-${createHash("sha256").update(`${item.id}\u0000${slot.day}`).digest("hex").slice(0, 32)}`;
    const record = () => audited(s, m.caller, "reminder", title, item.about, waitingOn, entryId);
    if (!results.includes("queued")) {
      // Already sent: if its entry could not be written then, it is written now.
      await record().catch((err: unknown) => log.warn("reminder audit entry not written", { err: err as Error }));
      return send(res, 200, { sent: false, message: t(m.lang, "programme.stuck.alreadySent", { next: formatDate(m.lang, slot.next) }) });
    }
    try {
      await record();
    } catch (err) {
      // The reminder is on its way whatever the store does next: say so, and how the entry follows.
      log.warn("reminder sent; audit entry not written", { err: err as Error });
      return send(res, 200, { sent: true, message: t(m.lang, "programme.stuck.sentNotRecorded") });
    }
    send(res, 200, { sent: true, message: t(m.lang, "programme.stuck.sent") });
  });

  server.get("/api/programme/outcomes", async (req, res) => {
    const m = await teamMember(req, res);
    if (m) send(res, 200, outcomesOf(await index.snapshot(), m.lang));
  });

  registerKnowledgeRoutes(server, s, teamMember, send);

  server.get("/api/programme/audit", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const given = queryOf(req)["cursor"];
    const cursor = given && given.length < 2000 ? given : undefined;
    const page = await audit.page(25, cursor);
    // An erased person is a marker in the trail: named in the reader's language.
    send(res, 200, readableLeftIn({ ...page, entries: page.entries.map((e) => ({ ...auditWords(e, m.lang), atText: dateTimeLabel(m.lang, e.at) })) }, m.lang));
  });

  server.get("/api/programme/export/:file", async (req, res) => {
    const file = String(req.params?.file ?? "");
    const name = /^([a-z]+)\.csv$/.exec(file)?.[1] as ExportName | undefined;
    const m = await teamMember(req, res);
    if (!m) return;
    if (!name || !EXPORTS.includes(name)) return send(res, 404, { error: t(m.lang, "programme.error.notFound") });
    await audited(s, m.caller, "export", `${name}.csv`, []);
    res.writeHead(200, {
      ...HEADERS,
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(name, todayInLondon(s.now()))}"`,
    });
    try {
      await writeExport(name, containers, res, undefined, m.lang);
    } catch (err) {
      log.error("export failed", { err: err as Error });
      res.destroy();
    }
  });

  return { index, audit };
}
