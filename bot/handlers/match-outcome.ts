import { createHash } from "node:crypto";
import { channelRootOf } from "../conversation-record";
import { VERBS } from "../../cards";
import { renderCard } from "../render-card";
import { arrange, endsWithRole, matchId, reasonSchema, recordOutcome, type Match, type RoleState, type Side } from "../../src/domain/match";
import { personKey, type PersonId } from "../../src/domain/person";
import { partiesOf, secondmentIdFor, waitingFor } from "../../src/domain/secondment";
import { matchStage, matchStageLabel } from "../../src/domain/stage";
import { formatDate, t, type Lang } from "../../src/i18n";
import { channelLanguage, closedText, hostCard, personLanguage, secondeeCard, waitingOn, whoseWords, type CardNotes, type ShownMatch, type Viewer, type World } from "./match-cards";
import { askShareAdjustments } from "./privacy";
import { endForRole, roleStateOf } from "./role-matches";
import * as secondment from "./secondment";
import { card, message, note, text, type Caller, type MessageTarget, type Reply, type Services } from "./types";
import type { ActionModel, RecordsModel } from "../../cards";

/**
 * What happens after a match is confirmed: the vacancy holder takes the informal chat on, each side
 * says whether to go ahead, and the role's channel, the person and the programme team hear about
 * it, each in their own language (the channel in the language its vacancy holder chose).
 */
export interface MatchRef {
  matchId: string;
}

const digestOf = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 24);

const world = (s: Services): Promise<World> => s.matching.current();
const channelLangOf = (s: Services, m: Match) => channelLanguage(s, m.candidate.tenantId, m.opening.channelConversationId);

function canActAsHost(s: Services, caller: Caller, m: Match): boolean {
  return personKey(caller.person) === m.opening.ownerKey || secondment.isProgrammeTeam(s, caller.person);
}

/**
 * The language of the role's card for this caller: the channel's in the channel (everyone there
 * sees the same card), the caller's own when they opened it from their own chat ("my matches", a
 * reminder).
 */
const hostLangFor = async (s: Services, caller: Caller, m: Match): Promise<Lang> =>
  channelRootOf(caller.conversationId) === m.opening.channelConversationId ? channelLangOf(s, m) : caller.lang;

/** Universal Actions refresh: the match card as it stands, for the side it was sent to. */
export async function refresh(s: Services, caller: Caller, ref: MatchRef & { view?: string | undefined }): Promise<Reply> {
  const m = await s.matches.get(ref.matchId);
  if (!m) return text(t(caller.lang, "match.gone"));
  // Each side's card only for those who were sent it: the person matched, or the role's channel
  // (its members, the vacancy holder and the programme team).
  const isCandidate = personKey(caller.person) === m.candidate.key;
  const inChannel = channelRootOf(caller.conversationId) === m.opening.channelConversationId || canActAsHost(s, caller, m);
  if (ref.view === "secondee" ? !isCandidate : !inChannel) return text(t(caller.lang, "match.notForYou"));
  const w = await world(s);
  const shown = await withSecondment(s, m);
  return card(ref.view === "secondee" ? secondeeCard(shown, w, caller.lang) : hostCard(shown, w, await hostLangFor(s, caller, m)));
}

/** A match going ahead, with the status of its secondment (so it reads "under way" or "ended" once it is). */
async function withSecondment(s: Services, m: Match): Promise<ShownMatch> {
  if (m.status !== "agreeing") return m;
  const sec = await s.secondments.get(secondmentIdFor(matchId(m.opening.id, m.candidate.key)));
  return sec ? { ...m, secondment: sec.status } : m;
}

/**
 * Everyone in the role's channel sees the match as it stands: the posted card is replaced (an
 * update of the activity the channel got), as well as refreshed for the people we know.
 */
export async function updateChannelCard(s: Services, m: Match, w: World, lang: Lang): Promise<void> {
  const id = matchId(m.opening.id, m.candidate.key);
  const posted = await s.outbox.sent(`match-notification:${id}`);
  if (!posted) return;
  const state = [m.status, m.outcomes.host ? "h" : "", m.outcomes.secondee ? "s" : ""].join("");
  await s.outbox.enqueue({
    id: `match-card:${digestOf(id)}:${state}`,
    target: posted.target,
    activity: { ...message(hostCard(m, w, lang)), id: posted.activityId },
    purpose: "match-card-update",
    about: whoseWords(m),
  });
}

/** The vacancy holder takes the meeting on. */
export async function arrangeMeeting(s: Services, caller: Caller, ref: MatchRef): Promise<Reply> {
  const current = await s.matches.get(ref.matchId);
  if (!current) return text(t(caller.lang, "match.gone"));
  const w = await world(s);
  const lang = await hostLangFor(s, caller, current);
  if (!canActAsHost(s, caller, current)) return card(hostCard(current, w, lang, { notice: t(lang, "match.notice.onlyHost") }));
  const role = await roleStateOf(s, current);
  const out = await s.matches.update(ref.matchId, (m) => {
    if (!m) return { next: undefined, result: undefined };
    const c = arrange(m, { aadObjectId: caller.person.aadObjectId, ...(caller.name ? { name: caller.name } : {}), ...(caller.userId ? { teamsUserId: caller.userId } : {}) }, s.now(), role);
    return { next: c.kind === "changed" ? c.match : undefined, result: c };
  });
  if (!out) return text(t(caller.lang, "match.gone"));
  if (out.kind === "refused") return card(hostCard(await afterRefusal(s, caller, out), w, lang, { notice: t(lang, `matching.refused.${out.why}`) }));
  await updateChannelCard(s, out.match, w, await channelLangOf(s, out.match));
  return card(hostCard(out.match, w, lang, { acknowledgement: t(lang, "match.ack.arranging") }));
}

