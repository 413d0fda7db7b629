import type { Request, Response, Server } from "restify";
import { z } from "zod";
import { renderCard, VERBS } from "../cards";
import { todayInLondon } from "../src/domain/dates";
import { matchId } from "../src/domain/match";
import { INTEREST_ID } from "../src/store/records";
import { AuditStore, type AuditAction } from "../src/store/audit";
import type { Store } from "../src/store/store";
import { EXPORTS, exportFileName, writeExport, type ExportName } from "../src/programme/export";
import { checkManualMatch, ManualMatchSchema, manualExplanation } from "../src/programme/manual-match";
import { outcomesOf } from "../src/programme/outcomes";
import { PoolIndex } from "../src/programme/pool-index";
import { InterestQuerySchema, queryInterests, queryRoles, RoleQuerySchema } from "../src/programme/pool-query";
import { publicItem, reminderMessages, stuckItems } from "../src/programme/stuck";
import { interestFacts, roleFacts } from "./handlers/describe";
import * as matching from "./handlers/matching";
import { isProgrammeTeam } from "./handlers/secondment";
import type { Caller, Services } from "./handlers/types";
import { dispatch } from "./router";
import type { TabAuth, TabIdentity } from "./tab-auth";
import { tabCaller } from "./tab-api";

/**
 * The Programme tab's API, /api/programme/…: the pool, matches to decide, manual matches, what is
 * stuck, outcomes, exports and the audit trail. Identity comes only from a verified tab token (the
 * same TabAuth as My secondment); only people on the server's programme-team list get past 403.
 * Confirm and "not suitable" run the router's verbs, exactly as the chat card's buttons do.
 */

const HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const NOT_TEAM = "This tab is for the secondment programme team. If you need access, ask the programme team to add you.";

