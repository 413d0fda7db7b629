import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { SendDecision } from "../../src/outbox/send-checks";
import { type AdaptiveCardJson, type ApprovalRequestModel } from "../../cards";
import { renderCard } from "../render-card";
import {
  askAgain,
  decide,
  DeclineReasonSchema,
  markUnreachable,
  MAX_REMINDERS,
  needsNewRequest,
  newApproval,
  nextReminderStep,
  recordEscalation,
  recordReminder,
  REMINDER_WORKING_DAYS,
  succeed,
  endedBecause,
  unreachableAdvice,
  withdrawRequest,
  type Approval,
  type Decision,
  type EndedBecause,
  type UnreachableReason,
} from "../../src/domain/approval";
import { choicesIn, SECONDMENT_TYPES } from "../../src/domain/options";
import { DEFAULT_LANG, formatDate, t, type Lang } from "../../src/i18n";
import type { InterestDetails } from "../../src/domain/interest";
import { personKey } from "../../src/domain/person";
import { interestFacts } from "./describe";
import { suggestForCandidate, suggestQuietly } from "./matching";
import { isProgrammeTeam } from "./secondment";
import { VERBS } from "../../cards";
import { card, message, note, type Caller, type MessageTarget, type Reply, type Services } from "./types";

/** The job type the scheduler runs for approval reminders and the escalation after them. */
export const APPROVAL_FOLLOW_UP = "approval-follow-up";

export interface ApprovalRef {
  secondee: string;
  requestId: string;
}

const dateOf = (iso: string | undefined, lang: Lang = DEFAULT_LANG) => (iso ? formatDate(lang, iso.slice(0, 10)) : "");
const managerName = (a: Approval, lang: Lang = DEFAULT_LANG) => a.manager.name ?? a.decidedBy?.name ?? t(lang, "approval.theirLineManager");

function personTarget(a: Approval, aadObjectId: string, serviceUrl: string): MessageTarget {
  return { kind: "person", tenantId: a.secondee.tenantId, aadObjectId, serviceUrl };
}

/** The card as it stands now, for whoever is looking. */
export function approvalCard(a: Approval, notice?: string, lang: Lang = DEFAULT_LANG): AdaptiveCardJson {
  const who = { manager: managerName(a, lang), date: dateOf(a.decidedAt, lang), secondee: a.secondee.name };
  const STYLE: Record<Approval["status"], ApprovalRequestModel["statusStyle"]> = {
    pending: "emphasis",
    approved: "good",
    declined: "attention",
    unreachable: "warning",
    cancelled: "default",
  };
  const status = { text: t(lang, `approval.status.${a.status}`, who), style: STYLE[a.status] };
  const fact = (key: string, value: string) => ({ title: t(lang, `approval.fact.${key}`), value });
  const model: ApprovalRequestModel = {
    secondeeName: a.secondee.name,
    facts: [
      fact("organisation", a.summary.organisation),
      fact("grade", a.summary.grade),
      fact("profession", a.summary.profession),
      fact("types", a.summary.secondmentTypes),
      fact("availableFrom", a.summary.availableFrom),
      fact("length", a.summary.length),
      fact("workingPattern", a.summary.workingPattern),
    ],
    pending: a.status === "pending",
    closed: false,
    statusText: status.text,
    statusStyle: status.style,
    ref: { secondee: personKey(a.secondee), requestId: a.requestId },
    refreshUserIds: [a.manager.aadObjectId, a.secondee.aadObjectId].filter((x): x is string => Boolean(x)),
  };
  if (a.status === "declined" && a.reason) model.reason = a.reason;
  if (notice) model.notice = notice;
  return renderCard("approval-request", model, lang);
}

/**
 * The card of a request that no longer needs an answer (withdrawn, or replaced by a newer one): who
 * it was about and why it is closed, no facts and no buttons. The same card replaces the manager's
 * message and answers a click on it.
 */