/**
 * A match refused because its role was withdrawn, yet still open (left by an older version, or a
 * withdrawal cut off part way): it ends now, as the withdrawal would have ended it. The match to show.
 */
async function afterRefusal(s: Services, caller: Caller, out: { why: string; match: Match }): Promise<Match> {
  if (out.why !== "roleWithdrawn") return out.match;
  return (await endForRole(s, matchId(out.match.opening.id, out.match.candidate.key), caller.serviceUrl)) ?? out.match;
}

/** One side's answer after the meeting (or the host turning the match down before it). */
export async function outcome(s: Services, caller: Caller, ref: MatchRef & { reason?: unknown }, side: Side, proceed: boolean): Promise<Reply> {
  const current = await s.matches.get(ref.matchId);
  if (!current) return text(t(caller.lang, "match.gone"));
  const w = await world(s);
  // The host's card is the channel's, in its language (the caller's own in their chat); the secondee's is theirs.
  const lang = side === "host" ? await hostLangFor(s, caller, current) : caller.lang;
  const view = (m: Match, notes: CardNotes = {}) => card(side === "host" ? hostCard(m, w, lang, notes) : secondeeCard(m, w, lang, notes));
  const allowed = side === "host" ? canActAsHost(s, caller, current) : personKey(caller.person) === current.candidate.key;
  if (!allowed) return view(current, { notice: t(lang, side === "host" ? "match.notice.onlyHost" : "match.notice.onlySecondee") });
  let reason: string | undefined;
  if (!proceed) {
    const parsed = reasonSchema(lang).safeParse(ref.reason ?? "");
    if (!parsed.success) return view(current, { notice: parsed.error.issues[0]!.message });
    reason = parsed.data;
  }
  const role = await roleStateOf(s, current);
  const out = await s.matches.update(ref.matchId, (m) => {
    if (!m) return { next: undefined, result: undefined };
    const c = recordOutcome(m, side, { proceed, ...(reason ? { reason } : {}) }, s.now(), role);
    return { next: c.kind === "changed" ? c.match : undefined, result: c };
  });
  if (!out) return text(t(caller.lang, "match.gone"));
  if (out.kind === "refused") return view(await afterRefusal(s, caller, out), { notice: t(lang, `matching.refused.${out.why}`) });
  const channelLang = await channelLangOf(s, out.match);
  await afterOutcome(s, out.match, side, caller.serviceUrl, channelLang);
  await updateChannelCard(s, out.match, w, channelLang);
  return view(out.match, { acknowledgement: t(lang, proceed ? `match.ack.${side}Proceeds` : "match.ack.declined") });
}

async function afterOutcome(s: Services, m: Match, side: Side, serviceUrl: string, channelLang: Lang): Promise<void> {
  const id = matchId(m.opening.id, m.candidate.key);
  const secondee: MessageTarget = { kind: "person", tenantId: m.candidate.tenantId, aadObjectId: m.candidate.aadObjectId, serviceUrl };
  const channel = await s.conversations.get(m.candidate.tenantId, m.opening.channelConversationId);
  const names = { name: m.candidate.name, role: m.opening.title, organisation: m.opening.organisation };
  const toChannel = async (suffix: string, key: string) => {
    if (!channel) return;
    await s.outbox.enqueue({
      id: `match-update:${id}:${suffix}`,
      target: { kind: "conversation", tenantId: channel.tenantId, conversationId: channel.conversationId, serviceUrl: channel.serviceUrl },
      activity: note(t(channelLang, key, names)),
      purpose: "match-update",
    });
  };
  if (m.status === "closed") {
    for (const member of s.config.programmeTeam.aadObjectIds) {
      const lang = await personLanguage(s, { tenantId: m.candidate.tenantId, aadObjectId: member });
      await s.outbox.enqueue({
        id: `match-closed:${id}:${member}`,
        target: { kind: "person", tenantId: m.candidate.tenantId, aadObjectId: member, serviceUrl },
        activity: note(t(lang, "match.closed.toTeam", { ...names, byHost: side === "host", reason: closedText(m, lang, "programme-team") })),
        purpose: "match-closed",
        about: whoseWords(m),
      });
    }
    if (side === "host") {
      const lang = await personLanguage(s, m.candidate);
      await s.outbox.enqueue({ id: `match-closed:${id}:secondee`, target: secondee, activity: note(t(lang, "match.closed.toSecondee", names)), purpose: "match-closed" });
    } else {
      await toChannel("closed", "match.closed.toChannel");
    }
    return;
  }
  if (m.status === "agreeing") {
    // A host is found (step 3), and agreeing the details (step 5) begins.
    await s.plans.setStepStatus(m.candidate, { step: 3, status: "done" }, s.now());
    await s.plans.setStepStatus(m.candidate, { step: 5, status: "doing" }, s.now());
    // The secondee hears once: the secondment card secondment.begin sends says what happens next.
    await secondment.begin(s, m, serviceUrl);
    await askShareAdjustments(s, m.candidate, secondmentIdFor(id), serviceUrl);
    await toChannel("agreed", "match.agreed.toChannel");
    return;
  }
  if (side === "secondee") await toChannel("secondee-yes", "match.secondeeYes.toChannel");
}

