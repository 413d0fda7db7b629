import { createHash } from "node:crypto";
import { VERBS, type MatchSuggestionsModel } from "../../cards";
import { renderCard } from "../render-card";
import { gradeText } from "../../src/domain/grades";
import { matchId, type Match } from "../../src/domain/match";
import { channelLabel } from "../../src/domain/role-record";
import { matchStage, matchStageLabel } from "../../src/domain/stage";
import { formatDate, t, type Lang } from "../../src/i18n";
import { todayInLondon } from "../../src/domain/dates";
import { explanationLines, formatLines } from "../../src/matching/explain";
import { formatMsg, formatSentences, type Msg } from "../../src/matching/message";
import type { ExchangeProposal, Proposal } from "../../src/matching/types";
import type { MatchFollowUps, OwedAudit } from "../../src/store/matches";
import { closedText, personLanguage, summaryFor, whoseWords, type World } from "./match-cards";
import { owedAudit, scheduleFollowUp, tryFollowUp } from "./match-follow-up";
import * as secondment from "./secondment";
import { card, message, text, type Caller, type Reply, type Services } from "./types";

/**
 * Matching in Teams: suggestions for the programme team, their confirmation, the notification in
 * the role's channel and the secondee's card. What happens next (the informal chat and both sides'
 * answers) is in match-outcome.ts; the cards themselves in match-cards.ts. The engine
 * (src/matching) decides who fits; this module only moves cards and messages.
 */
export { arrangeMeeting, mine, outcome, refresh, type MatchRef } from "./match-outcome";
export { hostCard, matchStatus, secondeeCard, type CardNotes, type World } from "./match-cards";

export interface PairRef {
  openingId: string;
  candidateKey: string;
}

const SUGGESTIONS_PER_ROLE = 3;
/** Outbox ids must stay short (Cosmos ids are at most 255 characters): long keys are hashed. */
const digestOf = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 24);

const isTeam = (s: Services, caller: Caller): boolean => secondment.isProgrammeTeam(s, caller.person);

/**
 * Everyone, every role and every match, with the engine over them, caught up from the store (only
 * what changed since this instance last looked is read). Pairs already in play or turned down are
 * never proposed.
 */
export function world(s: Services): Promise<World> {
  return s.matching.current();
}

/** A closed match in the programme team's list: not going ahead, and why, in whoever's words (the programme team sees both sides'). */
function closedState(m: Match, lang: Lang): string {
  const reason = closedText(m, lang, "programme-team");
  return t(lang, "matching.suggestions.state.closed", { stage: matchStageLabel(lang, matchStage(m)), reason, hasReason: reason !== "" });
}

/** The line under a person's name: grade and profession, leaving out what is not known (nothing at all once a person is erased). */
function about(grade: string | undefined, profession: string | undefined): { about?: string } {
  const line = [grade, profession].filter((part) => part && part.trim()).join(", ");
  return line ? { about: line } : {};
}

/**
 * The status of the secondment each of a role's matches going ahead led to, by match id (read only
 * when one is going ahead): a match whose secondment started or ended reads so on the card.
 */
export async function secondmentsOf(s: Services, w: World, openingId: string): Promise<ReadonlyMap<string, string>> {
  return w.state.matchesForOpening(openingId).some((m) => m.status === "agreeing") ? s.secondments.statusByMatch() : new Map();
}

export function suggestionsModel(w: World, openingId: string, proposals: Proposal[], lang: Lang, secondmentOf: ReadonlyMap<string, string>, notice?: string): MatchSuggestionsModel | undefined {
  const role = w.state.role(openingId);
  if (!role) return undefined;
  const existing = w.state.matchesForOpening(openingId);
  const person = (key: string) => w.state.candidate(key);
  const aboutPerson = (key: string) => {
    const c = person(key);
    return c ? about(gradeText(c.details.grade, c.details.gradeDetails, lang), c.details.profession) : {};
  };
  return {
    roleTitle: role.details.form.title,
    organisation: `${role.details.form.hostOrganisation}, ${role.details.form.team}`,
    channelLabel: channelLabel(role.details.channel, lang, t(lang, "matching.suggestions.someChannel")),
    ...(notice ? { notice } : {}),
    ...(proposals.length ? { guidance: t(lang, "matching.suggestions.guidance", { someConfirmed: existing.some((m) => m.status !== "closed") }) } : {}),
    candidates: [
      ...existing.map((m) => ({
        name: m.candidate.name,
        ...aboutPerson(m.candidate.key),
        summary: summaryFor(m, lang),
        details: "",
        state: ((stage) =>
          m.status === "closed"
            ? closedState(m, lang)
            : stage === "closed" // left open on a role withdrawn before withdrawing ended its matches
              ? t(lang, "matching.suggestions.state.closed", { stage: matchStageLabel(lang, stage), reason: "", hasReason: false })
              : t(lang, "matching.suggestions.state.confirmed", { stage: matchStageLabel(lang, stage), by: m.confirmedBy.name ?? "", named: Boolean(m.confirmedBy.name) }))(
          matchStage({ ...m, secondment: secondmentOf.get(m.id), role: role.status }),
        ),
        actions: [],
      })),
      ...proposals.map((p) => {
        const c = person(p.candidateId)!;
        return {
          name: c.name,
          ...about(gradeText(c.details.grade, c.details.gradeDetails, lang), c.details.profession),
          summary: formatSentences(lang, p.explanation.summary),
          details: formatLines(lang, explanationLines(p.explanation)),
          actions: [
            { title: t(lang, "matching.suggestions.confirm", { name: c.name }), verb: VERBS.confirmMatch, data: { openingId, candidateKey: p.candidateId } },
            { title: t(lang, "matching.suggestions.notSuitable"), verb: VERBS.rejectSuggestion, data: { openingId, candidateKey: p.candidateId } },
          ],
        };
      }),
    ],
  };
}

