import { createHash } from "node:crypto";
import { CARD_CONTENT_TYPE, renderCard, VERBS, type AdaptiveCardJson, type MatchModel, type MatchSuggestionsModel } from "../../cards";
import { formatUkDate } from "../../src/domain/dates";
import { monthsText } from "../../src/domain/forms";
import { gradeById } from "../../src/domain/grades";
import { activePairs, arrange, declinedPairs, matchId, ReasonSchema, recordOutcome, type Match, type Side } from "../../src/domain/match";
import { personKey } from "../../src/domain/person";
import { channelLabel } from "../../src/domain/role-record";
import { MatchEngine } from "../../src/matching/engine";
import type { Explanation } from "../../src/matching/explain";
import type { ExchangeProposal, Proposal } from "../../src/matching/types";
import { loadPool, type Pool } from "../../src/store/pool";
import { secondmentIdFor } from "../../src/domain/secondment";
import { askShareAdjustments } from "./privacy";
import * as secondment from "./secondment";
import { card, text, type Caller, type MessageTarget, type Reply, type Services } from "./types";

/**
 * Matching in Teams: suggestions for the programme team, their confirmation, the notification in
 * the role's channel, the secondee's card, and both sides' outcomes after the informal meeting.
 * The engine (src/matching) decides who fits; this module only moves cards and messages.
 */
export interface MatchRef {
  matchId: string;
}
export interface PairRef {
  openingId: string;
  candidateKey: string;
}

const SUGGESTIONS_PER_ROLE = 3;
/** Outbox ids must stay short (Cosmos ids are at most 255 characters): long keys are hashed. */
const digestOf = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 24);
const message = (c: AdaptiveCardJson) => ({ type: "message", attachments: [{ contentType: CARD_CONTENT_TYPE, content: c }] });
const note = (t: string) => ({ type: "message", text: t });
const bullets = (lines: string[]) => lines.filter(Boolean).map((l) => `- ${l}`).join("\n");

function isProgrammeTeam(s: Services, caller: Caller): boolean {
  return s.config.programmeTeam.aadObjectIds.some((id) => id.toLowerCase() === caller.person.aadObjectId.toLowerCase());
}

interface World {
  pool: Pool;
  matches: Match[];
  engine: MatchEngine;
}

/** Everyone, every role and every match, with an engine over them. Pairs already in play or turned down are never proposed. */
async function world(s: Services): Promise<World> {
  const matches = await s.matches.all();
  const pool = await loadPool(s.people, matches);
  const excluded = new Set([...declinedPairs(matches), ...activePairs(matches)]);
  const rules = s.rules();
  const engine = new MatchEngine({ today: rules.today, durationCapMonths: rules.durationCapMonths, declinedPairs: excluded });
  for (const c of pool.candidates) engine.upsertCandidate(c);
  for (const o of pool.openings) engine.upsertOpening(o);
  return { pool, matches, engine };
}

function explanationText(e: Explanation): string {
  return bullets([
    e.requiredSkillsMatched.length ? `Skills the role needs that they offer: ${e.requiredSkillsMatched.join(", ")}` : "",
    e.requiredSkillsMissing.length ? `Skills the role needs that they did not mention: ${e.requiredSkillsMissing.join(", ")}` : "",
    e.developmentMet.length ? `Skills they want to develop that the role offers: ${e.developmentMet.join(", ")}` : "",
    ...e.preferences.map((p) => p.text),
    `Checked: ${e.rulesChecked.map((r) => r.label ?? r.id).join("; ")}`,
  ]);
}

function suggestionsModel(w: World, openingId: string, proposals: Proposal[], notice?: string): MatchSuggestionsModel | undefined {
  const role = w.pool.roles.get(openingId);
  if (!role) return undefined;
  const byId = new Map(w.pool.candidates.map((c) => [c.id, c]));
  const existing = w.matches.filter((m) => m.opening.id === openingId);
  const person = (key: string) => byId.get(key);
  return {
    roleTitle: role.details.form.title,
    organisation: `${role.details.form.hostOrganisation}, ${role.details.form.team}`,
    channelLabel: channelLabel(role.details.channel),
    ...(notice ? { notice } : {}),
    candidates: [
      ...existing.map((m) => ({
        name: m.candidate.name,
        grade: gradeById(person(m.candidate.key)?.details.grade ?? "")?.label ?? "",
        profession: person(m.candidate.key)?.details.profession ?? "",
        summary: m.explanation,
        details: "",
        state: m.status === "closed" ? `Not going ahead: ${m.closedReason ?? ""}` : `Confirmed by ${m.confirmedBy.name ?? "the programme team"}`,
        actions: [],
      })),
      ...proposals.map((p) => {
        const c = person(p.candidateId)!;
        return {
          name: c.name,
          grade: gradeById(c.details.grade)?.label ?? c.details.grade,
          profession: c.details.profession,
          summary: p.explanation.summary,
          details: explanationText(p.explanation),
          actions: [
            { title: `Confirm ${c.name}`, verb: VERBS.confirmMatch, data: { openingId, candidateKey: p.candidateId } },
            { title: "Not suitable", verb: VERBS.rejectSuggestion, data: { openingId, candidateKey: p.candidateId } },
          ],
        };
      }),
    ],
  };
}

