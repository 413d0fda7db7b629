import { CARD_CONTENT_TYPE, renderCard, VERBS, type ActionModel, type AdaptiveCardJson, type SecondmentModel } from "../../cards";
import { MAX_REMINDERS, REMINDER_WORKING_DAYS } from "../../src/domain/approval";
import { agreementToForm, EXPENSES_CHOICES, GOING_CHOICES, SALARY_CHOICES, validateAgreement, validateCheckIn, validateFeedback, validateReview } from "../../src/domain/agreement";
import { compareIso, formatUkDate, todayInLondon } from "../../src/domain/dates";
import { formValues, monthsText } from "../../src/domain/forms";
import { matchId, type Match } from "../../src/domain/match";
import { personKey, type PersonId } from "../../src/domain/person";
import {
  answerCheckIn,
  checkInByNumber,
  checkInFollowUp,
  confirmTerms,
  finish,
  giveManagerFeedback,
  nameOf,
  newSecondment,
  partiesOf,
  PARTIES,
  pendingExtension,
  personOf,
  proposeTerms,
  recordCheckInSent,
  recordFollowUp,
  recordReturnReminder,
  start,
  submitReview,
  waitingFor,
  namesWithRoles,
  type Change,
  type CheckInParty,
  type Party,
  type Secondment,
} from "../../src/domain/secondment";
import { checkInDate, checkInDueAt, durationInMonths, followUpDue, latestEndDate, returnReminderDate } from "../../src/domain/secondment-dates";
import { atUkTime } from "../../src/scheduler/working-days";
import { AGREEMENT_FIELDS, CHECK_IN_FIELDS, FEEDBACK_FIELDS, REVIEW_FIELDS } from "../../src/domain/agreement";
import { buildForm } from "../forms/form-builder";
import { agreementForm, checkInForm, type EndLimit, feedbackForm, reviewForm } from "../forms/secondment-forms";
import { card, text, type Caller, type MessageTarget, type Reply, type Services } from "./types";

/**
 * The secondment itself, from agreeing the details to the review (plan steps 5 to 7). Every rule
 * and state change is in src/domain/secondment.ts; this module checks who is asking, runs the
 * change under the document's etag, then sends cards and schedules the next job. Message and job
 * ids come from the secondment, the step and the date, so a job that runs twice sends nothing twice.
 */

export const SECONDMENT_JOBS = {
  start: "secondment-start",
  checkIn: "secondment-check-in",
  checkInFollowUp: "secondment-check-in-follow-up",
  returnReminder: "secondment-return-reminder",
  end: "secondment-end",
  /** Reminders to confirm an agreement, then the programme team (see onConfirmFollowUp). */
  confirmFollowUp: "secondment-confirm-follow-up",
  /** Reminders to answer an extension request, then the programme team (see onExtensionFollowUp in secondment-changes.ts). */
  extensionFollowUp: "secondment-extension-follow-up",
} as const;

/**
 * Agreements waiting for confirmation and extensions waiting for answers follow the line-manager
 * release pattern (./approval.ts): up to MAX_REMINDERS reminders, REMINDER_WORKING_DAYS working
 * days apart, then the programme team is told. Job step n (1 and 2) reminds; step 3 escalates.
 */
export const FOLLOW_UP_WORKING_DAYS = REMINDER_WORKING_DAYS;
export const FOLLOW_UP_REMINDERS = MAX_REMINDERS;

/** Working days a check-in may go unanswered before a reminder, and again before the programme team hears. */
export const CHECK_IN_FOLLOW_UP_WORKING_DAYS = 5;

export interface SecondmentRef {
  secondmentId: string;
}