export function closedCard(a: Approval, requestId: string, because: EndedBecause, lang: Lang = DEFAULT_LANG, managerId?: string): AdaptiveCardJson {
  const model: ApprovalRequestModel = {
    secondeeName: a.secondee.name,
    facts: [],
    pending: false,
    closed: true,
    statusText: t(lang, `approval.closed.${because}`, { secondee: a.secondee.name }),
    statusStyle: "default",
    ref: { secondee: personKey(a.secondee), requestId },
    refreshUserIds: managerId ? [managerId] : [],
  };
  return renderCard("approval-request", model, lang);
}

/**
 * A request ended while its manager's card may still show Agree and Decline: each card we sent them
 * for it (the request and any reminders) is replaced, through the outbox, by the closed card.
 * A card still queued is closed as it goes out (requestAtSendTime).
 */
async function closeManagerCards(s: Services, old: Approval, because: EndedBecause): Promise<void> {
  const lang = await managerLanguage(s, old.secondee.tenantId, old.manager.aadObjectId);
  const closed = closedCard(old, old.requestId, because, lang, old.manager.aadObjectId);
  const ids = [`approval-request:${old.requestId}`, ...Array.from({ length: MAX_REMINDERS }, (_, i) => `approval-reminder:${old.requestId}:${i + 1}`)];
  for (const id of ids) {
    const posted = await s.outbox.sent(id);
    if (!posted) continue;
    await s.outbox.enqueue({ id: `approval-closed:${id}`, target: posted.target, activity: { ...message(closed), id: posted.activityId }, purpose: "approval-card-update" });
  }
  s.log.info("release request closed", { requestId: old.requestId, because });
}

/** What the line manager's card shows about the request, in the manager's language (stored with it). */
function summaryOf(d: InterestDetails, lang: Lang): Approval["summary"] {
  const facts = Object.fromEntries(interestFacts(d).map((f) => [f.title, f.value]));
  const types = choicesIn(lang, "secondmentType", SECONDMENT_TYPES).filter((c) => (d.secondmentTypes as readonly string[]).includes(c.id));
  const pattern =
    d.workingPattern === "part-time"
      ? t(lang, "approval.summary.partTime", { days: d.daysPerWeek ?? "" }) + (d.patternDetails ? ` (${d.patternDetails})` : "")
      : t(lang, "choice.workingPattern.full-time");
  return {
    organisation: d.organisationName,
    // Grade names are not in the catalogue yet: as the employer writes them.
    grade: facts["Grade"] ?? "",
    profession: d.profession,
    secondmentTypes: types.map((c) => c.label).join(", "),
    availableFrom: formatDate(lang, d.availableFrom),
    length: t(lang, "approval.summary.length", { shortest: d.shortestDurationMonths, longest: d.longestDurationMonths }),
    workingPattern: pattern,
  };
}

/** The language a line manager reads in: their stored choice, else English (no Teams locale for a proactive message). */
async function managerLanguage(s: Services, tenantId: string, aadObjectId: string | undefined): Promise<Lang> {
  return (aadObjectId ? await s.preferences.language({ tenantId, aadObjectId }) : undefined) ?? DEFAULT_LANG;
}

const managerOf = (d: InterestDetails): Approval["manager"] => ({
  ...(d.lineManagerId ? { aadObjectId: d.lineManagerId } : {}),
  ...(d.lineManagerEmail ? { email: d.lineManagerEmail } : {}),
});

/** A new request for the person's interest as it stands, in place of `current` (remembered as ended). */
function freshRequest(caller: Caller, details: InterestDetails, current: Approval | undefined, lang: Lang, now: Date): Approval {
  return succeed(
    current,
    newApproval({
      requestId: randomUUID(),
      secondee: { ...caller.person, name: details.fullName, ...(caller.userId ? { teamsUserId: caller.userId } : {}) },
      manager: managerOf(details),
      summary: summaryOf(details, lang),
      now,
    }),
  );
}

/**
 * After an interest is saved: ask the line manager, unless a request for the same manager is
 * already under way or was answered (see needsNewRequest). Returns the request as it now stands.
 */