/** Tell the programme team about the best people for a role. Nobody else hears anything yet. */
export async function suggestForOpening(s: Services, openingId: string, serviceUrl: string, tenantId: string): Promise<number> {
  const w = await world(s);
  const proposals = w.engine.matchesForOpening(openingId, SUGGESTIONS_PER_ROLE);
  if (!proposals.length) return 0;
  const model = suggestionsModel(w, openingId, proposals);
  if (!model) return 0;
  const digest = digestOf(proposals.map((p) => `${p.candidateId}:${p.score}`).join("|"));
  if (!s.config.programmeTeam.aadObjectIds.length) s.log.warn("no programme team configured: suggestions not sent", { openingId });
  for (const member of s.config.programmeTeam.aadObjectIds) {
    await s.outbox.enqueue({
      id: `match-suggestions:${openingId}:${digest}:${member}`,
      target: { kind: "person", tenantId, aadObjectId: member, serviceUrl },
      activity: message(renderCard("match-suggestions", model)),
      purpose: "match-suggestions",
    });
  }
  return proposals.length;
}

/**
 * Suggestions are a side effect of saving something else: a failure here is logged and must not
 * spoil the person's own action, which has already been saved.
 */
export async function suggestQuietly(s: Services, what: () => Promise<unknown>): Promise<void> {
  try {
    await what();
  } catch (err) {
    s.log.error("could not prepare match suggestions", { err: err as Error });
  }
}

/** The card for a job swap: each person into the other's home role, confirmed together. */
function exchangeModel(w: World, x: ExchangeProposal, notice?: string): MatchSuggestionsModel | undefined {
  const [a, b] = x.candidateIds.map((id) => w.pool.candidates.find((c) => c.id === id));
  const roleFor = (p: Proposal) => w.pool.roles.get(p.openingId);
  if (!a || !b || !roleFor(x.first) || !roleFor(x.second)) return undefined;
  const pairs = { first: { openingId: x.first.openingId, candidateKey: x.first.candidateId }, second: { openingId: x.second.openingId, candidateKey: x.second.candidateId } };
  const entry = (c: typeof a, p: Proposal) => ({
    name: `${c.name} into ${roleFor(p)!.details.form.title} (${roleFor(p)!.details.form.hostOrganisation})`,
    grade: gradeById(c.details.grade)?.label ?? c.details.grade,
    profession: c.details.profession,
    summary: p.explanation.summary,
    details: explanationText(p.explanation),
    actions: [],
  });
  const first = entry(w.pool.candidates.find((c) => c.id === x.first.candidateId)!, x.first);
  const second = entry(w.pool.candidates.find((c) => c.id === x.second.candidateId)!, x.second);
  return {
    roleTitle: `Job swap: ${a.name} and ${b.name}`,
    organisation: x.summary,
    channelLabel: "each role's own channel",
    ...(notice ? { notice } : {}),
    candidates: [
      first,
      {
        ...second,
        actions: notice
          ? []
          : [
              { title: "Confirm this swap", verb: VERBS.confirmExchange, data: pairs },
              { title: "Not suitable", verb: VERBS.rejectExchange, data: pairs },
            ],
      },
    ],
  };
}

/** Tell the programme team about job swaps, optionally only those involving one person or role. */
export async function suggestExchanges(s: Services, serviceUrl: string, tenantId: string, involving?: string): Promise<number> {
  const w = await world(s);
  const swaps = w.engine
    .exchanges()
    .filter((x) => !involving || x.candidateIds.includes(involving) || x.first.openingId === involving || x.second.openingId === involving);
  for (const x of swaps) {
    const model = exchangeModel(w, x);
    if (!model) continue;
    for (const member of s.config.programmeTeam.aadObjectIds) {
      await s.outbox.enqueue({
        id: `exchange-suggestion:${digestOf(`${x.candidateIds.join("+")}|${x.first.openingId}|${x.second.openingId}`)}:${member}`,
        target: { kind: "person", tenantId, aadObjectId: member, serviceUrl },
        activity: message(renderCard("match-suggestions", model)),
        purpose: "exchange-suggestion",
      });
    }
  }
  return swaps.length;
}