export const message = (c: AdaptiveCardJson) => ({ type: "message", attachments: [{ contentType: CARD_CONTENT_TYPE, content: c }] });
export const note = (t: string) => ({ type: "message", text: t });
/** "Ana", "Ana and Sam", "Ana, Sam and Kim". */
export function listOf(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
const dateOf = (iso: string | undefined) => (iso ? formatUkDate(iso.slice(0, 10)) : "");
const label = (choices: readonly { id: string; label: string }[], id: string) => choices.find((c) => c.id === id)?.label ?? id;

export function isProgrammeTeam(s: Services, person: PersonId): boolean {
  return s.config.programmeTeam.aadObjectIds.some((id) => id.toLowerCase() === person.aadObjectId.toLowerCase());
}

function targetOf(sec: Secondment, aadObjectId: string): MessageTarget {
  return { kind: "person", tenantId: sec.tenantId, aadObjectId, serviceUrl: sec.serviceUrl };
}

/** Send to one party (if we know them in Teams). */
export async function sendTo(s: Services, sec: Secondment, party: Party, id: string, activity: Record<string, unknown>, purpose: string): Promise<void> {
  const who = personOf(sec, party);
  if (!who) return;
  await s.outbox.enqueue({ id, target: targetOf(sec, who.aadObjectId), activity, purpose });
}

/** Send to each party once, even when one person holds two parts (say host and home manager). */
export async function sendToAll(s: Services, sec: Secondment, idPrefix: string, activity: (party: Party) => Record<string, unknown>, purpose: string, parties: readonly Party[] = PARTIES): Promise<void> {
  const seen = new Set<string>();
  for (const party of parties) {
    const who = personOf(sec, party);
    if (!who || seen.has(who.aadObjectId.toLowerCase())) continue;
    seen.add(who.aadObjectId.toLowerCase());
    await s.outbox.enqueue({ id: `${idPrefix}:${party}`, target: targetOf(sec, who.aadObjectId), activity: activity(party), purpose });
  }
}

export async function tellProgrammeTeam(s: Services, sec: Secondment, idPrefix: string, t: string, purpose: string): Promise<void> {
  for (const member of s.config.programmeTeam.aadObjectIds) {
    await s.outbox.enqueue({ id: `${idPrefix}:pt:${member}`, target: targetOf(sec, member), activity: note(t), purpose });
  }
}

// ---------------------------------------------------------------------------------------------
// The card that shows a secondment as it stands, for the person looking

const STATUS: Record<Secondment["status"], { text: (sec: Secondment) => string; style: SecondmentModel["statusStyle"] }> = {
  agreeing: {
    text: (sec) =>
      !sec.terms
        ? `Next: ${nameOf(sec, "host")} (host) fills in the details, after talking them through with ${sec.secondee.name} (secondee). Then the secondee, their home line manager and the host each check and confirm them.`
        : `Waiting for ${listOf(namesWithRoles(sec, waitingFor(sec)))} to confirm the agreement.`,
    style: "emphasis",
  },
  confirmed: { text: (sec) => `Everyone has confirmed. The secondment starts on ${dateOf(sec.terms?.startDate)}.`, style: "good" },
  active: { text: (sec) => `Under way. It ends on ${dateOf(sec.terms?.endDate)}.${sec.earlyEnd ? " It is ending early." : ""}`, style: "good" },
  ended: { text: () => "The secondment has ended. Waiting for the secondee's review.", style: "emphasis" },
  closed: { text: () => "Finished. The review is in.", style: "default" },
  cancelled: { text: (sec) => `Called off${sec.earlyEnd?.reason ? `: ${sec.earlyEnd.reason}` : "."}`, style: "default" },
};

export function termsFacts(sec: Secondment): { title: string; value: string }[] {
  const t = sec.terms;
  const facts = [
    { title: "Secondee", value: sec.secondee.name },
    { title: "Role", value: `${sec.opening.title}, ${sec.opening.organisation}` },
    { title: "Home line manager", value: sec.homeManager?.name ?? (sec.homeManager ? "Named in Teams" : "Not known") },
  ];
  if (!t) return facts;
  return [
    ...facts,
    { title: "Dates", value: `${formatUkDate(t.startDate)} to ${formatUkDate(t.endDate)} (${monthsText(durationInMonths(t.startDate, t.endDate))})` },
    { title: "Host line manager", value: t.hostManagerEmail ? `${t.hostManagerName} (${t.hostManagerEmail})` : t.hostManagerName },
    { title: "Working pattern", value: t.workingPattern === "part-time" ? `Part-time, ${t.daysPerWeek} days a week` : "Full-time" },
    { title: "Salary", value: label(SALARY_CHOICES, t.salary) },
    { title: "Travel expenses", value: label(EXPENSES_CHOICES, t.expenses) },
    { title: "HR contacts", value: `Home: ${t.homeHrContact}. Host: ${t.hostHrContact}` },
    { title: "Keeping in touch", value: `Every ${t.checkInEveryWeeks === 1 ? "week" : `${t.checkInEveryWeeks} weeks`}` },
    { title: "Notice to end early", value: `${t.noticeWeeks} ${t.noticeWeeks === 1 ? "week" : "weeks"}` },
  ];
}

export function refreshUserIds(sec: Secondment): string[] {
  return [...new Set(PARTIES.map((p) => personOf(sec, p)?.aadObjectId).filter((x): x is string => Boolean(x)))];
}

/** The secondment card for `viewer` (undefined: a message to all, with no personal buttons). */
export function secondmentCard(s: Services, sec: Secondment, viewer: PersonId | undefined, notice?: string): AdaptiveCardJson {
  const ref = { secondmentId: sec.id };
  const mine = viewer ? partiesOf(sec, viewer) : [];
  const actions: ActionModel[] = [];
  const t = sec.terms;
  if (sec.status === "agreeing" && t && mine.some((p) => sec.confirmations[p]?.version !== sec.termsVersion)) {
    actions.push({ title: "Confirm the agreement", verb: VERBS.confirmAgreement, data: { ...ref, version: sec.termsVersion } });
  }
  if ((sec.status === "agreeing" || sec.status === "confirmed") && mine.length > 0 && (t || mine.includes("host"))) {
    actions.push({ title: t ? "Change the details" : "Fill in the details", verb: VERBS.openAgreement, data: ref });
  }
  if (sec.status === "active" || sec.status === "confirmed") {
    if (mine.includes("secondee")) actions.push({ title: "Report an absence or change", verb: VERBS.openReport, data: ref });
    if (sec.status === "active" && mine.length > 0) {
      for (const to of PARTIES.filter((p) => !mine.includes(p) && personOf(sec, p))) {
        actions.push({ title: `Ask ${nameOf(sec, to)} for feedback`, verb: VERBS.askFeedback, data: { ...ref, to } });
      }
    }
    if ((mine.length > 0 || (viewer && isProgrammeTeam(s, viewer))) && !pendingExtension(sec) && !sec.earlyEnd) {
      actions.push({ title: "Ask to extend", verb: VERBS.openExtension, data: ref });
      actions.push({ title: sec.status === "active" ? "End early" : "Call it off", verb: VERBS.openEarlyEnd, data: ref });
    }
  }
  if (sec.status === "ended" && mine.includes("secondee")) actions.push({ title: "Write my review", verb: VERBS.submitReview, data: { ...ref, open: true } });
  const sections: SecondmentModel["sections"] = [];
  if (t) sections.push({ heading: "Role specification", text: t.roleSpecification });
  const ext = pendingExtension(sec);
  if (ext) {
    sections.push({
      heading: "Extension asked for",
      text: `New end date ${formatUkDate(ext.newEndDate)}. Reason: ${ext.reason}. Agreed so far: ${PARTIES.filter((p) => ext.approvals[p]).map((p) => nameOf(sec, p)).join(", ") || "nobody yet"}.`,
    });
  }
  // Shared only by the secondee's choice, and shown only to the secondee and the host.
  if (sec.sharedAdjustments && (mine.includes("host") || mine.includes("secondee"))) sections.push({ heading: "Reasonable adjustments (shared by the secondee)", text: sec.sharedAdjustments.text });
  if (mine.includes("secondee")) {
    // Teams shows at most 5 buttons; past that, the choice is a typed command.
    if (actions.length < 5) actions.push({ title: sec.sharedAdjustments ? "Stop sharing my adjustments" : "Share my adjustments with the host", verb: VERBS.shareAdjustments, data: { ...ref, share: !sec.sharedAdjustments } });
    else sections.push({ heading: "Your reasonable adjustments", text: sec.sharedAdjustments ? "Shared with the host. Type **stop sharing my adjustments** to stop." : "Not shared with the host. Type **share my adjustments** to share them." });
  }
  const answered = sec.checkIns.filter((c) => c.answers.secondee || c.answers.homeManager).length;
  if (sec.checkIns.length > 0) sections.push({ heading: "Keeping in touch", text: `${sec.checkIns.length} check-ins sent, ${answered} answered.` });
  const model: SecondmentModel = {
    heading: `Secondment: ${sec.opening.title}`,
    facts: termsFacts(sec),
    sections,
    statusText: STATUS[sec.status].text(sec),
    statusStyle: STATUS[sec.status].style,
    actions,
    refresh: { data: { ...ref, view: "secondment" }, userIds: refreshUserIds(sec) },
  };
  if (notice) model.notice = notice;
  return renderCard("secondment", model);
}

// ---------------------------------------------------------------------------------------------
// Starting: both sides of a match want to go ahead

/** Create the secondment for a match both sides agreed to, and invite the host and the secondee to agree the details. */
export async function begin(s: Services, m: Match, serviceUrl: string): Promise<Secondment | undefined> {
  const secondeeId: PersonId = { tenantId: m.candidate.tenantId, aadObjectId: m.candidate.aadObjectId };
  const interest = await s.interests.get(secondeeId, "interest");
  const approval = await s.approvals.get(personKey(secondeeId));
  const sep = m.opening.ownerKey.indexOf(":");
  const owner: PersonId = { tenantId: m.opening.ownerKey.slice(0, sep), aadObjectId: m.opening.ownerKey.slice(sep + 1) };
  const role = await s.roles.get(owner, m.opening.id);
  const details = interest?.details;
  const managerId = approval?.status === "approved" ? (approval.decidedBy?.aadObjectId ?? approval.manager.aadObjectId) : (details?.lineManagerId ?? approval?.manager.aadObjectId);
  const managerName = approval?.decidedBy?.name ?? approval?.manager.name;
  const homeOrganisation = details?.organisationName ?? "";
  const hostOrganisation = role?.details.form.hostOrganisation ?? m.opening.organisation;
  const rules = s.rules();
  const capMonths = Math.min(rules.durationCapMonths(homeOrganisation), rules.durationCapMonths(hostOrganisation));
  const fresh = newSecondment({
    matchId: matchId(m.opening.id, m.candidate.key),
    tenantId: m.candidate.tenantId,
    serviceUrl,
    opening: { id: m.opening.id, title: m.opening.title, organisation: m.opening.organisation, channelConversationId: m.opening.channelConversationId },
    secondee: { ...secondeeId, name: details?.fullName ?? m.candidate.name, key: m.candidate.key },
    homeManager: managerId ? { aadObjectId: managerId, ...(managerName ? { name: managerName } : {}) } : undefined,
    host: { aadObjectId: owner.aadObjectId, key: m.opening.ownerKey, ...(role?.owner.name ? { name: role.owner.name } : {}) },
    homeOrganisation,
    fixedTermEnd: details?.contractType === "fixed-term" ? details.fixedTermEnd : undefined,
    capMonths,
    now: s.now(),
  });
  const sec = await s.secondments.createOrGet(fresh);
  s.log.info("secondment begun", { secondmentId: sec.id });
  const invite = (party: Party) =>
    message(
      secondmentCard(
        s,
        sec,
        party === "homeManager" ? undefined : party === "secondee" ? secondeeId : owner,
        {
          homeManager: `${sec.secondee.name} and the host want to go ahead. Once the host has filled in the details, we will ask you to confirm them.`,
          secondee: `You and the team both want to go ahead: this is step 5 of your plan. Next, ${nameOf(sec, "host")} (host) fills in the details with you: dates, the role, pay, contacts and how often to keep in touch. Then you check and confirm them here.`,
          host: `Both sides want to go ahead. Next, you fill in the details: dates, the role, pay, contacts and how often to keep in touch. Talk them through with ${sec.secondee.name} first. Then ${sec.secondee.name} and their home line manager check and confirm them.`,
        }[party],
      ),
    );
  // Host before home line manager: one person holding both parts gets the host's card, with its button.
  await sendToAll(s, sec, `secondment-invite:${sec.id}`, invite, "secondment-invite", ["secondee", "host", "homeManager"]);
  return sec;
}

/** The secondment a button refers to, and which parts the caller has in it. */
export async function load(s: Services, caller: Caller, ref: SecondmentRef): Promise<{ sec: Secondment; mine: Party[] } | Reply> {
  const sec = await s.secondments.get(ref.secondmentId);
  if (!sec) return text("I could not find that secondment.");
  return { sec, mine: partiesOf(sec, caller.person) };
}
export const isReply = (x: unknown): x is Reply => typeof x === "object" && x !== null && "kind" in x;

/** Run a transition under the etag; undefined if the secondment has gone. */
export function apply(s: Services, id: string, change: (current: Secondment) => Change): Promise<Change | undefined> {
  return s.secondments.update(id, (current) => {
    if (!current) return { next: undefined, result: undefined };
    const c = change(current);
    return { next: c.kind === "changed" ? c.secondment : undefined, result: c };
  });
}

/** "My secondment": the person's secondments, newest first (one card each, up to three). */
export async function mine(s: Services, caller: Caller, ref?: Partial<SecondmentRef>): Promise<Reply> {
  if (ref?.secondmentId) {
    const found = await load(s, caller, { secondmentId: ref.secondmentId });
    if (isReply(found)) return found;
    if (found.mine.length === 0 && !isProgrammeTeam(s, caller.person)) return text("Only the people in this secondment can see it.");
    return card(secondmentCard(s, found.sec, caller.person));
  }
  const list = await s.secondments.involving(personKey(caller.person));
  const current = list.find((x) => x.status !== "closed" && x.status !== "cancelled") ?? list[0];
  if (!current) return text("You are not part of a secondment yet. When both sides of a match want to go ahead, it appears here.");
  return card(secondmentCard(s, current, caller.person));
}

/** Other cards a refresh can show, by the `view` in their refresh data (say "extension", from secondment-changes.ts). */
/** Universal Actions refresh: the card as it stands, for whoever is looking. */
/**
 * Only the people in a secondment and the programme team may see it. Anyone else who sends its id
 * is told the same as for one that does not exist.
 */
export const visibleTo = (s: Services, sec: Secondment, person: PersonId): boolean => partiesOf(sec, person).length > 0 || isProgrammeTeam(s, person);
export const NOT_FOUND = "I could not find that secondment.";

export async function refresh(s: Services, caller: Caller, ref: SecondmentRef): Promise<Reply> {
  const sec = await s.secondments.get(ref.secondmentId);
  if (!sec || !visibleTo(s, sec, caller.person)) return text(NOT_FOUND);
  return card(secondmentCard(s, sec, caller.person));
}

// ---------------------------------------------------------------------------------------------
// Agreement (plan step 5)

function endLimit(sec: Secondment, startDate: string | undefined, today: string): EndLimit {
  const l = latestEndDate({ startDate: startDate ?? today, capMonths: sec.capMonths, fixedTermEnd: sec.fixedTermEnd });
  return { latestEnd: l.date, because: l.because, startDate, capMonths: sec.capMonths, fixedTermEnd: sec.fixedTermEnd };
}

/** The host fills in the details first; after that anyone in the secondment may change them. */
const FIRST_DRAFT_BY_HOST = "The host fills in the details first, after talking them through with the secondee. When they have, you can check them here, change them if need be, and confirm them.";
const mayDraft = (sec: Secondment, mine: Party[]) => Boolean(sec.terms) || mine.includes("host");

export async function openAgreement(s: Services, caller: Caller, ref: SecondmentRef): Promise<Reply> {
  const found = await load(s, caller, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0) return text("Only the secondee, their home line manager and the host can agree the details.");
  if (sec.status !== "agreeing" && sec.status !== "confirmed") return card(secondmentCard(s, sec, caller.person, "The agreement can no longer be changed here."));
  const today = todayInLondon(s.now());
  if (!mayDraft(sec, mine)) return card(secondmentCard(s, sec, caller.person, FIRST_DRAFT_BY_HOST));
  const content = agreementForm({ secondmentId: sec.id, version: sec.termsVersion, title: sec.opening.title, secondeeName: sec.secondee.name, limit: endLimit(sec, sec.terms?.startDate, today) });
  return card(renderCard("form", buildForm(content, agreementToForm(sec.terms))));
}

export async function submitAgreement(s: Services, caller: Caller, ref: SecondmentRef & { version?: number | undefined }, raw: unknown): Promise<Reply> {
  const found = await load(s, caller, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0) return text("Only the secondee, their home line manager and the host can agree the details.");
  if (!mayDraft(sec, mine)) return card(secondmentCard(s, sec, caller.person, FIRST_DRAFT_BY_HOST));
  const today = todayInLondon(s.now());
  const values = formValues(raw, AGREEMENT_FIELDS);
  const result = validateAgreement(raw, { today, capMonths: sec.capMonths, fixedTermEnd: sec.fixedTermEnd });
  const form = (intro?: string, errors: Partial<Record<string, string>> = {}) => {
    const startDate = result.ok ? result.value.startDate : /^\d{4}-\d{2}-\d{2}$/.test(values.startDate ?? "") ? values.startDate : undefined;
    const content = agreementForm({ secondmentId: sec.id, version: sec.termsVersion, title: sec.opening.title, secondeeName: sec.secondee.name, limit: endLimit(sec, startDate, today), ...(intro ? { intro } : {}) });
    return card(renderCard("form", buildForm(content, values, errors)));
  };
  if (!result.ok) return form(undefined, result.errors);
  if (ref.version !== undefined && ref.version !== sec.termsVersion) {
    return form("Someone else changed the agreement while you were editing. Your entries are below: check them against the latest version on your secondment card, then send again.");
  }
  const party = mine[0]!;
  const out = await s.secondments.update(sec.id, (current) => {
    if (!current) return { next: undefined, result: undefined };
    if (ref.version !== undefined && current.termsVersion !== ref.version) return { next: undefined, result: { kind: "refused" as const, why: "stale", secondment: current } };
    const c = proposeTerms(current, party, result.value, s.now());
    return { next: c.kind === "changed" ? c.secondment : undefined, result: c };
  });
  if (!out) return text("I could not find that secondment.");
  if (out.kind === "refused") {
    if (out.why === "stale") return form("Someone else changed the agreement while you were editing. Your entries are below: check them, then send again.");
    return card(secondmentCard(s, out.secondment, caller.person, out.why));
  }
  const next = out.secondment;
  await askToConfirm(s, next, personKey(caller.person));
  s.log.info("agreement proposed", { secondmentId: next.id, version: next.termsVersion });
  return card(secondmentCard(s, next, caller.person, "Sent. The secondee, the home line manager and the host each need to confirm these details, you included."));
}

/** Send each party the agreement to confirm (the one who sent it sees it in their reply). */
async function askToConfirm(s: Services, sec: Secondment, senderKey: string): Promise<void> {
  const viewerOf = (party: Party): PersonId | undefined => {
    const p = personOf(sec, party);
    return p ? { tenantId: sec.tenantId, aadObjectId: p.aadObjectId } : undefined;
  };
  const parties = PARTIES.filter((p) => {
    const who = viewerOf(p);
    return who && personKey(who) !== senderKey;
  });
  await sendToAll(
    s,
    sec,
    `agreement:${sec.id}:v${sec.termsVersion}`,
    (party) => message(secondmentCard(s, sec, viewerOf(party), `Please check and confirm the agreement for ${sec.secondee.name}'s secondment.`)),
    "agreement-confirm",
    parties,
  );
  const payload: ConfirmFollowUpPayload = { secondmentId: sec.id, version: sec.termsVersion, step: 1 };
  await s.jobs.schedule({
    id: confirmFollowUpId(payload),
    type: SECONDMENT_JOBS.confirmFollowUp,
    payload: { ...payload },
    dueAt: s.calendar.dueInWorkingDays(s.now(), FOLLOW_UP_WORKING_DAYS),
  });
}

export interface ConfirmFollowUpPayload {
  secondmentId: string;
  version: number;
  step: number;
}

const confirmFollowUpId = (p: ConfirmFollowUpPayload) => `${SECONDMENT_JOBS.confirmFollowUp}:${p.secondmentId}:v${p.version}:${p.step}`;

/** The parties as people, each once, with the part they hold: "Sam Lee (home line manager) and Vic Osei (host)". */
export function whoIs(sec: Secondment, parties: readonly Party[]): string {
  const labels: Record<Party, string> = { secondee: "secondee", homeManager: "home line manager", host: "host" };
  const people = new Map<string, { name: string; parts: string[] }>();
  for (const p of parties) {
    const key = personOf(sec, p)?.aadObjectId.toLowerCase() ?? p;
    const entry = people.get(key) ?? { name: nameOf(sec, p), parts: [] };
    entry.parts.push(labels[p]);
    people.set(key, entry);
  }
  const names = [...people.values()].map((e) => `${e.name} (${e.parts.join(" and ")})`);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * The scheduled follow-up of an agreement sent for confirmation: while that version is still
 * waiting, steps 1 and 2 remind whoever has not confirmed it, three working days apart; step 3
 * tells the programme team. A new version, or everyone confirming, makes the job do nothing.
 * Message and job ids carry the version and the step, so a job that runs twice sends nothing twice.
 */
export async function onConfirmFollowUp(s: Services, p: ConfirmFollowUpPayload): Promise<void> {
  const sec = await s.secondments.get(p.secondmentId);
  if (!sec?.terms || sec.status !== "agreeing" || sec.termsVersion !== p.version) return;
  const waiting = waitingFor(sec);
  if (waiting.length === 0 || p.step < 1 || p.step > FOLLOW_UP_REMINDERS + 1) return;
  if (p.step > FOLLOW_UP_REMINDERS) {
    await tellProgrammeTeam(
      s,
      sec,
      `agreement-escalation:${sec.id}:v${p.version}`,
      `The agreement for ${sec.secondee.name}'s secondment with ${sec.opening.organisation} has not been confirmed by ${whoIs(sec, waiting)}, after two reminders. The secondment cannot start until everyone has confirmed. Please follow it up.`,
      "agreement-escalation",
    );
    return;
  }
  const viewer = (party: Party): PersonId | undefined => {
    const who = personOf(sec, party);
    return who ? { tenantId: sec.tenantId, aadObjectId: who.aadObjectId } : undefined;
  };
  await sendToAll(
    s,
    sec,
    `agreement-reminder:${sec.id}:v${p.version}:${p.step}`,
    (party) =>
      message(
        secondmentCard(
          s,
          sec,
          viewer(party),
          `Reminder: please check and confirm the agreement for ${party === "secondee" ? "your" : `${sec.secondee.name}'s`} secondment. It cannot start until everyone has confirmed.`,
        ),
      ),
    "agreement-reminder",
    waiting,
  );
  const next: ConfirmFollowUpPayload = { ...p, step: p.step + 1 };
  await s.jobs.schedule({
    id: confirmFollowUpId(next),
    type: SECONDMENT_JOBS.confirmFollowUp,
    payload: { ...next },
    dueAt: s.calendar.dueInWorkingDays(s.now(), FOLLOW_UP_WORKING_DAYS),
  });
}

export async function confirmAgreement(s: Services, caller: Caller, ref: SecondmentRef & { version: number }): Promise<Reply> {
  const found = await load(s, caller, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (mine.length === 0) {
    s.log.info("agreement confirmation refused: not a party", { secondmentId: sec.id });
    return card(secondmentCard(s, sec, caller.person, "Only the secondee, their home line manager and the host can confirm this agreement. Nothing has changed."));
  }
  const out = await s.secondments.update(sec.id, (current) => {
    if (!current) return { next: undefined, result: undefined };
    let next = current;
    let why: string | undefined;
    for (const party of partiesOf(current, caller.person)) {
      const c = confirmTerms(next, party, ref.version, s.now());
      if (c.kind === "changed") next = c.secondment;
      else why ??= c.why;
    }
    return { next: next === current ? undefined : next, result: { sec: next, changed: next !== current, why } };
  });
  if (!out) return text("I could not find that secondment.");
  if (!out.changed) {
    if (out.sec.status === "confirmed") await afterConfirmed(s, out.sec); // idempotent: heals a crash
    return card(secondmentCard(s, out.sec, caller.person, out.why));
  }
  if (out.sec.status === "confirmed") {
    await afterConfirmed(s, out.sec);
    return card(secondmentCard(s, out.sec, caller.person, "Everyone has confirmed. Thank you."));
  }
  return card(secondmentCard(s, out.sec, caller.person, "Thank you. We are waiting for the others to confirm."));
}

async function afterConfirmed(s: Services, sec: Secondment): Promise<void> {
  const t = sec.terms!;
  await s.plans.setStepStatus(sec.secondee, { step: 5, status: "done" }, s.now());
  await sendToAll(
    s,
    sec,
    `agreement-confirmed:${sec.id}:v${sec.termsVersion}`,
    () => note(`Everyone has confirmed the agreement for ${sec.secondee.name}'s secondment to ${sec.opening.organisation}. It starts on ${formatUkDate(t.startDate)} and ends on ${formatUkDate(t.endDate)}.`),
    "agreement-confirmed",
  );
  await s.jobs.schedule({
    id: `${SECONDMENT_JOBS.start}:${sec.id}:v${sec.termsVersion}:${t.startDate}`,
    type: SECONDMENT_JOBS.start,
    payload: { secondmentId: sec.id, startDate: t.startDate, version: sec.termsVersion },
    dueAt: atUkTime(t.startDate, "09:00"),
  });
}

// ---------------------------------------------------------------------------------------------
// Scheduled jobs

export interface StartPayload {
  secondmentId: string;
  startDate: string;
  version: number;
}

export async function onStart(s: Services, p: StartPayload): Promise<void> {
  const now = s.now();
  const today = todayInLondon(now);
  const sec = await s.secondments.update(p.secondmentId, (current) => {
    if (!current || current.terms?.startDate !== p.startDate || current.termsVersion !== p.version) return { next: undefined, result: undefined };
    const c = start(current, today, now);
    return { next: c.kind === "changed" ? c.secondment : undefined, result: c.kind === "changed" || current.status === "active" ? c.secondment : undefined };
  });
  if (!sec || sec.status !== "active") return;
  await s.plans.setStepStatus(sec.secondee, { step: 6, status: "doing" }, now);
  await sendToAll(
    s,
    sec,
    `secondment-started:${sec.id}`,
    (party) =>
      note(
        party === "secondee"
          ? `Your secondment with ${sec.opening.organisation} starts today. Your host manages your performance while you are there. Keep in touch with your home line manager: we will send you both a short check-in every ${sec.terms!.checkInEveryWeeks === 1 ? "week" : `${sec.terms!.checkInEveryWeeks} weeks`}.`
          : `${sec.secondee.name}'s secondment with ${sec.opening.organisation} starts today.`,
      ),
    "secondment-started",
  );
  await scheduleAhead(s, sec);
}

/**
 * Schedule what comes next from the secondment as it now stands: the next check-in, the return
 * reminder and the end. Job ids carry the date they are for, so after an extension or an early end
 * the new dates get new jobs, and the old jobs find their date no longer matches and do nothing.
 */
export async function scheduleAhead(s: Services, sec: Secondment): Promise<void> {
  const t = sec.terms;
  if (!t || sec.status !== "active") return;
  const today = todayInLondon(s.now());
  const last = sec.checkIns.reduce((n, c) => Math.max(n, c.n), 0);
  for (let n = last + 1; n < last + 1000; n++) {
    const date = checkInDate({ startDate: t.startDate, everyWeeks: t.checkInEveryWeeks, n });
    if (compareIso(date, t.endDate) > 0) break;
    if (compareIso(date, today) < 0) continue; // missed while the bot was away: skip to the next one due
    await s.jobs.schedule({
      id: `${SECONDMENT_JOBS.checkIn}:${sec.id}:${n}:${date}`,
      type: SECONDMENT_JOBS.checkIn,
      payload: { secondmentId: sec.id, n, date },
      dueAt: checkInDueAt(date),
    });
    break;
  }
  const reminder = returnReminderDate(t.endDate);
  if (!sec.returnReminderSentAt && compareIso(reminder, today) >= 0) {
    await s.jobs.schedule({
      id: `${SECONDMENT_JOBS.returnReminder}:${sec.id}:${t.endDate}`,
      type: SECONDMENT_JOBS.returnReminder,
      payload: { secondmentId: sec.id, endDate: t.endDate },
      dueAt: atUkTime(reminder, "09:00"),
    });
  }
  await s.jobs.schedule({
    id: `${SECONDMENT_JOBS.end}:${sec.id}:${t.endDate}`,
    type: SECONDMENT_JOBS.end,
    payload: { secondmentId: sec.id, endDate: t.endDate },
    dueAt: atUkTime(t.endDate, "09:00"),
  });
}

export interface CheckInPayload {
  secondmentId: string;
  n: number;
  date: string;
}

function checkInCard(sec: Secondment, n: number, date: string, party: CheckInParty, notice?: string): AdaptiveCardJson {
  const content = checkInForm({ secondmentId: sec.id, n, date, manager: party === "homeManager", secondeeName: sec.secondee.name });
  if (notice) content.intro = `${notice} ${content.intro ?? ""}`.trim();
  return renderCard("form", buildForm(content, {}));
}

export async function onCheckIn(s: Services, p: CheckInPayload): Promise<void> {
  const now = s.now();
  const sec = await s.secondments.update(p.secondmentId, (current) => {
    if (!current?.terms || current.status !== "active") return { next: undefined, result: undefined };
    const t = current.terms;
    const expected = checkInDate({ startDate: t.startDate, everyWeeks: t.checkInEveryWeeks, n: p.n });
    if (expected !== p.date || compareIso(expected, t.endDate) > 0) return { next: undefined, result: undefined }; // the schedule changed
    const c = recordCheckInSent(current, p.n, p.date, now);
    return { next: c.kind === "changed" ? c.secondment : undefined, result: c.secondment };
  });
  if (!sec) return;
  const sent = checkInByNumber(sec, p.n);
  if (!sent) return;
  for (const party of ["secondee", "homeManager"] as const) {
    await sendTo(s, sec, party, `check-in:${sec.id}:${p.n}:${party}`, message(checkInCard(sec, p.n, p.date, party)), "check-in");
  }
  await s.jobs.schedule({
    id: `${SECONDMENT_JOBS.checkInFollowUp}:${sec.id}:${p.n}:1`,
    type: SECONDMENT_JOBS.checkInFollowUp,
    payload: { secondmentId: sec.id, n: p.n, step: 1 },
    dueAt: followUpDue(new Date(sent.sentAt), CHECK_IN_FOLLOW_UP_WORKING_DAYS),
  });
  await scheduleAhead(s, sec);
}

export interface CheckInFollowUpPayload {
  secondmentId: string;
  n: number;
  step: 1 | 2;
}

export async function onCheckInFollowUp(s: Services, p: CheckInFollowUpPayload): Promise<void> {
  const sec = await s.secondments.get(p.secondmentId);
  if (!sec) return;
  const step = checkInFollowUp(sec, p.n, p.step);
  if (step.kind === "nothing") return;
  const c = checkInByNumber(sec, p.n)!;
  const now = s.now();
  if (step.kind === "remind") {
    for (const party of step.who) {
      await sendTo(s, sec, party, `check-in-reminder:${sec.id}:${p.n}:${party}`, message(checkInCard(sec, p.n, c.date, party, "Reminder: we have not had your answer to this check-in yet.")), "check-in-reminder");
    }
    await s.secondments.update(sec.id, (current) => ({ next: current ? recordFollowUp(current, p.n, 1, now) : undefined, result: undefined }));
    await s.jobs.schedule({
      id: `${SECONDMENT_JOBS.checkInFollowUp}:${sec.id}:${p.n}:2`,
      type: SECONDMENT_JOBS.checkInFollowUp,
      payload: { secondmentId: sec.id, n: p.n, step: 2 },
      dueAt: followUpDue(now, CHECK_IN_FOLLOW_UP_WORKING_DAYS),
    });
    return;
  }
  const who = step.who.map((party) => (party === "secondee" ? sec.secondee.name : `${nameOf(sec, "homeManager")} (home line manager)`)).join(" and ");
  await tellProgrammeTeam(
    s,
    sec,
    `check-in-escalation:${sec.id}:${p.n}`,
    `Check-in ${p.n} of ${sec.secondee.name}'s secondment with ${sec.opening.organisation}, due on ${formatUkDate(c.date)}, has not been answered by ${who}, after a reminder. Please follow it up.`,
    "check-in-escalation",
  );
  await s.secondments.update(sec.id, (current) => ({ next: current ? recordFollowUp(current, p.n, 2, now) : undefined, result: undefined }));
}

/** Someone answered a check-in card. */
export async function answer(s: Services, caller: Caller, ref: SecondmentRef & { n: number }, raw: unknown): Promise<Reply> {
  const found = await load(s, caller, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  const parties = mine.filter((p): p is CheckInParty => p === "secondee" || p === "homeManager");
  const c = checkInByNumber(sec, ref.n);
  if (parties.length === 0 || !c) return text("Only the secondee and their home line manager can answer this check-in.");
  const party = parties.find((p) => !c.answers[p]) ?? parties[0]!;
  const result = validateCheckIn(raw);
  if (!result.ok) return card(renderCard("form", buildForm(checkInForm({ secondmentId: sec.id, n: ref.n, date: c.date, manager: party === "homeManager", secondeeName: sec.secondee.name }), formValues(raw, CHECK_IN_FIELDS), result.errors)));
  const out = await apply(s, sec.id, (current) => answerCheckIn(current, ref.n, party, result.value, s.now()));
  if (!out) return text("I could not find that secondment.");
  const done = checkInByNumber(out.secondment, ref.n)!;
  const a = done.answers[party];
  const model: SecondmentModel = {
    heading: `Check-in ${ref.n}: ${out.kind === "changed" ? "thank you" : "already answered"}`,
    facts: a
      ? [
          { title: "How it is going", value: label(GOING_CHOICES, a.going) },
          ...(a.issues ? [{ title: "Issues", value: a.issues }] : []),
          ...(a.changes ? [{ title: "Changes or absences", value: a.changes }] : []),
          ...(a.forReturn ? [{ title: "For the return", value: a.forReturn }] : []),
        ]
      : [],
    sections: [],
    statusText: `Answered on ${dateOf(a?.at)}.`,
    statusStyle: "good",
    actions: [{ title: "My secondment", verb: VERBS.mySecondment, data: { secondmentId: sec.id } }],
    refresh: { data: { secondmentId: sec.id, view: "secondment" }, userIds: [] },
  };
  if (out.kind === "refused") model.notice = out.why;
  if (out.kind === "changed" && party === "secondee" && a?.going === "concerns") {
    await sendTo(s, out.secondment, "homeManager", `check-in-concern:${sec.id}:${ref.n}`, note(`${sec.secondee.name} raised concerns in check-in ${ref.n}: ${a.issues ?? ""}`), "check-in-concern");
  }
  return card(renderCard("secondment", model));
}

export interface DatedPayload {
  secondmentId: string;
  endDate: string;
}

export async function onReturnReminder(s: Services, p: DatedPayload): Promise<void> {
  const sec = await s.secondments.get(p.secondmentId);
  if (!sec?.terms || sec.terms.endDate !== p.endDate || sec.status !== "active" || sec.returnReminderSentAt) return;
  await sendToAll(
    s,
    sec,
    `return-reminder:${sec.id}:${p.endDate}`,
    (party) =>
      note(
        party === "secondee"
          ? `Your secondment ends on ${formatUkDate(p.endDate)}, in about a month. Plan your return with your home line manager: your role, what you have learned and how to share it. Ask your host for feedback before you go.`
          : `${sec.secondee.name}'s secondment ends on ${formatUkDate(p.endDate)}, in about a month. Please plan the return with them${party === "host" ? ", and give them feedback before they go" : ""}.`,
      ),
    "return-reminder",
  );
  await s.secondments.update(sec.id, (current) => ({ next: current ? recordReturnReminder(current, s.now()) : undefined, result: undefined }));
}

export async function onEnd(s: Services, p: DatedPayload): Promise<void> {
  const now = s.now();
  const sec = await s.secondments.update(p.secondmentId, (current) => {
    if (!current?.terms || current.terms.endDate !== p.endDate) return { next: undefined, result: undefined };
    if (current.status === "ended") return { next: undefined, result: current }; // heal a crash after the change
    const c = finish(current, todayInLondon(now), now);
    return { next: c.kind === "changed" ? c.secondment : undefined, result: c.kind === "changed" ? c.secondment : undefined };
  });
  if (!sec) return;
  await s.plans.setStepStatus(sec.secondee, { step: 6, status: "done" }, now);
  await s.plans.setStepStatus(sec.secondee, { step: 7, status: "doing" }, now);
  await sendTo(s, sec, "secondee", `review:${sec.id}`, message(renderCard("form", buildForm(reviewForm({ secondmentId: sec.id, title: sec.opening.title }), { mayShare: "false" }))), "review");
  for (const party of ["homeManager", "host"] as const) {
    await sendTo(s, sec, party, `end-feedback:${sec.id}:${party}`, message(renderCard("form", buildForm(feedbackForm({ secondmentId: sec.id, feedbackId: party, askerName: sec.secondee.name, forEnd: true }), {}))), "end-feedback");
  }
}

// ---------------------------------------------------------------------------------------------
// Review and share (plan step 7)

export async function review(s: Services, caller: Caller, ref: SecondmentRef & { open?: unknown }, raw: unknown): Promise<Reply> {
  const found = await load(s, caller, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (!mine.includes("secondee")) return text("Only the secondee can write this review.");
  const content = reviewForm({ secondmentId: sec.id, title: sec.opening.title });
  if (ref.open === true) return card(renderCard("form", buildForm(content, { mayShare: "false" })));
  const result = validateReview(raw);
  if (!result.ok) return card(renderCard("form", buildForm(content, formValues(raw, REVIEW_FIELDS), result.errors)));
  const out = await apply(s, sec.id, (current) => submitReview(current, result.value, s.now()));
  if (!out) return text("I could not find that secondment.");
  if (out.kind === "refused") return card(secondmentCard(s, out.secondment, caller.person, out.why));
  const now = s.now();
  for (const step of [1, 2, 3, 4, 5, 6, 7] as const) await s.plans.setStepStatus(sec.secondee, { step, status: "done" }, now);
  const r = out.secondment.review!;
  await tellProgrammeTeam(
    s,
    out.secondment,
    `review:${sec.id}`,
    `${sec.secondee.name} has sent their review of the secondment with ${sec.opening.organisation}. Would they recommend it: ${r.recommend === "yes" ? "yes" : r.recommend === "no" ? "no" : "not sure"}.${r.mayShare && r.summary ? ` Summary they agreed to share: ${r.summary}` : " They did not agree to share a summary."}`,
    "review-in",
  );
  return card(secondmentCard(s, out.secondment, caller.person, "Thank you. Your secondment is closed and all seven steps of your plan are done. Share what you learned with your team, and keep in touch with your host."));
}

export async function endFeedback(s: Services, caller: Caller, ref: SecondmentRef, raw: unknown): Promise<Reply> {
  const found = await load(s, caller, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  const party = mine.find((p): p is "homeManager" | "host" => p === "homeManager" || p === "host");
  if (!party) return text("Only the home line manager and the host can give this feedback.");
  const result = validateFeedback(raw);
  if (!result.ok) {
    return card(renderCard("form", buildForm(feedbackForm({ secondmentId: sec.id, feedbackId: party, askerName: sec.secondee.name, forEnd: true }), formValues(raw, FEEDBACK_FIELDS), result.errors)));
  }
  const out = await apply(s, sec.id, (current) => giveManagerFeedback(current, party, result.value, s.now()));
  if (!out) return text("I could not find that secondment.");
  if (out.kind === "refused") return card(secondmentCard(s, out.secondment, caller.person, out.why));
  await sendTo(s, out.secondment, "secondee", `end-feedback-shared:${sec.id}:${party}`, note(`${nameOf(sec, party)} gave feedback on your secondment: ${result.value}`), "end-feedback");
  return card(secondmentCard(s, out.secondment, caller.person, "Thank you for your feedback. We have shared it with the secondee."));
}