export async function requestRelease(s: Services, caller: Caller, details: InterestDetails): Promise<Approval> {
  const key = personKey(caller.person);
  const manager = managerOf(details);
  const now = s.now();
  const lang = await managerLanguage(s, caller.person.tenantId, manager.aadObjectId);
  const { approval, created, previous } = await s.approvals.update(key, (current) => {
    if (!needsNewRequest(current, manager)) return { next: undefined, result: { approval: current!, created: false, previous: undefined } };
    const fresh = freshRequest(caller, details, current, lang, now);
    return { next: fresh, result: { approval: fresh, created: true, previous: current } };
  });
  // The earlier manager's card no longer needs an answer.
  if (previous?.status === "pending") await closeManagerCards(s, previous, "replaced");
  await sendRequest(s, approval, caller.serviceUrl, lang);
  if (created) s.log.info("release requested", { requestId: approval.requestId });
  return approval;
}

/**
 * The person asks their line manager again after a decline (the button carries the declined
 * request's id). Etag-guarded and idempotent: a second click finds the newer request and sends nothing.
 */
export async function requestAgain(s: Services, caller: Caller, details: InterestDetails, declinedRequestId: string): Promise<{ asked: boolean; approval: Approval | undefined }> {
  const key = personKey(caller.person);
  const now = s.now();
  const lang = await managerLanguage(s, caller.person.tenantId, details.lineManagerId);
  const result = await s.approvals.update(key, (current) => {
    const o = askAgain(current, declinedRequestId);
    if (o.kind !== "ask") return { next: undefined, result: { asked: false, approval: o.kind === "no-request" ? undefined : o.approval } };
    const fresh = freshRequest(caller, details, current, lang, now);
    return { next: fresh, result: { asked: true, approval: fresh } };
  });
  if (result.asked && result.approval) {
    await sendRequest(s, result.approval, caller.serviceUrl, lang);
    s.log.info("release requested again", { requestId: result.approval.requestId });
  }
  return result;
}

/** Send the manager the card of a waiting request and schedule its follow-up. */
async function sendRequest(s: Services, approval: Approval, serviceUrl: string, lang: Lang): Promise<void> {
  if (approval.status !== "pending") return;
  // Also when the request already existed: a turn cut off by a store outage may have saved the
  // request but not queued its card or reminder. Both have fixed ids, so this never doubles them.
  await s.outbox.enqueue({
    id: `approval-request:${approval.requestId}`,
    target: personTarget(approval, approval.manager.aadObjectId!, serviceUrl),
    activity: message(approvalCard(approval, undefined, lang)),
    purpose: "approval-request",
    dependsOn: dependsOn(approval),
  });
  await s.jobs.schedule({
    id: `${APPROVAL_FOLLOW_UP}:${approval.requestId}:1`,
    type: APPROVAL_FOLLOW_UP,
    payload: { secondee: personKey(approval.secondee), requestId: approval.requestId, serviceUrl, step: 1 },
    dueAt: s.calendar.dueInWorkingDays(new Date(approval.requestedAt), REMINDER_WORKING_DAYS),
  });
}

/** The outbox check (registered in bot/app.ts) that looks at a request card again just before it goes. */
export const REQUEST_CHECK = "approval-request";
/** What a card with a request's Agree and Decline buttons depends on (any such card sent through the outbox names it). */
export const requestCardDependsOn = (a: Approval) => ({ check: REQUEST_CHECK, ref: { secondee: personKey(a.secondee), requestId: a.requestId } });
const dependsOn = requestCardDependsOn;
const RefSchema = z.object({ secondee: z.string().min(1), requestId: z.string().min(1) });

/**
 * A request card (or a reminder) about to leave the outbox, maybe long after it was queued (Teams
 * answered 429 and it waited): a request still waiting for this manager goes as it is; one that
 * ended meanwhile (withdrawn, or replaced by a newer one) goes as the closed card, and one already
 * answered as the card showing the answer, so a manager never sees live buttons on a dead request.
 * One no longer on record (the person's data was erased), or found unreachable meanwhile, is not sent.
 */