/** Both halves of a swap are confirmed together (each is an ordinary match from then on). */
export async function confirmExchange(s: Services, caller: Caller, pairs: { first: PairRef; second: PairRef }): Promise<Reply> {
  if (!isProgrammeTeam(s, caller)) return text("Only the programme team can confirm matches.");
  const before = await world(s);
  const swap = before.engine.exchanges().find((x) => x.first.openingId === pairs.first.openingId && x.first.candidateId === pairs.first.candidateKey && x.second.openingId === pairs.second.openingId && x.second.candidateId === pairs.second.candidateKey);
  if (!swap) return text("This job swap is no longer possible, so nothing was sent.");
  await confirm(s, caller, pairs.first);
  await confirm(s, caller, pairs.second);
  const model = exchangeModel(before, swap, "Confirmed the job swap. We have told both roles' channels and both people.");
  return model ? card(renderCard("match-suggestions", model)) : text("Confirmed the job swap.");
}

export async function rejectExchange(s: Services, caller: Caller, pairs: { first: PairRef; second: PairRef }): Promise<Reply> {
  if (!isProgrammeTeam(s, caller)) return text("Only the programme team can turn down suggestions.");
  await reject(s, caller, pairs.first);
  await reject(s, caller, pairs.second);
  return text("We will not suggest this job swap again.");
}

/** A person became available (released, or changed their interest): suggest them where they fit. */
export async function suggestForCandidate(s: Services, candidateKey: string, serviceUrl: string, tenantId: string): Promise<void> {
  const w = await world(s);
  const openings = new Set(w.engine.matchesForCandidate(candidateKey, SUGGESTIONS_PER_ROLE).map((p) => p.openingId));
  for (const openingId of openings) await suggestForOpening(s, openingId, serviceUrl, tenantId);
  await suggestExchanges(s, serviceUrl, tenantId, candidateKey);
}

async function refreshSuggestions(s: Services, openingId: string, notice: string): Promise<Reply> {
  const w = await world(s);
  const model = suggestionsModel(w, openingId, w.engine.matchesForOpening(openingId, SUGGESTIONS_PER_ROLE), notice);
  return model ? card(renderCard("match-suggestions", model)) : text("That role no longer exists.");
}

/** A programme-team member confirms a suggested person for a role: the channel and the person are told. */
export async function confirm(s: Services, caller: Caller, ref: PairRef): Promise<Reply> {
  if (!isProgrammeTeam(s, caller)) return text("Only the programme team can confirm matches.");
  const w = await world(s);
  const proposal = w.engine.matchesForOpening(ref.openingId, 50).find((p) => p.candidateId === ref.candidateKey);
  const role = w.pool.roles.get(ref.openingId);
  const candidate = w.pool.candidates.find((c) => c.id === ref.candidateKey);
  if (!proposal || !role || !candidate) return refreshSuggestions(s, ref.openingId, "That person is no longer a suitable match for this role, so nothing was sent.");
  const id = matchId(ref.openingId, ref.candidateKey);
  const [tenantId, aadObjectId] = [candidate.id.slice(0, candidate.id.indexOf(":")), candidate.id.slice(candidate.id.indexOf(":") + 1)];
  const match: Match = {
    type: "match",
    opening: { id: ref.openingId, ownerKey: role.pk, title: role.details.form.title, organisation: role.details.form.hostOrganisation, channelConversationId: role.details.channel.conversationId },
    candidate: { tenantId, aadObjectId, key: candidate.id, name: candidate.name },
    status: "notified",
    confirmedBy: { aadObjectId: caller.person.aadObjectId, ...(caller.name ? { name: caller.name } : {}) },
    confirmedAt: s.now().toISOString(),
    outcomes: {},
    explanation: proposal.explanation.summary,
    details: explanationText(proposal.explanation),
  };
  if ((await s.matches.create(id, match)) === "exists") return refreshSuggestions(s, ref.openingId, "This match was already confirmed.");
  const channel = await s.conversations.get(caller.person.tenantId, role.details.channel.conversationId);
  const details = match.details!;
  if (channel) {
    await s.outbox.enqueue({
      id: `match-notification:${id}`,
      target: { kind: "conversation", tenantId: channel.tenantId, conversationId: channel.conversationId, serviceUrl: channel.serviceUrl },
      activity: message(hostCard(match, details, w)),
      purpose: "match-notification",
    });
  } else {
    s.log.warn("role channel unknown: notification not sent", { openingId: ref.openingId });
  }
  await s.outbox.enqueue({
    id: `match-secondee:${id}`,
    target: { kind: "person", tenantId, aadObjectId, serviceUrl: caller.serviceUrl },
    activity: message(secondeeCard(match, details, w)),
    purpose: "match-secondee",
  });
  s.log.info("match confirmed", { matchId: id });
  return refreshSuggestions(s, ref.openingId, `Confirmed ${candidate.name}. We have told the role's channel and ${candidate.name}.`);
}

