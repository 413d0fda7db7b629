import { VERBS, type AdaptiveCardJson, type MatchModel } from "../../cards";
import { renderCard } from "../render-card";
import { gradeText } from "../../src/domain/grades";
import { matchId, type Match } from "../../src/domain/match";
import { matchStage, matchStageLabel } from "../../src/domain/stage";
import { DEFAULT_LANG, formatDate, t, type Lang } from "../../src/i18n";
import { formatLines } from "../../src/matching/explain";
import { formatMsg, formatSentences, msg, type Reader } from "../../src/matching/message";
import { ruleLabelKey } from "../../src/matching/rules";
import type { PoolView } from "../../src/pool/live-pool";
import type { Services } from "./types";

/**
 * The match cards: the one in the role's channel ("host", in the channel's language) and the one
 * in the person's own chat ("secondee", in their language). Both are drawn from the stored match
 * each time, so a refresh or an update shows it as it stands.
 */

export type World = PoolView;
export type Viewer = "host" | "secondee";

/**
 * What the match waits for from one side, if anything: the vacancy holder to arrange the informal
 * chat, or that side's answer (whether to go ahead). The cards offer the buttons for it, and "my
 * matches" and reminders a button that opens the card.
 */
export function waitingOn(m: Match, viewer: Viewer): "arrange" | "answer" | undefined {
  if (viewer === "host") return m.status === "notified" ? "arrange" : m.status === "meeting" && !m.outcomes.host ? "answer" : undefined;
  return (m.status === "notified" || m.status === "meeting") && !m.outcomes.secondee ? "answer" : undefined;
}

/** A match as a card shows it: with the status of the secondment it led to, when the caller read it. */
export type ShownMatch = Match & { secondment?: string | undefined };

/** The match's stage as a fact on its cards: the words the exports and the Programme tab use. */
const stageFact = (m: ShownMatch, lang: Lang) => ({ title: t(lang, "match.fact.stage"), value: matchStageLabel(lang, matchStage(m)) });

/** The language a person reads proactive messages in: their stored choice, else English. */
export async function personLanguage(s: Pick<Services, "preferences">, p: { tenantId: string; aadObjectId: string }): Promise<Lang> {
  return (await s.preferences.language(p)) ?? DEFAULT_LANG;
}

/** The language of a team channel: the vacancy holder's choice for it, else English. */
export async function channelLanguage(s: Pick<Services, "conversations">, tenantId: string, conversationId: string): Promise<Lang> {
  return (await s.conversations.language(tenantId, conversationId)) ?? DEFAULT_LANG;
}

/** The lines explaining why the pair fits, for `reader`, in `lang`. Never reasonable adjustments. */
export function explanationFor(m: Match, lang: Lang, reader: Reader): string {
  if (m.reasons) return formatLines(lang, m.reasons.lines, reader);
  // Matches stored before explanations were messages carry them written out.
  return reader === "candidate" ? m.detailsForCandidate || m.details || m.explanation : m.details || m.explanation;
}

/** The short summary of why the pair fits, in `lang`. */
export function summaryFor(m: Match, lang: Lang): string {
  return m.reasons ? formatSentences(lang, m.reasons.summary) : m.explanation;
}

/** Who reads a match's closing reason: the side that gave it, the other side, or the programme team. */
export type ReasonReader = "host" | "secondee" | "programme-team";

/**
 * Why the match closed, as `reader` may see it. A side's own words go to that side and the
 * programme team only, as each side's prompt says: never to the other side (so never the
 * secondee's reason in the role's channel). Empty when the reader may not see it.
 */
export function closedText(m: Match, lang: Lang, reader: ReasonReader): string {
  if (m.closedNote === "not-suitable") return t(lang, "match.closed.notSuitable");
  if (m.closedNote === "role-erased") return t(lang, "match.closed.roleErased");
  if (m.closedNote === "role-withdrawn") return t(lang, "match.closed.roleWithdrawn");
  if (m.closedNote === "called-off") return t(lang, "match.closed.calledOff", { reason: m.closedReason ?? "" });
  if (reader !== "programme-team" && m.closedBy !== reader) return "";
  return m.closedReason ?? "";
}