export async function requestAtSendTime(s: Services, m: { target: MessageTarget; dependsOn?: { ref: Record<string, string> } }): Promise<SendDecision> {
  const ref = RefSchema.safeParse(m.dependsOn?.ref);
  if (!ref.success) return { do: "drop", why: "the message does not say which request it is about" };
  const a = await s.approvals.get(ref.data.secondee);
  if (!a) return { do: "drop", why: "the request is no longer on record" };
  const managerId = m.target.kind === "person" ? m.target.aadObjectId : a.manager.aadObjectId;
  const because = endedBecause(a, ref.data.requestId);
  if (a.requestId !== ref.data.requestId && !because) return { do: "drop", why: "the request is no longer on record" };
  if (a.requestId === ref.data.requestId && a.status === "pending") return { do: "send" };
  if (!because && a.status === "unreachable") return { do: "drop", why: "the manager could not be reached" };
  const lang = await managerLanguage(s, a.secondee.tenantId, managerId);
  if (because) return { do: "replace", activity: message(closedCard(a, ref.data.requestId, because, lang, managerId)), why: `the request was ${because}` };
  return { do: "replace", activity: message(approvalCard(a, undefined, lang)), why: `the request is ${a.status}` };
}

/** What the person is told about their request after sending or changing their interest. */
export function requestNotice(a: Approval, programmeEmail: string, lang: Lang = DEFAULT_LANG): string {
  switch (a.status) {
    case "pending":
      return a.manager.name ? t(lang, "release.notice.pendingNamed", { name: a.manager.name }) : t(lang, "release.notice.pending");
    case "approved":
      return t(lang, "release.notice.approved", { date: dateOf(a.decidedAt, lang) });
    case "declined":
      return t(lang, "release.notice.declined");
    case "unreachable":
      return unreachableAdvice(a.unreachableReason, programmeEmail, lang);
    case "cancelled":
      return "";
  }
}

/**
 * The interest was withdrawn: its request ends (see withdrawRequest), so a new interest asks the
 * manager afresh; a manager still asked to answer sees their card closed.
 */
export async function cancelRequest(s: Services, caller: Caller): Promise<void> {
  const previous = await s.approvals.update(personKey(caller.person), (current) => {
    const next = current ? withdrawRequest(current) : undefined;
    return { next, result: next ? current : undefined };
  });
  if (previous?.status === "pending") await closeManagerCards(s, previous, "withdrawn");
}

async function tellSecondee(s: Services, a: Approval, serviceUrl: string): Promise<void> {
  // A proactive message: in the secondee's stored language.
  const lang = (await s.preferences.language(a.secondee)) ?? DEFAULT_LANG;
  const manager = managerName(a, lang);
  const target = personTarget(a, a.secondee.aadObjectId, serviceUrl);
  const id = `approval-outcome:${a.requestId}`;
  if (a.status === "approved") {
    await s.outbox.enqueue({ id, target, activity: note(t(lang, "release.outcome.approved", { manager })), purpose: "approval-outcome" });
    return;
  }
  const text = a.reason ? t(lang, "release.outcome.declinedWithReason", { manager, reason: a.reason }) : t(lang, "release.outcome.declined", { manager });
  // A decline comes with the way to ask again, when the person is ready to.
  const declined = renderCard(
    "confirm",
    {
      title: t(lang, "release.outcome.declinedTitle"),
      paragraphs: [{ text }, { text: t(lang, "release.askAgain.note") }],
      confirm: { title: t(lang, "release.askAgain.button"), verb: VERBS.askManagerAgain, data: { secondee: personKey(a.secondee), requestId: a.requestId } },
      confirmStyle: "positive",
      cancel: { title: t(lang, "myInterest.title"), verb: VERBS.showInterest, data: {} },
    },
    lang,
  );
  await s.outbox.enqueue({ id, target, activity: message(declined), purpose: "approval-outcome" });
}