/** A programme-team member turns a suggestion down: the pair is never suggested again. */
export async function reject(s: Services, caller: Caller, ref: PairRef): Promise<Reply> {
  if (!isProgrammeTeam(s, caller)) return text("Only the programme team can turn down suggestions.");
  const w = await world(s);
  const role = w.pool.roles.get(ref.openingId);
  const candidate = w.pool.candidates.find((c) => c.id === ref.candidateKey);
  if (!role || !candidate) return text("That role or person no longer exists.");
  const at = s.now().toISOString();
  const sep = candidate.id.indexOf(":");
  await s.matches.create(matchId(ref.openingId, ref.candidateKey), {
    type: "match",
    opening: { id: ref.openingId, ownerKey: role.pk, title: role.details.form.title, organisation: role.details.form.hostOrganisation, channelConversationId: role.details.channel.conversationId },
    candidate: { tenantId: candidate.id.slice(0, sep), aadObjectId: candidate.id.slice(sep + 1), key: candidate.id, name: candidate.name },
    status: "closed",
    confirmedBy: { aadObjectId: caller.person.aadObjectId, ...(caller.name ? { name: caller.name } : {}) },
    confirmedAt: at,
    outcomes: {},
    closedReason: "The programme team judged it not suitable",
    closedBy: "programme-team",
    closedAt: at,
    explanation: "",
  });
  return refreshSuggestions(s, ref.openingId, `We will not suggest ${candidate.name} for this role again.`);
}

const STATUS: Record<Match["status"], { text: (m: Match) => string; style: MatchModel["statusStyle"] }> = {
  notified: { text: () => "Waiting for the vacancy holder to arrange an informal chat.", style: "emphasis" },
  meeting: { text: (m) => `${m.arrangedBy?.name ?? "The vacancy holder"} is arranging the informal chat. After it, both sides say whether to go ahead.`, style: "emphasis" },
  agreeing: { text: () => "Both sides want to go ahead. Next: agree the details of the secondment.", style: "good" },
  closed: { text: (m) => `Not going ahead${m.closedReason ? `: ${m.closedReason}` : "."} Both stay available for other matches.`, style: "default" },
};

function candidateFacts(m: Match, w: World): { title: string; value: string }[] {
  const c = w.pool.candidates.find((x) => x.id === m.candidate.key);
  if (!c) return [];
  const d = c.details;
  return [
    { title: "Grade", value: gradeById(d.grade)?.label ?? d.grade },
    { title: "Profession", value: d.profession },
    { title: "Working pattern", value: d.workingPattern === "part-time" ? `Part-time, ${d.daysPerWeek} days a week` : "Full-time" },
    { title: "Available from", value: formatUkDate(d.availableFrom) },
    { title: "Length wanted", value: `${monthsText(d.shortestDurationMonths)} to ${monthsText(d.longestDurationMonths)}` },
  ];
}