/** The person key of whoever's own words closedText can quote (the side that closed the match, or called it off), for a message's `about`. */
export function whoseWords(m: Match): string[] {
  if (m.status !== "closed" || !m.closedReason || (m.closedNote && m.closedNote !== "called-off")) return [];
  return m.closedBy === "secondee" ? [m.candidate.key] : m.closedBy === "host" ? [m.opening.ownerKey] : [];
}

/** The secondee's own reason is seen by them and the programme team only; the vacancy holder's, by their team and the programme team. */
const reasonSeenBy = (lang: Lang, side: Viewer, name: string): string => t(lang, `match.reasonSeen.${side}`, { name });

/** Where the match stands, told to the role's team ("host") or to the person matched ("secondee"). */
export function matchStatus(m: Match, viewer: Viewer, lang: Lang): { text: string; style: MatchModel["statusStyle"] } {
  const name = m.candidate.name;
  const host = m.outcomes.host?.proceed === true;
  const secondee = m.outcomes.secondee?.proceed === true;
  const s = (key: string, values: Record<string, string | boolean> = {}) => t(lang, `match.status.${key}`, { name, ...values });
  switch (m.status) {
    case "notified":
      return { text: viewer === "host" ? s("notified.host", { saidYes: secondee }) : s("notified.secondee", { saidYes: secondee }), style: "emphasis" };
    case "meeting": {
      const arranger = m.arrangedBy?.name ?? "";
      const named = arranger !== "";
      if (host) return { text: s(viewer === "host" ? "meeting.hostYes.host" : "meeting.hostYes.secondee"), style: "emphasis" };
      if (secondee) return { text: s(viewer === "host" ? "meeting.secondeeYes.host" : "meeting.secondeeYes.secondee", { arranger, named }), style: "emphasis" };
      return { text: s("meeting.waiting", { arranger, named }), style: "emphasis" };
    }
    case "agreeing":
      return { text: s(viewer === "host" ? "agreeing.host" : "agreeing.secondee"), style: "good" };
    case "closed": {
      const reason = closedText(m, lang, viewer);
      // The other side decided: say so plainly, without their words.
      if (reason === "" && (m.closedBy === "host" || m.closedBy === "secondee") && m.closedBy !== viewer) return { text: s(`closed.by.${m.closedBy}.${viewer}`), style: "default" };
      return { text: s("closed", { reason, hasReason: reason !== "" }), style: "default" };
    }
  }
}

