import { createHash } from "node:crypto";
import { channelRootOf } from "../conversation-record";
import { CARD_CONTENT_TYPE, renderCard, VERBS, type AdaptiveCardJson, type MatchModel, type MatchSuggestionsModel } from "../../cards";
import { formatUkDate } from "../../src/domain/dates";
import { monthsText } from "../../src/domain/forms";
import { gradeText } from "../../src/domain/grades";
import { arrange, matchId, ReasonSchema, recordOutcome, type Match, type Side } from "../../src/domain/match";
import { personKey } from "../../src/domain/person";
import { channelLabel } from "../../src/domain/role-record";
import type { Explanation } from "../../src/matching/explain";
import type { ExchangeProposal, Proposal } from "../../src/matching/types";
import type { PoolView } from "../../src/store/live-pool";
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

const isTeam = (s: Services, caller: Caller): boolean => secondment.isProgrammeTeam(s, caller.person);

export type World = PoolView;

/**
 * Everyone, every role and every match, with the engine over them, caught up from the store (only
 * what changed since this instance last looked is read). Pairs already in play or turned down are
 * never proposed.
 */
export function world(s: Services): Promise<World> {
  return s.matching.current();
}

/**
 * The explanation as short lines. The programme team and the role's channel read about the person
 * ("they"); the person reads about themselves ("you"). English conjugates "they" and "you" alike, so
 * the shared sentences from the engine only need their pronouns swapped.
 */
export function explanationText(e: Explanation, reader: "others" | "candidate" = "others"): string {
  const they = reader === "candidate" ? "you" : "they";
  const lines = bullets([
    e.requiredSkillsMatched.length ? `Skills the role needs that ${they} offer: ${e.requiredSkillsMatched.join(", ")}` : "",
    e.requiredSkillsMissing.length ? `Skills the role needs that ${they} did not mention: ${e.requiredSkillsMissing.join(", ")}` : "",
    e.developmentMet.length ? `Skills ${they} want to develop that the role offers: ${e.developmentMet.join(", ")}` : "",
    ...e.preferences.map((p) => p.text),
    `Checked: ${e.rulesChecked.map((r) => r.label ?? r.id).join("; ")}`,
  ]);
  return reader === "candidate" ? toSecondPerson(lines) : lines;
}

const PRONOUNS: Record<string, string> = { they: "you", them: "you", their: "your", theirs: "yours", themselves: "yourself" };
/** "They work full-time" → "You work full-time"; keeps the capital letter. */
export function toSecondPerson(t: string): string {
  return t.replace(/\b(they|them|their|theirs|themselves)\b/gi, (w) => {
    const to = PRONOUNS[w.toLowerCase()]!;
    return w[0] === w[0]!.toUpperCase() ? to[0]!.toUpperCase() + to.slice(1) : to;
  });
}