/** The card in the role's channel. Never shows adjustments or other sensitive details. */
export function hostCard(m: Match, details: string, w: World, notice?: string): AdaptiveCardJson {
  const ref = { matchId: matchId(m.opening.id, m.candidate.key) };
  const model: MatchModel = {
    heading: `Possible match for ${m.opening.title}: ${m.candidate.name}`,
    intro: `The programme team suggests ${m.candidate.name} for this role. If it looks right, arrange an informal chat with them. It is not an interview: it is a chance to see if the secondment would work for both of you.`,
    facts: candidateFacts(m, w),
    explanation: details || m.details || m.explanation,
    statusText: STATUS[m.status].text(m),
    statusStyle: STATUS[m.status].style,
    actions: [],
  };
  if (m.status === "notified") {
    model.actions = [{ title: "I'll arrange the matching meeting", verb: VERBS.arrangeMeeting, data: ref }];
    model.reasonAction = { title: "Not suitable", label: "Why is this match not suitable?", submitTitle: "Send", verb: VERBS.hostDeclines, data: ref };
  } else if (m.status === "meeting" && !m.outcomes.host) {
    model.actions = [{ title: "We want to go ahead", verb: VERBS.hostProceeds, data: ref }];
    model.reasonAction = { title: "We do not want to go ahead", label: "Why not?", submitTitle: "Send", verb: VERBS.hostDeclines, data: ref };
  }
  if (notice) model.notice = notice;
  return renderCard("match", model);
}

/** The card in the secondee's own chat. */
export function secondeeCard(m: Match, details: string, w: World, notice?: string): AdaptiveCardJson {
  const ref = { matchId: matchId(m.opening.id, m.candidate.key) };
  const role = w.pool.roles.get(m.opening.id);
  const f = role?.details.form;
  const model: MatchModel = {
    heading: `You have a possible match: ${m.opening.title}`,
    intro: `${m.opening.organisation}. The vacancy holder will contact you to arrange an informal chat. It is not an interview: it is a chance for you both to see if the secondment would work. Afterwards, tell us here whether you want to go ahead.`,
    facts: f
      ? [
          { title: "Starts", value: formatUkDate(f.startDate) },
          { title: "Length", value: monthsText(f.durationMonths) },
          { title: "Place", value: f.town },
        ]
      : [],
    explanation: details || m.details || m.explanation,
    statusText: STATUS[m.status].text(m),
    statusStyle: STATUS[m.status].style,
    actions: [],
  };
  if ((m.status === "notified" || m.status === "meeting") && !m.outcomes.secondee) {
    model.actions = [{ title: "I want to go ahead", verb: VERBS.secondeeProceeds, data: ref }];
    model.reasonAction = { title: "I do not want to go ahead", label: "Why not?", submitTitle: "Send", verb: VERBS.secondeeDeclines, data: ref };
  }
  if (notice) model.notice = notice;
  return renderCard("match", model);
}

/** The vacancy holder takes the meeting on. */
export async function arrangeMeeting(s: Services, caller: Caller, ref: MatchRef): Promise<Reply> {
  const current = await s.matches.get(ref.matchId);
  if (!current) return text("That match no longer exists.");
  const w = await world(s);
  if (!canActAsHost(s, caller, current)) return card(hostCard(current, "", w, "Only the vacancy holder for this role, or the programme team, can do this. Nothing has changed."));
  const out = await s.matches.update(ref.matchId, (m) => {
    if (!m) return { next: undefined, result: undefined };
    const c = arrange(m, { aadObjectId: caller.person.aadObjectId, ...(caller.name ? { name: caller.name } : {}) }, s.now());
    return { next: c.kind === "changed" ? c.match : undefined, result: c };
  });
  if (!out) return text("That match no longer exists.");
  return card(hostCard(out.match, "", w, out.kind === "refused" ? out.why : undefined));
}

function canActAsHost(s: Services, caller: Caller, m: Match): boolean {
  return personKey(caller.person) === m.opening.ownerKey || isProgrammeTeam(s, caller);
}

/** One side's answer after the meeting (or the host turning the match down before it). */
export async function outcome(s: Services, caller: Caller, ref: MatchRef & { reason?: unknown }, side: Side, proceed: boolean): Promise<Reply> {
  const current = await s.matches.get(ref.matchId);
  if (!current) return text("That match no longer exists.");
  const w = await world(s);
  const view = (m: Match, notice?: string) => card(side === "host" ? hostCard(m, "", w, notice) : secondeeCard(m, "", w, notice));
  const allowed = side === "host" ? canActAsHost(s, caller, current) : personKey(caller.person) === current.candidate.key;
  if (!allowed) return view(current, side === "host" ? "Only the vacancy holder for this role, or the programme team, can do this. Nothing has changed." : "Only the person matched can answer this. Nothing has changed.");
  let reason: string | undefined;
  if (!proceed) {
    const parsed = ReasonSchema.safeParse(ref.reason ?? "");
    if (!parsed.success) return view(current, parsed.error.issues[0]!.message);
    reason = parsed.data;
  }
  const out = await s.matches.update(ref.matchId, (m) => {
    if (!m) return { next: undefined, result: undefined };
    const c = recordOutcome(m, side, { proceed, ...(reason ? { reason } : {}) }, s.now());
    return { next: c.kind === "changed" ? c.match : undefined, result: c };
  });
  if (!out) return text("That match no longer exists.");
  if (out.kind === "refused") return view(out.match, out.why);
  await afterOutcome(s, out.match, side, caller.serviceUrl);
  return view(out.match);
}