/**
 * What a person can do about a match from their own chat: a button that opens the match card (the
 * same card, verbs and checks as in the channel) when it waits on them, or the secondment card
 * when the details wait for them. Undefined when nothing waits on them.
 */
async function nextStep(s: Services, m: Match, viewer: Viewer, person: PersonId, lang: Lang, role: RoleState): Promise<ActionModel | undefined> {
  const id = matchId(m.opening.id, m.candidate.key);
  if (role === "withdrawn" && endsWithRole(m)) return undefined;
  const todo = waitingOn(m, viewer);
  if (todo) return { title: t(lang, "match.mine.open", { todo }), verb: VERBS.refreshMatch, data: { matchId: id, view: viewer } };
  if (m.status !== "agreeing") return undefined;
  const sec = await s.secondments.get(secondmentIdFor(id));
  if (sec?.status !== "agreeing") return undefined;
  // As the secondment card offers it: the host fills the details in; then each side confirms them.
  const parts = partiesOf(sec, person);
  const waits = sec.terms ? waitingFor(sec).some((p) => parts.includes(p)) : parts.includes("host");
  return waits ? { title: t(lang, "match.mine.open", { todo: "details" }), verb: VERBS.mySecondment, data: { secondmentId: sec.id } } : undefined;
}

/** One match as "my matches" and a reminder list it: its stage (the words every screen uses), and the next step if it waits on the reader. */
async function matchItem(s: Services, m: Match, viewer: Viewer, person: PersonId, lang: Lang): Promise<RecordsModel["items"][number]> {
  // A match still open on a withdrawn role reads as ended, with no button (its verbs refuse it).
  const role = endsWithRole(m) ? await roleStateOf(s, m) : "open";
  const shown: ShownMatch = role === "withdrawn" ? { ...m, status: "closed", closedNote: "role-withdrawn" } : await withSecondment(s, m);
  const stage = matchStage(shown);
  // The vacancy holder reads their own withdrawal as theirs ("You withdrew the role").
  const reason = viewer === "host" && shown.status === "closed" && shown.closedNote === "role-withdrawn" ? t(lang, "match.closed.roleWithdrawn.you") : closedText(shown, lang, viewer);
  const next = await nextStep(s, m, viewer, person, lang, role);
  return {
    heading: viewer === "secondee" ? `${m.opening.title}, ${m.opening.organisation}` : t(lang, "match.mine.headingRole", { role: m.opening.title, name: m.candidate.name }),
    statusLabel: matchStageLabel(lang, stage),
    statusColor: next ? "accent" : stage === "agreeing" || stage === "underWay" ? "good" : stage === "closed" ? "warning" : "default",
    facts: [
      { title: t(lang, "match.mine.confirmedOn"), value: formatDate(lang, m.confirmedAt.slice(0, 10)) },
      ...(reason ? [{ title: t(lang, "match.mine.reason"), value: reason }] : []),
    ],
    actions: next ? [next] : [],
  };
}

/**
 * A programme-team reminder about a match, to one side in their own chat: the reminder's words and
 * the match with a button that opens its card there. Words only if the match has gone.
 */
export async function matchReminder(s: Services, reminder: string, ref: MatchRef, viewer: Viewer, person: PersonId, lang: Lang): Promise<Record<string, unknown>> {
  const m = await s.matches.get(ref.matchId);
  if (!m) return note(reminder);
  const model: RecordsModel = { title: t(lang, "programme.reminder.title"), intro: reminder, empty: "", items: [await matchItem(s, m, viewer, person, lang)], cardActions: [] };
  return message(renderCard("records", model, lang));
}

/** "My matches": every match the person is part of, as secondee or vacancy holder, with a button for each that waits on them. */
export async function mine(s: Services, caller: Caller): Promise<Reply> {
  const lang = caller.lang;
  const key = personKey(caller.person);
  const matches = await s.matches.involving(key);
  // Pairs the programme team turned down were never shown to anyone.
  const visible = matches.filter((m) => matchStage(m) !== "notSuitable");
  const items = await Promise.all(visible.map((m) => matchItem(s, m, m.candidate.key === key ? "secondee" : "host", caller.person, lang)));
  return card(
    renderCard("records", { title: t(lang, "match.mine.title"), empty: t(lang, "match.mine.empty"), items, cardActions: [{ title: t(lang, "common.menu"), verb: VERBS.showMenu, data: {} }] }, lang),
  );
}