/** Each programme-team member, with the language they read in. */
async function teamMembers(s: Services, tenantId: string): Promise<{ member: string; lang: Lang }[]> {
  return Promise.all(s.config.programmeTeam.aadObjectIds.map(async (member) => ({ member, lang: await personLanguage(s, { tenantId, aadObjectId: member }) })));
}

/** Tell the programme team about the best people for a role. Nobody else hears anything yet. */
export async function suggestForOpening(s: Services, openingId: string, serviceUrl: string, tenantId: string, caughtUp?: World): Promise<number> {
  const w = caughtUp ?? (await world(s));
  const proposals = w.engine.matchesForOpening(openingId, SUGGESTIONS_PER_ROLE);
  if (!proposals.length || !w.state.role(openingId)) return 0;
  const digest = digestOf(proposals.map((p) => `${p.candidateId}:${p.score}`).join("|"));
  if (!s.config.programmeTeam.aadObjectIds.length) s.log.warn("no programme team configured: suggestions not sent", { openingId });
  const secondmentOf = await secondmentsOf(s, w, openingId);
  for (const { member, lang } of await teamMembers(s, tenantId)) {
    const model = suggestionsModel(w, openingId, proposals, lang, secondmentOf)!;
    await s.outbox.enqueue({
      id: `match-suggestions:${openingId}:${digest}:${member}`,
      target: { kind: "person", tenantId, aadObjectId: member, serviceUrl },
      activity: message(renderCard("match-suggestions", model, lang)),
      purpose: "match-suggestions",
      // Closed matches on the card quote the reason of whoever closed them.
      about: w.state.matchesForOpening(openingId).flatMap(whoseWords),
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
function exchangeModel(w: World, x: ExchangeProposal, lang: Lang, notice?: string): MatchSuggestionsModel | undefined {
  const [a, b] = x.candidateIds.map((id) => w.state.candidate(id));
  const roleFor = (p: Proposal) => w.state.role(p.openingId);
  if (!a || !b || !roleFor(x.first) || !roleFor(x.second)) return undefined;
  const pairs = { first: { openingId: x.first.openingId, candidateKey: x.first.candidateId }, second: { openingId: x.second.openingId, candidateKey: x.second.candidateId } };
  const entry = (c: typeof a, p: Proposal) => ({
    name: t(lang, "matching.exchange.into", { name: c.name, role: roleFor(p)!.details.form.title, organisation: roleFor(p)!.details.form.hostOrganisation }),
    ...about(gradeText(c.details.grade, c.details.gradeDetails, lang), c.details.profession),
    summary: formatSentences(lang, p.explanation.summary),
    details: formatLines(lang, explanationLines(p.explanation)),
    actions: [],
  });
  const first = entry(w.state.candidate(x.first.candidateId)!, x.first);
  const second = entry(w.state.candidate(x.second.candidateId)!, x.second);
  return {
    roleTitle: t(lang, "matching.exchange.title", { a: a.name, b: b.name }),
    organisation: formatMsg(lang, x.summary),
    channelLabel: t(lang, "matching.exchange.channels"),
    ...(notice ? { notice } : { guidance: t(lang, "matching.exchange.guidance") }),
    candidates: [
      first,
      {
        ...second,
        actions: notice
          ? []
          : [
              { title: t(lang, "matching.exchange.confirm"), verb: VERBS.confirmExchange, data: pairs },
              { title: t(lang, "matching.suggestions.notSuitable"), verb: VERBS.rejectExchange, data: pairs },
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
  if (!swaps.length) return 0;
  const members = await teamMembers(s, tenantId);
  for (const x of swaps) {
    for (const { member, lang } of members) {
      const model = exchangeModel(w, x, lang);
      if (!model) continue;
      await s.outbox.enqueue({
        id: `exchange-suggestion:${digestOf(`${x.candidateIds.join("+")}|${x.first.openingId}|${x.second.openingId}`)}:${member}`,
        target: { kind: "person", tenantId, aadObjectId: member, serviceUrl },
        activity: message(renderCard("match-suggestions", model, lang)),
        purpose: "exchange-suggestion",
      });
    }
  }
  return swaps.length;
}

/** Both halves of a swap are confirmed together (each is an ordinary match from then on). */
export async function confirmExchange(s: Services, caller: Caller, pairs: { first: PairRef; second: PairRef }): Promise<Reply> {
  const lang = caller.lang;
  if (!isTeam(s, caller)) return text(t(lang, "matching.onlyTeam.confirm"));
  const before = await world(s);
  const swap = before.engine.exchanges().find((x) => x.first.openingId === pairs.first.openingId && x.first.candidateId === pairs.first.candidateKey && x.second.openingId === pairs.second.openingId && x.second.candidateId === pairs.second.candidateKey);
  if (!swap) return text(t(lang, "matching.exchange.gone"));
  await confirm(s, caller, pairs.first);
  await confirm(s, caller, pairs.second);
  const model = exchangeModel(before, swap, lang, t(lang, "matching.exchange.confirmed"));
  return model ? card(renderCard("match-suggestions", model, lang)) : text(t(lang, "matching.exchange.confirmedShort"));
}

export async function rejectExchange(s: Services, caller: Caller, pairs: { first: PairRef; second: PairRef }): Promise<Reply> {
  if (!isTeam(s, caller)) return text(t(caller.lang, "matching.onlyTeam.reject"));
  await reject(s, caller, pairs.first);
  await reject(s, caller, pairs.second);
  return text(t(caller.lang, "matching.exchange.rejected"));
}

/** A person became available (released, or changed their interest): suggest them where they fit. */
export async function suggestForCandidate(s: Services, candidateKey: string, serviceUrl: string, tenantId: string): Promise<void> {
  // One catch-up serves the whole trigger: suggestions only read the engine.
  const w = await world(s);
  const openings = new Set(w.engine.matchesForCandidate(candidateKey, SUGGESTIONS_PER_ROLE).map((p) => p.openingId));
  for (const openingId of openings) await suggestForOpening(s, openingId, serviceUrl, tenantId, w);
  await suggestExchanges(s, serviceUrl, tenantId, candidateKey, w);
}

async function refreshSuggestions(s: Services, openingId: string, lang: Lang, notice: string): Promise<Reply> {
  const w = await world(s);
  const model = suggestionsModel(w, openingId, w.engine.matchesForOpening(openingId, SUGGESTIONS_PER_ROLE), lang, await secondmentsOf(s, w, openingId), notice);
  return model ? card(renderCard("match-suggestions", model, lang)) : text(t(lang, "matching.roleGone"));
}

/** "This match was already confirmed by X on 7 December 2026." (who and when, as far as they are known). */
function alreadyConfirmed(lang: Lang, m: Match): string {
  const date = m.confirmedAt ? formatDate(lang, todayInLondon(new Date(m.confirmedAt))) : "";
  if (!date) return t(lang, "matching.notice.alreadyConfirmed");
  return t(lang, "matching.notice.alreadyConfirmedBy", { by: m.confirmedBy.name ?? "", named: Boolean(m.confirmedBy.name), date });
}

/**
 * A programme-team member confirms a suggested person for a role: the channel and the person are
 * told, and the audit trail records it (here, so chat and the Programme tab are audited alike).
 * Once the match is saved the answer says so, whatever the store does next (match-follow-up.ts).
 */
export async function confirm(s: Services, caller: Caller, ref: PairRef): Promise<Reply> {
  const lang = caller.lang;
  if (!isTeam(s, caller)) return text(t(lang, "matching.onlyTeam.confirm"));
  // An older card (or the Programme tab) may have confirmed this pair already: say so, not "no longer suitable".
  const already = async () => {
    const existing = await s.matches.get(matchId(ref.openingId, ref.candidateKey));
    return existing && existing.closedNote !== "not-suitable" ? refreshSuggestions(s, ref.openingId, lang, alreadyConfirmed(lang, existing)) : undefined;
  };
  const before = await already();
  if (before) return before;
  const w = await world(s);
  const proposal = w.engine.matchesForOpening(ref.openingId, 50).find((p) => p.candidateId === ref.candidateKey);
  const role = w.state.role(ref.openingId);
  const candidate = w.state.candidate(ref.candidateKey);
  if (!proposal || !role || !candidate) return refreshSuggestions(s, ref.openingId, lang, t(lang, "matching.notice.noLongerSuitable"));
  const outcome = await createAndNotify(s, caller, w, ref, { summary: proposal.explanation.summary, lines: explanationLines(proposal.explanation) }, [owedAudit(s, caller, "confirm")]);
  if (outcome === "exists") return (await already()) ?? refreshSuggestions(s, ref.openingId, lang, t(lang, "matching.notice.alreadyConfirmed"));
  const notice = t(lang, outcome === "pending" ? "matching.notice.confirmedLater" : "matching.notice.confirmed", { name: candidate.name, role: role.details.form.title });
  return outcome === "done" ? refreshSuggestions(s, ref.openingId, lang, notice) : text(notice);
}

/**
 * Store a confirmed match and tell the role's channel (in its language) and the person (in
 * theirs): what confirming does, whether the pair came from the engine or (from the Programme
 * tab) was proposed by hand. The explanation is stored as messages, never as words. The match is
 * written with its audit entries and messages owed, in one write, and then they are done
 * (match-follow-up.ts): "done" when all of it was; "told" or "pending" (see tryFollowUp) when some
 * is left for the follow-up job, and the store may not have answered since: the caller then answers
 * in words rather than with a list the store may not have caught up with.
 */
export async function createAndNotify(s: Services, caller: Caller, w: World, ref: PairRef, reasons: { summary: Msg[]; lines: Msg[][] }, audit: OwedAudit[]): Promise<"done" | "told" | "pending" | "exists" | "missing"> {
  const role = w.state.role(ref.openingId);
  const candidate = w.state.candidate(ref.candidateKey);
  // Never a new match on a withdrawn role, not even a manual one with the rules overridden.
  if (!role || !candidate || role.status === "withdrawn") return "missing";
  const id = matchId(ref.openingId, ref.candidateKey);
  const [tenantId, aadObjectId] = [candidate.id.slice(0, candidate.id.indexOf(":")), candidate.id.slice(candidate.id.indexOf(":") + 1)];
  const secondeeLang = await personLanguage(s, { tenantId, aadObjectId });
  const match: Match = {
    type: "match",
    opening: { id: ref.openingId, ownerKey: role.pk, title: role.details.form.title, organisation: role.details.form.hostOrganisation, channelConversationId: role.details.channel.conversationId },
    candidate: { tenantId, aadObjectId, key: candidate.id, name: candidate.name },
    status: "notified",
    confirmedBy: { aadObjectId: caller.person.aadObjectId, ...(caller.name ? { name: caller.name } : {}) },
    confirmedAt: s.now().toISOString(),
    outcomes: {},
    // The summary in words, for the person's own records (exports); cards use `reasons`.
    explanation: formatSentences(secondeeLang, reasons.summary),
    reasons,
  };
  const owed: MatchFollowUps = { audit, notify: { serviceUrl: caller.serviceUrl, channelTenantId: caller.person.tenantId } };
  await scheduleFollowUp(s, id);
  if ((await s.matches.create(id, match, owed)) === "exists") return "exists";
  s.log.info("match confirmed", { matchId: id });
  return tryFollowUp(s, id, { ...match, owed }, w);
}

/** A programme-team member turns a suggestion down: the pair is never suggested again. Audited, once. */
export async function reject(s: Services, caller: Caller, ref: PairRef): Promise<Reply> {
  const lang = caller.lang;
  if (!isTeam(s, caller)) return text(t(lang, "matching.onlyTeam.reject"));
  const w = await world(s);
  const role = w.state.role(ref.openingId);
  const candidate = w.state.candidate(ref.candidateKey);
  if (!role || !candidate) return text(t(lang, "matching.pairGone"));
  const at = s.now().toISOString();
  const sep = candidate.id.indexOf(":");
  const id = matchId(ref.openingId, ref.candidateKey);
  const match: Match = {
    type: "match",
    opening: { id: ref.openingId, ownerKey: role.pk, title: role.details.form.title, organisation: role.details.form.hostOrganisation, channelConversationId: role.details.channel.conversationId },
    candidate: { tenantId: candidate.id.slice(0, sep), aadObjectId: candidate.id.slice(sep + 1), key: candidate.id, name: candidate.name },
    status: "closed",
    confirmedBy: { aadObjectId: caller.person.aadObjectId, ...(caller.name ? { name: caller.name } : {}) },
    confirmedAt: at,
    outcomes: {},
    closedNote: "not-suitable",
    closedBy: "programme-team",
    closedAt: at,
    explanation: "",
  };
  const owed: MatchFollowUps = { audit: [owedAudit(s, caller, "not-suitable")] };
  await scheduleFollowUp(s, id);
  const notice = t(lang, "matching.notice.rejected", { name: candidate.name });
  if ((await s.matches.create(id, match, owed)) === "created" && (await tryFollowUp(s, id, { ...match, owed }, w)) !== "done") return text(notice);
  return refreshSuggestions(s, ref.openingId, lang, notice);
}