async function afterOutcome(s: Services, m: Match, side: Side, serviceUrl: string): Promise<void> {
  const id = matchId(m.opening.id, m.candidate.key);
  const secondee: MessageTarget = { kind: "person", tenantId: m.candidate.tenantId, aadObjectId: m.candidate.aadObjectId, serviceUrl };
  const channel = await s.conversations.get(m.candidate.tenantId, m.opening.channelConversationId);
  const toChannel = async (suffix: string, t: string) => {
    if (!channel) return;
    await s.outbox.enqueue({
      id: `match-update:${id}:${suffix}`,
      target: { kind: "conversation", tenantId: channel.tenantId, conversationId: channel.conversationId, serviceUrl: channel.serviceUrl },
      activity: note(t),
      purpose: "match-update",
    });
  };
  if (m.status === "closed") {
    for (const member of s.config.programmeTeam.aadObjectIds) {
      await s.outbox.enqueue({
        id: `match-closed:${id}:${member}`,
        target: { kind: "person", tenantId: m.candidate.tenantId, aadObjectId: member, serviceUrl },
        activity: note(`The match of ${m.candidate.name} with ${m.opening.title} (${m.opening.organisation}) is not going ahead. ${side === "host" ? "The vacancy holder" : m.candidate.name} said: "${m.closedReason}" Both are available for other matches.`),
        purpose: "match-closed",
      });
    }
    if (side === "host") {
      await s.outbox.enqueue({ id: `match-closed:${id}:secondee`, target: secondee, activity: note(`The team offering ${m.opening.title} has decided not to go ahead. You stay in the pool, and the programme team will keep looking for a match for you.`), purpose: "match-closed" });
    } else {
      await toChannel("closed", `${m.candidate.name} has decided not to go ahead with ${m.opening.title}. The role stays open for other matches.`);
    }
    return;
  }
  if (m.status === "agreeing") {
    await s.plans.setStepStatus(m.candidate, { step: 5, status: "doing" }, s.now());
    await secondment.begin(s, m, serviceUrl);
    await askShareAdjustments(s, m.candidate, secondmentIdFor(id), serviceUrl);
    await s.outbox.enqueue({ id: `match-agreed:${id}:secondee`, target: secondee, activity: note(`Both you and the team offering ${m.opening.title} want to go ahead. Next, agree the details with the host: step 5 of your plan.`), purpose: "match-agreed" });
    await toChannel("agreed", `Both sides want to go ahead with ${m.candidate.name} for ${m.opening.title}. Next: agree the details of the secondment.`);
    return;
  }
  if (side === "secondee") await toChannel("secondee-yes", `${m.candidate.name} wants to go ahead with ${m.opening.title}.`);
}

/** "My matches": every match the person is part of, as secondee or vacancy holder. */
export async function mine(s: Services, caller: Caller): Promise<Reply> {
  const key = personKey(caller.person);
  const matches = await s.matches.involving(key);
  const visible = matches.filter((m) => !(m.status === "closed" && m.closedBy === "programme-team"));
  const label: Record<Match["status"], string> = { notified: "Suggested", meeting: "Meeting being arranged", agreeing: "Going ahead", closed: "Not going ahead" };
  return card(
    renderCard("records", {
      title: "My matches",
      empty: "You have no matches yet. The programme team will tell you when they find one.",
      items: visible.map((m) => ({
        heading: m.candidate.key === key ? `${m.opening.title}, ${m.opening.organisation}` : `${m.candidate.name} for ${m.opening.title}`,
        statusLabel: label[m.status],
        statusColor: m.status === "agreeing" ? "good" : m.status === "closed" ? "warning" : "default",
        facts: [
          { title: "Suggested on", value: formatUkDate(m.confirmedAt.slice(0, 10)) },
          ...(m.closedReason ? [{ title: "Reason", value: m.closedReason }] : []),
        ],
        actions: [],
      })),
      cardActions: [{ title: "Menu", verb: VERBS.showMenu, data: {} }],
    }),
  );
}