export function suggestionsModel(w: World, openingId: string, proposals: Proposal[], notice?: string): MatchSuggestionsModel | undefined {
  const role = w.state.role(openingId);
  if (!role) return undefined;
  const existing = w.state.matchesForOpening(openingId);
  const person = (key: string) => w.state.candidate(key);
  return {
    roleTitle: role.details.form.title,
    organisation: `${role.details.form.hostOrganisation}, ${role.details.form.team}`,
    channelLabel: channelLabel(role.details.channel),
    ...(notice ? { notice } : {}),
    ...(proposals.length
      ? {
          guidance: existing.some((m) => m.status !== "closed")
            ? "Only the people marked Confirmed have been told. Confirm a person below to tell the role's team and the person; select Not suitable and we will not suggest them for this role again."
            : "Nobody has been told yet. Confirm a person to tell the role's team and the person; select Not suitable and we will not suggest them for this role again.",
        }
      : {}),
    candidates: [
      ...existing.map((m) => ({
        name: m.candidate.name,
        grade: person(m.candidate.key) ? gradeText(person(m.candidate.key)!.details.grade, person(m.candidate.key)!.details.gradeDetails) : "",
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
          grade: gradeText(c.details.grade, c.details.gradeDetails),
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
export async function suggestForOpening(s: Services, openingId: string, serviceUrl: string, tenantId: string, caughtUp?: World): Promise<number> {
  const w = caughtUp ?? (await world(s));
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
  const [a, b] = x.candidateIds.map((id) => w.state.candidate(id));
  const roleFor = (p: Proposal) => w.state.role(p.openingId);
  if (!a || !b || !roleFor(x.first) || !roleFor(x.second)) return undefined;
  const pairs = { first: { openingId: x.first.openingId, candidateKey: x.first.candidateId }, second: { openingId: x.second.openingId, candidateKey: x.second.candidateId } };
  const entry = (c: typeof a, p: Proposal) => ({
    name: `${c.name} into ${roleFor(p)!.details.form.title} (${roleFor(p)!.details.form.hostOrganisation})`,
    grade: gradeText(c.details.grade, c.details.gradeDetails),
    profession: c.details.profession,
    summary: p.explanation.summary,
    details: explanationText(p.explanation),
    actions: [],
  });
  const first = entry(w.state.candidate(x.first.candidateId)!, x.first);
  const second = entry(w.state.candidate(x.second.candidateId)!, x.second);
  return {
    roleTitle: `Job swap: ${a.name} and ${b.name}`,
    organisation: x.summary,
    channelLabel: "each role's own channel",
    ...(notice ? { notice } : { guidance: "Nobody has been told yet. Confirm the swap to tell both roles' teams and both people; select Not suitable and we will not suggest this swap again." }),
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
export async function suggestExchanges(s: Services, serviceUrl: string, tenantId: string, involving?: string, caughtUp?: World): Promise<number> {
  const w = caughtUp ?? (await world(s));
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
  if (!isTeam(s, caller)) return text("Only the programme team can confirm matches.");
  const before = await world(s);
  const swap = before.engine.exchanges().find((x) => x.first.openingId === pairs.first.openingId && x.first.candidateId === pairs.first.candidateKey && x.second.openingId === pairs.second.openingId && x.second.candidateId === pairs.second.candidateKey);
  if (!swap) return text("This job swap is no longer possible, so nothing was sent.");
  await confirm(s, caller, pairs.first);
  await confirm(s, caller, pairs.second);
  const model = exchangeModel(before, swap, "Confirmed the job swap. We have told both roles' channels and both people.");
  return model ? card(renderCard("match-suggestions", model)) : text("Confirmed the job swap.");
}

export async function rejectExchange(s: Services, caller: Caller, pairs: { first: PairRef; second: PairRef }): Promise<Reply> {
  if (!isTeam(s, caller)) return text("Only the programme team can turn down suggestions.");
  await reject(s, caller, pairs.first);
  await reject(s, caller, pairs.second);
  return text("We will not suggest this job swap again.");
}

/** A person became available (released, or changed their interest): suggest them where they fit. */
export async function suggestForCandidate(s: Services, candidateKey: string, serviceUrl: string, tenantId: string): Promise<void> {
  // One catch-up serves the whole trigger: suggestions only read the engine.
  const w = await world(s);
  const openings = new Set(w.engine.matchesForCandidate(candidateKey, SUGGESTIONS_PER_ROLE).map((p) => p.openingId));
  for (const openingId of openings) await suggestForOpening(s, openingId, serviceUrl, tenantId, w);
  await suggestExchanges(s, serviceUrl, tenantId, candidateKey, w);
}

async function refreshSuggestions(s: Services, openingId: string, notice: string): Promise<Reply> {
  const w = await world(s);
  const model = suggestionsModel(w, openingId, w.engine.matchesForOpening(openingId, SUGGESTIONS_PER_ROLE), notice);
  return model ? card(renderCard("match-suggestions", model)) : text("That role no longer exists.");
}

/** A programme-team member confirms a suggested person for a role: the channel and the person are told. */
export async function confirm(s: Services, caller: Caller, ref: PairRef): Promise<Reply> {
  if (!isTeam(s, caller)) return text("Only the programme team can confirm matches.");
  const w = await world(s);
  const proposal = w.engine.matchesForOpening(ref.openingId, 50).find((p) => p.candidateId === ref.candidateKey);
  const role = w.state.role(ref.openingId);
  const candidate = w.state.candidate(ref.candidateKey);
  if (!proposal || !role || !candidate) return refreshSuggestions(s, ref.openingId, "That person is no longer a suitable match for this role, so nothing was sent.");
  const outcome = await createAndNotify(s, caller, w, ref, {
    summary: proposal.explanation.summary,
    details: explanationText(proposal.explanation),
    detailsForCandidate: explanationText(proposal.explanation, "candidate"),
  });
  if (outcome === "exists") return refreshSuggestions(s, ref.openingId, "This match was already confirmed.");
  return refreshSuggestions(s, ref.openingId, `Confirmed ${candidate.name}. We have told the role's channel and ${candidate.name}.`);
}

/**
 * Store a confirmed match and tell the role's channel and the person: what confirming does, whether
 * the pair came from the engine or (from the Programme tab) was proposed by hand.
 */
export async function createAndNotify(
  s: Services,
  caller: Caller,
  w: World,
  ref: PairRef,
  explanation: { summary: string; details: string; detailsForCandidate?: string },
): Promise<"created" | "exists" | "missing"> {
  const role = w.state.role(ref.openingId);
  const candidate = w.state.candidate(ref.candidateKey);
  if (!role || !candidate) return "missing";
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
    explanation: explanation.summary,
    details: explanation.details,
    detailsForCandidate: explanation.detailsForCandidate ?? explanation.details,
  };
  if ((await s.matches.create(id, match)) === "exists") return "exists";
  const channel = await s.conversations.get(caller.person.tenantId, role.details.channel.conversationId);
  if (channel) {
    await s.outbox.enqueue({
      id: `match-notification:${id}`,
      target: { kind: "conversation", tenantId: channel.tenantId, conversationId: channel.conversationId, serviceUrl: channel.serviceUrl },
      activity: message(hostCard(match, w)),
      purpose: "match-notification",
    });
  } else {
    s.log.warn("role channel unknown: notification not sent", { openingId: ref.openingId });
  }
  await s.outbox.enqueue({
    id: `match-secondee:${id}`,
    target: { kind: "person", tenantId, aadObjectId, serviceUrl: caller.serviceUrl },
    activity: message(secondeeCard(match, w)),
    purpose: "match-secondee",
  });
  s.log.info("match confirmed", { matchId: id });
  return "created";
}

/** A programme-team member turns a suggestion down: the pair is never suggested again. */
export async function reject(s: Services, caller: Caller, ref: PairRef): Promise<Reply> {
  if (!isTeam(s, caller)) return text("Only the programme team can turn down suggestions.");
  const w = await world(s);
  const role = w.state.role(ref.openingId);
  const candidate = w.state.candidate(ref.candidateKey);
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

type Viewer = "host" | "secondee";

/** Where the match stands, told to the role's team ("host") or to the person matched ("secondee"). */
export function matchStatus(m: Match, viewer: Viewer): { text: string; style: MatchModel["statusStyle"] } {
  const name = m.candidate.name;
  const host = m.outcomes.host?.proceed === true;
  const secondee = m.outcomes.secondee?.proceed === true;
  switch (m.status) {
    case "notified":
      return viewer === "host"
        ? { text: `Next: the vacancy holder arranges an informal chat with ${name}.${secondee ? ` ${name} has already said they want to go ahead.` : ""}`, style: "emphasis" }
        : { text: `Waiting for the vacancy holder to arrange an informal chat with you.${secondee ? " You have said you want to go ahead." : ""}`, style: "emphasis" };
    case "meeting": {
      const arranging = m.arrangedBy ? `${m.arrangedBy.name ?? "The vacancy holder"} is arranging the informal chat.` : "The vacancy holder is arranging the informal chat.";
      if (host) return viewer === "host" ? { text: `Your team wants to go ahead. Waiting for ${name} to say whether they do.`, style: "emphasis" } : { text: "The team wants to go ahead. Waiting for your answer.", style: "emphasis" };
      if (secondee) return viewer === "host" ? { text: `${arranging} ${name} wants to go ahead. After the chat, say whether your team does.`, style: "emphasis" } : { text: `You want to go ahead. ${arranging} Waiting for the team's answer after it.`, style: "emphasis" };
      return { text: `${arranging} After it, both sides say whether to go ahead.`, style: "emphasis" };
    }
    case "agreeing":
      return viewer === "host"
        ? { text: `Both sides want to go ahead. Next: the vacancy holder fills in the details of the secondment in their 1:1 chat with me, then ${name} and their line manager confirm them.`, style: "good" }
        : { text: "You and the team both want to go ahead. Next: the host fills in the details of the secondment, then you check and confirm them on your secondment card.", style: "good" };
    case "closed":
      return { text: `Not going ahead${m.closedReason ? `: ${m.closedReason}` : "."} Both stay available for other matches.`, style: "default" };
  }
}

function candidateFacts(m: Match, w: World): { title: string; value: string }[] {
  const c = w.state.candidate(m.candidate.key);
  if (!c) return [];
  const d = c.details;
  return [
    { title: "Grade", value: gradeText(d.grade, d.gradeDetails) },
    { title: "Profession", value: d.profession },
    { title: "Working pattern", value: d.workingPattern === "part-time" ? `Part-time, ${d.daysPerWeek} days a week` : "Full-time" },
    { title: "Available from", value: formatUkDate(d.availableFrom) },
    { title: "Length wanted", value: `${monthsText(d.shortestDurationMonths)} to ${monthsText(d.longestDurationMonths)}` },
  ];
}

/** What a card says above its heading: a warning (notice), or what the viewer's click did (acknowledgement). */
export interface CardNotes {
  notice?: string;
  acknowledgement?: string;
}
const withNotes = (model: MatchModel, notes: CardNotes): MatchModel => ({
  ...model,
  ...(notes.notice ? { notice: notes.notice } : {}),
  ...(notes.acknowledgement ? { acknowledgement: notes.acknowledgement } : {}),
});

/**
 * Entra ids of the people whose view of a card Teams refreshes by itself. Cards are built with
 * Entra ids; on the way out (bot/refresh-users.ts) they become Teams user ids (29:…), at most 60.
 */
function hostViewers(m: Match): string[] {
  const owner = m.opening.ownerKey.slice(m.opening.ownerKey.indexOf(":") + 1);
  return [...new Set([owner, ...(m.arrangedBy ? [m.arrangedBy.teamsUserId ?? m.arrangedBy.aadObjectId] : [])])];
}

/** The card in the role's channel. Never shows adjustments or other sensitive details. */
export function hostCard(m: Match, w: World, notes: CardNotes = {}): AdaptiveCardJson {
  const ref = { matchId: matchId(m.opening.id, m.candidate.key) };
  const status = matchStatus(m, "host");
  const model: MatchModel = {
    heading: `Possible match for ${m.opening.title}: ${m.candidate.name}`,
    intro: `The programme team suggests ${m.candidate.name} for this role. If it looks right, the vacancy holder arranges an informal chat with them. It is not an interview: it is a chance to see if the secondment would work for both of you.`,
    facts: candidateFacts(m, w),
    explanation: m.details || m.explanation,
    statusText: status.text,
    statusStyle: status.style,
    actions: [],
    refresh: { data: { ...ref, view: "host" }, userIds: hostViewers(m) },
  };
  if (m.status === "notified") {
    model.actions = [{ title: "I'll arrange the informal chat", verb: VERBS.arrangeMeeting, data: ref }];
    model.reasonAction = { title: "Not suitable", label: "Why is this match not suitable?", submitTitle: "Send", verb: VERBS.hostDeclines, data: ref };
  } else if (m.status === "meeting" && !m.outcomes.host) {
    model.actions = [{ title: "We want to go ahead", verb: VERBS.hostProceeds, data: ref }];
    model.reasonAction = { title: "We do not want to go ahead", label: "Why not?", submitTitle: "Send", verb: VERBS.hostDeclines, data: ref };
  }
  return renderCard("match", withNotes(model, notes));
}

/** The card in the secondee's own chat, written to them. */
export function secondeeCard(m: Match, w: World, notes: CardNotes = {}): AdaptiveCardJson {
  const ref = { matchId: matchId(m.opening.id, m.candidate.key) };
  const role = w.state.role(m.opening.id);
  const f = role?.details.form;
  const status = matchStatus(m, "secondee");
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
    explanation: m.detailsForCandidate || toSecondPerson(m.details || m.explanation),
    statusText: status.text,
    statusStyle: status.style,
    actions: [],
    refresh: { data: { ...ref, view: "secondee" }, userIds: [m.candidate.aadObjectId] },
  };
  if ((m.status === "notified" || m.status === "meeting") && !m.outcomes.secondee) {
    model.actions = [{ title: "I want to go ahead", verb: VERBS.secondeeProceeds, data: ref }];
    model.reasonAction = { title: "I do not want to go ahead", label: "Why not?", submitTitle: "Send", verb: VERBS.secondeeDeclines, data: ref };
  }
  return renderCard("match", withNotes(model, notes));
}

/** Universal Actions refresh: the match card as it stands, for the side it was sent to. */
export async function refresh(s: Services, caller: Caller, ref: MatchRef & { view?: string | undefined }): Promise<Reply> {
  const m = await s.matches.get(ref.matchId);
  if (!m) return text("That match no longer exists.");
  // Each side's card only for those who were sent it: the person matched, or the role's channel
  // (its members, the vacancy holder and the programme team).
  const isCandidate = personKey(caller.person) === m.candidate.key;
  const inChannel = channelRootOf(caller.conversationId) === m.opening.channelConversationId || canActAsHost(s, caller, m);
  if (ref.view === "secondee" ? !isCandidate : !inChannel) return text("Only the people this match was sent to can see it.");
  const w = await world(s);
  return card(ref.view === "secondee" ? secondeeCard(m, w) : hostCard(m, w));
}

/**
 * Everyone in the role's channel sees the match as it stands: the posted card is replaced (an
 * update of the activity the channel got), as well as refreshed for the people we know.
 */
async function updateChannelCard(s: Services, m: Match, w: World): Promise<void> {
  const id = matchId(m.opening.id, m.candidate.key);
  const posted = await s.outbox.sent(`match-notification:${id}`);
  if (!posted) return;
  const state = [m.status, m.outcomes.host ? "h" : "", m.outcomes.secondee ? "s" : ""].join("");
  await s.outbox.enqueue({
    id: `match-card:${digestOf(id)}:${state}`,
    target: posted.target,
    activity: { ...message(hostCard(m, w)), id: posted.activityId },
    purpose: "match-card-update",
  });
}

/** The vacancy holder takes the meeting on. */
export async function arrangeMeeting(s: Services, caller: Caller, ref: MatchRef): Promise<Reply> {
  const current = await s.matches.get(ref.matchId);
  if (!current) return text("That match no longer exists.");
  const w = await world(s);
  if (!canActAsHost(s, caller, current)) return card(hostCard(current, w, { notice: "Only the vacancy holder for this role, or the programme team, can do this. Nothing has changed." }));
  const out = await s.matches.update(ref.matchId, (m) => {
    if (!m) return { next: undefined, result: undefined };
    const c = arrange(m, { aadObjectId: caller.person.aadObjectId, ...(caller.name ? { name: caller.name } : {}), ...(caller.userId ? { teamsUserId: caller.userId } : {}) }, s.now());
    return { next: c.kind === "changed" ? c.match : undefined, result: c };
  });
  if (!out) return text("That match no longer exists.");
  if (out.kind === "refused") return card(hostCard(out.match, w, { notice: out.why }));
  await updateChannelCard(s, out.match, w);
  return card(hostCard(out.match, w, { acknowledgement: "Thank you. You are arranging the informal chat. After it, come back to this card to say whether your team wants to go ahead." }));
}

function canActAsHost(s: Services, caller: Caller, m: Match): boolean {
  return personKey(caller.person) === m.opening.ownerKey || isTeam(s, caller);
}

function acknowledgement(side: Side, proceed: boolean): string {
  if (!proceed) return "Thank you. We have recorded that you do not want to go ahead, and told the other side and the programme team.";
  return side === "host" ? "Thank you. We have recorded that your team wants to go ahead." : "Thank you. We have recorded that you want to go ahead.";
}

/** One side's answer after the meeting (or the host turning the match down before it). */
export async function outcome(s: Services, caller: Caller, ref: MatchRef & { reason?: unknown }, side: Side, proceed: boolean): Promise<Reply> {
  const current = await s.matches.get(ref.matchId);
  if (!current) return text("That match no longer exists.");
  const w = await world(s);
  const view = (m: Match, notes: CardNotes = {}) => card(side === "host" ? hostCard(m, w, notes) : secondeeCard(m, w, notes));
  const allowed = side === "host" ? canActAsHost(s, caller, current) : personKey(caller.person) === current.candidate.key;
  if (!allowed) return view(current, { notice: side === "host" ? "Only the vacancy holder for this role, or the programme team, can do this. Nothing has changed." : "Only the person matched can answer this. Nothing has changed." });
  let reason: string | undefined;
  if (!proceed) {
    const parsed = ReasonSchema.safeParse(ref.reason ?? "");
    if (!parsed.success) return view(current, { notice: parsed.error.issues[0]!.message });
    reason = parsed.data;
  }
  const out = await s.matches.update(ref.matchId, (m) => {
    if (!m) return { next: undefined, result: undefined };
    const c = recordOutcome(m, side, { proceed, ...(reason ? { reason } : {}) }, s.now());
    return { next: c.kind === "changed" ? c.match : undefined, result: c };
  });
  if (!out) return text("That match no longer exists.");
  if (out.kind === "refused") return view(out.match, { notice: out.why });
  await afterOutcome(s, out.match, side, caller.serviceUrl);
  await updateChannelCard(s, out.match, w);
  return view(out.match, { acknowledgement: acknowledgement(side, proceed) });
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
    // The secondee hears once: the secondment card secondment.begin sends says what happens next.
    await secondment.begin(s, m, serviceUrl);
    await askShareAdjustments(s, m.candidate, secondmentIdFor(id), serviceUrl);
    await toChannel(
      "agreed",
      `Both sides want to go ahead with ${m.candidate.name} for ${m.opening.title}. Next, the vacancy holder fills in the details of the secondment: the "Fill in the details" button arrives in their 1:1 chat with me, not in this channel.`,
    );
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