/** The line manager pressed Agree or Decline. Exactly one decision per request, by the manager only. */
export async function answer(s: Services, caller: Caller, ref: ApprovalRef, decision: Decision, rawReason: unknown): Promise<Reply> {
  const reason = DeclineReasonSchema.safeParse(rawReason);
  const now = s.now();
  const outcome = await s.approvals.update(ref.secondee, (current) => {
    if (!current) return { next: undefined, result: undefined };
    const o = decide(current, {
      requestId: ref.requestId,
      actor: { aadObjectId: caller.person.aadObjectId, ...(caller.name ? { name: caller.name } : {}) },
      decision,
      reason: reason.success ? reason.data : undefined,
      now,
    });
    return { next: o.kind === "decided" ? o.approval : undefined, result: o };
  });
  if (!outcome) return card(renderCard("error", { reference: "NO-REQUEST", programmeEmail: s.config.programmeTeam.email }, caller.lang));
  const a = outcome.approval;
  switch (outcome.kind) {
    case "not-manager":
      s.log.info("release answer refused: not the manager", { requestId: a.requestId });
      return card(approvalCard(a, t(caller.lang, "approval.notice.notManager", { secondee: a.secondee.name }), caller.lang));
    case "stale-request":
      return card(approvalCard(a, t(caller.lang, "approval.notice.stale"), caller.lang));
    case "ended":
      // An earlier manager's old card: closed, never the newer request.
      return card(closedCard(a, ref.requestId, outcome.because, caller.lang, caller.person.aadObjectId));
    case "unknown-request":
      return card(renderCard("error", { reference: "NO-REQUEST", programmeEmail: s.config.programmeTeam.email }, caller.lang));
    case "already-decided":
      if (a.status === "approved" || a.status === "declined") await afterDecision(s, a, caller.serviceUrl); // idempotent: heals a crash
      return card(approvalCard(a, a.status === "approved" || a.status === "declined" ? t(caller.lang, "approval.notice.answered") : undefined, caller.lang));
    case "decided":
      s.log.info("release decided", { requestId: a.requestId, status: a.status });
      await afterDecision(s, a, caller.serviceUrl);
      return card(approvalCard(a, undefined, caller.lang));
  }
}

async function afterDecision(s: Services, a: Approval, serviceUrl: string): Promise<void> {
  if (a.status === "approved") await s.plans.setStepStatus(a.secondee, { step: 2, status: "done" }, s.now());
  await tellSecondee(s, a, serviceUrl);
  if (a.status === "approved") await suggestQuietly(s, () => suggestForCandidate(s, personKey(a.secondee), serviceUrl, a.secondee.tenantId));
}

/** Universal Actions refresh: show the card as it stands. */
export async function refresh(s: Services, caller: Caller, ref: ApprovalRef): Promise<Reply> {
  const a = await s.approvals.get(ref.secondee);
  const noRequest = () => card(renderCard("error", { reference: "NO-REQUEST", programmeEmail: s.config.programmeTeam.email }, caller.lang));
  if (!a) return noRequest();
  // A request that ended: its card closes, for the manager it was sent to; only the current
  // manager (and the person, and the programme team) may see the newer request.
  const because = endedBecause(a, ref.requestId);
  const current = a.requestId === ref.requestId;
  if (because && (!current || isManager(caller, a))) {
    if (!current && mayView(s, caller, a)) return card(approvalCard(a, t(caller.lang, "approval.notice.replaced"), caller.lang));
    return card(closedCard(a, ref.requestId, because, caller.lang, caller.person.aadObjectId));
  }
  // A refresh shows the whole request, so only its two people (and the programme team) get it;
  // anyone else is told the same as for a request that does not exist.
  if (!mayView(s, caller, a)) return noRequest();
  return card(approvalCard(a, current ? undefined : t(caller.lang, "approval.notice.replaced"), caller.lang));
}

function isManager(caller: Caller, a: Approval): boolean {
  return a.manager.aadObjectId?.toLowerCase() === caller.person.aadObjectId.toLowerCase() && a.secondee.tenantId === caller.person.tenantId;
}

function mayView(s: Services, caller: Caller, a: Approval): boolean {
  const me = caller.person.aadObjectId.toLowerCase();
  const same = (id: string | undefined) => id !== undefined && id.toLowerCase() === me && a.secondee.tenantId === caller.person.tenantId;
  return same(a.secondee.aadObjectId) || same(a.manager.aadObjectId) || isProgrammeTeam(s, caller.person);
}

/**
 * A programme-team reminder to a line manager: the request card itself, with the reminder on it and
 * its one-click buttons; the words alone if the request no longer waits for them.
 */