function candidateFacts(m: Match, w: World, lang: Lang): { title: string; value: string }[] {
  const c = w.state.candidate(m.candidate.key);
  if (!c) return [];
  const d = c.details;
  const fact = (key: string, value: string) => ({ title: t(lang, `match.fact.${key}`), value });
  return [
    fact("grade", gradeText(d.grade, d.gradeDetails, lang)),
    fact("profession", d.profession),
    fact("workingPattern", t(lang, "match.fact.pattern", { partTime: d.workingPattern === "part-time", days: d.daysPerWeek ?? 0 })),
    fact("availableFrom", formatDate(lang, d.availableFrom)),
    fact("length", t(lang, "match.fact.lengthRange", { shortest: d.shortestDurationMonths, longest: d.longestDurationMonths })),
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

const reasonAction = (lang: Lang, key: string, seenBy: string, verb: MatchModel["actions"][number]["verb"], data: Record<string, unknown>): NonNullable<MatchModel["reasonAction"]> => ({
  title: t(lang, `match.action.${key}`),
  label: t(lang, `match.action.${key}.why`),
  seenBy,
  submitTitle: t(lang, "match.action.send"),
  verb,
  data,
});

/** The card in the role's channel, in the channel's language. Never shows adjustments or other sensitive details. */
export function hostCard(m: ShownMatch, w: World, lang: Lang, notes: CardNotes = {}): AdaptiveCardJson {
  const ref = { matchId: matchId(m.opening.id, m.candidate.key) };
  const status = matchStatus(m, "host", lang);
  const model: MatchModel = {
    view: "host",
    roleTitle: m.opening.title,
    candidateName: m.candidate.name,
    organisation: m.opening.organisation,
    facts: [stageFact(m, lang), ...candidateFacts(m, w, lang)],
    explanation: explanationFor(m, lang, "channel"),
    statusText: status.text,
    statusStyle: status.style,
    actions: [],
    refresh: { data: { ...ref, view: "host" }, userIds: hostViewers(m) },
  };
  const todo = waitingOn(m, "host");
  if (todo === "arrange") {
    model.actions = [{ title: t(lang, "match.action.arrange"), verb: VERBS.arrangeMeeting, data: ref }];
    model.reasonAction = reasonAction(lang, "notSuitable", reasonSeenBy(lang, "host", m.candidate.name), VERBS.hostDeclines, ref);
  } else if (todo === "answer") {
    model.actions = [{ title: t(lang, "match.action.hostProceeds"), verb: VERBS.hostProceeds, data: ref }];
    model.reasonAction = reasonAction(lang, "hostDeclines", reasonSeenBy(lang, "host", m.candidate.name), VERBS.hostDeclines, ref);
  }
  return renderCard("match", withNotes(model, { ...notes, ...(notes.notice ? {} : rulesNotice(m, w, lang)) }), lang);
}

/**
 * A match in play that no longer meets a matching rule (the role or the person changed since it
 * was made), worked out again each time the card is drawn: a warning naming the rules.
 */
function rulesNotice(m: Match, w: World, lang: Lang): CardNotes {
  if (m.status === "closed") return {};
  // A world without an engine (a card drawn from stored facts alone) checks nothing.
  const broken = w.engine?.recheck(m.candidate.key, m.opening.id) ?? [];
  return broken.length ? { notice: t(lang, "match.notice.rulesBroken", { rules: broken.map((r) => formatMsg(lang, msg(ruleLabelKey(r.id)))).join("; ") }) } : {};
}

/** The card in the secondee's own chat, written to them, in their language. */
export function secondeeCard(m: ShownMatch, w: World, lang: Lang, notes: CardNotes = {}): AdaptiveCardJson {
  const ref = { matchId: matchId(m.opening.id, m.candidate.key) };
  const f = w.state.role(m.opening.id)?.details.form;
  const status = matchStatus(m, "secondee", lang);
  const fact = (key: string, value: string) => ({ title: t(lang, `match.fact.${key}`), value });
  const model: MatchModel = {
    view: "secondee",
    roleTitle: m.opening.title,
    candidateName: m.candidate.name,
    organisation: m.opening.organisation,
    facts: [stageFact(m, lang), ...(f ? [fact("starts", formatDate(lang, f.startDate)), fact("roleLength", t(lang, "match.fact.months", { months: f.durationMonths })), fact("place", f.town)] : [])],
    explanation: explanationFor(m, lang, "candidate"),
    statusText: status.text,
    statusStyle: status.style,
    actions: [],
    refresh: { data: { ...ref, view: "secondee" }, userIds: [m.candidate.aadObjectId] },
  };
  if (waitingOn(m, "secondee") === "answer") {
    model.actions = [{ title: t(lang, "match.action.secondeeProceeds"), verb: VERBS.secondeeProceeds, data: ref }];
    model.reasonAction = reasonAction(lang, "secondeeDeclines", reasonSeenBy(lang, "secondee", m.candidate.name), VERBS.secondeeDeclines, ref);
  }
  return renderCard("match", withNotes(model, notes), lang);
}