function send(res: Response, status: number, body: unknown): void {
  res.set(HEADERS);
  res.send(status, body);
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join(".") || "request"} ${issue.message}`;
}

/** The query string as plain fields (the app's restify server has no query parser). */
const queryOf = (req: Request): Record<string, string> => Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams);

const DecideBody = z.object({
  verb: z.enum([VERBS.confirmMatch, VERBS.rejectSuggestion], { message: "must be confirm or not suitable" }),
  data: z.object({ openingId: z.string().max(100), candidateKey: z.string().max(250) }),
});
const RemindBody = z.object({ id: z.string({ message: "must be an item id" }).min(3).max(300) });
const KeyParam = z.string().min(3).max(250).regex(/^[^:]+:[^:]+$/, "must be a person");
const RoleParam = z.string().regex(/^role-[0-9a-f-]{36}$/, "must be a role id");

export interface ProgrammeRoutes {
  index: PoolIndex;
  audit: AuditStore;
}

export function registerProgrammeRoutes(server: Server, s: Services, store: Store, auth: TabAuth, options: { indexMaxAgeMs?: number } = {}): ProgrammeRoutes {
  const index = new PoolIndex(store.container("people"), store.container("matches"), store.container("secondments"), options.indexMaxAgeMs);
  const audit = new AuditStore(store.container("audit"));
  const log = s.log.child({ part: "programme" });
  const containers = { people: store.container("people"), matches: store.container("matches"), secondments: store.container("secondments") };

  /** The caller, once their token checks out and they are on the programme team; else 401 or 403 is sent. */
  async function teamMember(req: Request, res: Response): Promise<{ id: TabIdentity; caller: Caller } | undefined> {
    const result = await auth.verify(req.header("authorization"));
    if (!result.ok || (result.identity.dev && !LOOPBACK.has(req.socket?.remoteAddress ?? ""))) {
      res.header("www-authenticate", 'Bearer realm="tab"');
      send(res, 401, { error: result.ok ? "Sign in to use this tab." : result.problem });
      return undefined;
    }
    if (!isProgrammeTeam(s, result.identity.person)) {
      log.info("programme tab refused: not on the programme team");
      send(res, 403, { error: NOT_TEAM });
      return undefined;
    }
    return { id: result.identity, caller: await tabCaller(s, result.identity) };
  }

  const record = (c: Caller, action: AuditAction, subject: string, detail?: string) =>
    audit.record({ at: s.now().toISOString(), who: { aadObjectId: c.person.aadObjectId, ...(c.name ? { name: c.name } : {}) }, action, subject, ...(detail ? { detail } : {}) });

  server.get("/api/programme/me", async (req, res) => {
    const m = await teamMember(req, res);
    if (m) send(res, 200, { name: m.id.name ?? null, development: m.id.dev });
  });

  server.get("/api/programme/interests", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const q = InterestQuerySchema.safeParse(queryOf(req));
    if (!q.success) return send(res, 400, { error: firstIssue(q.error) });
    send(res, 200, queryInterests(await index.snapshot(), q.data));
  });

  server.get("/api/programme/roles", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const q = RoleQuerySchema.safeParse(queryOf(req));
    if (!q.success) return send(res, 400, { error: firstIssue(q.error) });
    send(res, 200, queryRoles(await index.snapshot(), q.data));
  });

  /** A person's interest as a card (the chat's records template; adjustments are never shown). */
  server.get("/api/programme/person", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const key = KeyParam.safeParse(queryOf(req)["key"] ?? "");
    const [tenantId, aadObjectId] = key.success ? key.data.split(":") : [];
    const doc = tenantId && aadObjectId ? await s.interests.get({ tenantId, aadObjectId }, INTEREST_ID) : undefined;
    if (!doc) return send(res, 404, { error: "Not found." });
    const card = renderCard("records", {
      title: doc.details.fullName,
      empty: "",
      items: [{ heading: doc.details.organisationName, statusLabel: doc.status === "withdrawn" ? "Withdrawn" : "In the pool", statusColor: doc.status === "withdrawn" ? "warning" : "good", facts: interestFacts(doc.details).filter((f) => f.title !== "Line manager"), actions: [] }],
      cardActions: [],
    });
    send(res, 200, { reply: { kind: "card", card } });
  });

  /** A role as a card, with the engine's suggestions for it (the chat's suggestions card, same buttons). */
  server.get("/api/programme/roles/:id", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const id = RoleParam.safeParse(String(req.params?.id ?? ""));
    if (!id.success) return send(res, 404, { error: "Not found." });
    const w = await matching.world(s);
    const role = w.state.role(id.data);
    if (!role) return send(res, 404, { error: "Not found." });
    const roleCard = renderCard("records", {
      title: role.details.form.title,
      empty: "",
      items: [{ heading: role.details.form.hostOrganisation, statusLabel: role.status === "withdrawn" ? "Withdrawn" : "Open", statusColor: role.status === "withdrawn" ? "warning" : "good", facts: roleFacts(role.details), actions: [] }],
      cardActions: [],
    });
    const model = matching.suggestionsModel(w, id.data, w.engine.matchesForOpening(id.data, 3), m.caller.lang);
    send(res, 200, { role: { kind: "card", card: roleCard }, suggestions: model ? { kind: "card", card: renderCard("match-suggestions", model, m.caller.lang) } : { kind: "text", text: "No suggestions for this role yet." } });
  });

  /** Confirm or "not suitable": the router's verb, as the chat card runs it; then audited. */
  server.post("/api/programme/decide", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const body = DecideBody.safeParse(req.body);
    if (!body.success) return send(res, 400, { error: firstIssue(body.error) });
    const id = matchId(body.data.data.openingId, body.data.data.candidateKey);
    const before = await s.matches.get(id);
    const reply = await dispatch(s, m.caller, body.data.verb, body.data.data);
    const after = await s.matches.get(id);
    if (!before && after) {
      index.invalidate();
      await record(m.caller, after.status === "closed" ? "not-suitable" : "confirm", `${after.candidate.name} for ${after.opening.title}`);
    }
    send(res, 200, { reply });
  });

  async function manualCheck(body: unknown) {
    const parsed = ManualMatchSchema.safeParse(body);
    if (!parsed.success) return { error: firstIssue(parsed.error) } as const;
    const w = await matching.world(s);
    return { req: parsed.data, w, check: checkManualMatch(w.state, w.state.allMatches(), s.rules(), parsed.data) } as const;
  }

  server.post("/api/programme/manual-match/check", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const r = await manualCheck(req.body);
    if ("error" in r) return send(res, 400, { error: r.error });
    if (r.check.kind === "missing") return send(res, 404, { error: "That person or role was not found." });
    if (r.check.kind === "exists") return send(res, 409, { error: "This person is already matched with this role." });
    send(res, 200, { rules: r.check.rules, blocked: r.check.broken.length > 0 });
  });

  server.post("/api/programme/manual-match", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const r = await manualCheck(req.body);
    if ("error" in r) return send(res, 400, { error: r.error });
    if (r.check.kind === "missing") return send(res, 404, { error: "That person or role was not found." });
    if (r.check.kind === "exists") return send(res, 409, { error: "This person is already matched with this role." });
    const { rules, broken, candidate, opening } = r.check;
    if (broken.length && !r.req.overrideReason) {
      return send(res, 409, { blocked: true, rules, error: `This match breaks ${broken.length === 1 ? "a rule" : `${broken.length} rules`}. To go ahead anyway, give a reason for the override.` });
    }
    const outcome = await matching.createAndNotify(s, m.caller, r.w, r.req, manualExplanation(rules));
    if (outcome === "exists") return send(res, 409, { error: "This person is already matched with this role." });
    if (outcome === "missing") return send(res, 404, { error: "That person or role was not found." });
    index.invalidate();
    const subject = `${candidate.name} for ${opening.details.title}`;
    await record(m.caller, "manual-match", subject);
    if (broken.length) await record(m.caller, "override", subject, `Rules not met: ${broken.map((b) => b.label).join("; ")}. Reason: ${r.req.overrideReason}`);
    send(res, 200, { rules, message: `Matched ${candidate.name} with ${opening.details.title}. We have told the role's channel and ${candidate.name}.` });
  });

  const stuckNow = () => stuckItems(containers.people, containers.matches, containers.secondments, todayInLondon(s.now()));

  server.get("/api/programme/stuck", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    send(res, 200, { items: (await stuckNow()).map(publicItem) });
  });

  server.post("/api/programme/stuck/remind", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const body = RemindBody.safeParse(req.body);
    if (!body.success) return send(res, 400, { error: firstIssue(body.error) });
    const item = (await stuckNow()).find((i) => i.id === body.data.id);
    if (!item) return send(res, 404, { error: "That item is no longer waiting." });
    if (!item.recipients.length) return send(res, 409, { error: "We do not know who to remind about this one." });
    const results = [];
    for (const msg of reminderMessages(item, todayInLondon(s.now()), m.caller.serviceUrl)) results.push(await s.outbox.enqueue(msg));
    if (!results.includes("queued")) return send(res, 200, { sent: false, message: "A reminder about this was already sent today. You can send another on the next working day." });
    await record(m.caller, "reminder", item.title, item.waitingOn);
    send(res, 200, { sent: true, message: "Reminder sent." });
  });

  server.get("/api/programme/outcomes", async (req, res) => {
    const m = await teamMember(req, res);
    if (m) send(res, 200, outcomesOf(await index.snapshot()));
  });

  server.get("/api/programme/audit", async (req, res) => {
    const m = await teamMember(req, res);
    if (!m) return;
    const given = queryOf(req)["cursor"];
    const cursor = given && given.length < 2000 ? given : undefined;
    send(res, 200, await audit.page(25, cursor));
  });

  server.get("/api/programme/export/:file", async (req, res) => {
    const file = String(req.params?.file ?? "");
    const name = /^([a-z]+)\.csv$/.exec(file)?.[1] as ExportName | undefined;
    const m = await teamMember(req, res);
    if (!m) return;
    if (!name || !EXPORTS.includes(name)) return send(res, 404, { error: "Not found." });
    await record(m.caller, "export", `${name}.csv`);
    res.writeHead(200, {
      ...HEADERS,
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(name, todayInLondon(s.now()))}"`,
    });
    try {
      await writeExport(name, containers, res);
    } catch (err) {
      log.error("export failed", { err: err as Error });
      res.destroy();
    }
  });

  return { index, audit };
}