export async function releaseReminder(
  s: Services,
  request: { secondeeKey: string; requestId: string },
  reminder: string,
  lang: Lang,
): Promise<{ activity: Record<string, unknown>; dependsOn?: ReturnType<typeof requestCardDependsOn> }> {
  const a = await s.approvals.get(request.secondeeKey);
  // The card names its request, so if it waits in the outbox while the request ends it goes closed.
  return a?.status === "pending" && a.requestId === request.requestId ? { activity: message(approvalCard(a, reminder, lang)), dependsOn: dependsOn(a) } : { activity: note(reminder) };
}

/**
 * The scheduled follow-up of a request: up to two reminders to the line manager, three working days
 * apart, then the person and the programme team are told. Every message and job id is derived from
 * the request and the step, so running a job twice sends nothing twice.
 */
export interface FollowUpPayload {
  secondee: string;
  requestId: string;
  serviceUrl: string;
  step: number;
}

export async function followUp(s: Services, payload: FollowUpPayload): Promise<void> {
  const a = await s.approvals.get(payload.secondee);
  if (!a) return;
  const step = nextReminderStep(a, payload.requestId);
  if (step.kind === "nothing") return;
  const now = s.now();
  if (step.kind === "remind") {
    const lang = await managerLanguage(s, a.secondee.tenantId, a.manager.aadObjectId);
    await s.outbox.enqueue({
      id: `approval-reminder:${a.requestId}:${step.number}`,
      target: personTarget(a, a.manager.aadObjectId!, payload.serviceUrl),
      activity: message(approvalCard(a, t(lang, "approval.notice.reminder", { secondee: a.secondee.name }), lang)),
      purpose: "approval-reminder",
      dependsOn: dependsOn(a),
    });
    await s.approvals.update(payload.secondee, (current) => ({ next: current ? recordReminder(current, step.number) : undefined, result: undefined }));
  } else {
    await s.outbox.enqueue({
      id: `approval-escalation:${a.requestId}:secondee`,
      target: personTarget(a, a.secondee.aadObjectId, payload.serviceUrl),
      activity: note(t((await s.preferences.language(a.secondee)) ?? DEFAULT_LANG, "matching.releaseEscalation.secondee")),
      purpose: "approval-escalation",
    });
    for (const member of s.config.programmeTeam.aadObjectIds) {
      // Each member reads it in their own language.
      const lang = (await s.preferences.language({ tenantId: a.secondee.tenantId, aadObjectId: member })) ?? DEFAULT_LANG;
      await s.outbox.enqueue({
        id: `approval-escalation:${a.requestId}:${member}`,
        target: personTarget(a, member, payload.serviceUrl),
        activity: note(t(lang, "matching.releaseEscalation.team", { name: a.secondee.name, sentOn: dateOf(a.requestedAt, lang) })),
        purpose: "approval-escalation",
      });
    }
    await s.approvals.update(payload.secondee, (current) => ({ next: current ? recordEscalation(current, now) : undefined, result: undefined }));
    return;
  }
  await s.jobs.schedule({
    id: `${APPROVAL_FOLLOW_UP}:${a.requestId}:${payload.step + 1}`,
    type: APPROVAL_FOLLOW_UP,
    payload: { ...payload, step: payload.step + 1 },
    dueAt: s.calendar.dueInWorkingDays(now, REMINDER_WORKING_DAYS),
  });
}

/** The outbox could not deliver the request to the manager: record it and tell the person plainly. */
export async function managerUnreachable(s: Services, requestId: string, why: UnreachableReason, serviceUrl: string): Promise<void> {
  const found = await s.approvals.findByRequestId(requestId);
  if (!found) return;
  const key = personKey(found.secondee);
  const a = await s.approvals.update(key, (current) => {
    if (!current || current.requestId !== requestId || current.status !== "pending") return { next: undefined, result: undefined };
    const next = markUnreachable(current, why, s.now());
    return { next, result: next };
  });
  if (!a) return;
  s.log.info("line manager unreachable", { requestId, why });
  await s.outbox.enqueue({
    id: `approval-unreachable:${requestId}`,
    target: personTarget(a, a.secondee.aadObjectId, serviceUrl),
    activity: note(unreachableAdvice(why, s.config.programmeTeam.email, (await s.preferences.language(a.secondee)) ?? DEFAULT_LANG)),
    purpose: "approval-unreachable",
  });
}
